"""Plain text in whatever encoding a reader meets: decoded, its encoding named, split into lines.

Why the order below: a byte-order mark is certain, so it wins; strict UTF-8 is next because
random bytes almost never decode as UTF-8; only then is charset-normalizer asked, since it
must guess. GBK and GB2312 guesses are decoded as GB18030, their superset, so a rare character
outside GBK is kept rather than refused. A decoded text with control characters in it is a
binary file that happened to decode, and is refused rather than imported as noise.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from reader.core.errors import ImportFileError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs"}
_ALLOWED_CONTROLS = set("\t\n\r\f\v")


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """The text of ``data`` with line ends made ``\\n``, and the encoding it was read in."""
    if not data.strip():
        raise ImportFileError(path, "the file is empty")
    text, encoding = _decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = next(
        (c for c in text if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS), None
    )
    if bad is not None:
        raise ImportFileError(path, "looks like a binary file, not text")
    if not text.strip():
        raise ImportFileError(path, "the file has no text")
    return text, encoding


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            name = _bom_name(bom)
            try:
                return data.decode(codec).removeprefix("\ufeff"), name
            except UnicodeDecodeError as exc:
                raise ImportFileError(path, f"not valid {name} text ({exc.reason})") from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ImportFileError(path, "looks like a binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ImportFileError(
            path, "cannot tell the text's encoding: it is not text Reader can decode"
        )
    codec = _SUPERSETS.get(best.encoding.lower(), best.encoding)
    try:
        return data.decode(codec), codecs.lookup(codec).name.upper()
    except (UnicodeDecodeError, LookupError):
        return str(best), best.encoding.upper()


def _bom_name(bom: bytes) -> str:
    return {
        codecs.BOM_UTF8: "UTF-8 with BOM",
        codecs.BOM_UTF16_LE: "UTF-16 LE",
        codecs.BOM_UTF16_BE: "UTF-16 BE",
        codecs.BOM_UTF32_LE: "UTF-32 LE",
        codecs.BOM_UTF32_BE: "UTF-32 BE",
    }[bom]


def paragraphs_of(text: str) -> list[str]:
    """One paragraph per non-blank line, its surrounding space (ASCII or ideographic) removed.

    Chinese text files keep a paragraph on one line; a blank line is only spacing."""
    return [line.strip() for line in text.split("\n") if line.strip()]
