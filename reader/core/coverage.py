"""How much of a document a reader knows: its words, the known ones, the rest by frequency.

``words`` counts the document's word tokens (as the segmenter cuts them, glossary terms whole)
that contain Chinese characters; punctuation, numbers and Latin letters are not words a
learner marks. ``known`` counts those tokens whose word is marked known, so a word that occurs
ten times counts ten times: the figure says how much of the running text is familiar, which is
what a reader notices, not how much of the vocabulary list is ticked.

Known words live in the user store; this module asks only for a ``KnownWords`` (``in``), so
the arithmetic is tested without a database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from reader.core.hsk import hsk_level
from reader.core.pinyin import has_han


class KnownWords(Protocol):
    """The words a reader has marked known."""

    def __contains__(self, word: object) -> bool: ...
    def __iter__(self) -> Iterator[str]: ...
    def add(self, words: Iterable[str]) -> None: ...
    def remove(self, words: Iterable[str]) -> None: ...


class MemoryKnownWords:
    """Known words held in memory: for tests, and for a window without a user store."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._words = set(words)

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._words))

    def add(self, words: Iterable[str]) -> None:
        self._words.update(words)

    def remove(self, words: Iterable[str]) -> None:
        self._words.difference_update(words)


class PinyinSource(Protocol):
    def __call__(self, word: str) -> str: ...


@dataclass(frozen=True)
class UnknownWord:
    word: str
    count: int
    pinyin: str
    hsk: int | None


@dataclass(frozen=True)
class Coverage:
    document: str
    words: int
    known: int
    unknown: tuple[UnknownWord, ...]

    @property
    def percent(self) -> float:
        """Known share of the running words, one decimal; 0.0 for a document with no words."""
        return round(100 * self.known / self.words, 1) if self.words else 0.0

    def header(self) -> str:
        """The pane header's line: ``known 87% of words · 143 unknown``."""
        return header_text(self.words, self.known, len(self.unknown))


def header_counts(tokens: Iterable[str], known: KnownWords) -> tuple[int, int, int]:
    """(running words, known running words, distinct unknown words): the pane header's
    figures, without the readings the full coverage gathers."""
    counts = word_counts(tokens)
    known_count = sum(n for word, n in counts.items() if word in known)
    return sum(counts.values()), known_count, sum(1 for w in counts if w not in known)


def header_text(words: int, known: int, unknown: int) -> str:
    """``known 87% of words · 143 unknown`` (0% for a text without words)."""
    percent = 100 * known / words if words else 0.0
    return f"known {percent:.0f}% of words · {unknown} unknown"


def word_counts(tokens: Iterable[str]) -> Counter[str]:
    """How often each word containing Chinese characters occurs, in first-seen order."""
    return Counter(t for t in tokens if has_han(t))


def coverage(
    document: str,
    tokens: Iterable[str],
    known: KnownWords,
    pinyin: PinyinSource,
) -> Coverage:
    """Coverage of one document's tokens; unknown words most frequent first, ties in the
    order they first occur in the text."""
    counts = word_counts(tokens)
    total = sum(counts.values())
    known_count = sum(n for word, n in counts.items() if word in known)
    ranked = sorted(
        ((w, n) for w, n in counts.items() if w not in known), key=lambda item: -item[1]
    )
    unknown = tuple(UnknownWord(w, n, pinyin(w), hsk_level(w)) for w, n in ranked)
    return Coverage(document, total, known_count, unknown)
