"""The one TOML loader: every editable data file (glossary, segmentation list, readings) is read
through here, so each gets the same bounds and the same messages.

Bounds: the file is read with :func:`reader.core.files.read_bounded` (a regular file, at most
``MAX_INPUT_BYTES``; a FIFO or a device is refused rather than waited on), a leading BOM is
accepted as editors write one, and nesting so deep that ``tomllib``'s recursive parser runs
out of stack is a message, not a ``RecursionError``. Every problem is a ``DataFileError``
naming the file and, where TOML gives one, the line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reader.core.errors import DataFileError
from reader.core.files import FileAccessError, read_bounded


def load_toml(path: Path, error: type[DataFileError] = DataFileError) -> dict[str, Any]:
    """The parsed contents of the TOML file at ``path``; ``error`` is raised on any problem."""
    try:
        raw = read_bounded(path)
    except FileAccessError as exc:
        raise error(path, exc.problem) from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(path, "not valid UTF-8 text", raw[: exc.start].count(b"\n") + 1) from None
    try:
        return parse_toml(content, path)
    except DataFileError as exc:
        raise error(path, exc.problem, exc.line) from None


def parse_toml(content: str, path: Path) -> dict[str, Any]:
    """``content`` parsed as TOML, or a ``DataFileError`` with the line of the problem."""
    import tomllib  # only when a file changed: cached data needs no TOML parser

    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise DataFileError(
            path, f"not valid TOML: {exc}", int(line.group(1)) if line else None
        ) from None
    except RecursionError:
        raise DataFileError(path, "nested too deeply") from None
    except ValueError as exc:  # an integer of more than 4300 digits (int_max_str_digits)
        raise DataFileError(path, f"not valid TOML: {exc}") from None
