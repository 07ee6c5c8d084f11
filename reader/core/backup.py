"""Export my data / Import my data: the user's store as one readable JSON file.

For a backup, or to move to another laptop: the user's terms and edits (field by field), the
sources they cited, stars and paragraph notes. The file is JSON so a person can read it and
other tools can use it; ``format`` and ``version`` say what it is. Import merges: what the file
holds replaces the same entries in the store (same hanzi and field, same star, same paragraph),
everything else in the store stays; it is one transaction, so a failed import changes nothing.

A feature that adds a plain table to the store lists it in ``TABLES`` (its section name, the
table, its key columns and its other columns): it is then exported and merged like the rest.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from reader.core.errors import DataFileError, ReaderError
from reader.core.files import read_text_bounded, write_file
from reader.core.userterms import UserData, check_hanzi, check_text, clean_fields

FORMAT = "reader-user-data"
VERSION = 1
#: Other features' tables, carried as they are: section -> (table, key columns, other columns).
TABLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "known_words": ("known_word", ("word",), ("changed",)),
    "alignment_corrections": (
        "alignment_correction",
        ("original", "translation"),
        ("corrections", "changed"),
    ),
}


class BackupError(DataFileError):
    """A user-data file that cannot be imported."""


def export_data(data: UserData) -> dict[str, Any]:
    entries = data.entries()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "terms": [
            {
                "hanzi": e.hanzi,
                "user": e.user,
                "fields": {k: _plain(v) for k, v in e.fields.items()},
            }
            for e in entries.values()
        ],
        "sources": [
            {"key": s.key, "title": s.title, "url": s.url, "note": s.note}
            for s in data.sources().values()
        ],
        "stars": sorted(data.starred()),
        "paragraph_notes": [
            {"document": n.document, "paragraph": n.paragraph, "anchor": n.anchor, "text": n.text}
            for n in data.paragraph_notes()
        ],
        **{section: _rows(data, *spec) for section, spec in TABLES.items()},
    }


def _rows(data: UserData, table: str, keys: tuple[str, ...], others: tuple[str, ...]) -> list[Any]:
    columns = (*keys, *others)
    rows = data.store.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {keys[0]}")
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def write_backup(data: UserData, path: Path) -> dict[str, int]:
    content = export_data(data)
    write_file(path, json.dumps(content, ensure_ascii=False, indent=1) + "\n")
    return _counts(content)


def _counts(content: dict[str, Any]) -> dict[str, int]:
    return {
        k: len(content.get(k, []))
        for k in ("terms", "sources", "stars", "paragraph_notes", *TABLES)
    }


def read_backup(data: UserData, path: Path) -> dict[str, int]:
    """Merge a file made by :func:`write_backup` into the store (one transaction)."""
    try:
        content = json.loads(read_text_bounded(path))
    except json.JSONDecodeError as exc:
        raise BackupError(path, f"not valid JSON: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise BackupError(path, "not valid JSON: nested too deeply") from None
    except ValueError as exc:  # an integer of more than 4300 digits (int_max_str_digits)
        raise BackupError(path, f"not valid JSON: {exc}") from None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise BackupError(path, f'not a Reader user-data file (no "format": "{FORMAT}")')
    if not isinstance(content.get("version"), int) or content["version"] > VERSION:
        raise BackupError(path, f"made by a newer Reader (version {content.get('version')})")
    try:
        terms = [
            (check_hanzi(t["hanzi"]), clean_fields(t["fields"]), bool(t["user"]))
            for t in content.get("terms", [])
        ]
        sources = [
            (s["key"], s["title"], s.get("url", ""), s.get("note", ""))
            for s in content.get("sources", [])
        ]
        stars = [str(h) for h in content.get("stars", [])]
        notes = [
            (
                n["document"],
                int(n["paragraph"]),
                n.get("anchor", ""),
                check_text("a note", n["text"]),
            )
            for n in content.get("paragraph_notes", [])
        ]
        extra = {
            section: _checked_rows(content.get(section, []), *spec)
            for section, spec in TABLES.items()
        }
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BackupError(path, f"malformed entry ({exc.__class__.__name__}: {exc})") from None
    except DataFileError:
        raise
    except ReaderError as exc:  # TermEditError from a bad field
        raise BackupError(path, str(exc)) from None
    now = time.time()
    with data.store.transaction() as db:
        db.executemany(
            "INSERT INTO source (key, title, url, note) VALUES (?, ?, ?, ?) ON CONFLICT (key)"
            " DO UPDATE SET title = excluded.title, url = excluded.url, note = excluded.note",
            sources,
        )
        for hanzi, fields, user in terms:
            db.execute(
                "INSERT INTO term (hanzi, user, changed) VALUES (?, ?, ?) ON CONFLICT (hanzi)"
                " DO UPDATE SET changed = excluded.changed",
                (hanzi, int(user), now),
            )
            db.executemany(
                "INSERT INTO term_field (hanzi, field, value) VALUES (?, ?, ?)"
                " ON CONFLICT (hanzi, field) DO UPDATE SET value = excluded.value",
                [(hanzi, f, json.dumps(_plain(v), ensure_ascii=False)) for f, v in fields.items()],
            )
        db.executemany(
            "INSERT OR IGNORE INTO star (hanzi, changed) VALUES (?, ?)", [(h, now) for h in stars]
        )
        db.executemany(
            "INSERT INTO paragraph_note VALUES (?, ?, ?, ?, ?) ON CONFLICT (document, paragraph)"
            " DO UPDATE SET anchor = excluded.anchor, text = excluded.text,"
            " changed = excluded.changed",
            [(d, p, a, t, now) for d, p, a, t in notes],
        )
        for section, (table, keys, others) in TABLES.items():
            columns = (*keys, *others)
            update = ", ".join(f"{c} = excluded.{c}" for c in others)
            db.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES"
                f" ({', '.join('?' * len(columns))}) ON CONFLICT ({', '.join(keys)})"
                f" DO UPDATE SET {update}",
                [tuple(row[c] for c in columns) for row in extra[section]],
            )
    return _counts(content)


def _checked_rows(
    rows: Any, _table: str, keys: tuple[str, ...], others: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Rows of another feature's table, each with every column as text or a number."""
    if not isinstance(rows, list):
        raise TypeError("a section must be a list")
    for row in rows:
        if not isinstance(row, dict) or not all(
            isinstance(row.get(c), str | int | float) for c in (*keys, *others)
        ):
            raise ValueError(f"row {row!r} lacks one of {', '.join((*keys, *others))}")
        for value in row.values():  # what 'known add' or a note refuses, a backup may not bring
            if isinstance(value, str):
                check_text(f"a row of {_table}", value)
    return rows
