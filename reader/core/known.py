"""The words a learner has marked known, kept in the user store (table ``known_word``).

Coverage asks ``word in known`` for every running word of a document, so the words are read
once into a set and the set is kept in step with every change; each change is one store
transaction, so two Reader processes never lose each other's marks (``reload`` reads again).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from reader.core.errors import ReaderError
from reader.core.pinyin import has_han
from reader.core.store import Store


class KnownWordError(ReaderError):
    """A word that cannot be marked known (no Chinese characters in it)."""


class StoreKnownWords:
    """Known words in a user store; a ``KnownWords`` (see core.coverage)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._words: set[str] | None = None

    def _set(self) -> set[str]:
        if self._words is None:
            self._words = {str(w) for (w,) in self._store.query("SELECT word FROM known_word")}
        return self._words

    def reload(self) -> None:
        self._words = None

    def __contains__(self, word: object) -> bool:
        return word in self._set()

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._set()))

    def __len__(self) -> int:
        return len(self._set())

    def add(self, words: Iterable[str]) -> None:
        """Mark ``words`` known (one transaction); a word without Chinese is refused."""
        new = _checked(words)
        now = time.time()
        with self._store.transaction() as db:
            db.executemany(
                "INSERT INTO known_word (word, changed) VALUES (?, ?)"
                " ON CONFLICT (word) DO UPDATE SET changed = excluded.changed",
                [(w, now) for w in new],
            )
        self._set().update(new)

    def remove(self, words: Iterable[str]) -> None:
        gone = [w.strip() for w in words]
        with self._store.transaction() as db:
            db.executemany("DELETE FROM known_word WHERE word = ?", [(w,) for w in gone])
        self._set().difference_update(gone)


def _checked(words: Iterable[str]) -> list[str]:
    checked = []
    for word in words:
        word = word.strip()
        if not has_han(word):
            raise KnownWordError(f"{word!r} has no Chinese characters; only words are marked known")
        if not word.isprintable() or any(c.isspace() for c in word):  # ESC, NUL, a tab, a space
            raise KnownWordError(f"{word!r} holds a space or a control character; give one word")
        checked.append(word)
    return checked
