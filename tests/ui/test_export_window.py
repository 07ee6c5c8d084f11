"""Exporting from the window as a translator does it: keys and clicks in the dialog, then
what is in the file, its permissions, and what was copied."""

from __future__ import annotations

import csv
import os
import stat

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.test_selection import click_row


def open_dialog(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.export_window
    qtbot.waitExposed(dialog)
    return dialog


def type_path(qtbot, dialog, path) -> None:  # type: ignore[no-untyped-def]
    dialog.path.selectAll()
    qtbot.keyClick(dialog.path, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.path, str(path))


def save(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_file_name_chooses_the_format_and_the_format_renames_the_file(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    assert dialog.parent() is window and dialog.isModal(), "the dialog belongs to the window"
    assert dialog.path.text().endswith("reader-glossary.tsv") and dialog.current_format() == "tsv"
    assert dialog.path.width() > 3 * dialog.browse.width(), "the file name gets the room"
    type_path(qtbot, dialog, tmp_path / "terms.csv")
    assert dialog.current_format() == "csv"
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_Down)  # csv -> tsv
    assert dialog.current_format() == "tsv" and dialog.path.text() == str(tmp_path / "terms.tsv")
    save(qtbot, dialog)
    written = tmp_path / "terms.tsv"
    first = written.read_text(encoding="utf-8").splitlines()[0]
    assert "\t" in first and "english_source" in first, "TSV, with the source column"
    assert not (tmp_path / "terms.csv").exists()


def test_an_export_carries_the_unverified_mark_and_ordinary_permissions(
    qtbot, window, tmp_path, unverified_term
):
    dialog = open_dialog(qtbot, window)
    type_path(qtbot, dialog, tmp_path / "terms.csv")
    save(qtbot, dialog)
    path = tmp_path / "terms.csv"
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    mark = {r["hanzi"]: r["english_source"] for r in rows}
    assert mark[unverified_term.hanzi] == "unverified"
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # 0644 under the usual umask
    assert f"to {path}" in window.statusBar().currentMessage()


def test_per_document_export_and_the_last_folder_and_format_are_remembered(
    qtbot, window, library, tmp_path
):
    dialog = open_dialog(qtbot, window)
    type_path(qtbot, dialog, tmp_path / "only-2016.csv")
    dialog.scope.setFocus()
    qtbot.keyClick(dialog.scope, Qt.Key.Key_Down)  # all -> only 2016
    save(qtbot, dialog)
    rows = list(
        csv.DictReader((tmp_path / "only-2016.csv").read_text(encoding="utf-8-sig").splitlines())
    )
    text = library.document("2016").text
    assert rows and all(r["hanzi"] in text for r in rows)
    assert len(rows) < len(library.glossary)
    again = open_dialog(qtbot, window)
    assert again.current_format() == "csv"
    assert again.path.text() == str(tmp_path / "reader-glossary.csv")
    again.reject()


def test_copy_buttons_put_the_term_pinyin_and_marked_equivalents_on_the_clipboard(
    qtbot, window, unverified_term
):
    term = unverified_term
    click_row(qtbot, window, term.hanzi)
    clipboard = QGuiApplication.clipboard()
    buttons = window.panel.copy_buttons
    qtbot.mouseClick(buttons["term"], Qt.MouseButton.LeftButton)
    assert clipboard.text() == term.hanzi
    qtbot.mouseClick(buttons["pinyin"], Qt.MouseButton.LeftButton)
    assert clipboard.text() == term.pinyin
    qtbot.mouseClick(buttons["equivalents"], Qt.MouseButton.LeftButton)
    english, russian = clipboard.text().split("\n")
    assert english == f"{term.english[0]} (unverified)"
    assert russian == f"{term.russian[0]} (unverified)"


def test_browse_offers_the_current_file_and_takes_the_one_chosen(
    qtbot, window, tmp_path, monkeypatch
):
    from reader.ui import export_dialog

    offered: list[tuple[str, str]] = []
    answers = [str(tmp_path / "chosen.csv"), str(tmp_path / "plain"), ""]

    def save_file_name(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        assert parent is dialog, "the file dialog belongs to the export dialog"
        assert caption == "Export glossary", "the save dialog's title"
        offered.append((start, filters))
        return answers.pop(0), filters

    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", save_file_name)
    dialog = open_dialog(qtbot, window)
    start = dialog.path.text()
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert offered == [(start, "TSV (Anki, Pleco) (*.tsv)")]
    assert dialog.path.text() == str(tmp_path / "chosen.csv") and dialog.current_format() == "csv"
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert offered[-1] == (str(tmp_path / "chosen.csv"), "CSV (spreadsheets) (*.csv)")
    assert dialog.path.text() == str(tmp_path / "plain.csv"), "a bare name gets the suffix"
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)  # cancelled
    assert dialog.path.text() == str(tmp_path / "plain.csv") and dialog.current_format() == "csv"
    dialog.reject()


def test_a_dot_in_the_name_is_kept_when_the_format_changes(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    shown = dialog.format.currentText()
    type_path(qtbot, dialog, tmp_path / "statements.2025")
    assert dialog.format.currentText() == shown, "a name without a known suffix keeps the format"
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_Up)
    from reader.core.export import SUFFIXES

    suffix = SUFFIXES[dialog.current_format()]
    assert dialog.path.text() == str(tmp_path / "statements.2025") + suffix
    dialog.reject()


def test_the_dialog_is_titled_and_names_each_format(qtbot, window):
    from reader.ui.export_dialog import LABELS

    dialog = open_dialog(qtbot, window)
    assert dialog.windowTitle() == "Export glossary"
    assert dialog.format.isVisible() and dialog.format.window() is dialog
    shown = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    assert shown == [LABELS[dialog.format.itemData(i)] for i in range(dialog.format.count())]
    assert "CSV (spreadsheets)" in shown and "Anki deck (.apkg)" in shown
    scopes = [dialog.scope.itemText(i) for i in range(dialog.scope.count())]
    assert scopes[0] == "All glossary terms"
    assert "Only terms in the 2016 statement" in scopes[1:]
    assert dialog.starred.isVisible() and dialog.starred.text() == "Only the terms I starred"
    assert dialog.browse.isVisible() and dialog.browse.text() == "Browse…"
    assert dialog.path.accessibleName() == "Export to file", "what a screen reader announces"
    dialog.reject()


def test_each_field_is_labelled_on_its_row(qtbot, window):
    from PySide6.QtWidgets import QLabel

    dialog = open_dialog(qtbot, window)
    labels = {label.text(): label for label in dialog.findChildren(QLabel) if label.isVisible()}
    assert sorted(t for t in labels if t) == ["File:", "Format:", "Terms:"]
    for text, field in (
        ("Format:", dialog.format),
        ("Terms:", dialog.scope),
        ("File:", dialog.path),
    ):
        label, box = labels[text].geometry(), field.geometry()
        assert field.isVisible() and box.left() > label.right(), text
        assert box.top() <= label.center().y() <= box.bottom(), f"{text} is on its field's row"
    dialog.reject()
