"""Fixtures for window tests: a real window over the real texts, settings in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library import Library
from reader.ui.fonts import BUNDLED_FAMILY, register_bundled_font
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, library, settings_path):  # type: ignore[no-untyped-def]
    """A shown main window; call again with the same settings path to 'restart'."""

    def make(lib: Library | None = None) -> MainWindow:
        register_bundled_font()
        window = MainWindow(lib or library, Settings(settings_path), BUNDLED_FAMILY)
        qtbot.addWidget(window)
        window.restore_state()
        window.resize(1400, 900)
        window.size_panel(0.35)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window):  # type: ignore[no-untyped-def]
    return make_window()
