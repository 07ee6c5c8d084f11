"""The Candidates tab: a document's words and set phrases that are not glossary terms yet,
ranked by the core (``reader.core.candidates``), each one click away from the glossary.

The ranking loads wordfreq's Chinese list (half a second) and may need jieba, so nothing is
computed until the tab is brought to the front (``set_shown``; Qt counts a tab hidden behind
another as visible, so the window says when it really is); after that, the list is made again
when the glossary changes or another document is chosen, if the tab is in front.

Signals:
    add_requested(str): the reader wants this candidate in the glossary.
    candidate_selected(str): the reader picked a candidate (to see where it stands).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library import Library

LIMIT = 40


class CandidatesView(QWidget):
    """A document chooser, the ranked candidates, and an Add to glossary button."""

    add_requested = Signal(str)
    candidate_selected = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._stale = True
        self._shown = False
        self.document = QComboBox(self)
        for document in library.documents:
            self.document.addItem(f"{document.year} statement", document.id)
        if library.documents:
            self.document.setCurrentIndex(len(library.documents) - 1)  # the newest
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["Candidate", "Pinyin", "Count", "Kind"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Count and Kind are short: sized to their contents, so that the pinyin gets the rest
        # (with four equal default widths a laptop's panel left the pinyin a few pixels: "…").
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Term candidates")
        self.add_button = QPushButton("Add to glossary…", self)
        self.add_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.document, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.document.currentIndexChanged.connect(self._on_document_changed)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._on_add_clicked())
        self.add_button.clicked.connect(self._on_add_clicked)

    def invalidate(self) -> None:
        """The glossary changed: fill again now if shown, else when next shown."""
        self._stale = True
        if self._shown:
            self.fill()

    def set_shown(self, shown: bool) -> None:
        """The tab came to the front (True) or went behind another or away (False)."""
        self._shown = shown
        if shown and self._stale:
            self.fill()

    def fill(self) -> None:
        from reader.core.candidates import candidates

        self._stale = False
        doc_id = self.document.currentData()
        found = candidates(self.library, doc_id, LIMIT) if doc_id else []
        self.table.setRowCount(len(found))
        for row, candidate in enumerate(found):
            count = QTableWidgetItem()
            count.setData(Qt.ItemDataRole.DisplayRole, candidate.count)
            cells = [
                QTableWidgetItem(candidate.hanzi),
                QTableWidgetItem(candidate.pinyin),
                count,
                QTableWidgetItem(candidate.kind),
            ]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.add_button.setEnabled(False)

    def selected(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return ""
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item else ""

    def _on_document_changed(self, _index: int) -> None:
        self.invalidate()

    def _on_table_selection_changed(self) -> None:
        hanzi = self.selected()
        self.add_button.setEnabled(bool(hanzi))
        if hanzi:
            self.candidate_selected.emit(hanzi)

    def _on_add_clicked(self) -> None:
        hanzi = self.selected()
        if hanzi:
            self.add_requested.emit(hanzi)
