"""Adding a term until it is underlined and counted in both statements (issue 12).

What is timed is what the window does when the user adds a term: the store transaction (a
real SQLite file, fsync'd), the merged glossary rebuilt, the underlines of both statements
found again (``terms_between`` over each whole text: more than the visible stretch the
window asks for) and the term's counts. Each round adds a different word of the statements
(a term candidate), so nothing is answered from a cache of the previous round.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from reader.core.candidates import candidates
from reader.core.library import Library
from reader.core.store import Store
from tests.benchmarks.stats import median


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="reader-bench-store-") as folder:
        library = Library.open(store=Store.open(Path(folder) / "reader.sqlite3"))
        words = [c.hanzi for d in ("2025", "2016") for c in candidates(library, d, 15)]
        for doc in library.document_ids():
            library.tokens(doc)  # a window has its documents open
        times = []
        for word in dict.fromkeys(words):
            start = time.perf_counter()
            library.set_term(word)
            for doc in library.document_ids():
                spans = library.terms_between(doc, 0, len(library.document(doc).text))
                assert any(hanzi == word for _s, _e, hanzi in spans) or word not in (
                    library.document(doc).text
                )
            counts = library.counts(word)
            times.append((time.perf_counter() - start) * 1000)
            assert sum(counts.values()) > 0
    return {"term_add_ms": round(median(times), 1), "term_add_max_ms": round(max(times), 1)}
