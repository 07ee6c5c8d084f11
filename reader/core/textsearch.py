"""Find in the texts: hanzi as they stand, or Latin letters read as pinyin.

A query with Chinese characters is found wherever it stands, like a term's occurrences (领域
finds its uses in both statements, not the two glossary phrases that contain it). A query in
Latin letters is taken as pinyin, tones, numbers, spaces and ü/u ignored: ``lingyu``,
``lǐngyù`` and ``ling3 yu4`` all find 领域. It matches whole syllables of consecutive
characters, so ``zhanlue`` finds 战略 inside 全球战略稳定 but ``an`` does not find 先 (xian).

Each character's syllable is the one its word is read with in context (the same reading the
panel shows), so polyphones follow the word: 重 in 重申 is chong, in 重要 zhong. The syllables
of a document are joined into one string once, then every search is a plain ``str.find``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.core.documents import Document
from reader.core.index import SpanGroup, SpanOccurrences
from reader.core.pinyin import has_han

_VOWEL = "[aeiouv]"
#: One pinyin syllable of a folded (toneless, ü as v) word: initial, vowels, and a final
#: n / ng / r that does not begin the next syllable.
_SYLLABLE = re.compile(
    rf"[bcdfghjklmnpqrstwxyz]*{_VOWEL}+(?:ng(?!{_VOWEL})|n(?!{_VOWEL})|r(?!{_VOWEL}))?"
)
_BREAK = "|"  # between runs of Han characters: no query crosses punctuation
_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class TextMatches:
    """The places a query was found, as ``Occurrences`` are read (groups, counts, hits)."""

    query: str
    kind: str  # "hanzi", "pinyin" or "text"
    occurrences: SpanOccurrences

    @property
    def term(self) -> str:
        return self.query

    @property
    def counts(self) -> dict[str, int]:
        return self.occurrences.counts()

    @property
    def total(self) -> int:
        return len(self.occurrences)


def fold(pinyin: str) -> str:
    """Lower case, tone marks and numbers dropped, ü (and u:) as v; spaces kept."""
    text = unicodedata.normalize("NFD", pinyin.lower().replace("ü", "v").replace("u:", "v"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[0-9]", "", text)


def query_key(query: str) -> str:
    """A pinyin query as it is matched: folded, no spaces or apostrophes, ü and u alike."""
    return re.sub(r"[\s'·-]+", "", fold(query)).replace("v", "u")


def is_pinyin_query(query: str) -> bool:
    key = query_key(query)
    return bool(key) and key.isascii() and key.isalpha()


def split_syllables(pinyin: str) -> list[str]:
    """``zhànlüè wěndìng`` -> [zhan, lve, wen, ding]; apostrophes and spaces are breaks."""
    pieces = re.split(r"[\s'·-]+", fold(pinyin))
    return [syllable for piece in pieces for syllable in _SYLLABLE.findall(piece)]


def char_syllables(word: str, reading: str, fallback: Callable[[str], str]) -> list[str]:
    """One folded syllable per character of ``word`` ("" for a character that is not Han).

    ``reading`` is the word's pinyin in context; when it does not split into one syllable a
    Han character (a rare mixed token), each character is read alone with ``fallback``."""
    han = [bool(_HAN_CHAR.match(c)) for c in word]
    syllables = split_syllables(reading)
    if len(syllables) != sum(han):
        syllables = [query_key(fallback(c)) for c, is_han in zip(word, han, strict=True) if is_han]
    it = iter(syllables)
    return [next(it, "").replace("v", "u") if is_han else "" for is_han in han]


class SyllableIndex:
    """A document's syllables joined into one string, with where each syllable starts and
    ends as character offsets, so a pinyin query is found with ``str.find``."""

    def __init__(self, syllables: Iterable[str]) -> None:
        parts: list[str] = []
        self._start_at: dict[int, int] = {}  # string position -> offset of its character
        self._end_at: dict[int, int] = {}  # string position -> offset after its character
        position = 0
        for offset, syllable in enumerate(syllables):
            if syllable:
                self._start_at[position] = offset
                self._end_at[position + len(syllable)] = offset + 1
            parts.append(syllable or _BREAK)
            position += len(parts[-1])
        self.text = "".join(parts)

    def find(self, key: str) -> list[tuple[int, int]]:
        """Character spans whose syllables spell ``key`` exactly, syllable edge to edge."""
        found: list[tuple[int, int]] = []
        position = self.text.find(key) if key else -1
        while position >= 0:
            start = self._start_at.get(position)
            end = self._end_at.get(position + len(key))
            if start is not None and end is not None:
                found.append((start, end))
                position = self.text.find(key, position + len(key))
            else:
                position = self.text.find(key, position + 1)
        return found


def find_hanzi(documents: list[Document], query: str) -> SpanOccurrences:
    """Every place ``query`` stands, as it stands (non-overlapping, like occurrences)."""
    groups = []
    for document in documents:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(query), document.text)]
        groups.append(SpanGroup(document, spans))
    return SpanOccurrences(query, groups)


def find_pinyin(
    documents: list[Document], query: str, index_of: Callable[[Document], SyllableIndex]
) -> SpanOccurrences:
    key = query_key(query)
    groups = [SpanGroup(document, index_of(document).find(key)) for document in documents]
    return SpanOccurrences(query, groups)


def search_kind(query: str) -> str:
    if has_han(query):
        return "hanzi"
    return "pinyin" if is_pinyin_query(query) else "text"
