"""The user's database: everything Reader keeps that only the user can make.

One SQLite file in the user data folder (``$READER_DATA_DIR/reader.sqlite3``) holds the user's
terms and edits, stars and notes; later features add their own tables to it. Why SQLite and
these settings:

- **One transaction per change.** :meth:`Store.transaction` opens ``BEGIN IMMEDIATE`` and
  commits at the end of the block, so a kill -9 at any moment leaves the previous state or the
  new one (SQLite's journal guarantees it), and two Reader processes writing at once queue on
  the write lock (``busy_timeout``) instead of overwriting each other.
- **WAL journal**: readers never block the writer, and a commit is one append to the log.
- **Migrations by ``PRAGMA user_version``**: ``MIGRATIONS`` is an ordered list; the version is
  how many have run. To add tables, append a :class:`Migration` (never edit or reorder one that
  shipped); it runs once, inside the transaction that bumps the version.
- **Integrity check on open**: a file that is not a database or fails ``PRAGMA quick_check`` is
  moved aside (renamed ``reader.sqlite3.broken-<time>``, never deleted) and a fresh store is
  started; :attr:`Store.notice` says so, for the CLI to print and the window to show.

This module knows nothing about terms: the tables are created by the migrations and read and
written by the modules that own them (``userterms.py``, ...).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.userdirs import data_dir

STORE_NAME = "reader.sqlite3"
#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_MS = 15_000


class StoreError(ReaderError):
    """The user database cannot be opened or written; the message names the file."""


@dataclass(frozen=True)
class Migration:
    """One step of the schema: a name for people and the SQL that makes it."""

    name: str
    sql: str


MIGRATIONS: list[Migration] = [
    Migration(
        "user terms, edits, stars and notes",
        """
        -- One row per entry the user touched. user = 1: the user's own entry; user = 0: edits
        -- laid over a bundled entry of resources/glossary.toml (which is never written).
        CREATE TABLE term (
            hanzi   TEXT PRIMARY KEY,
            user    INTEGER NOT NULL CHECK (user IN (0, 1)),
            changed REAL NOT NULL
        );
        -- One row per field the user set, its value as JSON: an edit to one field never
        -- touches another, so two windows editing different fields both keep their change.
        CREATE TABLE term_field (
            hanzi TEXT NOT NULL REFERENCES term(hanzi) ON DELETE CASCADE,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (hanzi, field)
        );
        -- Sources the user cited for an equivalent (a key that entries refer to).
        CREATE TABLE source (
            key   TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            url   TEXT NOT NULL DEFAULT '',
            note  TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE star (
            hanzi   TEXT PRIMARY KEY,
            changed REAL NOT NULL
        );
        -- A note on a paragraph; the paragraph's opening words are kept to notice a text
        -- that changed under the note.
        CREATE TABLE paragraph_note (
            document  TEXT NOT NULL,
            paragraph INTEGER NOT NULL,
            anchor    TEXT NOT NULL,
            text      TEXT NOT NULL,
            changed   REAL NOT NULL,
            PRIMARY KEY (document, paragraph)
        );
        """,
    ),
    Migration(
        "alignment corrections",
        """
        -- The user's corrections to a sentence alignment: a JSON list of [source sentence
        -- numbers, translation sentence numbers] pairs that win over the automatic alignment.
        CREATE TABLE alignment_correction (
            original    TEXT NOT NULL,
            translation TEXT NOT NULL,
            corrections TEXT NOT NULL,
            changed     REAL NOT NULL,
            PRIMARY KEY (original, translation)
        );
        """,
    ),
    Migration(
        "known words",
        """
        -- The words a learner marked known (reader known add, or the window); coverage counts
        -- a document's running words whose word is here.
        CREATE TABLE known_word (
            word    TEXT PRIMARY KEY,
            changed REAL NOT NULL
        );
        """,
    ),
]


def default_path() -> Path:
    return data_dir() / STORE_NAME


class Store:
    """An open user database. Use :meth:`open`; read with :meth:`query`, change inside
    :meth:`transaction`."""

    def __init__(self, path: Path, connection: sqlite3.Connection, notice: str = "") -> None:
        self.path = path
        self._db = connection
        #: Set when the store had to be moved aside and started afresh; empty otherwise.
        self.notice = notice

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        """Open (creating if needed) and migrate the store; a broken one is moved aside."""
        path = path or default_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"{path.parent}: cannot create the data folder ({exc.strerror})"
            ) from None
        notice = ""
        try:
            connection = _connect_patiently(path)
        except sqlite3.OperationalError as exc:  # busy or locked: in use, not damaged
            raise StoreError(f"{path}: cannot open the user database ({exc})") from None
        except sqlite3.DatabaseError as exc:
            aside = _move_aside(path)
            notice = (
                f"{path}: the user database was damaged ({exc}); it was moved to {aside.name}"
                " and a fresh one started"
            )
            try:
                connection = _connect_checked(path)
            except sqlite3.Error as again:
                raise StoreError(f"{path}: cannot start a fresh user database ({again})") from None
        store = cls(path, connection, notice)
        store._migrate()
        return store

    def close(self) -> None:
        self._db.close()

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Rows of one read; WAL gives a consistent snapshot without blocking writers."""
        try:
            return list(self._db.execute(sql, parameters))
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot read the user database ({exc})") from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One change: everything done in the block is committed together or not at all."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot write the user database ({exc})") from None
        try:
            yield self._db
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot write the user database ({exc})") from None
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise

    def _migrate(self) -> None:
        if self.version == len(MIGRATIONS):
            return
        with self.transaction() as db:
            # Read again under the write lock: another process may have migrated meanwhile.
            done = int(db.execute("PRAGMA user_version").fetchone()[0])
            if done > len(MIGRATIONS):
                raise StoreError(
                    f"{self.path}: made by a newer Reader (schema {done}, this one knows"
                    f" {len(MIGRATIONS)}); update Reader to use it"
                )
            for migration in MIGRATIONS[done:]:
                for statement in _statements(migration.sql):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")


#: Tries before a file that fails to open or check is called damaged: a file another Reader is
#: creating at that moment can look broken for an instant; a damaged one stays damaged.
OPEN_ATTEMPTS = 4


def _connect_patiently(path: Path) -> sqlite3.Connection:
    """:func:`_connect_checked`, tried again a few times before the error is believed."""
    for attempt in range(OPEN_ATTEMPTS):
        try:
            return _connect_checked(path)
        except sqlite3.DatabaseError:
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            time.sleep(0.1 * (attempt + 1))
    raise AssertionError("unreachable")


def _connect_checked(path: Path) -> sqlite3.Connection:
    """Connect in autocommit mode (transactions are explicit), WAL, and verify the file."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        result = connection.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            raise sqlite3.DatabaseError("integrity check: " + "; ".join(str(r[0]) for r in result))
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.broken-{stamp}-{number}")
    try:
        path.replace(aside)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.replace(aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise StoreError(
            f"{path}: the user database is damaged and cannot be moved aside ({exc.strerror})"
        ) from None
    return aside


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]
