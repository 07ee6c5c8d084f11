"""A 1 MB document in the window: time until its text is in, and the longest stall of the UI
thread while the text loads and while 安全 (thousands of places) is selected and stepped to.

A heartbeat timer ticks every 5 ms on the UI thread; a stall is the gap between two ticks.
``big_doc_max_stall_ms`` counts from the window's first appearance; the time to make and
first show the window (start-up work, the same for any document) is ``big_doc_show_ms``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from reader.core.library import Library
from reader.ui.fonts import BUNDLED_FAMILY, register_bundled_font
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.benchmarks.corpus import write_big_document

MEGABYTE = 1_000_000
TERM = "安全"


def run(app: QApplication) -> dict[str, Any]:
    register_bundled_font()
    with tempfile.TemporaryDirectory() as folder:
        texts = Path(folder) / "texts"
        texts.mkdir()
        path = write_big_document(texts, MEGABYTE // 3)  # a CJK character is 3 bytes of UTF-8
        size = path.stat().st_size
        ticks: list[float] = []
        heartbeat = QTimer(interval=5)
        heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        state: dict[str, Any] = {}
        loop = QEventLoop()

        def open_window() -> None:
            library = Library.open(texts=texts)  # the bench's warm cache: CC-CEDICT is indexed
            window = MainWindow(library, Settings(Path(folder) / "bench.ini"), BUNDLED_FAMILY)
            window.resize(1400, 900)
            window.show()
            state["window"] = window
            QTimer.singleShot(0, lambda: state.setdefault("shown", time.perf_counter()))
            view = next(iter(window.views.values()))
            if view.is_ready():
                loop.quit()
            view.text_ready.connect(loop.quit)

        heartbeat.start()
        start = time.perf_counter()
        ticks.append(start)
        QTimer.singleShot(0, open_window)
        loop.exec()
        opened = time.perf_counter() - start
        window: MainWindow = state["window"]
        QTimer.singleShot(0, lambda: window.select_term(TERM))
        QTimer.singleShot(300, lambda: window.step(1))  # F3 to the first place, far or near
        QTimer.singleShot(1500, loop.quit)
        loop.exec()
        heartbeat.stop()
        shown = state["shown"]
        after = [t for t in ticks if t >= shown]
        stalls = [b - a for a, b in zip(after, after[1:], strict=False)]
        highlighted = len(window.hits)
        window.close()
    return {
        "big_doc_bytes": size,
        "big_doc_open_s": round(opened, 2),
        "big_doc_show_ms": round((shown - start) * 1000, 1),
        "big_doc_max_stall_ms": round(max(stalls) * 1000, 1),
        "big_doc_occurrences": highlighted,
    }
