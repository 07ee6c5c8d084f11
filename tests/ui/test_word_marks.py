"""Marks in the text: characters coloured by tone, words above an HSK level underlined."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor

from reader.ui.ruby_layer import TONE_COLOURS
from reader.ui.word_marks import UNDERLINE_COLOUR


def ink(view, offset: int) -> tuple[QColor | None, bool]:
    """The colour of the darkest pixel of the character at ``offset`` as drawn, and whether
    the underline colour is drawn under it."""
    for _ in range(3):  # a restarted window restores its reading position first
        view.scroll_to(offset, offset + 1)
        QGuiApplication.processEvents()
    cursor = QTextCursor(view.area.document())
    cursor.setPosition(offset)
    rect = view.area.cursorRect(cursor)
    width = view.area.fontMetrics().height()
    image = view.area.viewport().grab().toImage()
    darkest, underlined = None, False
    for x in range(rect.left() + 2, rect.left() + width):
        for y in range(rect.top(), rect.bottom() + 6):
            colour = image.pixelColor(x, y)
            if darkest is None or colour.lightness() < darkest.lightness():
                darkest = colour
            if _near(colour, UNDERLINE_COLOUR):
                underlined = True
    return darkest, underlined


def _near(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def closest_tone(colour: QColor) -> int:
    def distance(tone: int) -> int:
        other = QColor(TONE_COLOURS[tone])
        return sum(
            (x - y) ** 2 for x, y in zip(colour.getRgb()[:3], other.getRgb()[:3], strict=True)
        )

    return min(TONE_COLOURS, key=distance)


def test_tone_colours_and_hsk_underline_are_drawn_on_the_text_and_remembered(make_window, library):
    text = library.document("2016").text
    window = make_window()
    view = window.views["2016"]
    at = text.index("战略稳定")
    plain, _ = ink(view, at)
    assert view.word_marks is None  # nothing is made while the marks are off
    window.mark_actions.tone_text.trigger()
    assert [closest_tone(ink(view, at + i)[0]) for i in range(4)] == [4, 4, 3, 4]
    assert ink(view, at)[0] != plain
    window.mark_actions.hsk[4].trigger()
    assert ink(view, at)[1]  # 战略稳定 is not in the HSK lists: above every level
    guojia = next(t for t in library.tokens("2016") if t.text == "国家")
    assert not ink(view, guojia.start)[1]  # HSK 1
    assert view.visible_text() == text
    window.close()
    again = make_window()
    assert again.mark_actions.tone_text.isChecked() and again.mark_actions.hsk[4].isChecked()
    again.mark_actions.tone_text.trigger()
    again.mark_actions.hsk[0].trigger()
    assert ink(again.views["2016"], at) == (plain, False)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip, offscreen
def test_hovering_a_plain_word_shows_its_pinyin_gloss_and_hsk_level(qtbot, window, library):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    view = window.views["2016"]
    word = next(t for t in library.tokens("2016") if t.text == "稳定")
    view.scroll_to(word.start, word.end)
    QGuiApplication.processEvents()
    cursor = QTextCursor(view.area.document())
    cursor.setPosition(word.start)
    rect = view.area.cursorRect(cursor)
    point = QPoint(rect.left() + 5, rect.center().y())
    viewport = view.area.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "稳定" in QToolTip.text() and "HSK 4" in QToolTip.text()
    QToolTip.hideText()
