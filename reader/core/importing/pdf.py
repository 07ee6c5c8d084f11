"""A PDF with a text layer, made into paragraphs the way texts/2016.txt was made from the UN PDF.

pypdfium2 (PDFium, BSD/Apache licences) gives each page's text in content order with line
breaks and the box of every character. From the box of each line's first and last character:

- Page furniture goes: a line at the top or foot of a page whose text (digits ignored) repeats
  on at least half the pages (a running header such as ``CD/2075 GE.16-12040``), and a line
  there that is only a page number. What went is reported, once per distinct line.
- Hard wraps are joined: a line ends its paragraph when the next line is indented, a gap larger
  than the line spacing follows, or it stops well short of the right margin (short by a few
  characters only counts after a full stop: ragged lines break early before an opening quote). Joining adds nothing
  between Chinese characters, a space between Latin words, and undoes a hyphen split.

A PDF whose pages carry no text at all is a scan and is refused with a message saying it needs
OCR; an encrypted one is refused as such. Characters are never changed, only line breaks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import ImportFileError
from reader.core.importing import Extracted, Progress, check_cancelled

EDGE_LINES = 2  # how many lines at the top and at the foot of a page may be furniture
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—·•.]*(?:page\s*|第\s*|p\.\s*)?\d{1,4}(?:\s*(?:页|/\s*\d{1,4}|of\s*\d{1,4}))?[\s\-–—·•.]*$",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"[。！？!?.:：;；…”’」』）)]$")
_LATIN_END = re.compile(r"[A-Za-z0-9.,;:!?)\]'\"%]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(\['\"]")


@dataclass
class Line:
    """One line of a page: its text and where it stands (PDF points, y grows upwards)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(1.0, self.top - self.bottom)


def extract(data: bytes, path: Path, progress: Progress | None = None) -> Extracted:
    pages = read_pages(data, path, progress)
    if not any(line.text.strip() for page in pages for line in page):
        raise ImportFileError(path, "no text layer: it needs OCR first")
    blank = [str(n) for n, page in enumerate(pages, start=1) if not page]
    pages, removed = drop_furniture(pages)
    if blank:  # a scanned page among text pages: its words are not in the import
        removed.append(f"no text layer on page {', '.join(blank)}: scanned? it needs OCR")
    return Extracted(join_lines([line for page in pages for line in page]), removed=removed)


def read_pages(data: bytes, path: Path, progress: Progress | None = None) -> list[list[Line]]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message or "security" in message:
            raise ImportFileError(
                path, "encrypted: open it with its password and save a copy without one"
            ) from None
        raise ImportFileError(path, f"not a readable PDF ({exc})") from None
    try:
        pages = []
        for index in range(len(document)):
            check_cancelled(progress, index, len(document), path)
            pages.append(_page_lines(document[index]))
        return pages
    finally:
        document.close()


def _page_lines(page: Any) -> list[Line]:
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    lines: list[Line] = []
    position = 0
    for raw in text.split("\r\n"):
        stripped = raw.strip()
        if stripped:
            first = position + (len(raw) - len(raw.lstrip()))
            last = position + len(raw.rstrip()) - 1
            left, bottom, _, top = textpage.get_charbox(first, loose=True)
            _, _, right, _ = textpage.get_charbox(last, loose=True)
            lines.append(Line(stripped.replace("\x02", "-"), left, right, top, bottom))
        position += len(raw) + 2
    textpage.close()
    page.close()
    return lines


def _edges(page: list[Line]) -> list[Line]:
    """The lines nearest the top and the foot of the page, where furniture stands."""
    ordered = sorted(page, key=lambda line: -line.top)
    return ordered[:EDGE_LINES] + ordered[max(EDGE_LINES, len(ordered) - EDGE_LINES) :]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_furniture(pages: list[list[Line]]) -> tuple[list[list[Line]], list[str]]:
    """Pages without running headers, footers and page numbers, and a report of what went."""
    seen = Counter(shape for page in pages for shape in {_shape(x.text) for x in _edges(page)})
    repeated = {shape for shape, n in seen.items() if len(pages) >= 2 and n * 2 >= len(pages)}
    dropped: Counter[str] = Counter()
    numbers = 0
    kept_pages = []
    for page in pages:
        furniture = set()
        for line in _edges(page):
            if _PAGE_NUMBER.match(line.text):
                furniture.add(id(line))
                numbers += 1
            elif _shape(line.text) in repeated:
                furniture.add(id(line))
                dropped[line.text] += 1
        kept_pages.append([line for line in page if id(line) not in furniture])
    removed = [f"page header or footer “{text}” ({n} pages)" for text, n in dropped.items()]
    if numbers:
        removed.append(f"page numbers ({numbers} pages)")
    return kept_pages, removed


def join_lines(lines: list[Line]) -> list[str]:
    """Paragraphs from wrapped lines (see the module docstring for when a paragraph ends)."""
    if not lines:
        return []
    size = sorted(line.height for line in lines)[len(lines) // 2]
    margin_right = sorted(line.right for line in lines)[int(len(lines) * 0.9)]
    margin_left = Counter(round(line.left) for line in lines).most_common(1)[0][0]
    paragraphs: list[str] = []
    current = lines[0].text
    for before, after in zip(lines, lines[1:], strict=False):
        if _ends_paragraph(before, after, size, margin_left, margin_right):
            paragraphs.append(current)
            current = after.text
        else:
            current = join(current, after.text)
    paragraphs.append(current)
    return paragraphs


def _ends_paragraph(
    before: Line, after: Line, size: float, margin_left: float, margin_right: float
) -> bool:
    shortfall = margin_right - before.right
    if shortfall > 0.4 * (margin_right - margin_left):
        return True
    if shortfall > 1.5 * size and _CLOSING.search(before.text):
        return True
    if after.left > margin_left + 0.8 * size:
        return True
    same_page = after.top < before.top
    return same_page and before.bottom - after.top > 1.0 * size


def join(left: str, right: str) -> str:
    """Two pieces of one wrapped paragraph: hyphen undone, a space only between Latin words."""
    if re.search(r"[A-Za-z]-$", left) and re.match(r"^[a-z]", right):
        return left[:-1] + right
    if _LATIN_END.search(left) and _LATIN_START.match(right):
        return f"{left} {right}"
    return left + right
