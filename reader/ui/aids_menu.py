"""View menu entries for the marks in the text: characters coloured by tone, and an underline
under words above a chosen HSK level. The window decides what they do; this makes the actions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

HSK_CHOICES = {0: "&Off", **{n: f"Above HSK &{n}" for n in range(1, 7)}}


class MarkActions:
    """``tone_text`` (checkable) and one action per HSK underline level."""

    def __init__(
        self,
        parent: QWidget,
        tone_text: bool,
        hsk_level: int,
        on_tone_text: Callable[[bool], None],
        on_hsk_level: Callable[[int], None],
    ) -> None:
        self.tone_text = QAction("Colour &characters by tone", parent, checkable=True)
        self.tone_text.setChecked(tone_text)
        self.tone_text.toggled.connect(on_tone_text)
        self.hsk_group = QActionGroup(parent)
        self.hsk: dict[int, QAction] = {}
        for level, label in HSK_CHOICES.items():
            action = QAction(label, parent, checkable=True, checked=level == hsk_level)
            action.triggered.connect(lambda _checked=False, n=level: on_hsk_level(n))
            self.hsk_group.addAction(action)
            self.hsk[level] = action

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.tone_text)
        submenu = menu.addMenu("&Underline words above HSK level")
        submenu.setToolTip("Words of a higher HSK 3.0 level, and words the standard does not list")
        submenu.addActions(list(self.hsk.values()))
