"""Adding a term in the window: select, Add to glossary…, save; it is underlined at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog

from reader.core.library import Library
from reader.core.store import Store
from reader.ui.term_dialog import TermDialog


def test_select_add_to_glossary_underlines_lists_and_stars_the_term(
    qtbot, make_window, tmp_path, monkeypatch
):
    library = Library.open(store=Store.open(tmp_path / "reader.sqlite3"))
    window = make_window(library)
    view = window.views["2025"]
    qtbot.waitUntil(view.is_ready)
    start = library.document("2025").text.index("地区安全")
    cursor = QTextCursor(view.area.document())
    cursor.setPosition(start)
    cursor.setPosition(start + 4, QTextCursor.MoveMode.KeepAnchor)
    view.area.setTextCursor(cursor)
    shown: dict[str, str] = {}

    def fill_and_save(dialog: TermDialog) -> int:
        shown["pinyin"] = dialog.pinyin.text()
        dialog.english.setPlainText("regional security")
        dialog.english_source.setText("Interfax, 2025-05-08 <https://example.org/interfax>")
        dialog.english_verified.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TermDialog, "exec", fill_and_save)
    with qtbot.waitSignal(window.user_actions.glossary_changed, timeout=2000):
        window.user_actions.add_term_action.trigger()
    assert shown["pinyin"] == "dìqū ānquán"  # pre-filled by the reader
    term = library.glossary.get("地区安全")
    assert term is not None and term.english == ("regional security",) and term.english_verified
    assert window.model.row_of("地区安全") >= 0
    view.scroll_to(start, start + 4)
    qtbot.waitUntil(lambda: (start, start + 4) in view.layer_spans("glossary"), timeout=2000)
    view.area.setTextCursor(cursor)
    with qtbot.waitSignal(window.user_actions.glossary_changed, timeout=2000):
        window.user_actions.star_action.trigger()
    assert library.glossary.is_starred("地区安全")


def test_stars_show_in_the_list_on_the_card_and_filter_the_list(qtbot, make_window, tmp_path):
    from PySide6.QtCore import QUrl

    from reader.ui.glossary_model import HANZI_ROLE

    library = Library.open(store=Store.open(tmp_path / "reader.sqlite3"))
    window = make_window(library)
    assert window.select_term("战略稳定")
    assert "☆ star" in window.panel.details.toPlainText()
    with qtbot.waitSignal(window.user_actions.glossary_changed, timeout=2000):
        window.panel.details.anchorClicked.emit(QUrl("star:战略稳定"))
    assert library.glossary.is_starred("战略稳定")
    assert "★ starred" in window.panel.details.toPlainText()
    row = window.model.row_of("战略稳定")
    assert window.model.index(row, 0).data() == "战略稳定 ★"
    qtbot.mouseClick(window.panel.starred_only, Qt.MouseButton.LeftButton)
    proxy = window.panel.proxy
    shown = [proxy.index(r, 0).data(HANZI_ROLE) for r in range(proxy.rowCount())]
    assert shown == ["战略稳定"]
    qtbot.mouseClick(window.panel.starred_only, Qt.MouseButton.LeftButton)
    assert proxy.rowCount() == len(library.glossary)


def test_a_paragraph_note_shows_as_a_bar_in_the_margin_and_in_the_tooltip(
    qtbot, make_window, tmp_path, monkeypatch
):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QInputDialog

    library = Library.open(store=Store.open(tmp_path / "reader.sqlite3"))
    library.set_paragraph_note("2025", 3, "compare with 2016 ¶2")
    window = make_window(library)
    view = window.views["2025"]
    qtbot.waitUntil(view.is_ready)
    assert view.area.marked_blocks == {2}
    paragraph = library.document("2025").paragraphs[2]
    view.scroll_to(paragraph.start, paragraph.start + 1)
    qtbot.waitUntil(lambda: view.area.cursorRect(_cursor_at(view, paragraph.start)).top() >= 0)
    y = view.area.cursorRect(_cursor_at(view, paragraph.start)).center().y()
    image = view.area.viewport().grab().toImage()
    link = view.area.palette().color(QPalette.ColorRole.Link)
    assert image.pixelColor(1, y).name() == link.name()
    assert image.pixelColor(1, y).name() != image.pixelColor(1, 2).name() or y < 4
    assert window._paragraph_note_at("2025", paragraph.start + 2) == "compare with 2016 ¶2"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *args: ("", True)))
    with qtbot.waitSignal(window.user_actions.notes_changed, timeout=2000):
        window.user_actions.edit_paragraph_note("2025", 3)
    assert library.paragraph_notes("2025") == {}
    assert view.area.marked_blocks == set()


def _cursor_at(view, offset):
    cursor = QTextCursor(view.area.document())
    cursor.setPosition(offset)
    return cursor


def test_candidates_tab_adds_a_candidate_in_one_click(qtbot, make_window, tmp_path, monkeypatch):
    library = Library.open(store=Store.open(tmp_path / "reader.sqlite3"))
    window = make_window(library)
    view = window.candidates
    assert view.table.rowCount() == 0  # nothing computed before the tab is shown
    window.candidates_dock.raise_()
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=5000)
    listed = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert "军事设施" in listed and not any(h in library.glossary for h in listed)
    row = listed.index("军事设施")
    qtbot.mouseClick(
        view.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.table.visualRect(view.table.model().index(row, 0)).center(),
    )
    assert view.selected() == "军事设施"
    monkeypatch.setattr(TermDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(window.user_actions.glossary_changed, timeout=2000):
        qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert library.glossary.get("军事设施").origin == "user"
    listed = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert "军事设施" not in listed


def test_edit_a_bundled_entry_then_export_only_starred_terms(
    qtbot, make_window, tmp_path, monkeypatch
):
    library = Library.open(store=Store.open(tmp_path / "reader.sqlite3"))
    window = make_window(library)
    assert window.select_term("战略稳定")  # the selected term is what the action edits
    seen: dict[str, str] = {}

    def add_a_note(dialog: TermDialog) -> int:
        seen["english"] = dialog.english.toPlainText()
        dialog.note.setPlainText("check the 2025 wording")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TermDialog, "exec", add_a_note)
    with qtbot.waitSignal(window.user_actions.glossary_changed, timeout=2000):
        window.user_actions.add_term_action.trigger()
    assert seen["english"] == "strategic stability"  # the dialog showed the entry
    term = library.glossary.get("战略稳定")
    assert term.origin == "edited" and term.note == "check the 2025 wording"
    assert "with your edits" in window.panel.details.toPlainText()
    library.star("战略稳定")
    target = tmp_path / "starred.tsv"
    assert window.export_to("tsv", None, target, starred=True)
    rows = target.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and rows[1].startswith("战略稳定\t")


def test_import_terms_preview_lets_the_user_choose_entry_by_entry(
    qtbot, make_window, tmp_path, monkeypatch
):
    from reader.ui.terms_import_dialog import TermsImportDialog
    from tests.conftest import ROOT

    library = Library.open(store=Store.open(tmp_path / "reader.sqlite3"))
    window = make_window(library)
    shown: dict[str, str] = {}

    def choose(dialog: TermsImportDialog) -> int:
        rows = {dialog.table.item(r, 2).text(): r for r in range(dialog.table.rowCount())}
        shown["changes"] = dialog.table.item(rows["战略稳定"], 4).text()
        shown["what"] = dialog.table.item(rows["地区安全"], 3).text()
        dialog.table.item(rows["战略稳定"], 1).setCheckState(Qt.CheckState.Checked)
        dialog.table.item(rows["地区安全"], 0).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TermsImportDialog, "exec", choose)
    with qtbot.waitSignal(window.user_actions.glossary_changed, timeout=2000):
        window.user_actions.import_terms(ROOT / "tests" / "data" / "termbases" / "xbench.tbx")
    assert shown == {
        "changes": "english: strategic stability → strategic steadiness",
        "what": "new",
    }
    assert "地区安全" not in library.glossary
    assert library.glossary.get("战略稳定").english == ("strategic steadiness",)
    assert window.model.index(window.model.row_of("战略稳定"), 2).data() == "strategic steadiness"
