"""What the text itself can show about its words: the tone of each character, the words above
an HSK level the reader picked, and (with known words) the words not yet known.

The window draws these as character formats; here they are plain numbers and spans, so they
are tested without a screen and come from the same readings as the pinyin above the words.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence

from reader.core.hsk import BAND
from reader.core.pinyin import has_han
from reader.core.ruby import SYLLABLE, syllable_cuts, tone_of
from reader.core.segment import Token

Span = tuple[int, int]


def char_tones(length: int, words: Iterable[tuple[int, str, str]]) -> bytes:
    """One byte per character of a text of ``length``: its tone 1-5, or 0 where none is known
    (punctuation, Latin, a word whose reading does not cut into one syllable per character).
    ``words`` gives (start, word, reading) for the words that have a reading."""
    tones = bytearray(length)
    for start, word, reading in words:
        for index, cut in enumerate(syllable_cuts(word, reading)):
            syllable = SYLLABLE.match(reading, cut) if cut >= 0 else None
            if syllable:
                tones[start + index] = tone_of(syllable.group())
    return bytes(tones)


def words_above(
    tokens: Iterable[Token], level: int, hsk: Callable[[str], int | None]
) -> list[Span]:
    """The words whose HSK level is above ``level`` (the 7-9 band counts as 7), and the words
    the standard does not list at all, which a learner meets after all of its levels. Nothing
    for ``level`` 0 (off) or ``level`` >= 7."""
    if not 0 < level < BAND:
        return []
    spans = []
    for token in tokens:
        if has_han(token.text):
            found = hsk(token.text)
            if found is None or found > level:
                spans.append((token.start, token.end))
    return spans


def unknown_words(tokens: Iterable[Token], known: Container[str]) -> list[Span]:
    """The words with Chinese characters that are not marked known."""
    return [(t.start, t.end) for t in tokens if has_han(t.text) and t.text not in known]


def readings_of(tokens: Sequence[Token], readings: Sequence[str]) -> list[tuple[int, str, str]]:
    """(start, word, reading) for every token with a reading, for ``char_tones``."""
    return [(t.start, t.text, r) for t, r in zip(tokens, readings, strict=True) if r]
