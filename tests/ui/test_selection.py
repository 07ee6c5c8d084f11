"""One selection, followed by the list, the card, the panes, the status bar and F3.

Each test here is a bug a reader met in the first version: it drives the window with real
key presses and clicks and checks what is on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.ui.occurrence_model import SPAN_ROLE
from tests.ui.test_window import click_text


def row_index(window, term):  # type: ignore[no-untyped-def]
    proxy = window.panel.proxy
    row = window.panel.visible_terms().index(term)
    return proxy.index(row, 0)


def click_row(qtbot, window, term) -> None:  # type: ignore[no-untyped-def]
    table = window.panel.table
    index = row_index(window, term)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def scroll_of(window, doc_id):  # type: ignore[no-untyped-def]
    return window.views[doc_id].area.verticalScrollBar().value()


def test_typing_in_the_filter_changes_neither_the_selection_nor_the_panes(qtbot, window):
    window.select_term("战略稳定")
    window.go_to(window.hits[-1])
    before = {d: scroll_of(window, d) for d in window.views}
    window.panel.filter.setFocus()
    qtbot.keyClicks(window.panel.filter, "yanshen")
    assert window.panel.visible_terms() == ["延伸威慑"]
    assert window.current.term == "战略稳定"
    assert "战略稳定" in window.panel.details.toPlainText()
    assert {d: scroll_of(window, d) for d in window.views} == before
    qtbot.keyClicks(window.panel.filter, "x")  # nothing matches, then back: still no change
    qtbot.keyClick(window.panel.filter, Qt.Key.Key_Backspace)
    assert window.current.term == "战略稳定"


def test_enter_in_the_filter_picks_the_best_match(qtbot, window):
    window.panel.filter.setFocus()
    qtbot.keyClicks(window.panel.filter, "deterrence")
    assert window.current is None
    best = window.panel.visible_terms()[0]
    qtbot.keyClick(window.panel.filter, Qt.Key.Key_Return)
    assert window.current is not None and window.current.term == best
    assert best in window.panel.details.toPlainText()
    assert window.panel.table.selectionModel().isRowSelected(0)


def test_down_in_the_filter_moves_into_the_list_and_selects_its_first_row(qtbot, window):
    window.panel.filter.setFocus()
    qtbot.keyClicks(window.panel.filter, "yanshen")
    qtbot.keyClick(window.panel.filter, Qt.Key.Key_Down)
    assert window.current.term == "延伸威慑"
    assert window.panel.table.hasFocus()
    assert window.views["2025"].layer_spans("occurrences")


def test_after_filtering_the_best_match_is_on_screen(qtbot, window):
    table = window.panel.table
    table.scrollToBottom()
    window.panel.filter.setFocus()
    qtbot.keyClicks(window.panel.filter, "zhanlue")
    first = table.visualRect(window.panel.proxy.index(0, 0))
    assert first.top() >= 0 and table.viewport().rect().contains(first.center())


def test_after_clicking_a_plain_word_no_row_looks_selected_and_the_row_still_works(
    qtbot, window, library
):
    click_row(qtbot, window, "核共享")
    assert window.current.term == "核共享"
    text = library.document("2016").text
    click_text(qtbot, window.views["2016"], text.index("单方面"))
    assert window.current.term == "单方面"
    selection = window.panel.table.selectionModel()
    assert not selection.hasSelection() and not selection.currentIndex().isValid()
    click_row(qtbot, window, "核共享")
    assert window.current.term == "核共享"
    assert "nuclear sharing" in window.panel.details.toPlainText()


def test_after_escape_clicking_the_same_row_shows_its_card_again(qtbot, window):
    click_row(qtbot, window, "核共享")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert "nuclear sharing" not in window.panel.details.toPlainText()
    click_row(qtbot, window, "核共享")
    assert window.current.term == "核共享"
    assert "nuclear sharing" in window.panel.details.toPlainText()


def test_escape_clears_the_status_bar_and_the_occurrence_place(qtbot, window):
    window.select_term("战略稳定")
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert "occurrence 1 of 18" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    message = window.statusBar().currentMessage()
    assert "occurrence" not in message.lower().replace("occurrences", "")
    assert "战略稳定" not in message


def test_the_status_bar_names_the_whole_count_and_the_place_in_its_statement(qtbot, window):
    window.select_term("战略稳定")
    for _ in range(8):
        qtbot.keyClick(window, Qt.Key.Key_F3)
    message = window.statusBar().currentMessage()
    assert "occurrence 8 of 18 in both statements" in message
    assert "2025 ¶" in message and "2 of 12 there" in message


def test_f3_moves_the_occurrence_lists_selection_and_one_pane_shows_the_current_mark(
    qtbot, window, library
):
    text = library.document("2016").text
    click_text(qtbot, window.views["2016"], text.index("战略稳定") + 1)
    term = window.current.term
    for _ in range(library.counts(term)["2016"] + 1):
        qtbot.keyClick(window, Qt.Key.Key_F3)
    current = window.selection.current
    assert current is not None and current[0] == "2025"
    marked = [d for d, v in window.views.items() if v.layer_spans("selected")]
    assert marked == ["2025"]
    row = window.panel.occurrences.selectionModel().currentIndex()
    assert row.data(SPAN_ROLE) == current
    assert window.panel.occurrences.selectionModel().isSelected(row)


def test_f3_past_the_last_occurrence_wraps_and_says_so(qtbot, window):
    window.select_term("延伸威慑")  # one occurrence: every step wraps
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert "wrapped" not in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert "wrapped to the first" in window.statusBar().currentMessage()
    window.select_term("战略稳定")
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.index == 17
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.selection.index == 0
    assert "wrapped to the first" in window.statusBar().currentMessage()


def test_clicking_an_occurrence_row_makes_it_the_one_current_place(qtbot, window):
    window.select_term("战略稳定")
    qtbot.keyClick(window, Qt.Key.Key_F3)  # current in 2016
    index = window.panel.occurrence_indexes()[-1]
    view = window.panel.occurrences
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert window.selection.current == index.data(SPAN_ROLE)
    assert not window.views["2016"].layer_spans("selected")
    QApplication.processEvents()
    # The list puts the term as a word of its own first, so its last row is the last
    # place of 2025 in that order, not necessarily the last in the text.
    number = window.selection.hits.index(index.data(SPAN_ROLE)) + 1
    assert f"occurrence {number} of 18" in window.statusBar().currentMessage()
    assert index.data(SPAN_ROLE)[0] == "2025"
