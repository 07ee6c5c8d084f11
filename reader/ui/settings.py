"""The one settings module: a defaults dict over QSettings, with an injectable file path.

Tests pass a path in ``tmp_path``; the app uses ``$READER_SETTINGS`` if set (a portable
install, or a test of the whole start-up), else the platform's usual location. Every key the
app stores is listed in ``DEFAULTS``, so there is one place to see what is remembered.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_ENV = "READER_SETTINGS"
DEFAULTS: dict[str, Any] = {
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "window/splitter": QByteArray(),
    "reading/zoom": 0,  # steps of one pixel from the base size
    "reading/tone_colours": True,
    "reading/pinyin": "off",
    "reading/tone_text": False,  # characters coloured by tone
    "reading/tint_unknown": False,  # a tint on words not marked known
    "reading/hsk_underline": 0,  # underline words above this HSK level; 0: off  # which words show pinyin above them: off, terms, all
    "selection/term": "",
    "documents/shown": "",  # the documents in the panes, left to right, comma-separated ids
    "find/scope": "text",  # what Ctrl+F searches: "text" or "glossary"
    "reading/hover": True,  # pinyin and a gloss when the mouse rests on a word
    "reading/paragraph_numbers": False,
    "reading/positions": "",  # "2016=120;2025=0": the character at the top of each pane
    "export/folder": "",  # where the last export went ("": the home folder)
    "export/format": "tsv",
}


#: Bounds of the numbers, and the choices of the words, a settings file may hold; anything
#: else (a wrong type, a value out of range, a string of megabytes) reads as the default.
RANGES: dict[str, tuple[int, int]] = {"reading/zoom": (-8, 24)}
CHOICES: dict[str, tuple[str, ...]] = {"find/scope": ("text", "glossary")}
MAX_TEXT = 200
MAX_BYTES = 256 * 1024
#: A settings file larger than this is not Reader's (its own is a few kilobytes).
MAX_FILE_BYTES = 1024 * 1024


class Settings:
    """Typed access to the remembered state; unknown keys are a programming error.

    Every value read is validated against its default's type and clamped to its range, so a
    hand-edited or damaged file can change what is remembered, never break the window. A
    settings path that is not a regular file (a FIFO would hang Qt's reader) or is absurdly
    large is not opened: the window then runs on defaults and remembers nothing."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None and os.environ.get(SETTINGS_ENV):
            path = Path(os.environ[SETTINGS_ENV])
        self._memory: dict[str, Any] | None = None
        problem = _unusable(path if path is not None else _default_path())
        if problem:
            print(f"reader: warning: settings {problem}; using defaults", file=sys.stderr)
            self._memory = {}
            return
        if path is None:
            self._qsettings = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "reader", "reader"
            )
        else:
            self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str) -> Any:
        default = DEFAULTS[key]
        if self._memory is not None:
            return self._memory.get(key, default)
        return clean(key, self._qsettings.value(key, default))

    def set_value(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        if self._memory is not None:
            self._memory[key] = value
        else:
            self._qsettings.setValue(key, value)

    def sync(self) -> None:
        if self._memory is None:
            self._qsettings.sync()


def clean(key: str, value: Any) -> Any:
    """``value`` if it is a valid value for ``key`` (clamped into range), else the default."""
    default = DEFAULTS[key]
    if isinstance(default, bool):
        word = str(value).strip().lower() if isinstance(value, bool | int | str) else ""
        return True if word in ("true", "1") else False if word in ("false", "0") else default
    if isinstance(default, int):
        if isinstance(value, bool | float):
            return default
        try:
            number = int(value.strip() if isinstance(value, str) else value)
        except (TypeError, ValueError, OverflowError):
            return default
        low, high = RANGES.get(key, (-(2**31), 2**31 - 1))
        return max(low, min(high, number))
    if isinstance(default, QByteArray):
        if isinstance(value, QByteArray) and value.size() <= MAX_BYTES:
            return value
        return default
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return default
    if key in CHOICES and value not in CHOICES[key]:
        return default
    return value


def _default_path() -> Path | None:
    """Where Qt keeps the INI file on Linux and other XDG systems; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "reader" / "reader.ini"


def _unusable(path: Path | None) -> str | None:
    """Why the settings file at ``path`` must not be opened, or None if it may."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"file {path}: {exc.strerror}"
    if not stat.S_ISREG(st.st_mode):
        return f"file {path}: is not a regular file"
    if st.st_size > MAX_FILE_BYTES:
        return f"file {path}: is {st.st_size} bytes, too large to be Reader's"
    return None
