"""Pinyin above every word: scrolling frame time, and start-up against start-up without it.

``ruby_scroll_p99_ms``: both panes of a 1366x768 window with pinyin on all words are scrolled
page by page from top to bottom, several times; each frame is timed from the scroll until the
repaint is done (the event queue empty), in-process and offscreen. Target <= 16 ms. The same
scrolling without pinyin is given beside it (``ruby_scroll_off_p99_ms``) as the floor.

``ruby_start_ratio``: Reader's real start-up (as in the start-up benchmark, stopped when both
panes and the glossary list have painted) with ``--pinyin all`` against ``--pinyin off``,
alternating runs, medians. Target <= 1.15.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from reader.core.dictionary import Dictionary
from reader.core.library import Library
from reader.ui.fonts import BUNDLED_FAMILY, register_bundled_font
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.benchmarks.stats import RUNS, alternate, child_env, median, percentile, timed_process

ROUNDS = 5


def run(app: QApplication) -> dict[str, Any]:
    frames = _scroll_frames(app, "all")
    plain = _scroll_frames(app, "off")
    on, off = _start_times()
    return {
        "ruby_scroll_p50_ms": round(median(frames), 1),
        "ruby_scroll_p99_ms": round(percentile(frames, 0.99), 1),
        "ruby_scroll_frames": len(frames),
        "ruby_scroll_off_p99_ms": round(percentile(plain, 0.99), 1),
        "ruby_start_s": round(median(on), 3),
        "ruby_start_off_s": round(median(off), 3),
        "ruby_start_ratio": round(median(on) / median(off), 2),
    }


def _scroll_frames(app: QApplication, mode: str) -> list[float]:
    register_bundled_font()
    library = Library.open()
    frames = []
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(library, Settings(Path(folder) / "bench.ini"), BUNDLED_FAMILY)
        window.resize(1366, 768)
        window.show()
        window.set_pinyin_mode(mode)
        _settle(app)
        deadline = time.perf_counter() + 5  # as a reader's first scroll comes: once it is ready
        while time.perf_counter() < deadline and not all(
            v.area.ruby.is_prepared() for v in window.views.values()
        ):
            app.processEvents()
        for _ in range(ROUNDS):
            for view in window.views.values():
                bar = view.area.verticalScrollBar()
                bar.setValue(0)
                _settle(app)
                while bar.value() < bar.maximum():
                    start = time.perf_counter()
                    bar.setValue(bar.value() + bar.pageStep())
                    _settle(app)
                    frames.append((time.perf_counter() - start) * 1000)
        window.close()
    return frames


def _start_times() -> tuple[list[float], list[float]]:
    warm_cache = Path(tempfile.mkdtemp(prefix="reader-bench-ruby-"))
    try:
        Dictionary(cache_folder=warm_cache).entries("安全")
        on_env = child_env(READER_CACHE_DIR=str(warm_cache), READER_BENCH_PINYIN="all")
        off_env = child_env(READER_CACHE_DIR=str(warm_cache), READER_BENCH_PINYIN="off")
        timed_process("tests.benchmarks.reader_app", on_env)  # fill the caches
        on, off = alternate(
            lambda: timed_process("tests.benchmarks.reader_app", on_env)[0],
            lambda: timed_process("tests.benchmarks.reader_app", off_env)[0],
            max(RUNS, 7),
        )
    finally:
        shutil.rmtree(warm_cache, ignore_errors=True)
    return on, off


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()
