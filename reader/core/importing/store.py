"""The user library: imported documents as text files in the data folder, in the texts/ format.

Why plain files: a person can open one, read it and fix a character with any editor, exactly as
with the bundled texts. Each file is written atomically (:func:`reader.core.files.write_file`),
so a failed import leaves nothing half-written. The header records where the text came from
(``original``, ``sha256``, ``format``, ``encoding``, ``imported``) and what cleaning removed
(``removed``); the SHA-256 is how importing the same bytes again is recognised.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.documents import ITEM_MARKER, Document, load_document, load_documents
from reader.core.errors import AlreadyImportedError, ImportFileError, LibraryChangeError
from reader.core.files import FileAccessError, write_file
from reader.core.importing import Imported
from reader.core.userdirs import data_dir

if TYPE_CHECKING:
    from reader.core.library import Library

FOLDER_NAME = "documents"
UNKNOWN_PLACE = "unknown"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


def user_documents_dir() -> Path:
    """``<data folder>/documents``: where imported documents live."""
    return data_dir() / FOLDER_NAME


def load_user_documents(folder: Path) -> tuple[list[Document], list[ImportFileError]]:
    """The imported documents (none if the folder does not exist yet or is empty: an empty
    library is not a problem, unlike an empty texts/ folder)."""
    if not folder.is_dir() or not any(folder.glob("*.txt")):
        return [], []
    documents, problems = load_documents(folder, origin="user")
    return documents, [ImportFileError(p.path, p.problem, p.line) for p in problems]


@dataclass(frozen=True)
class Metadata:
    """The header of a document about to be saved: guesses, corrected by the person.
    ``extra`` holds further header fields (a translation's ``translation-of`` and ``lang``)."""

    id: str
    title: str
    date: str
    place: str
    source: str
    extra: tuple[tuple[str, str], ...] = ()


def metadata_for(
    imported: Imported,
    taken: set[str],
    *,
    doc_id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    place: str | None = None,
    source: str | None = None,
) -> Metadata:
    """The guessed header with the person's corrections; errors say which field is wrong."""
    where = Path(imported.where)
    date = date or imported.guess.date
    if not date:
        raise ImportFileError(where, "no date found in the text; give one (--date YYYY-MM-DD)")
    try:
        _dt.date.fromisoformat(date)
    except ValueError:
        raise ImportFileError(where, f"date {date!r} is not YYYY-MM-DD") from None
    if doc_id is None:
        doc_id = free_id(date, taken)
    elif not _ID.match(doc_id):
        raise ImportFileError(where, f"id {doc_id!r} must be up to 32 letters, digits, - or _")
    elif doc_id in taken:
        raise ImportFileError(where, f"id {doc_id!r} is already used by another document")
    return Metadata(
        id=doc_id,
        title=_one_line(title or imported.guess.title),
        date=date,
        place=_one_line(place or imported.guess.place or UNKNOWN_PLACE),
        source=_one_line(source or imported.original),
    )


def free_id(date: str, taken: set[str]) -> str:
    """``2019-06-05``, or ``2019-06-05-2`` and so on when that is taken."""
    candidate, number = date, 1
    while candidate in taken:
        number += 1
        candidate = f"{date}-{number}"
    return candidate


def _one_line(value: str) -> str:
    """A header value on one line, without control characters (an ESC in ``--place`` was
    saved and then printed raw by ``reader docs``, driving the terminal)."""
    return " ".join("".join(c if c.isprintable() else " " for c in value).split())


def already_imported(imported: Imported, documents: list[Document]) -> Document | None:
    return next((d for d in documents if d.extra.get("sha256") == imported.sha256), None)


def render(imported: Imported, meta: Metadata) -> str:
    """The file's content in the texts/ format. A paragraph that itself begins with the list
    marker is written as a list item, so that the marker the parser strips is the added one
    and not a character of the text."""
    header = {
        "id": meta.id,
        "title": meta.title,
        "date": meta.date,
        "place": meta.place,
        "source": meta.source,
        **dict(meta.extra),
        "original": _one_line(imported.original),
        "sha256": imported.sha256,
        "format": imported.kind,
        **({"encoding": imported.encoding} if imported.encoding else {}),
        **({"removed": _one_line("; ".join(imported.removed))} if imported.removed else {}),
        "imported": _dt.date.today().isoformat(),
    }
    lines = [f"{key}: {value}" for key, value in header.items()] + ["---"]
    body = []
    for paragraph in imported.paragraphs:
        flat = paragraph.replace("\n", " ").strip()
        body.append(ITEM_MARKER + flat if flat.startswith(ITEM_MARKER.strip()) else flat)
    return "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"


def save(folder: Path, imported: Imported, meta: Metadata) -> Document:
    """Write the document file and read it back, so what is returned is what is on disk."""
    path = folder / f"{meta.id}.txt"
    if path.exists():
        raise LibraryChangeError(f"{path}: a document file with id {meta.id!r} already exists")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_file(path, render(imported, meta))
    except (OSError, FileAccessError) as exc:
        raise ImportFileError(path, f"cannot save the document ({exc})") from None
    return load_document(path, origin="user")


def delete(document: Document) -> None:
    if document.origin != "user":
        raise LibraryChangeError(
            f"{document.id!r} is a bundled document (texts/); only imported documents can be removed"
        )
    try:
        document.path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise LibraryChangeError(f"{document.path}: cannot remove ({exc.strerror})") from None


def check_new(imported: Imported, documents: list[Document]) -> None:
    """Refuse bytes that are already in the library, naming the document they became."""
    twin = already_imported(imported, documents)
    if twin is not None:
        raise AlreadyImportedError(
            Path(imported.where),
            f"already imported as document {twin.id!r} ({twin.path}); nothing added",
        )


def add_to_library(library: Library, imported: Imported, meta: Metadata) -> Document:
    """Save ``imported`` under ``meta`` into the library's user folder and show it there."""
    check_new(imported, library.documents)
    document = save(library.user_folder, imported, meta)
    library.add_document(document)
    return document


def import_path(
    library: Library,
    path: Path,
    translation_of: str | None = None,
    lang: str | None = None,
    **fields: str | None,
) -> Document:
    """``reader import PATH``: read, refuse a repeat, fill in the header, save, add.

    With ``translation_of``, the document is a translation of that library document into
    ``lang``: its date and place default to the original's, and its header says what it
    translates, so alignment, the concordance and the term check find it."""
    from reader.core.importing import read_import

    extra: tuple[tuple[str, str], ...] = ()
    if translation_of is not None:
        original = _translatable(library, path, translation_of, lang)
        fields["date"] = fields.get("date") or original.date
        fields["place"] = fields.get("place") or original.place
        extra = (("translation-of", original.id), ("lang", str(lang)))
    elif lang is not None:
        raise ImportFileError(path, "--lang goes with --translation-of DOC")
    imported = read_import(path)
    check_new(imported, library.documents)
    meta = metadata_for(imported, set(library.document_ids()), **fields)
    if extra:
        meta = replace(meta, extra=extra)
    return add_to_library(library, imported, meta)


def _translatable(library: Library, path: Path, doc_id: str, lang: str | None) -> Document:
    from reader.core.bilingual import LANGUAGES, translation_info

    if lang not in LANGUAGES:
        raise ImportFileError(path, f"a translation needs --lang {' or '.join(LANGUAGES)}")
    original = library.document(doc_id)  # an unknown id: a clear error, nothing read
    if translation_info(original) is not None:
        raise ImportFileError(path, f"{doc_id!r} is itself a translation; give its original")
    return original


def remove_from_library(library: Library, doc_id: str) -> Document:
    """Delete an imported document's file and drop it from the library."""
    document = library.document(doc_id)
    delete(document)
    library.remove_document(doc_id)
    return document
