"""Turning a file a person has (text, Word, PDF, a saved web page) or the clipboard into paragraphs.

Each format has its own small module that returns an :class:`Extracted`: the paragraphs in
reading order, the heading if the format marks one, and what cleaning removed (page headers,
page numbers, a site's navigation), so the person importing sees what was dropped. Nothing here
writes anything: :mod:`reader.core.importing.store` saves a document into the user library.

Every read goes through :func:`reader.core.files.read_bounded`: a folder, a FIFO or a file over
the size limit is refused with one line naming it, before any parser sees it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import ImportCancelledError, ImportFileError
from reader.core.files import FileAccessError, read_bounded
from reader.core.importing.metadata import Guess, guess

#: Largest file Reader imports: far above any statement, far below what would hang it.
MAX_IMPORT_BYTES = 50 * 1024 * 1024

#: The kinds of file Reader imports (any other name is read as plain text).
SUFFIXES = (".txt", ".text", ".md", ".docx", ".pdf", ".html", ".htm")

#: Told (done, total) as a long import goes on (pages of a PDF); returns False to cancel.
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Extracted:
    """What a format reader found: paragraphs in order and what it dropped."""

    paragraphs: list[str]
    heading: str | None = None
    removed: list[str] = field(default_factory=list)
    encoding: str | None = None


@dataclass(frozen=True)
class Imported:
    """A file read for import, with Reader's guesses about it; not yet saved anywhere."""

    paragraphs: list[str]
    guess: Guess
    kind: str  # "text", "docx", "pdf", "html" or "clipboard"
    original: str  # the file's name, or "clipboard"
    where: str  # the path as the person gave it, for messages
    sha256: str
    removed: list[str] = field(default_factory=list)
    encoding: str | None = None

    @property
    def characters(self) -> int:
        return sum(len(p) for p in self.paragraphs)


def _readers() -> dict[str, tuple[str, Callable[[bytes, Path, Progress | None], Extracted]]]:
    from reader.core.importing import pdf, plain, webpage, word

    return {
        ".pdf": ("pdf", pdf.extract),
        ".docx": ("docx", word.extract),
        ".html": ("html", webpage.extract),
        ".htm": ("html", webpage.extract),
        ".txt": ("text", plain.extract),
        ".text": ("text", plain.extract),
        ".md": ("text", plain.extract),
    }


def read_import(path: Path, limit: int | None = None, progress: Progress | None = None) -> Imported:
    """Read ``path`` and extract its paragraphs; an ImportFileError says why it cannot be.

    ``progress`` is told how far a long extraction has got; when it returns False the import
    stops with ``ImportCancelledError``."""
    limit = MAX_IMPORT_BYTES if limit is None else limit
    suffix = path.suffix.lower()
    readers = _readers()
    kind, extract = readers.get(suffix, ("text", readers[".txt"][1]))
    try:
        data = read_bounded(path, limit)
    except FileAccessError as exc:
        raise ImportFileError(path, exc.problem) from None
    check_cancelled(progress, 0, 1, path)
    extracted = extract(data, path, progress)
    check_cancelled(progress, 1, 1, path)
    return _finish(extracted, kind, path, data)


def check_cancelled(progress: Progress | None, done: int, total: int, path: Path) -> None:
    if progress is not None and not progress(done, total):
        raise ImportCancelledError(path, "import cancelled")


def from_clipboard(text: str) -> Imported:
    """A document made from pasted text (the window's File › New document from clipboard)."""
    from reader.core.importing import plain

    data = text.encode("utf-8")
    extracted = plain.extract(data, Path("clipboard"), None)
    return _finish(extracted, "clipboard", Path("clipboard"), data)


def _finish(extracted: Extracted, kind: str, path: Path, data: bytes) -> Imported:
    paragraphs = [p for p in extracted.paragraphs if p.strip()]
    if not paragraphs:
        raise ImportFileError(path, "no text found in it")
    return Imported(
        paragraphs=paragraphs,
        guess=guess(paragraphs, extracted.heading),
        kind=kind,
        original=path.name,
        where=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        removed=list(extracted.removed),
        encoding=extracted.encoding,
    )
