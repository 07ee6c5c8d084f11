"""Reader's real start-up (reader.ui.app.start), stopped after both panes and the glossary
list have painted once."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from reader.ui import app as reader_app
from reader.ui.settings import Settings
from tests.benchmarks.paint_probe import PaintProbe


def main() -> int:
    qapp = reader_app.create_application()
    args = argparse.Namespace(texts=None, glossary=None, select=None, screenshot=None, size=None)
    with tempfile.TemporaryDirectory() as folder:
        window = reader_app.start(qapp, args, Settings(Path(folder) / "bench.ini"))
        widgets = [v.area.viewport() for v in window.views.values()] + [
            window.panel.table.viewport()
        ]
        probe = PaintProbe(qapp, widgets)  # noqa: F841 (kept alive until exit)
        return qapp.exec()


if __name__ == "__main__":
    sys.exit(main())
