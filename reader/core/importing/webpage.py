"""A saved web page (.html/.htm): the statement only, without the site around it.

Why our own extractor on lxml: trafilatura and readability-lxml both dropped the statement's
title (its ``<h1>``) from a test page made like a Chinese ministry's, and neither reports what
it left out. The rule here is readability's core, small enough to read: the article is the
element whose own paragraphs hold the most Chinese characters; its heading is the ``<h1>``
(or ``<h2>``) inside it or just before it. Everything else — navigation, a sidebar of other
headlines, share buttons, the footer, scripts and styles — is left out and reported.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reader.core.errors import ImportFileError
from reader.core.importing import Extracted, Progress
from reader.core.importing.text import decode

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
SKIP = {"script", "style", "noscript", "template", "iframe", "svg", "head", "select", "button"}
BLOCK = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr",
    "table", "blockquote", "pre", "section", "article", "dd", "dt", "dl", "center",
    "header", "footer", "nav", "aside", "main", "form", "figure", "figcaption", "hr",
}  # fmt: skip
PARAGRAPH_TAGS = {"p", "br", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "center"}
REPORT_LIMIT = 60


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def extract(data: bytes, path: Path, progress: Progress | None = None) -> Extracted:
    root = _parse(_decode(data, path), path)
    page_title = " ".join((root.findtext(".//title") or "").split())
    script_han = sum(han_count(e.text_content()) for e in root.iter(*SKIP))
    body = root.find("body") if root.find("body") is not None else root
    article = best_container(body)
    if article is None:
        raise ImportFileError(path, "no Chinese text found in the web page")
    heading = _heading(article, body)
    paragraphs = blocks(article)
    title: str | None
    if heading is not None and heading.getparent() is not None:
        if not _inside(heading, article):
            paragraphs.insert(0, _flat(heading.text_content()))
            heading.getparent().remove(heading)
        title = _flat(heading.text_content())
    else:
        title = re.split(r"\s*[_|｜–—]\s*|\s+-\s+", page_title)[0] or None
    if article.getparent() is not None:
        article.getparent().remove(article)
    removed = [_short(text) for text in blocks(body) if han_count(text) or text.isalpha()]
    if script_han:
        removed.append(f"scripts and styles ({script_han} Chinese characters)")
    return Extracted([p for p in paragraphs if p], heading=title, removed=removed)


def _decode(data: bytes, path: Path) -> str:
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = {"gb2312": "gb18030", "gbk": "gb18030"}.get(name, name)
        try:
            return data.decode(name).removeprefix("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)[0]


def _parse(text: str, path: Path) -> Any:
    import lxml.html
    from lxml import etree

    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ImportFileError(path, f"not a readable web page ({exc})") from None


def best_container(body: Any) -> Any:
    """The element whose direct paragraph children hold the most Chinese characters."""
    best, best_score = None, 0
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in SKIP:
            continue
        score = han_count(element.text or "")
        for child in element:
            if isinstance(child.tag, str) and child.tag in PARAGRAPH_TAGS:
                score += han_count(child.text_content())
            score += han_count(child.tail or "")
        if score > best_score:
            best, best_score = element, score
    return best


def _heading(article: Any, body: Any) -> Any:
    """The ``<h1>`` inside the article, else the last ``<h1>``/``<h2>`` before it."""
    inside = article.find(".//h1")
    if inside is not None:
        return inside
    last = None
    for element in body.iter():
        if element is article:
            return last
        if element.tag in ("h1", "h2"):
            last = element
    return last


def _inside(element: Any, container: Any) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


def blocks(element: Any) -> list[str]:
    """The paragraphs of ``element``: text split at block elements and ``<br>``."""
    parts: list[list[str]] = [[]]
    _collect(element, parts)
    return [text for text in (_flat("".join(p)) for p in parts) if text]


def _collect(element: Any, parts: list[list[str]]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag not in SKIP and isinstance(element.tag, str):
        block = tag in BLOCK
        if block or tag == "br":
            parts.append([])
        parts[-1].append(element.text or "")
        for child in element:
            _collect(child, parts)
        if block:
            parts.append([])
    parts[-1].append(element.tail or "")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _short(text: str) -> str:
    return text if len(text) <= REPORT_LIMIT else text[: REPORT_LIMIT - 1] + "…"
