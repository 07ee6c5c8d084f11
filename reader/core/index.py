"""Occurrences: every place a string stands in the documents, with keyword-in-context.

"Every" is literal: a plain substring search, so 战略稳定 is found inside 全球战略稳定 and in
titles, and the count always equals ``text.count(term)`` (matches do not overlap), counted in
the text folded to simplified characters so that 戰略穩定 is counted with 战略稳定.

Finding is eager and cheap: one regular-expression scan of all the texts joined, keeping only
the start offsets (61,000 places of 安全 in eight million characters take about 16 ms). Each occurrence's
paragraph number and context are made when someone asks for that occurrence, so a window that
shows twenty lines never pays for sixty thousand.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from reader.core.documents import Document
from reader.core.scripts import SIMPLIFIED, fold, script_of
from reader.core.sequences import LazySequence

CONTEXT_CHARS = 18


class Occurrence(NamedTuple):
    """One place a term stands: document, paragraph, span and the words around it."""

    document: str
    paragraph: int
    start: int
    end: int
    left: str
    match: str
    right: str
    script: str = SIMPLIFIED  # the document's script: "simplified" or "traditional"

    @property
    def context(self) -> str:
        return f"{self.left}{self.match}{self.right}"


def find_starts(text: str, term: str) -> list[int]:
    """Non-overlapping start offsets of ``term`` in ``text``, found at C speed."""
    if not term:
        return []
    return list(map(re.Match.start, re.finditer(re.escape(term), text)))


def make_occurrence(
    document: Document,
    start: int,
    end: int,
    context: int = CONTEXT_CHARS,
    script: str = SIMPLIFIED,
) -> Occurrence:
    """The occurrence at ``start:end``, its context kept inside its paragraph."""
    text = document.text
    paragraph = document.paragraph_at(start)
    left_edge = max(paragraph.start, start - context)
    right_edge = min(paragraph.end, end + context)
    return Occurrence(
        document=document.id,
        paragraph=paragraph.number,
        start=start,
        end=end,
        left=("…" if left_edge > paragraph.start else "") + text[left_edge:start],
        match=text[start:end],
        right=text[end:right_edge] + ("…" if right_edge < paragraph.end else ""),
        script=script,
    )


class Corpus:
    """All documents' texts joined into one string, so that a term is found in a single scan
    at C speed instead of one Python call per document. The separator cannot occur in a
    term, so no match spans two documents. The texts are joined folded to simplified
    characters (:mod:`reader.core.scripts`), so one scan finds a term in either script."""

    SEPARATOR = "\x00"

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = list(documents)
        folded = [fold(d.text) for d in self.documents]
        self.scripts = [script_of(d.text, f) for d, f in zip(self.documents, folded, strict=True)]
        self.text = self.SEPARATOR.join(folded)
        self.starts: list[int] = []
        position = 0
        for document in self.documents:
            self.starts.append(position)
            position += len(document.text) + 1


class DocumentOccurrences(LazySequence[Occurrence]):
    """The occurrences of one term in one document, made one by one when asked for.

    It is a window on the corpus-wide list of positions (``positions[low:high]``, shifted by
    the document's ``base`` offset): nothing is copied for a word with 60,000 places."""

    def __init__(
        self,
        document: Document,
        term: str,
        positions: list[int],
        low: int,
        high: int,
        base: int,
        script: str = SIMPLIFIED,
    ) -> None:
        self.document = document
        self.script = script
        self.term = term
        self._positions = positions
        self._low, self._high, self._base = low, high, base
        self._made: dict[int, Occurrence] = {}  # the ones a view has shown, asked again on repaint

    @property
    def starts(self) -> list[int]:
        base = self._base
        return [p - base for p in self._positions[self._low : self._high]]

    def __len__(self) -> int:
        return self._high - self._low

    def _item(self, index: int) -> Occurrence:
        start = self._positions[self._low + index] - self._base
        made = self._made.get(start)
        if made is None:
            made = self._made[start] = make_occurrence(
                self.document, start, start + len(self.term), script=self.script
            )
        return made

    def spans(self) -> list[tuple[int, int]]:
        size = len(self.term)
        return [(s, s + size) for s in self.starts]

    def position(self, start: int, end: int) -> int:
        """The index of the place ``start:end``, or -1."""
        if end - start != len(self.term):
            return -1
        starts = self.starts
        index = bisect_left(starts, start)
        return index if index < len(starts) and starts[index] == start else -1


class Occurrences(LazySequence[Occurrence]):
    """Every occurrence of a term across the corpus, in document order."""

    def __init__(self, corpus: Corpus, term: str) -> None:
        self.term = term
        self._corpus = corpus
        self._positions = [] if Corpus.SEPARATOR in term else find_starts(corpus.text, fold(term))
        self._bounds = [bisect_left(self._positions, start) for start in corpus.starts]
        self._bounds.append(len(self._positions))
        self._groups: list[DocumentOccurrences] | None = None

    @property
    def by_document(self) -> list[DocumentOccurrences]:
        """One lazy view per document, in corpus order (made on first use)."""
        if self._groups is None:
            corpus, bounds, positions = self._corpus, self._bounds, self._positions
            self._groups = [
                DocumentOccurrences(
                    doc,
                    self.term,
                    positions,
                    bounds[i],
                    bounds[i + 1],
                    corpus.starts[i],
                    corpus.scripts[i],
                )
                for i, doc in enumerate(corpus.documents)
            ]
        return self._groups

    def counts(self) -> dict[str, int]:
        bounds = self._bounds
        return {doc.id: bounds[i + 1] - bounds[i] for i, doc in enumerate(self._corpus.documents)}

    def __len__(self) -> int:
        return len(self._positions)

    def _item(self, index: int) -> Occurrence:
        group = bisect_right(self._bounds, index) - 1
        return self.by_document[group][index - self._bounds[group]]

    def __iter__(self) -> Iterator[Occurrence]:
        for group in self.by_document:
            yield from group

    def hits(self) -> list[tuple[str, int, int]]:
        """(document id, start, end) of every occurrence, without making contexts."""
        size = len(self.term)
        return [(g.document.id, s, s + size) for g in self.by_document for s in g.starts]


class SpanGroup(LazySequence[Occurrence]):
    """Places of varying length in one document (what a pinyin search finds: 战略 and
    占领 both read zhanl…), made into occurrences one by one like ``DocumentOccurrences``."""

    def __init__(self, document: Document, spans: list[tuple[int, int]]) -> None:
        self.document = document
        self._spans = spans
        self._made: dict[int, Occurrence] = {}

    @property
    def starts(self) -> list[int]:
        return [start for start, _ in self._spans]

    def spans(self) -> list[tuple[int, int]]:
        return list(self._spans)

    def position(self, start: int, end: int) -> int:
        """The index of the place ``start:end``, or -1."""
        index = bisect_left(self._spans, (start, end))
        return index if index < len(self._spans) and self._spans[index] == (start, end) else -1

    def __len__(self) -> int:
        return len(self._spans)

    def _item(self, index: int) -> Occurrence:
        made = self._made.get(index)
        if made is None:
            start, end = self._spans[index]
            made = self._made[index] = make_occurrence(self.document, start, end)
        return made


class SpanOccurrences(LazySequence[Occurrence]):
    """Places found by a text search, with the same reading interface as ``Occurrences``:
    per-document groups, counts and hits."""

    def __init__(self, term: str, groups: list[SpanGroup]) -> None:
        self.term = term
        self.by_document = groups
        self._bounds = [0]
        for group in groups:
            self._bounds.append(self._bounds[-1] + len(group))

    def counts(self) -> dict[str, int]:
        return {group.document.id: len(group) for group in self.by_document}

    def __len__(self) -> int:
        return self._bounds[-1]

    def _item(self, index: int) -> Occurrence:
        group = bisect_right(self._bounds, index) - 1
        return self.by_document[group][index - self._bounds[group]]

    def hits(self) -> list[tuple[str, int, int]]:
        return [(g.document.id, s, e) for g in self.by_document for s, e in g.spans()]
