"""The one record of what the reader has selected, and which of its places is current.

Before this existed the window, the panel and each pane kept their own idea of the current
term and occurrence, and they drifted apart (a stale row in the list, a status bar counting an
occurrence after Esc, a "current" mark in each pane). Now only this object holds that state;
the list, the card, the panes, the status bar and F3 are told through its two signals and
never decide it themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.core.library import Lookup
from reader.core.textsearch import TextMatches

Hit = tuple[str, int, int]  # document id, start, end
Target = Lookup | TextMatches


class Selection(QObject):
    """The selected term (a ``Lookup``), the result of a find in the texts (``TextMatches``)
    or nothing; its places in the texts in reading order; and the current place.

    Signals:
        changed(): a term was selected or the selection was cleared.
        current_changed(int, bool): the current place (an index into ``hits``, -1 for none)
            and whether stepping to it wrapped around the end or the start.
    """

    changed = Signal()
    current_changed = Signal(int, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target: Target | None = None
        self.hits: list[Hit] = []
        self.index = -1

    @property
    def lookup(self) -> Lookup | None:
        return self.target if isinstance(self.target, Lookup) else None

    @property
    def matches(self) -> TextMatches | None:
        return self.target if isinstance(self.target, TextMatches) else None

    @property
    def term(self) -> str:
        return self.target.term if self.target is not None else ""

    @property
    def current(self) -> Hit | None:
        return self.hits[self.index] if 0 <= self.index < len(self.hits) else None

    def select(self, target: Target, at: Hit | None = None) -> None:
        """Select ``target``; ``at`` (a place of it) becomes current, else none is."""
        self.target = target
        self.hits = target.occurrences.hits()
        self.index = -1
        self.changed.emit()
        if at is not None and at in self.hits:
            self.set_index(self.hits.index(at))

    def clear(self) -> None:
        self.target, self.hits, self.index = None, [], -1
        self.changed.emit()
        self.current_changed.emit(-1, False)

    def set_index(self, index: int, wrapped: bool = False) -> None:
        if not 0 <= index < len(self.hits):
            raise IndexError(index)
        self.index = index
        self.current_changed.emit(index, wrapped)

    def set_current(self, hit: Hit) -> bool:
        """Make ``hit`` current; False if it is not a place of the selection."""
        if hit not in self.hits:
            return False
        self.set_index(self.hits.index(hit))
        return True

    def step(self, direction: int) -> Hit | None:
        """The next (``direction`` 1) or previous (-1) place, wrapping at either end; None
        when there is nothing selected."""
        if not self.hits:
            return None
        if self.index < 0:
            index = 0 if direction > 0 else len(self.hits) - 1
            wrapped = False
        else:
            index = (self.index + direction) % len(self.hits)
            wrapped = (direction > 0 and index <= self.index) or (
                direction < 0 and index >= self.index
            )
        self.set_index(index, wrapped)
        return self.hits[index]
