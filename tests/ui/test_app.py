"""Starting the app: bad files give a dialog not a crash; headless screenshots work."""

from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.ui import app as app_module
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.conftest import ROOT


def args(**overrides) -> argparse.Namespace:  # type: ignore[no-untyped-def]
    base = {"texts": None, "glossary": None, "select": None, "screenshot": None, "size": None}
    return argparse.Namespace(**{**base, **overrides})


def test_a_broken_glossary_gives_a_dialog_naming_the_file_and_the_app_still_opens(
    qtbot, monkeypatch, tmp_path
):
    broken = tmp_path / "glossary.toml"
    broken.write_text('[[term]]\nhanzi = "战略稳定"\n', encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setenv("READER_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    assert app_module.run(args(glossary=broken)) == 0
    # Windows of earlier tests may not be deleted yet: the one run() opened is the shown one.
    windows = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    assert windows
    for window in windows:
        qtbot.addWidget(window)
    assert len(shown) == 1
    message = html.unescape(shown[0])
    assert f"{broken} line 1: entry 1 (战略稳定): field 'pinyin' is missing" in message
    assert set(windows[-1].views) == {"2016", "2025"}, "the texts still open"


def test_settings_know_their_keys_and_defaults(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    assert settings.value("reading/zoom") == 0 and settings.value("reading/tone_colours") is True
    settings.set_value("reading/zoom", 4)
    settings.sync()
    assert Settings(tmp_path / "s.ini").value("reading/zoom") == 4
    try:
        settings.set_value("no/such/key", 1)
    except KeyError:
        pass
    else:
        raise AssertionError("unknown keys must be refused")


def test_headless_screenshot_shows_the_selected_term_highlighted(tmp_path):
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--size", "1024x700", "--select", "延伸威慑", "--screenshot", str(shot)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1024, 700)
    flash = QColor(255, 170, 0)
    orange = 0
    for x in range(image.width() // 4, image.width() * 2 // 3, 2):
        for y in range(0, image.height(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - flash.red()) < 40
                and abs(pixel.green() - flash.green()) < 50
                and pixel.blue() < 90
            ):
                orange += 1
    assert orange > 100, "the occurrence of 延伸威慑 is highlighted in the 2025 pane"


def test_every_resource_the_code_names_exists_and_ships_in_the_wheel(tmp_path):
    import zipfile

    from reader import resources

    for parts in resources.ALL_NAMED:
        assert resources.resource(*parts).is_file(), parts
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), "-q"],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("reader-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for parts in resources.ALL_NAMED:
        assert "reader/resources/" + "/".join(parts) in names, parts
    assert {"reader/texts/2016.txt", "reader/texts/2025.txt"} <= names
    assert any(
        n.endswith("licenses/resources/fonts/OFL.txt") or n.endswith("OFL.txt") for n in names
    )


def test_the_wheel_finds_its_packed_resources(tmp_path, monkeypatch):
    from reader import resources

    packed = tmp_path / "reader"
    (packed / "resources").mkdir(parents=True)
    (packed / "texts").mkdir()
    try:
        with monkeypatch.context() as patch:
            resources._find.cache_clear()
            patch.setattr(resources, "_PACKAGE_DIR", packed)
            assert resources.texts_dir() == packed / "texts"
            assert resources.resources_dir() == packed / "resources"
    finally:
        resources._find.cache_clear()
    assert resources.texts_dir() == ROOT / "texts"


def test_a_term_selected_at_start_is_drawn_in_both_panes(qtbot, tmp_path):
    qapp = app_module.create_application()
    window = app_module.start(qapp, args(select="战略稳定"), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    for doc_id in ("2016", "2025"):  # both titles contain the term: on screen from the start
        view = window.views[doc_id]
        qtbot.waitUntil(lambda v=view: bool(v.shown_spans("occurrences")), timeout=3000)
        assert set(view.shown_spans("occurrences")) <= set(view.layer_spans("occurrences"))
        assert view.shown_spans("glossary"), "glossary terms are underlined on screen"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux-only")
def test_without_a_display_the_window_command_explains_instead_of_aborting(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "reader"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "no display to open the window on" in result.stderr and "Traceback" not in result.stderr
