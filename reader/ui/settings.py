"""The one settings module: a defaults dict over QSettings, with an injectable file path.

Tests pass a path in ``tmp_path``; the app uses ``$READER_SETTINGS`` if set (a portable
install, or a test of the whole start-up), else the platform's usual location. Every key the
app stores is listed in ``DEFAULTS``, so there is one place to see what is remembered.
"""

from __future__ import annotations

import os
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
    "selection/term": "",
    "find/scope": "text",  # what Ctrl+F searches: "text" or "glossary"
    "reading/hover": True,  # pinyin and a gloss when the mouse rests on a word
    "reading/paragraph_numbers": False,
    "reading/positions": "",  # "2016=120;2025=0": the character at the top of each pane
    "export/folder": "",  # where the last export went ("": the home folder)
    "export/format": "tsv",
}


class Settings:
    """Typed access to the remembered state; unknown keys are a programming error."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None and os.environ.get(SETTINGS_ENV):
            path = Path(os.environ[SETTINGS_ENV])
        if path is None:
            self._qsettings = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "reader", "reader"
            )
        else:
            self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self._qsettings.value(key, default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(default, int):
            try:
                return int(value)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                return default
        if isinstance(default, QByteArray) and not isinstance(value, QByteArray):
            return default
        return value

    def set_value(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._qsettings.setValue(key, value)

    def sync(self) -> None:
        self._qsettings.sync()
