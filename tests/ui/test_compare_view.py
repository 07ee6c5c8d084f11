"""View › Compare as a reader uses it: shading, hover and click on a shared run, paragraph links,
N, following links while scrolling, the term table, and File › Export comparison…"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QRadioButton, QToolTip

from reader.core.compare import compare
from reader.core.shared import shared_wording
from reader.ui.term_shift_model import TERM_ROLE, TermShiftModel
from tests.ui.test_window import point_of


def open_compare(qtbot, window):
    window.compare_action.trigger()
    compare_window = window.compare_window
    qtbot.waitExposed(compare_window)
    compare_window.resize(1300, 800)
    QApplication.processEvents()
    return compare_window


def merged(spans):
    out = []
    for start, end in sorted(spans):
        if out and out[-1][1] == start:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def click_at(qtbot, pane, offset):
    pane.scroll_to(offset, offset + 1)
    QApplication.processEvents()
    with qtbot.waitSignal(pane.word_clicked, timeout=2000):
        qtbot.mouseClick(
            pane.area.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, offset)
        )


def test_view_compare_shades_exactly_the_shared_wording(qtbot, window, library):
    view = open_compare(qtbot, window)
    a, b = library.document("2016").text, library.document("2025").text
    expected = shared_wording(a, b, 8)
    assert (view.pane_a.document_id, view.pane_b.document_id) == ("2016", "2025")
    assert merged(view.pane_a.layer_spans("shared")) == list(expected.a_spans)
    assert merged(view.pane_b.layer_spans("shared")) == list(expected.b_spans)
    title_run = a.index("全球战略稳定的联合声明")
    assert any(s <= title_run < e for s, e in view.pane_a.shown_spans("shared"))


def test_n_typed_in_the_box_reshades_both_panes(qtbot, window, library):
    view = open_compare(qtbot, window)
    view.min_run.setFocus()
    view.min_run.selectAll()
    qtbot.keyClicks(view.min_run, "20")
    qtbot.keyClick(view.min_run, Qt.Key.Key_Enter)
    assert view.comparison.min_run == 20
    spans = merged(view.pane_a.layer_spans("shared"))
    assert spans and all(e - s >= 20 for s, e in spans)
    assert "≥ 20" in view.summary.text()


def test_hovering_a_run_says_where_it_stands_and_clicking_goes_there(qtbot, window, library):
    view = open_compare(qtbot, window)
    a, b = library.document("2016"), library.document("2025")
    sentence = "军备控制是加强国际安全与稳定的重要手段"
    offset = a.text.index(sentence) + 3
    view.pane_a.scroll_to(offset, offset + 1)
    QApplication.processEvents()
    viewport = view.pane_a.area.viewport()
    point = point_of(view.pane_a, offset)
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    assert "also in 2025 ¶18" in QToolTip.text() and sentence in QToolTip.text()
    click_at(qtbot, view.pane_a, offset)
    start = b.text.index(sentence)
    assert view.pane_b.layer_spans("flash") == [(start, start + len(sentence))]
    first, last = view.pane_b.visible_range()
    assert first <= start < last


def test_clicking_a_paragraph_scrolls_the_other_pane_to_its_counterpart(qtbot, window, library):
    view = open_compare(qtbot, window)
    a, b = library.document("2016"), library.document("2025")
    thirteen = a.paragraphs[12]  # 在军事领域…增进彼此互信与合作 -> 2025 ¶4 (dialogue, trust)
    click_at(qtbot, view.pane_a, thirteen.start + 2)
    four = b.paragraphs[3]
    assert view.pane_b.layer_spans("flash") == [(four.start, four.end)]


def test_the_gutter_draws_the_links_level_with_the_paragraphs(qtbot, window):
    view = open_compare(qtbot, window)
    gutter = view.gutter
    ya, yb = gutter.paragraph_y(view.pane_a, 1), gutter.paragraph_y(view.pane_b, 1)
    assert abs(ya - yb) < 30
    image = gutter.grab().toImage()
    y = round((ya + yb) / 2)
    column = [QColor(image.pixel(gutter.width() // 2, y + dy)) for dy in range(-4, 5)]
    assert any(c.blue() > c.red() + 60 for c in column)  # the title link, in link blue
    gutter.comparison = None
    blank = gutter.grab().toImage()
    column = [QColor(blank.pixel(gutter.width() // 2, y + dy)) for dy in range(-4, 5)]
    assert not any(c.blue() > c.red() + 60 for c in column)


def test_following_links_brings_the_counterpart_level(qtbot, window, library):
    view = open_compare(qtbot, window)
    qtbot.mouseClick(
        view.follow, Qt.MouseButton.LeftButton, pos=QPoint(8, view.follow.height() // 2)
    )
    assert view.follow.isChecked()
    area = view.pane_a.area  # scroll 2016 so that ¶9 stands at the top
    block = area.document().findBlockByNumber(8)
    top = area.document().documentLayout().blockBoundingRect(block).top()
    area.verticalScrollBar().setValue(round(top))
    QApplication.processEvents()
    eighteen = library.document("2025").paragraphs[17]
    first, last = view.pane_b.visible_range()
    assert first <= eighteen.start < last


def test_term_table_filters_sorts_and_selects_the_term(qtbot, window):
    view = open_compare(qtbot, window)
    only_b = view.findChild(QRadioButton, "where-b")
    qtbot.mouseClick(only_b, Qt.MouseButton.LeftButton, pos=QPoint(6, only_b.height() // 2))
    rows = view.terms_filter.rowCount()
    assert rows > 0
    assert all(view.terms_filter.index(r, 1).data() == 0 for r in range(rows))
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    counts = [view.terms_filter.index(r, 2).data() for r in range(rows)]
    assert counts in (sorted(counts), sorted(counts, reverse=True)) and counts[0] != counts[-1]
    index = view.terms_filter.index(0, 0)
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    term = index.data(TERM_ROLE)
    assert window.current is not None and window.current.term == term
    assert view.pane_b.layer_spans("occurrences")


def test_export_comparison_writes_the_html_report(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "cmp.html"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "HTML"))
    )
    window.export_comparison_action.trigger()
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "军备控制是加强国际安全与稳定的重要手段" in html
    assert str(target) in window.statusBar().currentMessage()


def test_the_term_shift_model_is_a_well_behaved_qt_model(qtmodeltester, library):
    model = TermShiftModel("2016", "2025")
    model.set_rows(compare(library, "2016", "2025").terms, "2016", "2025")
    qtmodeltester.check(model)


def test_compare_screenshot_shows_the_compare_view_at_the_term(qtbot, window, tmp_path):
    from PySide6.QtGui import QImage

    from reader.ui.app import save_screenshot

    path = tmp_path / "compare.png"
    assert save_screenshot(window, path, "外空武器化", (1000, 700), compare=True) == 0
    assert QImage(str(path)).size().toTuple() == (1000, 700)
    view = window.compare_window
    spans = view.pane_a.layer_spans("occurrences")
    assert spans and view.pane_a.shown_spans("occurrences")
