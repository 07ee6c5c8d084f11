"""The Documents panel: every document in the library, and which of them the panes show.

A library of fifty statements cannot be fifty panes; the reader picks one, two or three and
opens any document in any of them. The panel only announces what was asked for; the main
window opens documents and remembers the choice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.documents import Document

Index = QModelIndex | QPersistentModelIndex
MAX_PANES = 3
COLUMNS = ("Id", "Title", "Date", "Place", "Origin", "Characters", "Pane")
TITLE_COLUMN, SIZE_COLUMN = 1, 5
ID_ROLE = Qt.ItemDataRole.UserRole + 20
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: Column widths in characters of the table's font: sized once, never by reading every cell.
_WIDTHS = {0: 10, 2: 10, 3: 10, 4: 7, 5: 8, 6: 4}


class DocumentsModel(QAbstractTableModel):
    """One row per document: id, title, date, place, origin, size and the pane showing it."""

    def __init__(self, documents: list[Document]) -> None:
        super().__init__()
        self._documents = list(documents)
        self._panes: dict[str, int] = {}

    def set_documents(self, documents: list[Document], shown: list[str]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self._panes = {doc_id: pane for pane, doc_id in enumerate(shown, start=1)}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        document = self._documents[index.row()]
        if role == ID_ROLE:
            return document.id
        if role == _TIP:
            return f"{document.id}: {document.title}\n{document.source}\n{document.path}"
        if role == _ALIGN and index.column() >= SIZE_COLUMN:
            return _RIGHT
        if role != _DISPLAY:
            return None
        pane = self._panes.get(document.id)
        return (
            document.id,
            document.title,
            document.date,
            document.place,
            document.origin,
            f"{len(document.text):,}",
            str(pane) if pane else "",
        )[index.column()]

    def id_at(self, row: int) -> str | None:
        return self._documents[row].id if 0 <= row < len(self._documents) else None


class DocumentsPanel(QWidget):
    """The library's documents, the number of panes, and buttons to open one in a pane.

    Signals:
        open_requested(str, int): open document id in pane number (0-based).
        pane_count_changed(int): the reader chose one, two or three panes.
        import_requested(): the reader pressed Import….
    """

    open_requested = Signal(str, int)
    pane_count_changed = Signal(int)
    import_requested = Signal()

    def __init__(self, model: DocumentsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._create_table()
        self._create_controls()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._controls)
        layout.addWidget(self.table)
        layout.addLayout(self._buttons)

    def _create_table(self) -> None:
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Documents")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        char = self.table.fontMetrics().horizontalAdvance("0")
        for column, chars in _WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, chars * char + 14)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

    def _create_controls(self) -> None:
        self._controls = QHBoxLayout()
        self.panes = QComboBox(self)
        self.panes.addItems(["1 pane", "2 panes", "3 panes"])
        self.panes.setAccessibleName("Number of panes")
        self.panes.activated.connect(lambda index: self.pane_count_changed.emit(index + 1))
        self.import_button = QPushButton("Import…", self)
        self.import_button.clicked.connect(self.import_requested)
        self._controls.addWidget(QLabel("Show", self))
        self._controls.addWidget(self.panes)
        self._controls.addStretch(1)
        self._controls.addWidget(self.import_button)
        self._buttons = QHBoxLayout()
        self.open_buttons: list[QPushButton] = []
        for pane in range(MAX_PANES):
            button = QPushButton(f"Open in pane {pane + 1}", self)
            button.clicked.connect(lambda _=False, p=pane: self._open_selected(p))
            self.open_buttons.append(button)
            self._buttons.addWidget(button)

    def set_state(self, documents: list[Document], shown: list[str]) -> None:
        """Show the library's documents and which pane holds which."""
        self.model.set_documents(documents, shown)
        self.panes.setCurrentIndex(len(shown) - 1)
        for pane, button in enumerate(self.open_buttons):
            button.setEnabled(pane < len(shown))

    def select_document(self, doc_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.id_at(row) == doc_id:
                self.table.selectRow(row)
                return

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _open_selected(self, pane: int) -> None:
        doc_id = self.selected_id()
        if doc_id is not None:
            self.open_requested.emit(doc_id, pane)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        """Double-click: into the last pane, the one a reader swaps while keeping the first."""
        doc_id = self.model.id_at(index.row())
        if doc_id is not None:
            enabled = sum(button.isEnabled() for button in self.open_buttons)
            self.open_requested.emit(doc_id, max(0, enabled - 1))
