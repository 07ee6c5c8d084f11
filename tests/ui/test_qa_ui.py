"""Found by walking through the window as a user would (QA): each test drives the window with
real key events and checks what the user sees."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_esc_and_ctrl_w_close_compare_and_translations(qtbot, window, key, modifier):  # type: ignore[no-untyped-def]
    opened = []
    for shortcut in (
        (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, *shortcut)
        other = window.compare_window if shortcut[0] == Qt.Key.Key_K else window.translation_window
        assert other is not None and other.isVisible()
        other.activateWindow()  # the user clicks into it
        qtbot.waitUntil(other.isActiveWindow)
        qtbot.keyClick(other, key, modifier)
        qtbot.waitUntil(lambda o=other: not o.isVisible())
        opened.append(other)
    assert window.isVisible()  # only the secondary window closed
    assert len(opened) == 2


def test_no_two_actions_of_the_window_share_a_key(window):  # type: ignore[no-untyped-def]
    """Qt runs neither action of an ambiguous shortcut: the key would silently do nothing."""
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.text())
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_ctrl_shift_u_opens_the_vocabulary(qtbot, window):  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: getattr(window, "vocabulary", None) is not None)
    assert window.vocabulary.isVisible()
    assert window.vocabulary.windowTitle() == "Vocabulary"


def test_card_buttons_keep_their_whole_labels_at_1024x700(qtbot, window):  # type: ignore[no-untyped-def]
    """At laptop width the row wraps; before, Qt squeezed each button and elided its label
    ("Co…rm", "Cop…yin")."""
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    window.size_panel()  # as at start-up: the panel takes its laptop share (about 300 px)
    window.share_panes()
    qtbot.waitUntil(lambda: window.panel.width() < 360)  # too narrow for the ~420 px row
    qtbot.mouseClick(window.panel.table.viewport(), Qt.MouseButton.LeftButton)  # a term's card
    qtbot.waitUntil(lambda: window.panel.copy_buttons["term"].isEnabled())
    box = window.panel.copy_buttons["term"].parentWidget()
    buttons = box.findChildren(QToolButton)
    assert len(buttons) >= 5  # Copy term, Copy pinyin, Copy equivalents, Known ✓, Speak
    for button in buttons:
        assert button.isVisible()
        assert button.width() >= button.sizeHint().width(), button.text()
        assert box.rect().contains(button.geometry()), button.text()
    assert window.panel.details.geometry().top() >= max(b.geometry().bottom() for b in buttons)


def test_the_start_hint_says_what_ctrl_f_does(qtbot, window):  # type: ignore[no-untyped-def]
    """The hint said "Ctrl+F filters" (the glossary), but Ctrl+F finds in the texts."""
    hint = window.statusBar().currentMessage()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.find_bar.isVisible)
    assert window.find_bar.current_scope() == "text"
    assert "Ctrl+F finds in the texts" in hint
    assert "filters" not in hint


def test_help_lists_every_key_of_the_menus(qtbot, window):  # type: ignore[no-untyped-def]
    """Ctrl+G (glossary panel) and Ctrl+D (documents panel) were missing from F1's page: their
    actions belong to the docks, not to the window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    text = dialog.text.toPlainText()
    menus = [m for m in window.menuBar().findChildren(QMenu)]
    for action in {a for menu in menus for a in menu.actions()}:
        for key in action.shortcuts():
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in text, action.text()
    assert "Glossary panel" in text and "Documents panel" in text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_candidates_show_their_pinyin_whole_at_1024x700(qtbot, window):  # type: ignore[no-untyped-def]
    """The Candidates tab at laptop width gave Count and Kind 100 px each and left the
    pinyin column about 25 px: every reading showed as "…"."""
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    window.size_panel()
    qtbot.waitUntil(lambda: window.panel.width() < 360)
    window.candidates_dock.raise_()
    table = window.candidates.table
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() > 0)
    metrics = table.fontMetrics()
    readings = [table.item(row, 1).text() for row in range(min(10, table.rowCount()))]
    widest = max(metrics.horizontalAdvance(text) for text in readings)
    assert table.columnWidth(1) > widest, readings
