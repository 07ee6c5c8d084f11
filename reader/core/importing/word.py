"""A Word document (.docx): its paragraphs and tables' text in the order they stand.

python-docx lists paragraphs and tables separately; walking the body's children instead keeps
a table where it stands between paragraphs. Each table cell's paragraphs become paragraphs, row
by row, so nothing of a table is lost. The first paragraph styled as a heading or title is the
title guess.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.core.errors import ImportFileError
from reader.core.importing import Extracted, Progress


def extract(data: bytes, path: Path, progress: Progress | None = None) -> Extracted:
    document = _open(data, path)
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    paragraphs: list[str] = []
    heading: str | None = None
    for block in _blocks(document, Paragraph, Table):
        text, style = block
        if heading is None and text.strip() and _is_heading(style):
            heading = text.strip()
        paragraphs.extend(line.strip() for line in text.split("\n") if line.strip())
    return Extracted(paragraphs, heading=heading)


def _open(data: bytes, path: Path) -> Any:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFileError(
            path, "not a Word .docx file (it is not a zip package; a corrupt or old .doc file?)"
        )
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise ImportFileError(
            path, f"a broken Word .docx file ({type(exc).__name__}: {exc})"
        ) from None


def _blocks(document: Any, paragraph_class: Any, table_class: Any) -> Iterator[tuple[str, str]]:
    """(text, style name) of every paragraph, tables' cells included, in document order."""
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = paragraph_class(child, document)
            yield paragraph.text, _style_name(paragraph)
        elif tag == "tbl":
            yield from _table_blocks(table_class(child, document))


def _table_blocks(table: Any) -> Iterator[tuple[str, str]]:
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                continue
            seen.add(id(cell._tc))
            for paragraph in cell.paragraphs:
                yield paragraph.text, ""
            for inner in cell.tables:
                yield from _table_blocks(inner)


def _style_name(paragraph: Any) -> str:
    try:
        return str(paragraph.style.name or "")
    except (AttributeError, KeyError):
        return ""


def _is_heading(style: str) -> bool:
    return style.lower().startswith(("heading", "title"))
