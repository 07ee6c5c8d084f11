"""A plain text file: decoded in whatever encoding it is in, one paragraph per line."""

from __future__ import annotations

from pathlib import Path

from reader.core.importing import Extracted, Progress
from reader.core.importing.text import decode, paragraphs_of


def extract(data: bytes, path: Path, progress: Progress | None = None) -> Extracted:
    text, encoding = decode(data, path)
    return Extracted(paragraphs_of(text), encoding=encoding)
