"""The terminology-shift table: a model over the core's ``TermShift`` rows, a filter (only in
A, only in B, both), and a delegate that draws a small pair of bars per row.

The model adapts core objects and holds no logic (STYLE.md habit 2): counts, rates and the
change come from ``reader.core.compare``; sorting is by the numbers under ``SORT_ROLE``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.compare import TermShift

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TERM_ROLE = Qt.ItemDataRole.UserRole + 2
BAR_COLUMN = 6
BAR_WIDTH = 140  # the longest bar, in pixels
COLOUR_A = QColor(70, 120, 190)
COLOUR_B = QColor(220, 130, 50)
AnyIndex = QModelIndex | QPersistentModelIndex


class TermShiftModel(QAbstractTableModel):
    """One row a glossary term: term, count A, count B, rate A, rate B, change, bars."""

    def __init__(self, a_id: str, b_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[TermShift, ...] = ()
        self._headers = ["Term", a_id, b_id, f"/10k {a_id}", f"/10k {b_id}", "Change", "Rate"]
        self.top_rate = 1.0

    def set_rows(self, rows: tuple[TermShift, ...], a_id: str, b_id: str) -> None:
        self.beginResetModel()
        self._rows = rows
        self._headers[1:5] = [a_id, b_id, f"/10k {a_id}", f"/10k {b_id}"]
        self.top_rate = max([1.0] + [max(r.rate_a, r.rate_b) for r in rows])
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def row_shift(self, row: int) -> TermShift:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        shift = self._rows[index.row()]
        values: list[object] = [
            shift.term,
            shift.a,
            shift.b,
            shift.rate_a,
            shift.rate_b,
            shift.change,
            shift.change,
        ]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == BAR_COLUMN:
                return None
            if column in (3, 4):
                return f"{values[column]:.2f}"
            return f"{shift.change:+.2f}" if column == 5 else values[column]
        if role == SORT_ROLE:
            return values[column]
        if role == TERM_ROLE:
            return shift.term
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == BAR_COLUMN:
            return f"{shift.term}: {shift.rate_a:.2f} → {shift.rate_b:.2f} per 10,000 characters"
        return None


class TermShiftFilter(QSortFilterProxyModel):
    """Rows where the term stands in A only (``"a"``), B only (``"b"``), both, or all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.where = "all"
        self.setSortRole(SORT_ROLE)

    def set_where(self, where: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self.where = where
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.where = where
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, TermShiftModel)
        return self.where == "all" or model.row_shift(source_row).where == self.where


class RateBarDelegate(QStyledItemDelegate):
    """Two thin bars per row: the rate in A (blue) over the rate in B (orange)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().paint(painter, option, index)
        proxy = index.model()
        source = proxy.mapToSource(index) if isinstance(proxy, QSortFilterProxyModel) else index
        model = source.model()
        if not isinstance(model, TermShiftModel):
            return
        shift = model.row_shift(source.row())
        rect: QRect = option.rect.adjusted(4, 4, -4, -4)
        half = max(2, rect.height() // 2 - 1)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        for row, (rate, colour) in enumerate(((shift.rate_a, COLOUR_A), (shift.rate_b, COLOUR_B))):
            width = round(min(rect.width(), BAR_WIDTH) * rate / model.top_rate)
            if rate and width < 1:
                width = 1
            painter.setBrush(colour)
            painter.drawRect(rect.left(), rect.top() + row * (half + 2), width, half)
        painter.restore()
