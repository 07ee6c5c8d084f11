"""Click latency, in-process and offscreen: from a mouse press in a pane until the panel shows
the details and every occurrence and both panes are highlighted (the event queue is empty)."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.core.library import Library
from reader.ui.fonts import BUNDLED_FAMILY, register_bundled_font
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.benchmarks.stats import median, percentile

RANDOM_CLICKS = 200
SEED = 7


def run(app: QApplication) -> dict[str, Any]:
    register_bundled_font()
    library = Library.open()
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(library, Settings(Path(folder) / "bench.ini"), BUNDLED_FAMILY)
        window.resize(1400, 900)
        window.show()
        window.size_panel(0.35)
        _settle(app)
        for doc in library.documents:
            library.tokens(doc.id)  # the cache is warm on a real second start too
        targets = [_first_place(library, term.hanzi) for term in library.glossary.terms]
        rng = random.Random(SEED)
        for _ in range(RANDOM_CLICKS):
            doc = rng.choice(library.documents)
            offset = rng.randrange(len(doc.text))
            if not doc.text[offset].isspace():
                targets.append((doc.id, offset))
        times = [_click(app, window, doc_id, offset) for doc_id, offset in targets]
        window.close()
    return {
        "click_p50_ms": round(median(times), 1),
        "click_p99_ms": round(percentile(times, 0.99), 1),
        "click_max_ms": round(max(times), 1),
        "clicks": len(times),
    }


def _first_place(library: Library, hanzi: str) -> tuple[str, int]:
    first = library.occurrences(hanzi)[0]
    return first.document, first.start


def _click(app: QApplication, window: MainWindow, doc_id: str, offset: int) -> float:
    view = window.views[doc_id]
    view.scroll_to(offset, offset + 1)
    _settle(app)
    cursor = QTextCursor(view.area.document())
    cursor.setPosition(offset)
    rect = view.area.cursorRect(cursor)
    width = QFontMetrics(view.area.document().defaultFont()).horizontalAdvance("字")
    point = QPoint(rect.left() + width // 2, rect.center().y())
    start = time.perf_counter()
    QTest.mouseClick(view.area.viewport(), Qt.MouseButton.LeftButton, pos=point)
    _settle(app)
    return (time.perf_counter() - start) * 1000


def _settle(app: QApplication) -> None:
    """Process events until none is pending (paints, coalesced highlight updates)."""
    for _ in range(5):
        app.processEvents()
