"""The window against hostile data, settings and signals: markup shows as text, every setting
is validated and clamped, and Ctrl+C or kill close it cleanly, saving its state."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.library import Library
from reader.ui.fonts import BUNDLED_FAMILY, register_bundled_font
from reader.ui.main_window import MainWindow
from reader.ui.plain import plain_message_box, plain_tooltip
from reader.ui.settings import DEFAULTS, Settings, clean
from tests.robustness.conftest import ROOT

HOSTILE = '<img src="file:///dev/zero"><b>bold</b>&amp;'


_made: list[MainWindow] = []


@pytest.fixture(autouse=True)
def _delete_windows():  # type: ignore[no-untyped-def]
    """Windows are deleted, not only closed, so that later tests see no stray top-levels."""
    yield
    while _made:
        window = _made.pop()
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _window(qtbot, library: Library, settings: Settings) -> MainWindow:  # type: ignore[no-untyped-def]
    register_bundled_font()
    window = MainWindow(library, settings, BUNDLED_FAMILY)
    _made.append(window)
    window.restore_state()
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def hostile_library(tmp_path: Path) -> Library:
    texts = Path(shutil.copytree(ROOT / "texts", tmp_path / "texts"))
    original = (texts / "2016.txt").read_text(encoding="utf-8")
    lines = original.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("title:"):
            lines[number] = f"title: {HOSTILE}"
        elif line.startswith("place:"):
            lines[number] = f"place: {HOSTILE}"
    (texts / "2016.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    library = Library.open(texts=texts)
    assert not library.problems
    return library


def test_markup_in_a_title_and_place_is_shown_as_text(qtbot, hostile_library, tmp_path) -> None:
    window = _window(qtbot, hostile_library, Settings(tmp_path / "s.ini"))
    view = window.views["2016"]
    assert view.title_label.text() == HOSTILE
    assert HOSTILE in view.findChildren(type(view.title_label))[1].text()
    assert "&lt;img" in view.title_label.toolTip()
    window.select_term("战略稳定")
    assert "战略稳定: " in view.count_label.text()
    grabbed = window.grab()  # painting the header with the hostile title must not abort
    assert not grabbed.isNull()


def test_tool_tips_and_dialogs_show_data_literally(qtbot) -> None:
    assert plain_tooltip("plain") == "plain"
    assert plain_tooltip(HOSTILE) == (
        "<qt>&lt;img src=&quot;file:///dev/zero&quot;&gt;&lt;b&gt;bold&lt;/b&gt;&amp;amp;</qt>"
    )
    box = plain_message_box(None, QMessageBox.Icon.Warning, "Export failed", HOSTILE)
    assert box.text() == HOSTILE
    assert box.textFormat().name == "PlainText"
    box.deleteLater()


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("reading/zoom", "99999999999999999999", 24),
        ("reading/zoom", "1000", 24),
        ("reading/zoom", "-1000", -8),
        ("reading/zoom", "9" * 5000, 0),
        ("reading/zoom", "abc", 0),
        ("reading/zoom", "1.5", 0),
        ("reading/zoom", ["1", "2"], 0),
        ("reading/zoom", " 3 ", 3),
        ("reading/tone_colours", "false", False),
        ("reading/tone_colours", "maybe", True),
        ("reading/tone_colours", ["true"], True),
        ("selection/term", "x" * 10_000, ""),
        ("selection/term", ["a", "b"], ""),
        ("find/scope", "<script>", "text"),
        ("find/scope", "glossary", "glossary"),
        ("window/geometry", "not bytes", QByteArray()),
        ("window/state", QByteArray(b"\0" * (1024 * 1024)), QByteArray()),
    ],
)
def test_every_setting_is_validated_and_clamped(key: str, raw: object, expected: object) -> None:
    assert clean(key, raw) == expected
    assert type(clean(key, raw)) is type(DEFAULTS[key])


@pytest.mark.qt_log_ignore("QVariant::load")
def test_a_hostile_settings_file_opens_the_window_with_clamped_values(
    qtbot, library, tmp_path: Path
) -> None:
    path = tmp_path / "settings.ini"
    path.write_text(
        "[reading]\nzoom=99999999999999999999\ntone_colours=@Variant(\\0\\0\\0\\x7f\\xff)\n"
        "[window]\ngeometry=@ByteArray(\\xff\\xff\\xff\\xff)\nstate=garbage\n"
        "splitter=@ByteArray()\n[selection]\nterm=<img src=x>\n[find]\nscope=everything\n",
        encoding="utf-8",
    )
    with qtbot.captureExceptions() as errors:
        window = _window(qtbot, library, Settings(path))
    assert not errors
    assert window.zoom == 24
    assert window.settings.value("find/scope") == "text"


@pytest.mark.parametrize("kind", ["fifo", "folder", "huge"])
def test_a_settings_path_that_is_not_a_settings_file_runs_on_defaults(
    qtbot, library, tmp_path: Path, capsys, kind: str
) -> None:
    path = tmp_path / "settings.ini"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        with open(path, "wb") as handle:
            handle.truncate(50 * 1024 * 1024)
    settings = Settings(path)
    assert "reader: warning: settings file" in capsys.readouterr().err
    window = _window(qtbot, library, settings)
    window.set_zoom(4)
    window.close()
    assert settings.value("reading/zoom") == 4  # remembered for this run only
    assert path.is_dir() or path.is_fifo() or path.stat().st_size == 50 * 1024 * 1024


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_closes_the_window_and_saves_its_state(
    built_cache: Path, tmp_path: Path, signal_number: int
) -> None:
    settings = tmp_path / "settings.ini"
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--select", "战略稳定"],
        cwd=ROOT,
        env={
            **os.environ,
            "READER_CACHE_DIR": str(built_cache),
            "READER_SETTINGS": str(settings),
            "QT_QPA_PLATFORM": "offscreen",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # QSettings writes the selected term once the event loop runs, after the handlers are in.
    deadline = time.monotonic() + 60
    while not settings.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert settings.exists(), process.communicate()
    process.send_signal(signal_number)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    saved = QSettings(str(settings), QSettings.Format.IniFormat)
    assert not saved.value("window/geometry", QByteArray()).isEmpty()
    assert saved.value("selection/term") == "战略稳定"
