"""Adding a term in the window: select, Add to glossary…, save; it is underlined at once."""

from __future__ import annotations

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
