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
        index = bisect_right(self.ends, offset)
        return self._item(index) if index < len(self) else None

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


class Segmenter:
    """Cuts text into ``Token``s; glossary terms whole, the rest by jieba with the rules."""

    def __init__(
        self, terms: list[str], rules: SegmentationRules, known: tuple[str, ...] | None = None
    ) -> None:
        self._rules = rules
        # The words jieba itself is told (its dictionary totals depend on them): the bundled
        # glossary, fixed for a release. Terms the user adds later are kept whole by the
        # pattern below only, so adding one changes nothing in a text that does not contain it.
        self._known = tuple(terms) if known is None else known
        self._jieba: Any = None
        self.set_terms(terms)

    def set_terms(self, terms: list[str]) -> None:
        """Change the glossary terms kept whole; jieba, slow to load, is kept."""
        self._terms = sorted({t for t in terms if t}, key=len, reverse=True)
        self._term_pattern = (
            re.compile("|".join(map(re.escape, self._terms))) if self._terms else None
        )

    def segment(self, text: str) -> TokenList:
        """Tokens that, in order, cover ``text`` exactly."""
        ends: array[int] = array("I")
        terms = bytearray()
        position = 0
        for match in self._term_pattern.finditer(text) if self._term_pattern else ():
            self._cut(text[position : match.start()], position, ends, terms)
            ends.append(match.end())
            terms.append(1)
            position = match.end()
        self._cut(text[position:], position, ends, terms)
        return TokenList(text, ends, terms)

    def _cut(self, text: str, offset: int, ends: array[int], terms: bytearray) -> None:
        if not text:
            return
        for _word, _start, end in self._tokenizer().tokenize(text, HMM=False):
            ends.append(offset + end)
            terms.append(0)

    def _tokenizer(self) -> Any:
        if self._jieba is None:
            self._jieba = _make_tokenizer(self._rules, self._known)
        return self._jieba


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
        tokenizer.add_word(word, freq=tokenizer.suggest_freq(word, tune=False))
    for word in rules.split:
        tokenizer.del_word(word)
    return tokenizer


def jieba_version() -> str:
    from importlib.metadata import version

    return version("jieba")
