"""Words: jieba behind typed functions, with the glossary and an editable list on top.

Plain jieba cuts 全球战略稳定 into 全球战略/稳定 and 非建设性行为 into 非建设/性行为. Two
things fix that without special cases in code:

* glossary terms are matched first (longest first) and always come out as one token; the text
  between them is cut by jieba;
* ``resources/segmentation.toml`` lists words jieba must know (``add``) and words it must never
  produce whole (``split``), so a person who finds a wrong cut fixes it there.

jieba is imported and its dictionary loaded only when a text actually has to be cut; the
library caches the result, so a normal start never pays for it.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import SegmentationFileError
from reader.core.sequences import LazySequence


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a document: its text, its span and whether it is a glossary term."""

    text: str
    start: int
    end: int
    term: bool = False


class TokenList(LazySequence[Token]):
    """A document's words stored compactly: where each ends, and whether it is a term.

    Five bytes a word instead of a Python object: a thousand documents of words fit in tens
    of megabytes. ``Token`` objects are made when asked for."""

    def __init__(self, text: str, ends: array[int], terms: bytes | bytearray) -> None:
        if len(ends) != len(terms) or (len(ends) and ends[-1] != len(text)):
            raise ValueError("token ends must cover the text")
        self._text = text
        self.ends = ends
        self.terms = bytes(terms)

    def __len__(self) -> int:
        return len(self.ends)

    def at(self, offset: int) -> Token | None:
        """The token covering character ``offset``."""
        index = self.index_at(offset)
        return None if index is None else self._item(index)

    def index_at(self, offset: int) -> int | None:
        """The index of the token covering character ``offset``."""
        index = bisect_right(self.ends, offset)
        return index if offset >= 0 and index < len(self) else None

    def _item(self, index: int) -> Token:
        start = self.ends[index - 1] if index else 0
        end = self.ends[index]
        return Token(self._text[start:end], start, end, bool(self.terms[index]))


def tokens_to_json(tokens: TokenList) -> bytes:
    """The word list as cached: where each word ends, and whether it is a glossary term."""
    import json

    return json.dumps({"ends": tokens.ends.tolist(), "terms": list(tokens.terms)}).encode()


def tokens_from_json(text: str, payload: bytes) -> TokenList:
    """A cached word list, checked against ``text``: ends rising strictly from above 0 to the
    text's length, one 0/1 term flag each (ValueError otherwise). A list that parses but is
    wrong would put every click on the wrong word."""
    import json

    data = json.loads(payload)
    ends, terms = data["ends"], data["terms"]
    if not isinstance(ends, list) or not isinstance(terms, list):
        raise ValueError("ends and terms must be lists")
    previous = 0
    for end in ends:
        if type(end) is not int or end <= previous:
            raise ValueError("token ends must rise")
        previous = end
    if any(flag not in (0, 1) or type(flag) is not int for flag in terms):
        raise ValueError("term flags must be 0 or 1")
    if bool(text) != bool(ends):
        raise ValueError("words must cover the text")
    return TokenList(text, array("I", ends), bytes(terms))


@dataclass(frozen=True)
class SegmentationRules:
    """The editable lists of ``resources/segmentation.toml``."""

    add: tuple[str, ...] = ()
    split: tuple[str, ...] = ()


def load_rules(path: Path) -> SegmentationRules:
    from reader.core.tomlfile import load_toml

    data = load_toml(path, SegmentationFileError)
    for key in data:
        if key not in ("add", "split"):
            raise SegmentationFileError(path, f"unknown key {key!r} (expected 'add' and 'split')")
    return SegmentationRules(_word_list(data, "add", path), _word_list(data, "split", path))


def _word_list(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    words = data.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise SegmentationFileError(path, f"{key!r} must be a list of non-empty words")
    return tuple(w.strip() for w in words)


#: The longest run of jieba's words joined back into one dictionary word, and its length.
_MERGE_WORDS = 4
_MERGE_CHARS = 8
#: jieba's own phrases this long or longer are checked against the dictionary.
_SPLIT_FROM = 4
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3007]+")
#: jieba's Han range stops short of 〇 (U+3007), so 二〇一六年 would lose its 〇 to a token
#: of its own; jieba is shown 零 in its place (same length, same role) and the spans map back.
_JIEBA_STAND_INS = str.maketrans("〇", "零")


class Segmenter:
    """Cuts text into ``Token``s; glossary terms whole, the rest by jieba with the rules,
    and then jieba's neighbouring words joined where the dictionary knows the whole.

    jieba's own dictionary lacks many words of this register (国际社会, 军备竞赛 …), so it
    cuts them; ``in_dictionary`` (CC-CEDICT's headwords unless told otherwise) lets a
    post-pass put them back together: the longest run of up to four of jieba's words that is
    a dictionary word, and not on the ``split`` list, becomes one word. The other way round,
    a word of four or more characters that jieba made up from its phrase list (严重破坏,
    极其重要) and the dictionary does not know is cut into the dictionary words it is made of,
    when each has two characters or more; words on the ``add`` list are left as they are."""

    def __init__(
        self,
        terms: list[str],
        rules: SegmentationRules,
        known: tuple[str, ...] | None = None,
        in_dictionary: Callable[[str], bool] | None = None,
    ) -> None:
        self._rules = rules
        self._split = frozenset(rules.split)
        self._added = frozenset(rules.add)
        self._in_dictionary = in_dictionary or _cedict_headword
        # The words jieba itself is told (its dictionary totals depend on them): the bundled
        # glossary, fixed for a release. Terms the user adds later are kept whole by the
        # pattern below only, so adding one changes nothing in a text that does not contain it.
        self._known = tuple(terms) if known is None else known
        self._jieba: Any = None
        self.set_terms(terms)

    def set_terms(self, terms: list[str]) -> None:
        """Change the glossary terms kept whole; jieba, slow to load, is kept."""
        self._terms = sorted({t for t in terms if t}, key=len, reverse=True)
        self._term_set = frozenset(self._terms)
        # Words on the add list are matched with the terms, so that a longer added word
        # (非核武器) is not cut by a term inside it (核武器); they come out as plain words.
        whole = sorted({*self._terms, *self._rules.add}, key=len, reverse=True)
        self._term_pattern = re.compile("|".join(map(re.escape, whole))) if whole else None

    def segment(self, text: str) -> TokenList:
        """Tokens that, in order, cover ``text`` exactly."""
        ends: array[int] = array("I")
        terms = bytearray()
        position = 0
        for match in self._term_pattern.finditer(text) if self._term_pattern else ():
            self._cut(text[position : match.start()], position, ends, terms)
            ends.append(match.end())
            terms.append(match.group() in self._term_set)
            position = match.end()
        self._cut(text[position:], position, ends, terms)
        return TokenList(text, ends, terms)

    def _cut(self, text: str, offset: int, ends: array[int], terms: bytearray) -> None:
        if not text:
            return
        shown = text.translate(_JIEBA_STAND_INS)
        words = [text[s:e] for _w, s, e in self._tokenizer().tokenize(shown, HMM=False)]
        for word in self._join_known(words):
            offset += len(word)
            ends.append(offset)
            terms.append(0)

    def _join_known(self, words: list[str]) -> list[str]:
        """jieba's words, with runs that form one dictionary word joined (longest first),
        and the phrases the dictionary does not know cut into its words."""
        joined: list[str] = []
        # Only a run of Han words can join: measured once per word, not per candidate.
        han = [_HAN_RUN.fullmatch(word) is not None for word in words]
        index = 0
        while index < len(words):
            size = 1
            run = 0
            while run < _MERGE_WORDS and index + run < len(words) and han[index + run]:
                run += 1
            for count in range(run, 1, -1):
                candidate = "".join(words[index : index + count])
                if self._joinable(candidate):
                    size = count
                    break
            word = "".join(words[index : index + size])
            joined.extend(self._dictionary_words(word) if size == 1 else [word])
            index += size
        return joined

    def _dictionary_words(self, word: str) -> list[str]:
        """``word`` cut into dictionary words of two characters or more (fewest pieces), or
        ``[word]`` when it is known, added by hand, short, or cannot be cut so."""
        if len(word) < _SPLIT_FROM or word in self._added or self._joinable(word):
            return [word]
        if _HAN_RUN.fullmatch(word) is None:
            return [word]
        best: list[list[str] | None] = [[]] + [None] * len(word)
        for end in range(2, len(word) + 1):
            for start in range(0, end - 1):
                before = best[start]
                piece = word[start:end]
                if before is None or end - start == len(word) or not self._joinable(piece):
                    continue
                if best[end] is None or len(before) + 1 < len(best[end] or ()):
                    best[end] = [*before, piece]
        return best[len(word)] or [word]

    def _joinable(self, candidate: str) -> bool:
        # Cheapest test first: most candidates are not dictionary words at all.
        return (
            len(candidate) <= _MERGE_CHARS
            and self._in_dictionary(candidate)
            and candidate not in self._split
            and _HAN_RUN.fullmatch(candidate) is not None
        )

    def _tokenizer(self) -> Any:
        if self._jieba is None:
            self._jieba = _make_tokenizer(self._rules, self._known)
        return self._jieba


_HEADWORDS: list[frozenset[str]] = []


def _cedict_headword(word: str) -> bool:
    """Whether CC-CEDICT lists ``word``: the default of ``Segmenter(in_dictionary=…)``, so that every
    segmenter cuts the same way unless a caller asks otherwise."""
    if not _HEADWORDS:
        from reader.core.dictionary import Dictionary

        _HEADWORDS.append(Dictionary().headwords())
    return word in _HEADWORDS[0]


def _make_tokenizer(rules: SegmentationRules, known: tuple[str, ...]) -> Any:
    import logging
    import warnings

    with warnings.catch_warnings():
        # jieba 0.42 imports pkg_resources, which newer setuptools deprecates noisily.
        warnings.simplefilter("ignore")
        import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    # Built in memory from jieba's own dictionary, never through jieba's disk cache: that
    # cache is an unchecked marshal file in $TMPDIR, which anyone can plant (changing every
    # cut) or own (a traceback on every run). Building takes 0.4 s; loading and checking a
    # cache of it took 0.35 s, and the token cache means it is rarely needed at all.
    with tokenizer.get_dict_file() as source:
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(source)
    tokenizer.initialized = True
    for word in (*known, *rules.add):
        word = word.translate(_JIEBA_STAND_INS)
        tokenizer.add_word(word, freq=tokenizer.suggest_freq(word, tune=False))
    for word in rules.split:
        tokenizer.del_word(word)
    return tokenizer


def jieba_version() -> str:
    from importlib.metadata import version

    return version("jieba")
