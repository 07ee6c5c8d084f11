"""The core's occurrence lookup of each glossary term in the two statements."""

from __future__ import annotations

import time
from typing import Any

from reader.core.library import Library
from tests.benchmarks.stats import median

REPEAT = 200


def run() -> dict[str, Any]:
    library = Library.open()
    per_term = []
    for term in library.glossary.terms:
        start = time.perf_counter()
        for _ in range(REPEAT):
            found = library.occurrences(term.hanzi)
            found.counts()
        per_term.append((time.perf_counter() - start) / REPEAT * 1e6)
    return {"lookup_us": round(median(per_term), 1), "lookup_max_us": round(max(per_term), 1)}
