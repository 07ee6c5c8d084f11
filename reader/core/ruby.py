"""Which words get pinyin above them, and the reading each one shows.

The window draws pinyin over the characters (a "ruby" line); what it draws is decided here, so
the CLI and the tests see the same words. A word's reading is the core's reading of that word
(``Library.pinyin``), so every improvement to the pinyin reader reaches the ruby too. Each
reading is also cut into one syllable per character where it can be, so that a word wrapped
across two lines carries its own syllables on each part, and tones can be coloured.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from reader.core.pinyin import has_han
from reader.core.segment import Token

#: off, glossary terms only, words not marked known, every word
MODES = ("off", "terms", "unknown", "all")

_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_VOWEL = "[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]"
#: initial consonants, vowels, and a final n / ng / r that does not start the next syllable
SYLLABLE = re.compile(
    rf"[bcdfghjklmnpqrstwxyz]*{_VOWEL}+(?:ng(?!{_VOWEL})|n(?!{_VOWEL})|r(?!{_VOWEL}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class RubyWord:
    """A word of a document (``text``, at ``start:end``) with the pinyin shown above it."""

    start: int
    end: int
    text: str
    pinyin: str

    @property
    def cuts(self) -> tuple[int, ...]:
        """Where each character's syllable starts in ``pinyin`` (see ``syllable_cuts``)."""
        return syllable_cuts(self.text, self.pinyin)

    def part(self, start: int, end: int) -> str:
        """The reading of the characters ``start:end`` of the document (within this word):
        the whole reading for the whole word, else the syllables of those characters. A
        reading that does not cut into one syllable per character goes whole over the first
        part."""
        cuts = () if (start, end) == (self.start, self.end) else self.cuts
        if not cuts:
            return self.pinyin if start == self.start else ""
        inside = [c for c in cuts[start - self.start : end - self.start] if c >= 0]
        after = [c for c in cuts[end - self.start :] if c >= 0]
        if not inside:
            return ""
        return self.pinyin[inside[0] : after[0] if after else None].rstrip(" ,-'")


def tone_of(syllable: str) -> int:
    """1-4 from the tone mark, 5 for the neutral tone."""
    for char in unicodedata.normalize("NFD", syllable):
        if char in _TONE_MARKS:
            return _TONE_MARKS[char]
    return 5


def syllable_cuts(word: str, pinyin: str) -> tuple[int, ...]:
    """Where each character's syllable starts in ``pinyin`` (-1 for a character that is not
    Chinese), or () if the reading has not exactly one syllable per Chinese character."""
    starts = [m.start() for m in SYLLABLE.finditer(pinyin)]
    han = [has_han(c) for c in word]
    if len(starts) != sum(han):
        return ()
    found = iter(starts)
    return tuple(next(found) if is_han else -1 for is_han in han)


def ruby_words(
    tokens: Iterable[Token],
    mode: str,
    readings: Sequence[str],
    known: Container[str] = frozenset(),
) -> list[RubyWord]:
    """The words of a document that get pinyin in ``mode``, in text order; ``readings`` has
    the reading of each token (``Library.word_readings``)."""
    if mode not in MODES:
        raise ValueError(f"pinyin mode must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "off":
        return []
    words = []
    for token, reading in zip(tokens, readings, strict=True):
        if not reading:
            continue
        if (mode == "terms" and not token.term) or (mode == "unknown" and token.text in known):
            continue
        words.append(RubyWord(token.start, token.end, token.text, reading))
    return words
