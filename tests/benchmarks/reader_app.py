"""Reader's real start-up (reader.ui.app.start), stopped after both panes and the glossary
list have painted once."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from reader.ui import app as reader_app
from reader.ui.settings import Settings
from tests.benchmarks.paint_probe import PaintProbe


def main() -> int:
    qapp = reader_app.create_application()
    # READER_BENCH_PINYIN: the ruby benchmark starts Reader with pinyin on all words or off.
    pinyin = os.environ.get("READER_BENCH_PINYIN")
    args = argparse.Namespace(
        texts=None, glossary=None, select=None, screenshot=None, size=None, pinyin=pinyin
    )
    with tempfile.TemporaryDirectory() as folder:
        window = reader_app.start(qapp, args, Settings(Path(folder) / "bench.ini"))
        widgets = [v.area.viewport() for v in window.views.values()] + [
            window.panel.table.viewport()
        ]
        probe = PaintProbe(qapp, widgets)  # noqa: F841 (kept alive until exit)
        return qapp.exec()


if __name__ == "__main__":
    sys.exit(main())
