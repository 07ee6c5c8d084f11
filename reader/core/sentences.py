"""Sentences of a document, as spans of its text, for alignment with a translation.

Why spans and not strings: every offset the core reports is an index into the document's
``text``, so a sentence is ``(start, end, paragraph)`` and its text is always a slice. A sentence
never crosses a paragraph, and surrounding white space is left outside the span.

Chinese sentences end at 。！？ (and their full-width or ASCII twins), with any closing quotes
or brackets that follow kept in the sentence. European sentences end at . ! ? followed by white
space and something that can start a sentence (a capital, a digit, an opening quote), unless the
word before the full stop is a known abbreviation or a single capital letter (U.S., e.g., No.).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.documents import Document

_CHINESE_END = re.compile(r"[。！？!?]+[”’」』）)\"'》]*")
_EUROPEAN_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“«(\[]?[A-ZА-ЯЁ0-9]|\s*$)")
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "no",
        "nos",
        "art",
        "arts",
        "para",
        "paras",
        "cf",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "т.е",
        "т.д",
        "т.п",
        "г",
        "гг",
        "ст",
        "п",
        "пп",
        "см",
        "рис",
        "др",
    ]
)


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span in the document text and its paragraph's number (title = 1)."""

    start: int
    end: int
    paragraph: int


def is_chinese(text: str) -> bool:
    """True when most letters of ``text`` are Han characters."""
    han = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff" or ch == "〇")
    letters = sum(1 for ch in text if ch.isalpha())
    return han * 2 > letters


def split_sentences(document: Document) -> list[Sentence]:
    """The document's sentences in order, paragraph by paragraph."""
    chinese = is_chinese(document.text)
    sentences: list[Sentence] = []
    for paragraph in document.paragraphs:
        text = document.paragraph_text(paragraph)
        for start, end in _split(text, chinese):
            sentences.append(
                Sentence(paragraph.start + start, paragraph.start + end, paragraph.number)
            )
    return sentences


def _split(text: str, chinese: bool) -> list[tuple[int, int]]:
    pattern = _CHINESE_END if chinese else _EUROPEAN_END
    spans: list[tuple[int, int]] = []
    start = 0
    for match in pattern.finditer(text):
        if not chinese and _is_abbreviation(text, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))]


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word = re.search(r"[\w.]+$", text[:stop])
    if word is None:
        return False
    token = word.group().lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or "." in token


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
