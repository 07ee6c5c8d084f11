"""Occurrences grouped by the word they stand in: 为 alone, or inside 行为, 认为 …

``reader lookup 为`` finds every place the string stands, 28 of them, most inside other words.
A reader wants to know which are the word itself: the groups say "as a word: 11 · inside 行为
×7, 认为 ×2 …", the word itself first, then the others by frequency.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def word_groups(term: str, words: Iterable[str]) -> list[tuple[str, int]]:
    """(word, count) pairs: ``term`` itself first, then the others, most frequent first
    (ties in order of first appearance)."""
    counts = Counter(words)
    alone = [(term, counts.pop(term))] if term in counts else []
    return alone + counts.most_common()


def describe_groups(term: str, groups: list[tuple[str, int]], shown: int = 6) -> str:
    """ "as a word: 11 · inside 行为 ×7, 认为 ×2 …" for a status line or the CLI."""
    parts = []
    inside = [(w, n) for w, n in groups if w != term]
    alone = sum(n for w, n in groups if w == term)
    if alone:
        parts.append(f"as a word: {alone}")
    if inside:
        listed = ", ".join(f"{w} ×{n}" for w, n in inside[:shown])
        parts.append("inside " + listed + (" …" if len(inside) > shown else ""))
    return " · ".join(parts)
