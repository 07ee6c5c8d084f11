"""``make bench``: every benchmark, a readable table, then one line of JSON with every figure.

Targets (issue "Fast at every size"): startup_ratio <= 1.3, click_p99_ms <= 16,
lookup_us <= 1000, index_ratio_1000 <= 1.2, lookup_ms_1000 <= 20, big_doc_max_stall_ms <= 100,
rss_ratio <= 1.5, compare_1mb_s <= 2; (translations) align_statement_ms <= 200; (own terms)
term_add_ms <= 150; (your own documents) import_pdf_200p_s <= 5, startup_50docs_ratio <= 1.15.
``--only NAME`` runs one group (see GROUPS).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from typing import Any

TARGETS = {
    "startup_ratio": 1.3,
    "click_p99_ms": 16,
    "lookup_us": 1000,
    "index_ratio_1000": 1.2,
    "lookup_ms_1000": 20,
    "big_doc_max_stall_ms": 100,
    "rss_ratio": 1.5,
    "align_statement_ms": 200,
    "compare_1mb_s": 2,
    "term_add_ms": 150,
    "ruby_scroll_p99_ms": 16,
    "ruby_start_ratio": 1.15,
    "import_pdf_200p_s": 5,
    "startup_50docs_ratio": 1.15,
}
GROUPS = (
    "startup",
    "click",
    "lookup",
    "scale",
    "bigdoc",
    "compare",
    "align",
    "term_add",
    "ruby",
    "library",
)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--only", choices=GROUPS, action="append")
    groups = parser.parse_args().only or list(GROUPS)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    cache = tempfile.mkdtemp(prefix="reader-bench-cache-")
    os.environ["READER_CACHE_DIR"] = cache  # warm for in-process runs; never the user's
    try:
        results = run(groups)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print_table(results)
    print(json.dumps(results, ensure_ascii=False, sort_keys=True))
    return 0


def run(groups: list[str]) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from reader.core.dictionary import Dictionary

    app = QApplication.instance() or QApplication(sys.argv[:1])
    Dictionary().entries("安全")  # build the CC-CEDICT index once, outside every timing
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
    }
    for group in groups:
        started = time.perf_counter()
        print(f"… {group}", file=sys.stderr, flush=True)
        if group == "startup":
            from tests.benchmarks import startup

            results.update(startup.run())
        elif group == "click":
            from tests.benchmarks import click

            results.update(click.run(app))
        elif group == "lookup":
            from tests.benchmarks import lookup

            results.update(lookup.run())
        elif group == "scale":
            from tests.benchmarks import scale

            results.update(scale.run())
        elif group == "library":
            from tests.benchmarks import library_import

            results.update(library_import.run())
        elif group == "ruby":
            from tests.benchmarks import ruby

            results.update(ruby.run(app))
        elif group == "align":
            from tests.benchmarks import align

            results.update(align.run())
        elif group == "compare":
            from tests.benchmarks import compare

            results.update(compare.run())
        elif group == "term_add":
            from tests.benchmarks import term_add

            results.update(term_add.run(app))
        else:
            from tests.benchmarks import bigdoc

            results.update(bigdoc.run(app))
        print(f"  {group} took {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return results


def print_table(results: dict[str, Any]) -> None:
    print(f"\nReader benchmarks — {results['date']} — {results['machine']}\n")
    print(f"{'figure':<28}{'value':>14}  {'target':>8}  ")
    for key, value in results.items():
        if key in ("machine", "date"):
            continue
        target = TARGETS.get(key)
        verdict = "" if target is None else ("met" if value <= target else "MISSED")
        shown = f"≤ {target}" if target is not None else ""
        print(f"{key:<28}{value!s:>14}  {shown:>8}  {verdict}")
    print()


if __name__ == "__main__":
    sys.exit(main())
