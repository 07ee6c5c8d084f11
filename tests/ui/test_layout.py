"""The window at laptop sizes: the texts get the width, the headers line up, the panel can
collapse or move below, and a first window fits the screen it opens on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from reader.ui import layout
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings


def at_size(window: MainWindow, width: int, height: int) -> MainWindow:
    window.resize(width, height)
    QApplication.processEvents()
    window.size_panel()
    window.share_panes()
    QApplication.processEvents()
    return window


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768), (1920, 1080)])
def test_the_reading_panes_get_most_of_the_width(window, size):
    at_size(window, *size)
    panes = [v.width() for v in window.views.values()]
    assert sum(panes) > 0.6 * size[0]
    assert min(panes) >= 300, panes
    assert abs(panes[0] - panes[1]) <= 2, "the two statements share the width equally"
    assert layout.PANEL_MIN_WIDTH - 10 <= window.dock.width() <= layout.PANEL_MAX_WIDTH + 10


def test_both_texts_start_at_the_same_height_and_titles_elide_with_a_tooltip(window):
    at_size(window, 1024, 700)
    tops = [v.area.mapTo(window, QPoint(0, 0)).y() for v in window.views.values()]
    assert tops[0] == tops[1]
    for doc_id, view in window.views.items():
        title = window.library.document(doc_id).title
        assert view.title_label.toolTip() == title
        shown = view.title_label.shown_text()
        assert shown.endswith("…") and len(shown) < len(title)


def test_narrowing_the_panel_narrows_every_column_not_only_english(window):
    at_size(window, 1920, 1080)
    header = window.panel.table.horizontalHeader()
    wide = [header.sectionSize(c) for c in range(3)]
    window.resizeDocks([window.dock], [layout.PANEL_MIN_WIDTH], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    narrow = [header.sectionSize(c) for c in range(3)]
    assert all(n < w for n, w in zip(narrow, wide, strict=True)), (wide, narrow)
    assert narrow[2] >= narrow[0], "English keeps at least Term's width"
    total = sum(header.sectionSize(c) for c in range(header.count()))
    assert total <= window.panel.table.viewport().width() + 1, "no column off the edge"


def test_the_panel_collapses_to_a_strip_and_comes_back(qtbot, window):
    window.panel_toggle_action.trigger()
    assert not window.dock.isVisible() and window.strip.isVisible()
    assert window.strip.width() < 120
    button = window.strip.widgetForAction(window.expand_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.dock.isVisible() and not window.strip.isVisible()


def test_the_panel_moves_below_the_texts_and_that_is_remembered(qtbot, make_window):
    window = at_size(make_window(), 1024, 700)
    window.below_action.trigger()
    QApplication.processEvents()
    assert window.dockWidgetArea(window.dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.panel.splitter.orientation() == Qt.Orientation.Horizontal
    panes = [v.width() for v in window.views.values()]
    assert sum(panes) > 0.9 * 1024
    assert window.dock.geometry().top() > max(v.geometry().bottom() for v in window.views.values())
    window.close()
    again = make_window()
    assert again.dockWidgetArea(again.dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert again.below_action.isChecked()


def test_a_first_window_fits_the_screen_it_opens_on(qtbot, library, tmp_path):
    window = MainWindow(library, Settings(tmp_path / "fresh.ini"), "Reader CJK SC")
    qtbot.addWidget(window)
    window.restore_state()
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert available.contains(window.frameGeometry().center())


def test_first_window_size_and_panel_width_arithmetic():
    assert layout.first_window_size(1366, 768 - 40) == (1256, 669)
    assert layout.first_window_size(2560, 1440) == layout.PREFERRED_SIZE
    assert layout.panel_width(1024) == 307
    assert layout.panel_width(600) == layout.PANEL_MIN_WIDTH
    assert layout.panel_width(3000) == layout.PANEL_MAX_WIDTH
    assert layout.column_widths(300, [40, 40], 30) == (66, 66, 88)
    assert layout.column_widths(50, [40, 40], 30) == (30, 30, 30)
    assert layout.parse_size("1366x768") == (1366, 768)
    assert layout.parse_size("1366X768") == (1366, 768)
    assert layout.parse_size("320x240") == (320, 240)
    assert layout.parse_size("10000x10000") == (10000, 10000)
    for bad in ("1366", "x768", "10x10", "axb", "1366x768x2", "319x240", "320x239"):
        with pytest.raises(ValueError):
            layout.parse_size(bad)
    for bad in ("10001x768", "1366x10001", "100x768", "1366x100"):
        with pytest.raises(ValueError, match="between 320x240 and 10000x10000"):
            layout.parse_size(bad)
