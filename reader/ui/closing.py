"""Esc and Ctrl+W close a secondary window (Compare, Translations) as they close a dialog.

These windows are QMainWindows, which, unlike QDialog, have no key that closes them: on a
laptop without a window manager's close button in reach (or under a bare X server) a reader
who opened one had no way out from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def add_close_keys(window: QWidget) -> QAction:
    """A "Close" action on ``window`` bound to Esc, Ctrl+W and the platform's Close key."""
    action = QAction("Close", window)
    keys = [QKeySequence("Esc"), QKeySequence("Ctrl+W")]
    keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Close) if k not in keys]
    action.setShortcuts(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(window.close)
    window.addAction(action)
    return action
