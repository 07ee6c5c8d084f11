"""Occurrences: every place a string stands in the documents, with keyword-in-context.

"Every" is literal: a plain substring search, so 战略稳定 is found inside 全球战略稳定 and in
titles, and the count always equals ``text.count(term)``. Matches do not overlap, like
``str.count``.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.documents import Document

CONTEXT_CHARS = 18


@dataclass(frozen=True)
class Occurrence:
    """One place a term stands: document, paragraph, span and the words around it."""

    document: str
    paragraph: int
    start: int
    end: int
    left: str
    match: str
    right: str

    @property
    def context(self) -> str:
        return f"{self.left}{self.match}{self.right}"


def find_spans(text: str, term: str) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of ``term`` in ``text``."""
    spans: list[tuple[int, int]] = []
    if not term:
        return spans
    size = len(term)
    position = text.find(term)
    while position >= 0:
        spans.append((position, position + size))
        position = text.find(term, position + size)
    return spans


def occurrences_in(document: Document, term: str, context: int = CONTEXT_CHARS) -> list[Occurrence]:
    """Every occurrence of ``term`` in ``document``; context stays inside the paragraph."""
    found: list[Occurrence] = []
    text = document.text
    for start, end in find_spans(text, term):
        paragraph = document.paragraph_at(start)
        left_edge = max(paragraph.start, start - context)
        right_edge = min(paragraph.end, end + context)
        found.append(
            Occurrence(
                document=document.id,
                paragraph=paragraph.number,
                start=start,
                end=end,
                left=("…" if left_edge > paragraph.start else "") + text[left_edge:start],
                match=text[start:end],
                right=text[end:right_edge] + ("…" if right_edge < paragraph.end else ""),
            )
        )
    return found
