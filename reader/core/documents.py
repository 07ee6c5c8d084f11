"""The statements: a readable, editable text file each, loaded into ``Document`` objects.

File format (UTF-8)::

    id: 2016
    title: 中华人民共和国主席和俄罗斯联邦总统关于……联合声明
    date: 2016-06-25
    place: Beijing (北京)
    source: where the text comes from
    ---
    first paragraph (the title as it stands in the statement)

    next paragraph

    - a list item

Paragraphs are separated by blank lines; a paragraph that begins with ``- `` is a list item (the
marker is not part of the text). The document's ``text`` is its paragraphs joined by ``\\n``:
every offset the core reports is an index into that string.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import DocumentFormatError
from reader.core.files import FileAccessError, read_bounded

REQUIRED_FIELDS = ("id", "title", "date", "place", "source")
ITEM_MARKER = "- "
#: NUL, ESC, BEL, DEL...: never in a statement's text; printed by ``segment`` or ``find`` they
#: would drive the terminal, and a TMX export could not hold them.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its 1-based number, its span in the document text and its kind."""

    number: int
    start: int
    end: int
    kind: str  # "title", "body" or "item"


@dataclass(frozen=True)
class Document:
    """A statement with its metadata; ``text`` is never altered after loading."""

    id: str
    title: str
    date: str
    place: str
    source: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    path: Path
    extra: dict[str, str] = field(default_factory=dict)
    origin: str = "bundled"  # "bundled" (texts/) or "user" (imported into the data folder)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.start for p in self.paragraphs))

    def paragraph_at(self, offset: int) -> Paragraph:
        """The paragraph holding character ``offset`` (a newline belongs to the one before)."""
        return self.paragraphs[max(0, bisect_right(self._starts, offset) - 1)]

    def paragraph_text(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.end]

    @property
    def year(self) -> str:
        return self.date[:4]


def load_document(path: Path, origin: str = "bundled") -> Document:
    """Read and validate one text file; every problem names the file and line."""
    try:
        raw = read_bounded(path)
    except FileAccessError as exc:
        raise DocumentFormatError(path, exc.problem) from None
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DocumentFormatError(path, "not valid UTF-8 text", line) from None
    return parse_document(content.removeprefix("\ufeff"), path, origin)


def parse_document(content: str, path: Path, origin: str = "bundled") -> Document:
    bad = _CONTROL.search(content)
    if bad:
        line = content.count("\n", 0, bad.start()) + 1
        problem = f"holds the control character U+{ord(bad.group()):04X}"
        raise DocumentFormatError(path, problem, line)
    lines = content.splitlines()
    meta, body_start = _parse_header(lines, path)
    paragraphs, text = _parse_body(lines[body_start:], body_start, path)
    return Document(
        id=meta.pop("id"),
        title=meta.pop("title"),
        date=meta.pop("date"),
        place=meta.pop("place"),
        source=meta.pop("source"),
        text=text,
        paragraphs=paragraphs,
        path=path,
        extra=meta,
        origin=origin,
    )


def _parse_header(lines: list[str], path: Path) -> tuple[dict[str, str], int]:
    meta: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if line.strip() == "---":
            _check_header(meta, path, number)
            return meta, number
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or not key or " " in key:
            raise DocumentFormatError(
                path,
                f"expected 'key: value' in the metadata header (end it with a '---' line), got {line!r}",
                number,
            )
        if key in meta:
            raise DocumentFormatError(path, f"header field {key!r} given twice", number)
        meta[key] = value.strip()
    raise DocumentFormatError(path, "no '---' line ends the metadata header", len(lines) or 1)


def _check_header(meta: dict[str, str], path: Path, line: int) -> None:
    for name in REQUIRED_FIELDS:
        if not meta.get(name):
            raise DocumentFormatError(path, f"missing {name!r} in the metadata header", line)
    if not _ID_PATTERN.match(meta["id"]):
        raise DocumentFormatError(path, f"id {meta['id']!r} must be short letters/digits/-/_", line)
    try:
        _dt.date.fromisoformat(meta["date"])
    except ValueError:
        raise DocumentFormatError(path, f"date {meta['date']!r} is not YYYY-MM-DD", line) from None


def _parse_body(lines: list[str], offset: int, path: Path) -> tuple[tuple[Paragraph, ...], str]:
    blocks = list(_blocks(lines, offset))
    if not blocks:
        raise DocumentFormatError(path, "the document has no text after '---'", offset + 1)
    paragraphs: list[Paragraph] = []
    texts: list[str] = []
    position = 0
    for index, (first_line, block) in enumerate(blocks):
        kind = "title" if index == 0 else "body"
        if block.startswith(ITEM_MARKER):
            kind, block = "item", block[len(ITEM_MARKER) :]
        if not block.strip():
            raise DocumentFormatError(path, "empty list item", first_line)
        paragraphs.append(Paragraph(index + 1, position, position + len(block), kind))
        texts.append(block)
        position += len(block) + 1
    return tuple(paragraphs), "\n".join(texts)


def _blocks(lines: list[str], offset: int) -> Iterable[tuple[int, str]]:
    """Paragraphs as (line number of their first line, text); lines of one block are joined."""
    current: list[str] = []
    first = 0
    for number, line in enumerate(lines, start=offset + 1):
        if line.strip():
            if not current:
                first = number
            current.append(line)
        elif current:
            yield first, "".join(current)
            current = []
    if current:
        yield first, "".join(current)


def load_documents(
    folder: Path, origin: str = "bundled"
) -> tuple[list[Document], list[DocumentFormatError]]:
    """Every ``*.txt`` in ``folder``, ordered by date; broken files are returned, not raised,
    so that the window can open what it can and name what it could not."""
    documents: list[Document] = []
    problems: list[DocumentFormatError] = []
    if not folder.is_dir():
        return [], [DocumentFormatError(folder, "texts folder not found")]
    seen: dict[str, Path] = {}
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        return [], [DocumentFormatError(folder, "no texts (*.txt files) in this folder")]
    for path in paths:
        try:
            document = load_document(path, origin)
        except DocumentFormatError as exc:
            problems.append(exc)
            continue
        if document.id in seen:
            problems.append(
                DocumentFormatError(
                    path, f"id {document.id!r} is already used by {seen[document.id]}"
                )
            )
            continue
        seen[document.id] = path
        documents.append(document)
    documents.sort(key=lambda d: (d.date, d.id))
    return documents, problems
