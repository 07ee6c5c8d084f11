"""``reader compare``: shared wording of two generated 1,000,000-character documents, and the
whole comparison of the two statements.

The two big documents are a text and its revision: A is the statements' sentences shuffled
into 400-character paragraphs (fixed seed); B keeps each paragraph of A with one character in
a hundred replaced, drops one paragraph in ten and writes a new one in place of another one in
ten. A finite pool of sentences makes both very repetitive, the worst case for any method that
compares places pairwise.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

from reader.core.compare import compare
from reader.core.documents import parse_document
from reader.core.library import Library
from reader.core.shared import shared_wording
from tests.benchmarks.corpus import SEED, document_text, make_file_text, sentences
from tests.benchmarks.stats import RUNS, median

BIG_CHARS = 1_000_000


def revised_pair(chars: int = BIG_CHARS) -> tuple[str, str]:
    rng = random.Random(SEED)
    pool = sentences()
    a = parse_document(make_file_text(0, document_text(rng, pool, chars)), Path("a.txt")).text
    alphabet = sorted(set(a) - {"\n"})
    paragraphs = []
    for paragraph in a.split("\n"):
        roll = rng.random()
        if roll < 0.1:
            continue
        if roll < 0.2:
            paragraphs.append(document_text(rng, pool, len(paragraph)).replace("\n\n", ""))
            continue
        letters = list(paragraph)
        for _ in range(len(letters) // 100):
            letters[rng.randrange(len(letters))] = rng.choice(alphabet)
        paragraphs.append("".join(letters))
    return a, "\n".join(paragraphs)


def timed(action: Any) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run() -> dict[str, Any]:
    a, b = revised_pair()
    big = [timed(lambda: shared_wording(a, b, 8)) for _ in range(RUNS)]
    result = shared_wording(a, b, 8)
    library = Library.open()
    compare(library, "2016", "2025")  # words cut and cached once, outside the timing
    s2016, s2025 = library.document("2016").text, library.document("2025").text
    shared_ms = [timed(lambda: shared_wording(s2016, s2025, 8)) * 1000 for _ in range(50)]
    whole_ms = [timed(lambda: compare(library, "2016", "2025")) * 1000 for _ in range(20)]
    return {
        "compare_1mb_s": round(median(big), 3),
        "compare_1mb_chars": [len(a), len(b)],
        "compare_1mb_runs": len(result.runs),
        "compare_1mb_shared": round(result.shared_chars("a") / len(a), 3),
        "compare_statements_shared_ms": round(median(shared_ms), 2),
        "compare_statements_ms": round(median(whole_ms), 2),
    }
