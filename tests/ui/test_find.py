"""Ctrl+F in the texts: typed with real keys, the hits drawn in both panes and counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from tests.ui.pixels import colour_over


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Latin letters as key presses; Chinese as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def find(qtbot, window, query: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    with qtbot.waitSignal(window.selection.changed, timeout=3000):
        type_text(qtbot, window.find_bar.edit, query)


def test_ctrl_f_lingyu_highlights_every_use_in_both_panes_with_a_count(qtbot, window, library):
    find(qtbot, window, "lingyu")
    assert window.find_bar.count.text() == "14 found"
    for doc_id, view in window.views.items():
        text = library.document(doc_id).text
        assert [text[s:e] for s, e in view.layer_spans("occurrences")] == ["领域"] * 7
        assert "7" in view.count_label.text()
    assert "14 found" in window.panel.details.toPlainText()
    assert len(window.panel.occurrence_indexes()) == 14


def test_enter_and_f3_step_through_the_hits_and_draw_the_current_one(qtbot, window, library):
    find(qtbot, window, "领域")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == "1 of 14"
    doc_id, start, end = window.selection.current
    view = window.views[doc_id]
    qtbot.waitUntil(lambda: (start, end) in view.shown_spans("flash"), timeout=2000)
    flash = colour_over(view, start)
    assert flash.red() > 200 and flash.blue() < 120, flash.name()  # orange
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.find_bar.count.text() == "2 of 14"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count.text() == "1 of 14"
    assert "occurrence 1 of 14" in window.statusBar().currentMessage()


def test_a_hit_is_highlighted_on_screen_and_plain_text_is_not(qtbot, window, library):
    find(qtbot, window, "lingyu")
    view = window.views["2016"]
    start, _ = view.layer_spans("occurrences")[0]
    view.scroll_to(start, start + 2)
    qtbot.waitUntil(lambda: bool(view.shown_spans("occurrences")), timeout=2000)
    QApplication.processEvents()
    base = view.area.viewport().palette().color(view.area.viewport().backgroundRole())
    assert colour_over(view, start) != base
    plain = library.document("2016").text.index("，", start)  # a comma near it: not found
    assert colour_over(view, plain) == base


def test_escape_closes_the_bar_and_clears_the_hits(qtbot, window):
    find(qtbot, window, "lingyu")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.selection.target is None
    assert all(not v.layer_spans("occurrences") for v in window.views.values())


def test_the_glossary_scope_filters_the_list_and_enter_picks_the_term(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.set_scope("glossary")
    qtbot.keyClicks(window.find_bar.edit, "yanshen")
    assert window.panel.visible_terms() == ["延伸威慑"]
    assert window.current is None
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.current is not None and window.current.term == "延伸威慑"
    assert window.settings.value("find/scope") == "glossary"


def test_a_query_found_nowhere_says_so(qtbot, window):
    find(qtbot, window, "xyzzy")
    assert window.find_bar.count.text() == "not found"
    assert "Not found in the texts" in window.panel.details.toPlainText()


def test_the_close_button_closes_the_bar_and_clears_the_hits(qtbot, window):
    find(qtbot, window, "lingyu")
    qtbot.mouseClick(window.find_bar.close_button, Qt.MouseButton.LeftButton)
    assert not window.find_bar.isVisible()
    assert window.selection.target is None
    assert all(not v.layer_spans("occurrences") for v in window.views.values())


def test_changing_the_scope_says_what_to_type_and_counts_anew(qtbot, window):
    find(qtbot, window, "lingyu")
    bar = window.find_bar
    assert bar.count.text() == "14 found"
    bar.scope.setFocus()
    qtbot.keyClick(bar.scope, Qt.Key.Key_Down)
    assert bar.current_scope() == "glossary"
    assert bar.count.text() != "14 found", "the text's count is not the glossary's"
    assert bar.edit.placeholderText() == "Find a term: 延伸, yanshen, deterrence…"


def test_enter_right_after_typing_finds_without_waiting_for_the_pause(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.edit, "lingyu")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)  # before the typing pause ends
    assert window.find_bar.count.text() == "1 of 14"
