"""The window as a reader uses it: click, look up, jump, filter, step, come back tomorrow."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.ui.document_view import DocumentView
from reader.ui.glossary_model import GlossaryModel
from reader.ui.occurrence_model import KWIC_ROLE, SPAN_ROLE, OccurrenceModel


def point_of(view: DocumentView, offset: int) -> QPoint:
    """The viewport point over the middle of the character at ``offset``."""
    cursor = QTextCursor(view.area.document())
    cursor.setPosition(offset)
    rect = view.area.cursorRect(cursor)
    width = QFontMetrics(view.area.document().defaultFont()).horizontalAdvance("字")
    return QPoint(rect.left() + width // 2, rect.center().y())


def click_text(qtbot, view: DocumentView, offset: int) -> None:
    view.scroll_to(offset, offset + 1)
    with qtbot.waitSignal(view.word_clicked, timeout=2000):
        qtbot.mouseClick(
            view.area.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, offset)
        )


def test_each_pane_shows_its_statement_unchanged_2016_left(window, library):
    views = list(window.views.values())
    assert [v.document_id for v in views] == ["2016", "2025"]
    assert window.splitter.widget(0) is views[0]
    for view in views:
        assert view.visible_text() == library.document(view.document_id).text


def test_clicking_zhanlue_in_quanqiu_zhanlue_wending_selects_the_term_and_lists_every_occurrence(
    qtbot, window, library
):
    view = window.views["2016"]
    offset = library.document("2016").text.index("全球战略稳定") + 2
    click_text(qtbot, view, offset)
    assert window.current.term == "全球战略稳定"
    expected = sum(library.counts("全球战略稳定").values())
    assert len(window.panel.occurrence_indexes()) == expected == len(window.hits)
    start = library.document("2016").text.index("全球战略稳定")
    assert view.layer_spans("selected") == [(start, start + 6)]
    assert (
        len(window.views["2025"].layer_spans("occurrences"))
        == library.counts("全球战略稳定")["2025"]
    )
    assert "全球战略稳定" in window.views["2025"].count_label.text()


def test_clicking_a_plain_word_shows_its_dictionary_entry(qtbot, window, library):
    offset = library.document("2016").text.index("单方面")
    click_text(qtbot, window.views["2016"], offset)
    assert window.current.term == "单方面" and window.current.source == "cc-cedict"
    assert "unilateral" in window.panel.details.toPlainText()


def test_clicking_an_occurrence_scrolls_its_pane_and_highlights_the_place(qtbot, window, library):
    window.select_term("战略稳定")
    index = window.panel.occurrence_indexes()[-1]  # the last one, in the 2025 statement, far down
    doc_id, start, end = index.data(SPAN_ROLE)
    tree = window.panel.occurrences
    tree.scrollTo(index)
    with qtbot.waitSignal(window.panel.occurrence_activated, timeout=2000):
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
        )
    view = window.views[doc_id]
    assert view.layer_spans("selected") == [(start, end)]
    assert view.layer_spans("flash") == [(start, end)]
    cursor = QTextCursor(view.area.document())
    cursor.setPosition(start)
    assert view.area.viewport().rect().contains(view.area.cursorRect(cursor).center())


def test_filtering_yanshen_finds_yanshen_weishe(qtbot, window):
    qtbot.keyClicks(window.panel.filter, "yanshen")
    proxy = window.panel.proxy
    shown = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert shown == ["延伸威慑"]
    window.panel.filter.clear()
    assert proxy.rowCount() == len(window.library.glossary)


def test_choosing_a_term_in_the_list_selects_it(qtbot, window):
    proxy = window.panel.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "核共享")
    window.panel.table.setCurrentIndex(proxy.index(row, 0))
    assert window.current.term == "核共享"
    assert window.views["2025"].layer_spans("occurrences")


def test_f3_steps_through_occurrences_across_both_documents(qtbot, window, library):
    window.select_term("战略稳定")
    n16 = library.counts("战略稳定")["2016"]
    visited = []
    for _ in range(n16 + 1):
        qtbot.keyClick(window, Qt.Key.Key_F3)
        doc = next(d for d, v in window.views.items() if v.layer_spans("selected"))
        visited.append(doc)
    assert visited == ["2016"] * n16 + ["2025"]
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.views["2016"].layer_spans("selected") and not window.views["2025"].layer_spans(
        "selected"
    )


def test_escape_clears_ctrl_f_opens_the_find_bar_and_ctrl_shift_f_the_filter(qtbot, window):
    window.select_term("反导")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current is None
    assert all(not v.layer_spans("occurrences") for v in window.views.values())
    window.find_action.trigger()
    assert window.find_bar.isVisible()
    assert QApplication.focusWidget() is window.find_bar.edit
    window.filter_action.trigger()
    assert QApplication.focusWidget() is window.panel.filter


def test_zoom_changes_the_reading_size_and_the_view_menu_hides_the_panel(qtbot, window):
    before = window.views["2016"].area.document().defaultFont().pixelSize()
    window.zoom_in_action.trigger()
    assert window.views["2016"].area.document().defaultFont().pixelSize() == before + 2
    window.zoom_reset_action.trigger()
    assert window.views["2016"].area.document().defaultFont().pixelSize() == before
    toggle = window.dock.toggleViewAction()
    toggle.trigger()
    assert not window.dock.isVisible()


def test_state_is_restored_on_the_next_start(qtbot, make_window, settings_path):
    first = make_window()
    first.select_term("延伸威慑")
    first.zoom_in_action.trigger()
    first.splitter.setSizes([300, 700])
    sizes = first.splitter.sizes()
    first.close()
    assert settings_path.exists()
    second = make_window()
    assert second.current is not None and second.current.term == "延伸威慑"
    assert second.zoom == 2
    assert abs(second.splitter.sizes()[0] - sizes[0]) <= 2


def test_the_bundled_font_covers_chinese_and_is_chosen_without_an_installed_one():
    from reader.ui.fonts import BUNDLED_FAMILY, choose_reading_family, register_bundled_font

    family = register_bundled_font()
    assert family == BUNDLED_FAMILY
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    assert choose_reading_family([], family) == BUNDLED_FAMILY
    assert choose_reading_family(["Some Font", "Noto Sans CJK SC"], family) == "Noto Sans CJK SC"
    metrics = QFontMetrics(
        __import__("reader.ui.fonts", fromlist=["reading_font"]).reading_font(family)
    )
    assert all(metrics.inFontUcs4(ord(c)) for c in "战略稳定延伸威慑〇ǚ")


def test_the_glossary_model_is_a_well_behaved_qt_model(qtmodeltester, library):
    terms = list(library.glossary.terms)
    model = GlossaryModel(terms, library.counts, library.document_ids())
    qtmodeltester.check(model)
    row = [t.hanzi for t in terms].index("延伸威慑")
    assert [model.index(row, c).data() for c in (0, 3, 4)] == ["延伸威慑", "–", "1"]


def test_the_occurrence_model_is_a_well_behaved_qt_model(qtmodeltester, library):
    model = OccurrenceModel()
    model.set_occurrences(library.lookup("战略稳定").occurrences)
    qtmodeltester.check(model)
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert rows[0] == "2016 — 6 occurrences" and rows[7] == "2025 — 12 occurrences"
    assert len(model.occurrence_rows()) == 18 and model.rowCount() == 20


def test_clicking_wei_alone_lists_it_as_a_word_first_then_inside_other_words(
    qtbot, window, library
):
    text = library.document("2016").text
    click_text(qtbot, window.views["2016"], text.index("为实现"))
    assert window.current.term == "为"
    summary = window.panel.occurrence_words
    assert summary.isVisible()
    assert summary.text().startswith("as a word: 9 · inside 行为 ×")
    rows = window.panel.occurrence_indexes()
    model = window.panel.occurrence_model
    labels = [model.data(index, KWIC_ROLE)[0] for index in rows]
    first_2016 = labels[: library.counts("为")["2016"]]
    alone = [label for label in first_2016 if " in " not in label]
    assert first_2016[: len(alone)] == alone  # the word itself first
    assert any("wéi in 行为" in label for label in first_2016)
    everywhere = [label.split()[1] for label in labels if " in " not in label]
    assert set(everywhere) == {"wèi", "wéi"}  # read in its place: 曾为 wéi, 为实现 wèi
