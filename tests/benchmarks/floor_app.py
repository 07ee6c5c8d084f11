"""The start-up floor: the same two texts in two text views, same font, nothing of Reader's.

Exits after its first paint. Reader's start-up is measured against this.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QSplitter, QTextEdit

from tests.benchmarks.paint_probe import PaintProbe

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    app = QApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(
        str(ROOT / "resources/fonts/ReaderCJKSC-Regular.otf")
    )
    font = QFont(QFontDatabase.applicationFontFamilies(font_id)[0])
    font.setPixelSize(18)
    splitter = QSplitter()
    views = []
    for name in ("2016.txt", "2025.txt"):
        view = QTextEdit(splitter)
        view.setFont(font)
        view.setPlainText((ROOT / "texts" / name).read_text(encoding="utf-8").split("---\n", 1)[1])
        views.append(view)
    splitter.resize(1400, 900)
    probe = PaintProbe(app, [v.viewport() for v in views])  # noqa: F841 (kept alive until exit)
    splitter.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
