"""Small helpers shared by the benchmarks: medians, percentiles, alternating runs, RSS."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("READER_BENCH_RUNS", "5"))


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def alternate(
    a: Callable[[], float], b: Callable[[], float], runs: int = RUNS
) -> tuple[list[float], list[float]]:
    """Run A, B, A, B … so that noise on a shared machine hits both alike."""
    first, second = [], []
    for _ in range(max(5, runs)):
        first.append(a())
        second.append(b())
    return first, second


def timed_process(module: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall time of ``python -m module`` from spawn to exit, and the RSS it printed."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", module],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    elapsed = time.perf_counter() - start
    rss = next(
        float(line.split("=")[1])
        for line in result.stdout.splitlines()
        if line.startswith("rss_mb=")
    )
    return elapsed, rss


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
