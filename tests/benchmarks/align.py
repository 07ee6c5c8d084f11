"""Aligning the 2025 statement with a full translation of it (``align_statement_ms``).

No full translation is committed (nor may be: official ones are third-party texts), so the
benchmark makes a stand-in of the real shape: one English sentence per Chinese sentence, about
3.2 letters per Han character, carrying the English equivalents of the glossary terms and the
numbers its original holds, so that sentence splitting, the anchor scan and the dynamic
programme all do the work they do on a real translation of that size.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from typing import Any

from reader.core.bilingual import align_documents
from reader.core.documents import parse_document
from reader.core.library import Library
from reader.core.sentences import split_sentences
from tests.benchmarks.stats import median

REPEAT = 20
_FILLER = [
    "the",
    "parties",
    "note",
    "that",
    "states",
    "should",
    "act",
    "with",
    "restraint",
    "and",
    "in",
    "good",
    "faith",
]


def stand_in_translation(library: Library) -> str:
    original = library.document("2025")
    rng = random.Random(2025)
    paragraphs: dict[int, list[str]] = {}
    for sentence in split_sentences(original):
        text = original.text[sentence.start : sentence.end]
        words = [t.english[0] for t in library.glossary.terms if t.english and t.hanzi in text]
        words += re.findall(r"\d+", text)
        letters = int(sum(ch.isalnum() for ch in text) * 3.2)
        while sum(len(w) for w in words) < letters:
            words.insert(rng.randrange(len(words) + 1), rng.choice(_FILLER))
        paragraphs.setdefault(sentence.paragraph, []).append(" ".join(words).capitalize() + ".")
    body = "\n\n".join(" ".join(p) for p in paragraphs.values())
    header = "id: 2025-en\ntitle: stand-in\ndate: 2025-05-08\nplace: x\nsource: x\n"
    return header + "translation-of: 2025\nlang: en\n---\n" + body + "\n"


def run() -> dict[str, Any]:
    library = Library.open()
    original = library.document("2025")
    translation = parse_document(stand_in_translation(library), Path("stand-in.txt"))
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        alignment = align_documents(original, translation, library.glossary)
        times.append((time.perf_counter() - start) * 1000)
    # The stand-in renders sentence k as sentence k: every other bead is a mistake.
    right = sum(1 for b in alignment.beads if len(b.src) == 1 and b.src == b.tgt)
    return {
        "align_statement_ms": round(median(times), 1),
        "align_statement_right": f"{right}/{len(alignment.source)}",
    }
