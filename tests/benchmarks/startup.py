"""Start-up against the floor (a bare PySide6 program with the same texts and font), and
resident memory after start-up."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from reader.core.dictionary import Dictionary
from tests.benchmarks.stats import RUNS, alternate, child_env, median, timed_process


def run() -> dict[str, Any]:
    warm_cache = Path(tempfile.mkdtemp(prefix="reader-bench-warm-"))
    try:
        warm = child_env(READER_CACHE_DIR=str(warm_cache))
        Dictionary(cache_folder=warm_cache).entries("安全")  # as after any earlier session
        timed_process("tests.benchmarks.reader_app", warm)  # fill the cache
        timed_process("tests.benchmarks.floor_app", warm)  # and the OS file cache for both
        rss: dict[str, list[float]] = {"reader": [], "floor": []}

        def reader() -> float:
            elapsed, memory = timed_process("tests.benchmarks.reader_app", warm)
            rss["reader"].append(memory)
            return elapsed

        def floor() -> float:
            elapsed, memory = timed_process("tests.benchmarks.floor_app", warm)
            rss["floor"].append(memory)
            return elapsed

        reader_s, floor_s = alternate(reader, floor, max(RUNS, 7))
        first_runs = [_first_run() for _ in range(max(RUNS, 5))]
    finally:
        shutil.rmtree(warm_cache, ignore_errors=True)
    return {
        "startup_s": round(median(reader_s), 3),
        "floor_s": round(median(floor_s), 3),
        "startup_ratio": round(median(reader_s) / median(floor_s), 2),
        "first_run_s": round(median(first_runs), 3),
        "rss_mb": round(median(rss["reader"]), 1),
        "floor_rss_mb": round(median(rss["floor"]), 1),
        "rss_ratio": round(median(rss["reader"]) / median(rss["floor"]), 2),
    }


def _first_run() -> float:
    with tempfile.TemporaryDirectory(prefix="reader-bench-cold-") as cold:
        elapsed, _ = timed_process("tests.benchmarks.reader_app", child_env(READER_CACHE_DIR=cold))
    return elapsed
