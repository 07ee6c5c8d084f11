"""Word-level pinyin in dictionary citation form: zhànlüè wěndìng, chóngshēn, bùkě fēngē.

pypinyin alone reads some polyphones wrongly in these texts (变为 biànwèi, 多重 duōzhòng, 挑起
tiāoqǐ), so a word is read in this order of trust:

1. a glossary entry's curated pinyin, for that term;
2. a word of four or more characters is read as the dictionary words it is made of, separated
   by spaces (不可分割 bùkě fēngē), so learners see where the words are;
3. CC-CEDICT, when it lists the word with one reading (proper-noun readings set aside when a
   common one exists);
4. pypinyin, reading the word as a phrase, which is right for most of what is left.

Whatever the source, the reading is then spelt by the orthography standard
(``reader.core.orthography``): citation tones (不 bù, 一 yī), numerals and measure words apart,
idioms hyphenated, and so on.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from reader.core.dictionary import DictionaryEntry
from reader.core.orthography import spell
from reader.core.pinyin_format import cedict_to_marked, join_syllables

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3007]")  # 〇 (U+3007) too: 二〇一六年
_MAX_PIECE = 4
#: How a lone character left over by the dictionary split joins its neighbours: a bound suffix
#: joins the word before it (武器化 wǔqìhuà), a prefix the word after it (不扩散 bùkuòsàn), a
#: structural particle stays a word of its own (关切 de 指出), and a run of other lone
#: characters is read as one word (外空 wàikōng).
_SUFFIXES = frozenset("化性者式型率界家员们")
_PREFIXES = frozenset("不非反无核超准副总")
_PARTICLES = frozenset("的地得了着过之")


class _Dictionary(Protocol):
    def entries(self, word: str) -> list[DictionaryEntry]: ...
    def __contains__(self, word: str) -> bool: ...


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


class PinyinReader:
    """Reads words aloud, so to speak. ``curated`` maps glossary hanzi to their pinyin;
    ``standalone`` gives the reading of a character that stands as a word of its own."""

    def __init__(
        self,
        dictionary: _Dictionary,
        curated: dict[str, str] | None = None,
        standalone: dict[str, str] | None = None,
    ) -> None:
        self._dictionary = dictionary
        self._curated = dict(curated or {})
        self._standalone = dict(standalone or {})
        self.word = lru_cache(maxsize=65536)(self._word)

    def set_curated(self, curated: dict[str, str]) -> None:
        """New glossary readings (a term added or edited): readings made so far are dropped."""
        self._curated = dict(curated)
        self.word = lru_cache(maxsize=65536)(self._word)

    def _word(self, word: str) -> str:
        if not has_han(word):
            return ""
        if word in self._curated:  # spelt when the glossary was loaded
            return self._curated[word]
        return spell(word, self._draft(word), self._is_idiom)

    def _is_idiom(self, word: str) -> bool:
        return any(entry.is_idiom for entry in self._dictionary.entries(word))

    def _draft(self, word: str) -> str:
        """The reading before the orthography step."""
        if word in self._curated:
            return self._curated[word]
        if word in self._standalone:
            return self._standalone[word]
        reading = self.dictionary_reading(word)
        if len(word) >= _MAX_PIECE:
            pieces = self.pieces(word)
            if len(pieces) > 1:
                return self._read_pieces(word, pieces, reading)
        if reading is not None:
            return cedict_to_marked(reading)
        return join_syllables(_pypinyin_syllables(word))

    def _read_pieces(self, word: str, pieces: list[str], reading: str | None) -> str:
        """The pieces separated by spaces. When the dictionary reads the whole word, its
        syllables are used, capitals and all (Zhōnghuá Rénmín Gònghéguó);
        otherwise each piece is read on its own, and a piece the dictionary cannot read
        unambiguously takes pypinyin's reading of the whole word, so that context still
        decides (关切地指出: 地 is de, not dì)."""
        syllables = reading.split() if reading else []
        if len(syllables) == len(word):
            return " ".join(
                _capitalised_piece(syllables[start : start + len(piece)])
                for start, piece in _with_offsets(pieces)
            )
        in_context = _pypinyin_syllables(word)
        words = []
        for start, piece in _with_offsets(pieces):
            own = self.dictionary_reading(piece) if piece not in self._curated else None
            if piece in self._curated:
                words.append(self._curated[piece])
            elif own is not None or len(in_context) != len(word):
                words.append(self.word(piece))
            else:
                words.append(join_syllables(in_context[start : start + len(piece)]))
        return " ".join(words)

    def dictionary_reading(self, word: str) -> str | None:
        """CC-CEDICT's numbered reading of ``word`` when it gives exactly one, else None."""
        entries = self._dictionary.entries(word)
        readings = {e.pinyin_numbered for e in entries}
        common = {r for r in readings if r[:1].islower()}
        if len(common) == 1:
            return common.pop()
        if not common and len(readings) == 1:
            return readings.pop()
        return None

    def pieces(self, word: str) -> list[str]:
        """Split a long word into dictionary words: the split with the fewest stray single
        characters (affixes are not stray), then the fewest pieces; lone characters then join
        their neighbours as the rules above say."""
        best: list[tuple[tuple[int, int], list[str]] | None] = [((0, 0), [])]
        best += [None] * len(word)
        for end in range(1, len(word) + 1):
            for size in range(1, min(_MAX_PIECE, end) + 1):
                start = end - size
                piece, previous = word[start:end], best[start]
                if previous is None or (
                    size > 1 and (size == len(word) or piece not in self._dictionary)
                ):
                    continue
                stray = int(size == 1 and piece not in _SUFFIXES | _PREFIXES | _PARTICLES)
                cost = (previous[0][0] + stray, previous[0][1] + 1)
                current = best[end]
                if current is None or cost < current[0]:
                    best[end] = (cost, [*previous[1], piece])
        final = best[len(word)]
        return _attach_single_characters(final[1] if final else list(word))


def _attach_single_characters(pieces: list[str]) -> list[str]:
    merged: list[str] = []
    run = ""  # consecutive lone characters that are neither affixes nor particles
    prefix = ""
    for piece in pieces:
        lone = len(piece) == 1
        if lone and piece in _SUFFIXES and merged and not run and not prefix:
            merged[-1] += piece
            continue
        if lone and piece in _PREFIXES and not run:
            prefix += piece
            continue
        if lone and piece not in _PARTICLES:
            run += prefix + piece
            prefix = ""
            continue
        if run:
            merged.append(run)
            run = ""
        if lone:  # a particle
            merged.extend(w for w in (prefix, piece) if w)
            prefix = ""
        else:
            merged.append(prefix + piece)
            prefix = ""
    merged.extend(w for w in (run, prefix) if w)
    return merged


def _with_offsets(pieces: list[str]) -> list[tuple[int, str]]:
    offsets, position = [], 0
    for piece in pieces:
        offsets.append((position, piece))
        position += len(piece)
    return offsets


def _capitalised_piece(syllables: list[str]) -> str:
    return cedict_to_marked(" ".join(syllables))


def _pypinyin_syllables(word: str) -> list[str]:
    """One tone-marked syllable per character, read by pypinyin in the word's context."""
    from pypinyin import Style, lazy_pinyin

    return list(lazy_pinyin(word, style=Style.TONE))


def warm_pinyin() -> None:
    """Load pypinyin's tables now (on a worker thread) rather than on the first click."""
    _pypinyin_syllables("中国")
