"""Pinyin above the characters, as a reader sees it: over every word, centred, apart, and the
text still selectable, copyable and clickable underneath."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QTextCursor

from reader.ui.document_view import DocumentView
from tests.ui.test_window import click_text


def placed(view: DocumentView) -> list[tuple[float, float, float, str, int]]:
    """(left, right, baseline, text, start) of the pinyin of every word on screen."""
    ruby = view.area.ruby
    metrics = QFontMetricsF(ruby._font)
    offset = QPointF(0, -view.area.verticalScrollBar().value())
    first, last = view.visible_range()
    found = []
    for word in ruby.words:
        if first <= word.start and word.end <= last:
            for x, y, text in ruby.places(word, offset):
                found.append((x, x + metrics.horizontalAdvance(text), y, text, word.start))
    return found


@pytest.mark.parametrize("zoom", [0, 9])  # 18 px and 27 px: 100% and 150%
def test_every_visible_word_has_its_pinyin_centred_and_no_two_touch(window, library, zoom):
    window.set_zoom(zoom)
    window.set_pinyin_mode("all")
    for doc_id, view in window.views.items():
        QGuiApplication.processEvents()
        shown = placed(view)
        text = library.document(doc_id).text
        assert len(shown) > 20
        starts = {s for *_, s in shown}
        first, last = view.visible_range()
        visible_words = [w for w in view.area.ruby.words if first <= w.start and w.end <= last]
        assert starts == {w.start for w in visible_words}
        for left, right, _y, reading, start in shown:
            word = next(w for w in visible_words if w.start == start)
            if reading == word.pinyin:  # not wrapped: centred over its characters
                cursor = QTextCursor(view.area.document())
                cursor.setPosition(word.start)
                hanzi_left = view.area.cursorRect(cursor).left()
                width = QFontMetricsF(view.area.document().defaultFont()).horizontalAdvance(
                    text[word.start : word.end]
                )
                assert abs((left + right) / 2 - (hanzi_left + width / 2)) < width * 0.15 + 3
        by_line: dict[float, list[tuple[float, float]]] = {}
        for left, right, y, *_ in shown:
            by_line.setdefault(round(y), []).append((left, right))
        assert len(by_line) > 5
        view.area.viewport().repaint()  # every reading drawn is laid out on one line
        drawn = view.area.ruby._texts
        assert drawn and all(
            t.size().height() < 1.5 * QFontMetricsF(view.area.ruby._font).height()
            for t in drawn.values()
        )
        for spans in by_line.values():
            spans.sort()
            for (_, right), (left, _) in zip(spans, spans[1:], strict=False):
                assert right <= left, (doc_id, spans)


def test_pinyin_is_drawn_above_the_characters_and_only_when_asked(window, library):
    view = window.views["2016"]

    def ink_above_first_line() -> int:
        image = view.area.viewport().grab().toImage()
        cursor = QTextCursor(view.area.document())
        cursor.setPosition(library.document("2016").text.index("我们"))
        view.scroll_to(cursor.position(), cursor.position() + 2)
        QGuiApplication.processEvents()
        image = view.area.viewport().grab().toImage()
        rect = view.area.cursorRect(cursor)
        background = image.pixelColor(2, 2)
        return sum(
            image.pixelColor(x, y) != background
            for x in range(rect.left(), rect.left() + 30)
            for y in range(rect.top() - 12, rect.top())
        )

    assert ink_above_first_line() == 0
    window.set_pinyin_mode("all")
    assert ink_above_first_line() > 10


def test_with_pinyin_the_text_still_copies_as_hanzi_and_clicks_look_up(qtbot, window, library):
    window.set_pinyin_mode("all")
    view = window.views["2016"]
    text = library.document("2016").text
    assert view.visible_text() == text
    start = text.index("单方面")
    click_text(qtbot, view, start + 1)
    assert window.current.term == "单方面"
    cursor = QTextCursor(view.area.document())
    cursor.setPosition(start)
    cursor.setPosition(start + 6, QTextCursor.MoveMode.KeepAnchor)
    view.area.setTextCursor(cursor)
    view.area.copy()
    assert QGuiApplication.clipboard().text() == text[start : start + 6]


def test_the_mode_is_chosen_in_the_menu_stepped_by_shortcut_and_remembered(qtbot, make_window):
    window = make_window()
    assert window.pinyin_mode == "off" and not window.views["2025"].area.ruby.words
    window.pinyin_actions.actions["terms"].trigger()
    assert window.pinyin_mode == "terms"
    terms = window.views["2025"].area.ruby.words
    assert 0 < len(terms) < 400  # of some 1,200 words
    assert window.pinyin_actions.cycle.shortcut().toString() == "Ctrl+Shift+P"
    window.pinyin_actions.cycle.trigger()
    assert window.pinyin_mode == "unknown"
    window.pinyin_actions.cycle.trigger()
    assert window.pinyin_mode == "all" and window.pinyin_actions.actions["all"].isChecked()
    window.close()
    again = make_window()
    assert again.pinyin_mode == "all" and len(again.views["2025"].area.ruby.words) > 1000
    again.set_pinyin_mode("off")
    assert not again.views["2025"].area.ruby.words
