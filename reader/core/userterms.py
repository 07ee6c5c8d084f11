"""The user's side of the glossary: own entries, edits over bundled ones, stars, notes.

``resources/glossary.toml`` is never written. What the user changes lies on top of it in the
store, field by field: an edit to a bundled entry records only the fields that changed, so
"revert to the bundled entry" is deleting those rows, and a newer bundled glossary still shows
through every field the user left alone. :func:`merge` lays the two together into the one
``Glossary`` the library, the CLI and the window see.

Each method that changes something is one store transaction.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from reader.core.errors import ReaderError
from reader.core.glossary import CATEGORIES, PARTS_OF_SPEECH, UNVERIFIED, Glossary, Source, Term
from reader.core.pinyin import has_han
from reader.core.store import Store

TEXT_FIELDS = (
    "pinyin",
    "definition",
    "category",
    "english_source",
    "russian_source",
    "note",
    "variant_of",
    "former_name_of",
    "pos",
)
LIST_FIELDS = ("english", "russian", "related")
FIELDS = TEXT_FIELDS + LIST_FIELDS
FieldValue = str | tuple[str, ...]


class TermEditError(ReaderError):
    """A change to a term that cannot be made (unknown field, bad value, no such entry)."""


@dataclass(frozen=True)
class UserEntry:
    """What the store holds for one hanzi: the fields the user set, and whether the entry is
    the user's own (``user``) or edits over a bundled one."""

    hanzi: str
    user: bool
    fields: dict[str, FieldValue]


@dataclass(frozen=True)
class ParagraphNote:
    document: str
    paragraph: int
    anchor: str
    text: str


#: Characters XML 1.0 cannot hold and terminals obey (ESC, BEL): refused in anything the user
#: saves, so that a TBX export stays well-formed and printing a term or note cannot drive the
#: terminal. Tab and newline stay allowed (a note may have lines).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def check_text(what: str, text: str) -> str:
    """``text``, or a ``TermEditError`` naming ``what`` and the first control character."""
    bad = _CONTROL.search(text)
    if bad:
        raise TermEditError(f"{what} holds the control character U+{ord(bad.group()):04X}")
    return text


def check_hanzi(hanzi: str) -> str:
    hanzi = check_text("the term", hanzi.strip())
    if not has_han(hanzi):
        raise TermEditError(f"{hanzi!r}: a term needs Chinese characters")
    if any(c.isspace() for c in hanzi):
        raise TermEditError(f"{hanzi!r}: a term cannot contain white space")
    return hanzi


def clean_fields(changes: Mapping[str, object]) -> dict[str, FieldValue]:
    """Validated, trimmed field values; a ``TermEditError`` names the first bad one."""
    clean: dict[str, FieldValue] = {}
    for field, value in changes.items():
        if field in TEXT_FIELDS:
            if not isinstance(value, str):
                raise TermEditError(f"field {field!r} must be text")
            clean[field] = check_text(f"field {field!r}", value.strip())
        elif field in LIST_FIELDS:
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise TermEditError(f"field {field!r} must be a list of texts")
            items = (check_text(f"field {field!r}", str(v).strip()) for v in value)
            clean[field] = tuple(dict.fromkeys(v for v in items if v))
        else:
            raise TermEditError(f"unknown field {field!r}; known: {', '.join(FIELDS)}")
    category = clean.get("category")
    if category and category not in CATEGORIES:
        raise TermEditError(f"category {category!r} is not one of {', '.join(CATEGORIES)}")
    pos = clean.get("pos")
    if pos and pos not in PARTS_OF_SPEECH:
        raise TermEditError(f"part of speech {pos!r} is not one of {', '.join(PARTS_OF_SPEECH)}")
    return clean


def _decoded(field: str, value: str) -> object:
    """A stored field value. One that is not JSON (edited by hand, damaged) is shown as the
    text it holds rather than stopping every command: the user sees it and can set it again
    (``reader term add HANZI --english ...``), and nothing stored is dropped."""
    try:
        return json.loads(value)
    except (ValueError, RecursionError):
        return [value] if field in LIST_FIELDS else value


class UserData:
    """Reads and changes the user's terms, sources, stars and paragraph notes in a store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading ---------------------------------------------------------------------------

    def entries(self) -> dict[str, UserEntry]:
        rows = self.store.query("SELECT hanzi, user FROM term ORDER BY changed, hanzi")
        fields: dict[str, dict[str, FieldValue]] = {str(h): {} for h, _ in rows}
        for hanzi, field, value in self.store.query("SELECT hanzi, field, value FROM term_field"):
            decoded = _decoded(str(field), str(value))
            fields[str(hanzi)][str(field)] = (
                tuple(decoded) if isinstance(decoded, list) else str(decoded)
            )
        return {str(h): UserEntry(str(h), bool(u), fields[str(h)]) for h, u in rows}

    def sources(self) -> dict[str, Source]:
        return {
            str(k): Source(str(k), str(t), str(u), str(n))
            for k, t, u, n in self.store.query("SELECT key, title, url, note FROM source")
        }

    def starred(self) -> frozenset[str]:
        return frozenset(str(h) for (h,) in self.store.query("SELECT hanzi FROM star"))

    def paragraph_notes(self, document: str | None = None) -> list[ParagraphNote]:
        sql = "SELECT document, paragraph, anchor, text FROM paragraph_note"
        rows = (
            self.store.query(sql + " WHERE document = ? ORDER BY paragraph", (document,))
            if document is not None
            else self.store.query(sql + " ORDER BY document, paragraph")
        )
        return [ParagraphNote(str(d), int(str(p)), str(a), str(t)) for d, p, a, t in rows]

    # -- changing --------------------------------------------------------------------------

    def set_fields(
        self, hanzi: str, changes: Mapping[str, object], *, user: bool
    ) -> dict[str, FieldValue]:
        """Set the given fields of ``hanzi`` (one transaction); ``user`` says whether a new row
        is the user's own entry (True) or edits over a bundled one (False)."""
        hanzi = check_hanzi(hanzi)
        clean = clean_fields(changes)
        self.set_many([(hanzi, clean, user)])
        return clean

    def set_many(self, items: Sequence[tuple[str, Mapping[str, object], bool]]) -> None:
        """Set fields of many entries in one transaction (an import is one change)."""
        checked = [(check_hanzi(h), clean_fields(c), u) for h, c, u in items]
        now = time.time()
        with self.store.transaction() as db:
            for hanzi, clean, user in checked:
                db.execute(
                    "INSERT INTO term (hanzi, user, changed) VALUES (?, ?, ?)"
                    " ON CONFLICT (hanzi) DO UPDATE SET changed = excluded.changed",
                    (hanzi, int(user), now),
                )
                db.executemany(
                    "INSERT INTO term_field (hanzi, field, value) VALUES (?, ?, ?)"
                    " ON CONFLICT (hanzi, field) DO UPDATE SET value = excluded.value",
                    [(hanzi, f, json.dumps(v, ensure_ascii=False)) for f, v in clean.items()],
                )

    def remove(self, hanzi: str) -> bool:
        """Delete what the store holds for ``hanzi`` (an own entry, or edits: a revert)."""
        with self.store.transaction() as db:
            return db.execute("DELETE FROM term WHERE hanzi = ?", (hanzi,)).rowcount > 0

    def set_star(self, hanzi: str, on: bool) -> None:
        with self.store.transaction() as db:
            if on:
                db.execute(
                    "INSERT OR IGNORE INTO star (hanzi, changed) VALUES (?, ?)",
                    (hanzi, time.time()),
                )
            else:
                db.execute("DELETE FROM star WHERE hanzi = ?", (hanzi,))

    def cite(self, title: str, url: str = "", known: Mapping[str, Source] | None = None) -> str:
        """The key of a source: ``title`` itself when it is a known key, else the user's
        source with that title, created when new (``unverified`` stays unverified)."""
        title = title.strip()
        if not title or title == UNVERIFIED:
            return UNVERIFIED
        if known is not None and title in known:
            return title
        key = "user-" + hashlib.sha1(f"{title}\n{url}".encode()).hexdigest()[:10]
        with self.store.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO source (key, title, url) VALUES (?, ?, ?)",
                (key, title, url.strip()),
            )
        return key

    def set_paragraph_note(self, document: str, paragraph: int, anchor: str, text: str) -> None:
        """Set (or, with empty ``text``, delete) the note on a paragraph."""
        check_text("the note", text)
        with self.store.transaction() as db:
            if text.strip():
                db.execute(
                    "INSERT INTO paragraph_note VALUES (?, ?, ?, ?, ?) ON CONFLICT"
                    " (document, paragraph) DO UPDATE SET anchor = excluded.anchor,"
                    " text = excluded.text, changed = excluded.changed",
                    (document, paragraph, anchor, text.strip(), time.time()),
                )
            else:
                db.execute(
                    "DELETE FROM paragraph_note WHERE document = ? AND paragraph = ?",
                    (document, paragraph),
                )


def merge(bundled: Glossary, data: UserData | None) -> Glossary:
    """The glossary as the user sees it: bundled entries with the user's edits laid over
    them, then the user's own entries, with the user's sources and stars."""
    if data is None:
        return bundled
    entries = data.entries()
    terms: list[Term] = []
    for term in bundled.terms:
        entry = entries.get(term.hanzi)
        if entry is not None and entry.fields:
            terms.append(replace(term, **_term_fields(entry.fields), origin="edited"))
        else:
            terms.append(term)
    for hanzi, entry in entries.items():
        if hanzi not in bundled:
            terms.append(new_term(hanzi, entry.fields))
    sources = {**bundled.sources, **data.sources()}
    return Glossary(terms, bundled.path, sources, data.starred())


def new_term(hanzi: str, fields: Mapping[str, FieldValue]) -> Term:
    """A user entry: what the user gave, the rest empty (an equivalent with no source is
    unverified)."""
    values: dict[str, Any] = {f: "" for f in TEXT_FIELDS}
    values.update({f: () for f in LIST_FIELDS})
    values["english_source"] = values["russian_source"] = UNVERIFIED
    values.update(_term_fields(fields))
    return Term(hanzi=hanzi, origin="user", **values)


def _term_fields(fields: Mapping[str, FieldValue]) -> dict[str, Any]:
    return {f: v for f, v in fields.items() if f in FIELDS}
