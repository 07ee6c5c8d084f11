"""View › Pinyin: which words show pinyin above them, one checkable action per mode.

The modes and what each selects are the core's (``reader.core.ruby``); this module only makes
the actions and a shortcut that steps through them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

#: The modes offered in the menu, in order.
LABELS = {
    "off": "&Off",
    "terms": "&Glossary terms",
    "unknown": "&Unknown words",
    "all": "&All words",
}
CYCLE_SHORTCUT = "Ctrl+Shift+P"


class PinyinActions:
    """The actions of View › Pinyin. ``choose(mode)`` is called when the reader picks one."""

    def __init__(self, parent: QWidget, current: str, choose: Callable[[str], None]) -> None:
        self.group = QActionGroup(parent)
        self.actions: dict[str, QAction] = {}
        for mode, label in LABELS.items():
            action = QAction(label, parent, checkable=True, checked=mode == current)
            action.triggered.connect(lambda _checked=False, m=mode: choose(m))
            self.group.addAction(action)
            self.actions[mode] = action
        self.cycle = QAction("Next pinyin setting", parent)
        self.cycle.setShortcut(QKeySequence(CYCLE_SHORTCUT))
        self.cycle.triggered.connect(lambda: choose(self.next_mode()))
        parent.addAction(self.cycle)

    def current(self) -> str:
        return next((m for m, a in self.actions.items() if a.isChecked()), "off")

    def next_mode(self) -> str:
        modes = list(self.actions)
        return modes[(modes.index(self.current()) + 1) % len(modes)]

    def show(self, mode: str) -> None:
        if mode in self.actions:
            self.actions[mode].setChecked(True)

    def add_to(self, menu: QMenu) -> None:
        submenu = menu.addMenu("&Pinyin above words")
        submenu.addActions(list(self.actions.values()))
        submenu.addSeparator()
        submenu.addAction(self.cycle)
