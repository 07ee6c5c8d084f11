"""Readings that depend on the word or its neighbours: ``resources/readings.toml``.

A character that stands as a word of its own can have more than one reading, and neither
CC-CEDICT (which lists them all) nor pypinyin (which reads a lone character without its
sentence) can choose: 为 is wèi "for" in 为实现 but wéi "as" in 视为 and 以…为借口. The file
says so in three tables a person can edit:

* ``[standalone]``: character = reading, where the character always reads so alone (地 de);
* ``[words]``: word = reading, for words the dictionary lacks or reads otherwise than these
  texts need (到了 dàole in 到了…的地步, not dàoliǎo "at last");
* ``[[context]]``: a character's reading when the word before it (``previous``) or after it
  (``next``) is one of those listed, with a ``note`` saying why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.errors import DataFileError


@dataclass(frozen=True)
class ContextRule:
    """``word`` reads ``reading`` when the word before it is in ``previous`` or the word
    after it is in ``next``."""

    word: str
    reading: str
    previous: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    note: str = ""

    def applies(self, before: str, after: str) -> bool:
        return before in self.previous or after in self.next


@dataclass(frozen=True)
class Readings:
    standalone: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)
    context: tuple[ContextRule, ...] = ()

    def fixed(self) -> dict[str, str]:
        """Readings that hold wherever the word stands alone."""
        return {**self.standalone, **self.words}

    def in_context(self, words: Sequence[str], index: int) -> str | None:
        """The reading a context rule gives ``words[index]``, or None. White space between
        words is skipped when looking for the neighbours."""
        word = words[index]
        before = _neighbour(words, index, -1)
        after = _neighbour(words, index, 1)
        for rule in self.context:
            if rule.word == word and rule.applies(before, after):
                return rule.reading
        return None


def _neighbour(words: Sequence[str], index: int, step: int) -> str:
    index += step
    while 0 <= index < len(words) and not words[index].strip():
        index += step
    return words[index] if 0 <= index < len(words) else ""


def load_readings(path: Path) -> Readings:
    from reader.core.tomlfile import load_toml

    data = load_toml(path)
    unknown = set(data) - {"standalone", "words", "context"}
    if unknown:
        raise DataFileError(path, f"unknown table(s) {', '.join(sorted(unknown))}")
    standalone = _table(data, "standalone", path, single=True)
    words = _table(data, "words", path, single=False)
    rules = data.get("context", [])
    if not isinstance(rules, list):
        raise DataFileError(path, "[[context]] must be an array of tables")
    return Readings(standalone, words, tuple(_rule(r, n, path) for n, r in enumerate(rules, 1)))


def _table(data: dict[str, Any], name: str, path: Path, single: bool) -> dict[str, str]:
    from reader.core.pinyin import has_han

    table = data.get(name, {})
    if not isinstance(table, dict):
        raise DataFileError(path, f"[{name}] must be a table of word = pinyin")
    for word, reading in table.items():
        if (single and len(word) != 1) or not has_han(word):
            what = "one character" if single else "a Chinese word"
            raise DataFileError(path, f"[{name}] {word!r}: expected {what} = pinyin")
        if not isinstance(reading, str) or not reading.strip():
            raise DataFileError(path, f"[{name}] {word!r}: the reading must be non-empty text")
    return dict(table)


def _rule(raw: Any, number: int, path: Path) -> ContextRule:
    def fail(problem: str) -> DataFileError:
        return DataFileError(path, f"context rule {number}: {problem}")

    if not isinstance(raw, dict):
        raise fail("must be a table")
    unknown = set(raw) - {"word", "reading", "previous", "next", "note"}
    if unknown:
        raise fail(f"unknown field(s) {', '.join(sorted(unknown))}")
    for key in ("word", "reading"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise fail(f"needs a non-empty {key!r}")
    lists = {}
    for key in ("previous", "next"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise fail(f"{key!r} must be a list of words")
        lists[key] = frozenset(value)
    if not lists["previous"] and not lists["next"]:
        raise fail("needs 'previous' or 'next' words, or it would apply everywhere")
    return ContextRule(
        raw["word"], raw["reading"], lists["previous"], lists["next"], str(raw.get("note", ""))
    )
