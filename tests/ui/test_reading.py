"""Reading without losing one's place, and no dead ends: position across zoom, resize and
restart; paragraph numbers; hover hints for any word; fallbacks and hints where there was
nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.ui.test_window import click_text, point_of


def place_at_top(qtbot, window, doc_id, text_index):  # type: ignore[no-untyped-def]
    view = window.views[doc_id]
    view.set_reading_position(text_index)
    QApplication.processEvents()
    return view


def near(view, offset, expected) -> bool:  # type: ignore[no-untyped-def]
    """The same line of text is at the top (a line holds at most ~60 characters)."""
    return abs(offset - expected) < 60 and view.reading_position() > 0


def test_zooming_keeps_the_same_text_at_the_top_of_each_pane(qtbot, window, library):
    start = library.document("2025").text.index("双方谴责")
    view = place_at_top(qtbot, window, "2025", start)
    before = view.reading_position()
    assert abs(before - start) < 60
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert near(view, view.reading_position(), before), (view.reading_position(), before)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert near(view, view.reading_position(), before)


def test_resizing_and_dragging_the_splitter_keep_the_reading_position(qtbot, window, library):
    start = library.document("2016").text.index("反导领域")
    view = place_at_top(qtbot, window, "2016", start)
    before = view.reading_position()
    window.resize(1024, 700)
    QApplication.processEvents()
    assert near(view, view.reading_position(), before)
    window.splitter.setSizes([250, 550])
    QApplication.processEvents()
    assert near(view, view.reading_position(), before)


def test_the_reading_position_survives_a_restart(qtbot, make_window, library):
    first = make_window()
    start = library.document("2025").text.index("双方特别指出")
    view = place_at_top(qtbot, first, "2025", start)
    saved = view.reading_position()
    first.close()
    second = make_window()
    again = second.views["2025"]
    qtbot.waitUntil(lambda: again.reading_position() > 0, timeout=3000)
    assert near(again, again.reading_position(), saved)
    assert second.views["2016"].reading_position() == 0


def test_paragraph_numbers_stand_level_with_their_paragraphs(qtbot, window, library):
    view = window.views["2025"]
    margin = view.area.margin
    assert not margin.isVisible()
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert margin.isVisible() and window.settings.value("reading/paragraph_numbers")
    offset = library.document("2025").text.index("双方谴责")
    view.set_reading_position(offset)
    QApplication.processEvents()
    numbers = dict(margin.visible_numbers())
    paragraph = library.document("2025").paragraph_at(offset).number
    assert paragraph in numbers
    cursor_rect = point_of(view, library.document("2025").paragraphs[paragraph - 1].start)
    assert abs(numbers[paragraph] - cursor_rect.y()) < 12
    image = margin.grab().toImage()
    background = image.pixelColor(1, 1)
    inked = sum(
        image.pixelColor(x, y) != background
        for x in range(image.width())
        for y in range(max(0, numbers[paragraph] - 8), min(image.height(), numbers[paragraph] + 8))
    )
    assert inked > 10, "the number is drawn"


def hover(qtbot, view, offset):  # type: ignore[no-untyped-def]
    """The mouse rests on ``offset``: moved there, then the ToolTip event Qt sends after its
    wake-up delay (sent at once, so the test does not depend on the delay or on focus)."""
    view.scroll_to(offset, offset + 1)
    QApplication.processEvents()
    QToolTip.hideText()
    viewport = view.area.viewport()
    point = point_of(view, offset)
    qtbot.mouseMove(viewport, point)
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )


def test_resting_on_any_word_shows_its_pinyin_and_first_gloss(qtbot, window, library):
    view = window.views["2016"]
    hover(qtbot, view, library.document("2016").text.index("单方面"))
    assert QToolTip.isVisible()
    assert "单方面" in QToolTip.text() and "dānfāngmiàn" in QToolTip.text()
    assert "unilateral" in QToolTip.text()
    hover(qtbot, view, library.document("2016").text.index("惯于"))
    assert "惯 guàn: accustomed to" in QToolTip.text(), "characters for a word in no dictionary"


def test_hover_hints_can_be_turned_off(qtbot, window, library):
    window.hover_action.trigger()
    assert not window.settings.value("reading/hover")
    hover(qtbot, window.views["2016"], library.document("2016").text.index("单方面"))
    assert not QToolTip.isVisible()


def test_a_word_in_no_dictionary_falls_back_to_its_characters(qtbot, window, library):
    text = library.document("2016").text
    click_text(qtbot, window.views["2016"], text.index("惯于"))
    assert window.current.term == "惯于"
    card = window.panel.details.toPlainText()
    assert "Its characters in CC-CEDICT" in card
    assert "惯 guàn — accustomed to" in card and "于 yú" in card


def test_cedict_notation_is_shown_readably(qtbot, window, library):
    text = library.document("2016").text
    offset = next(
        i for i in range(len(text)) if (s := library.word_at("2016", i)) and s.text == "国家"
    )
    click_text(qtbot, window.views["2016"], offset)
    card = window.panel.details.toPlainText()
    assert window.current.term == "国家"
    assert "CL:" not in card and "个[ge4]" not in card
    assert "classifier: 个 gè" in card


def test_empty_states_say_what_to_do(qtbot, window):
    assert "Click a word" in window.panel.details.toPlainText()
    window.select_term("战略稳定")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert "Click a word" in window.panel.details.toPlainText()
    occurrences = window.panel.occurrences
    image = occurrences.viewport().grab().toImage()
    background = image.pixelColor(image.width() - 2, image.height() - 2)
    inked = sum(
        image.pixelColor(x, y) != background
        for x in range(0, image.width(), 2)
        for y in range(4, 30)
    )
    assert inked > 20, "the empty occurrence list shows its hint"


def test_help_lists_the_keyboard_shortcuts_from_the_actions(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    text = dialog.text.toPlainText()
    for keys, what in (("F3", "Next occurrence"), ("Ctrl+F", "Find"), ("Esc", "Clear selection")):
        assert keys in text and what in text
    assert "Double-click a word" in text
    dialog.close()


def test_double_click_selects_the_word_not_the_paragraph(qtbot, window, library):
    view = window.views["2016"]
    offset = library.document("2016").text.index("单方面") + 1
    view.scroll_to(offset, offset + 1)
    QApplication.processEvents()
    qtbot.mouseDClick(view.area.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, offset))
    assert view.area.textCursor().selectedText() == "单方面"


def test_with_the_panel_hidden_a_click_still_says_what_the_word_means(qtbot, window, library):
    window.panel_toggle_action.trigger()
    assert not window.dock.isVisible()
    click_text(qtbot, window.views["2016"], library.document("2016").text.index("单方面"))
    message = window.statusBar().currentMessage()
    assert message.startswith("单方面") and "dānfāngmiàn — unilateral" in message
