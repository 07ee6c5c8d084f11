"""Checks made the way a reader would notice a fault: on the pixels drawn, the text shown,
the links followed. Each one failed against a one-line bug planted in the first version's
code that its 233 tests did not notice."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.core.card import TONE_COLOURS
from reader.ui.occurrence_model import KWIC_ROLE
from tests.ui.pixels import colour_over
from tests.ui.test_window import click_text


def test_a_click_on_the_last_character_of_a_word_looks_up_that_word(qtbot, window, library):
    text = library.document("2016").text
    start = text.index("单方面")
    click_text(qtbot, window.views["2016"], start + 2)  # 面, just before the next word
    assert window.current.term == "单方面"
    click_text(qtbot, window.views["2016"], start)  # and the first character
    assert window.current.term == "单方面"


def anchor_point(browser, target: str) -> QPoint:  # type: ignore[no-untyped-def]
    """The viewport point over the link whose text is ``target``."""
    document = browser.document()
    cursor = document.find(target)
    while not cursor.isNull() and not cursor.charFormat().isAnchor():
        cursor = document.find(target, cursor)
    assert not cursor.isNull(), f"no link {target}"
    middle = QTextCursor(document)
    middle.setPosition(cursor.selectionStart() + 1)
    return browser.cursorRect(middle).center()


def test_a_related_term_link_in_the_card_selects_that_term(qtbot, window):
    window.select_term("延伸威慑")
    details = window.panel.details
    point = anchor_point(details, "核共享")
    with qtbot.waitSignal(window.panel.term_selected, timeout=2000):
        qtbot.mouseClick(details.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current.term == "核共享"
    assert "nuclear sharing" in details.toPlainText()


def tone_pixels(widget) -> set[str]:  # type: ignore[no-untyped-def]
    """Which tone colours appear in what ``widget`` draws."""
    image = widget.grab().toImage()
    wanted = {QColor(c).rgb(): c for c in TONE_COLOURS.values()}
    seen = set()
    for y in range(0, image.height()):
        for x in range(0, image.width(), 1):
            colour = wanted.get(image.pixel(x, y))
            if colour:
                seen.add(colour)
    return seen


def test_the_cards_pinyin_is_drawn_in_tone_colours_until_turned_off(qtbot, window):
    window.select_term("延伸威慑")  # yán shēn wēi shè: tones 2, 1, 1, 4
    QApplication.processEvents()
    seen = tone_pixels(window.panel.details.viewport())
    assert {TONE_COLOURS[1], TONE_COLOURS[2], TONE_COLOURS[4]} <= seen
    window.tone_action.trigger()
    QApplication.processEvents()
    assert not tone_pixels(window.panel.details.viewport()) & {
        TONE_COLOURS[t] for t in (1, 2, 3, 4)
    }


def test_the_flash_on_a_jump_is_drawn_then_cleared(qtbot, window):
    window.select_term("延伸威慑")
    hit = window.hits[0]
    view = window.views[hit[0]]
    window.go_to(hit)
    qtbot.waitUntil(lambda: hit[1:] in view.shown_spans("flash"), timeout=2000)
    flash = colour_over(view, hit[1])
    assert flash.red() > 200 and flash.blue() < 120
    qtbot.waitUntil(lambda: not view.shown_spans("flash"), timeout=3000)
    after = colour_over(view, hit[1])
    assert after != flash and after.blue() > after.green() - 40, "the selected colour remains"


def test_keyword_in_context_lines_show_where_the_context_was_cut(qtbot, window):
    window.select_term("战略稳定")
    rows = [i.data(KWIC_ROLE) for i in window.panel.occurrence_indexes()]
    cut_left = [r for r in rows if r[1].startswith("…")]
    cut_right = [r for r in rows if r[3].endswith("…")]
    assert cut_left and cut_right
    assert all(r[2] == "战略稳定" for r in rows)
    shown = window.panel.occurrence_indexes()[2].data()
    assert shown.startswith("¶") and "…" in shown


def test_occurrence_counts_in_the_list_match_the_highlights(qtbot, window, library):
    window.select_term("战略稳定")
    header = window.panel.occurrence_model.index(0, 0).data()
    assert header == f"2016 — {library.counts('战略稳定')['2016']} occurrences"
    for doc_id, view in window.views.items():
        assert len(view.layer_spans("occurrences")) == library.counts("战略稳定")[doc_id]
