"""Occurrences as a two-level Qt model: a row per document, under it a row per occurrence.

A model, not an item widget, so that a word with thousands of occurrences costs only the rows
on screen (the view asks for those and no others). The text of a row is the rich-text
keyword-in-context line; the panel's delegate draws its parts (KWIC_ROLE) with the keyword
emphasised.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.core.index import DocumentOccurrences, Occurrences

Index = QModelIndex | QPersistentModelIndex
SPAN_ROLE = Qt.ItemDataRole.UserRole + 10
KWIC_ROLE = Qt.ItemDataRole.UserRole + 11  # (paragraph label, left, match, right)
_OCCURRENCE_ROLES = frozenset(
    {
        int(Qt.ItemDataRole.DisplayRole),
        int(Qt.ItemDataRole.AccessibleTextRole),
        SPAN_ROLE,
        KWIC_ROLE,
    }
)
_TOP = 0  # internal id of a document row; occurrence rows carry their group number + 1


class OccurrenceModel(QAbstractItemModel):
    """Groups of occurrences by document, in the order the core gave them."""

    def __init__(self) -> None:
        super().__init__()
        self._groups: list[DocumentOccurrences] = []

    def set_occurrences(self, occurrences: Occurrences) -> None:
        self.beginResetModel()
        self._groups = list(occurrences.by_document)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._groups = []
        self.endResetModel()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _TOP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _TOP:
            return QModelIndex()
        group = parent.row()
        if row >= len(self._groups[group]):
            return QModelIndex()
        return self.createIndex(row, 0, group + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                plural = "s" if len(group) != 1 else ""
                return f"{group.document.id} — {len(group)} occurrence{plural}"
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
            return None
        if role not in _OCCURRENCE_ROLES:
            return None
        occurrence = self._groups[index.internalId() - 1][index.row()]  # made only when shown
        if role == KWIC_ROLE:
            return (
                f"¶{occurrence.paragraph}  ",
                occurrence.left,
                occurrence.match,
                occurrence.right,
            )
        if role == SPAN_ROLE:
            return (occurrence.document, occurrence.start, occurrence.end)
        # Display and accessible text: the line as plain text, for screen readers and copying.
        return f"¶{occurrence.paragraph} {occurrence.context}"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
