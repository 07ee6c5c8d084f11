"""Errors a person can act on.

Every error the core raises on bad input is a ``ReaderError`` whose message names the file
(and line, where there is one) and the problem, in one line, so that the CLI can print it and
the window can put it in a dialog without a traceback. Anything else that escapes is a bug.
"""

from __future__ import annotations

from pathlib import Path


class ReaderError(Exception):
    """Bad input or environment, explained for a person."""


class DataFileError(ReaderError):
    """A data file (text, glossary, segmentation list) is missing, unreadable or malformed."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        where = f"{self.path} line {line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {problem}")


class DocumentFormatError(DataFileError):
    """A text in texts/ does not follow the documented format."""


class GlossaryError(DataFileError):
    """The glossary file or one of its entries is malformed."""


class SegmentationFileError(DataFileError):
    """The editable segmentation list is malformed."""


class UnknownDocumentError(ReaderError):
    """A document id that is not among the loaded documents."""

    def __init__(self, doc_id: str, known: list[str]) -> None:
        self.doc_id = doc_id
        super().__init__(f"no document with id {doc_id!r}; known ids: {', '.join(known) or 'none'}")


class EmptyQueryError(ReaderError):
    """A look-up of nothing (an empty or blank term): bad input, not a miss."""


class TermNotFoundError(ReaderError):
    """A looked-up term that stands in no document and no dictionary."""


class ImportFileError(DataFileError):
    """A file offered for import is missing, empty, binary, undecodable or of no known kind."""


class AlreadyImportedError(ImportFileError):
    """The same bytes were imported before; the message names the document they became."""


class ImportCancelledError(ImportFileError):
    """The person cancelled an import; nothing was added."""


class LibraryChangeError(ReaderError):
    """A change the library refuses: removing a bundled document, reusing an id."""
