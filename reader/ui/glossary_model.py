"""The glossary list as a Qt model over the core's terms: it adapts, it does not decide.

Filtering asks the core's ``Glossary.search`` (hanzi, pinyin with or without tones, English);
the proxy only keeps the rows whose hanzi the core returned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.core.glossary import Term

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
HANZI_ROLE = Qt.ItemDataRole.UserRole + 2
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TIP = int(Qt.ItemDataRole.ToolTipRole)
#: A view asks for a dozen roles per cell on every repaint; the others are answered at once.
_SERVED = frozenset({_DISPLAY, _ALIGN, _TIP, int(SORT_ROLE), int(HANZI_ROLE)})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: The last column: occurrences in every document of the library, shown or not.
TOTAL = "All"


class GlossaryModel(QAbstractTableModel):
    """Rows are glossary terms; columns hanzi, pinyin, English, one count per shown document
    and the total over the whole library.

    Counts are asked of ``count`` when a row is first shown (or sorted on), not all at once:
    in a long document each costs a scan of the text."""

    def __init__(
        self, terms: list[Term], count: Callable[[str], dict[str, int]], doc_ids: list[str]
    ) -> None:
        super().__init__()
        self._terms = terms
        self._count = count
        self._counts: dict[str, dict[str, int]] = {}
        self._doc_ids = doc_ids
        self._headers = ["Term", "Pinyin", "English", *doc_ids, TOTAL]
        self._starred: frozenset[str] = frozenset()

    def set_documents(self, doc_ids: list[str]) -> None:
        """Count columns for these documents (the ones in the panes), then the total."""
        self.beginResetModel()
        self._doc_ids = list(doc_ids)
        self._headers = ["Term", "Pinyin", "English", *self._doc_ids, TOTAL]
        self.endResetModel()

    def forget_counts(self) -> None:
        """The library gained or lost a document: counts are asked again when shown."""
        self._counts.clear()
        if self._terms:
            last = self.index(len(self._terms) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 3), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._terms)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section >= 3
        ):
            if section - 3 == len(self._doc_ids):
                return "Occurrences in every document of the library"
            return f"Occurrences in {self._doc_ids[section - 3]}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SERVED or not index.isValid() or not 0 <= index.row() < len(self._terms):
            return None
        term = self._terms[index.row()]
        column = index.column()
        if role == HANZI_ROLE:
            return term.hanzi
        if role in (_DISPLAY, SORT_ROLE):
            if column == 0:
                starred = role == _DISPLAY and term.hanzi in self._starred
                return f"{term.hanzi} ★" if starred else term.hanzi
            if column == 1:
                return term.pinyin
            if column == 2:
                return term.english[0] if term.english else ""
            if term.hanzi not in self._counts:
                self._counts[term.hanzi] = self._count(term.hanzi)
            counts = self._counts[term.hanzi]
            if column - 3 == len(self._doc_ids):
                count = sum(counts.values())
            else:
                count = counts.get(self._doc_ids[column - 3], 0)
            return count if role == SORT_ROLE else str(count) if count else "–"
        if role == _ALIGN:
            return _RIGHT if column >= 3 else None
        if role == _TIP:
            return f"{term.hanzi} {term.pinyin}\n{'; '.join(term.english)}"
        return None

    def set_terms(self, terms: list[Term]) -> None:
        """The glossary changed (a term added, edited or removed): show it, counts afresh."""
        self.beginResetModel()
        self._terms = terms
        self._counts.clear()
        self.endResetModel()

    def set_starred(self, starred: frozenset[str]) -> None:
        """Starred terms show a star after the hanzi."""
        self._starred = starred
        if self._terms:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._terms) - 1, 0))

    def row_of(self, hanzi: str) -> int:
        return next((i for i, t in enumerate(self._terms) if t.hanzi == hanzi), -1)


class GlossaryFilter(QSortFilterProxyModel):
    """Keeps the rows whose hanzi is in the set the core's search returned (None: all)."""

    def __init__(self) -> None:
        super().__init__()
        self._accepted: set[str] | None = None
        self._starred: frozenset[str] | None = None
        self.setSortRole(SORT_ROLE)

    def set_accepted(self, hanzi: set[str] | None) -> None:
        self._refilter(lambda: setattr(self, "_accepted", hanzi))

    def set_starred_only(self, starred: frozenset[str] | None) -> None:
        """Only these (the starred terms) when given; None: starred or not."""
        self._refilter(lambda: setattr(self, "_starred", starred))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10 deprecates invalidateRowsFilter
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._accepted is None and self._starred is None:
            return True
        hanzi = self.sourceModel().index(source_row, 0, source_parent).data(HANZI_ROLE)
        if self._starred is not None and hanzi not in self._starred:
            return False
        return self._accepted is None or hanzi in self._accepted
