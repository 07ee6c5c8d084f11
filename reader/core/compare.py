"""Compare two documents: shared wording, paragraph links and the shift in terminology.

The one entry point the CLI (``reader compare``), the HTML report and the window share. Each
part lives in its own module (``shared.py``, ``paragraph_links.py``); this one gathers the
inputs from the library (texts, words, glossary counts) and puts the answers in one object.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from reader.core.documents import Document
from reader.core.library import Library
from reader.core.paragraph_links import Features, ParagraphLinks, link_paragraphs
from reader.core.shared import DEFAULT_MIN_RUN, SharedWording, shared_wording

RATE_PER = 10_000  # rates are per this many characters of a document's text
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class TermShift:
    """A glossary term's count in A and in B, and its rate per 10,000 characters."""

    term: str
    a: int
    b: int
    rate_a: float
    rate_b: float

    @property
    def change(self) -> float:
        return round(self.rate_b - self.rate_a, 2)

    @property
    def where(self) -> str:
        """``"a"`` (only in A), ``"b"`` (only in B) or ``"both"``."""
        return "both" if self.a and self.b else "a" if self.a else "b"


@dataclass(frozen=True)
class Comparison:
    """Everything ``reader compare`` prints and the compare view shows."""

    a: Document
    b: Document
    shared: SharedWording
    links: ParagraphLinks
    terms: tuple[TermShift, ...]

    @property
    def min_run(self) -> int:
        return self.shared.min_run

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: field names documented in the README and kept stable."""
        paragraphs: list[dict[str, Any]] = [
            {"a": link.a, "b": link.b, "score": link.score} for link in self.links.links
        ]
        paragraphs += [{"a": n, "b": None, "score": 0.0} for n in self.links.dropped]
        paragraphs += [{"a": None, "b": n, "score": 0.0} for n in self.links.new]
        return {
            "a": self.a.id,
            "b": self.b.id,
            "min_run": self.min_run,
            "shared": [
                {
                    "a_start": r.a_start,
                    "a_end": r.a_end,
                    "b_start": r.b_start,
                    "b_end": r.b_end,
                    "text": r.text,
                }
                for r in self.shared.runs
            ],
            "paragraphs": paragraphs,
            "terms": [
                {
                    "term": t.term,
                    "a": t.a,
                    "b": t.b,
                    "rate_a": t.rate_a,
                    "rate_b": t.rate_b,
                    "change": t.change,
                }
                for t in self.terms
            ],
        }


def compare(library: Library, a_id: str, b_id: str, min_run: int = DEFAULT_MIN_RUN) -> Comparison:
    """Compare documents ``a_id`` and ``b_id``; unknown ids raise ``UnknownDocumentError``."""
    a, b = library.document(a_id), library.document(b_id)
    shared = shared_wording(a.text, b.text, min_run)
    links = link_paragraphs(
        a, b, paragraph_features(library, a), paragraph_features(library, b), shared
    )
    return Comparison(a, b, shared, links, term_shift(library, a, b))


def with_min_run(library: Library, comparison: Comparison, min_run: int) -> Comparison:
    """The same comparison at another N: the terms do not depend on it and are kept."""
    shared = shared_wording(comparison.a.text, comparison.b.text, min_run)
    a, b = comparison.a, comparison.b
    links = link_paragraphs(
        a, b, paragraph_features(library, a), paragraph_features(library, b), shared
    )
    return Comparison(a, b, shared, links, comparison.terms)


def paragraph_features(library: Library, document: Document) -> list[Features]:
    """One Counter a paragraph: its words with Chinese in them, its glossary terms once more
    (nested ones too) under ``term:``, and its pairs of adjacent Chinese characters under
    ``bi:`` (see ``paragraph_links`` for why all three)."""
    tokens = library.tokens(document.id)
    features: list[Features] = [Counter() for _ in document.paragraphs]
    for token in tokens:
        if _HAN.search(token.text):
            features[document.paragraph_at(token.start).number - 1][token.text] += 1
    for paragraph in document.paragraphs:
        counter = features[paragraph.number - 1]
        for _, _, term in library.terms_between(document.id, paragraph.start, paragraph.end):
            counter["term:" + term] += 1
        text = document.paragraph_text(paragraph)
        counter.update(
            "bi:" + text[i : i + 2]
            for i in range(len(text) - 1)
            if _HAN.match(text[i]) and _HAN.match(text[i + 1])
        )
    return features


def term_shift(library: Library, a: Document, b: Document) -> tuple[TermShift, ...]:
    """Every glossary term that stands in A or B, counted as ``reader terms`` counts it."""
    shifts = []
    for hanzi in library.glossary.hanzi():
        counts = library.counts(hanzi)
        in_a, in_b = counts.get(a.id, 0), counts.get(b.id, 0)
        if in_a or in_b:
            shifts.append(
                TermShift(hanzi, in_a, in_b, _rate(in_a, len(a.text)), _rate(in_b, len(b.text)))
            )
    return tuple(shifts)


def _rate(count: int, characters: int) -> float:
    return round(count * RATE_PER / characters, 2) if characters else 0.0
