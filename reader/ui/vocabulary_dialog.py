"""The Vocabulary view: a document's words not yet known, most frequent first, with pinyin,
gloss and HSK level, and their export as CSV or an Anki deck.

The rows come from ``reader.core.vocabulary``; the model only shows them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.coverage import KnownWords
from reader.core.errors import ReaderError
from reader.core.hsk import hsk_label
from reader.core.library import Library
from reader.core.vocabulary import VocabularyRow, export_vocabulary, vocabulary
from reader.ui.plain import plain_message_box

HEADERS = ("Word", "Pinyin", "HSK", "Count", "Gloss")
COLUMN_WIDTHS = (150, 170, 70, 56)
Index = QModelIndex | QPersistentModelIndex


class VocabularyModel(QAbstractTableModel):
    """Rows of ``VocabularyRow``, one column per field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[VocabularyRow] = []

    def set_rows(self, rows: list[VocabularyRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        return (row.word, row.pinyin, hsk_label(row.hsk), row.count, row.gloss)[index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


class VocabularyDialog(QDialog):
    """Choose a document; see and export its unknown words."""

    def __init__(
        self, library: Library, known: KnownWords, doc_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Vocabulary")
        self.resize(720, 560)
        self._library, self._known = library, known
        self.documents = QComboBox(self)
        for document in library.documents:
            self.documents.addItem(f"{document.year} statement", document.id)
        self.summary = QLabel(self)
        self.model = VocabularyModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate(COLUMN_WIDTHS):  # a treaty's name must not take all
            self.table.setColumnWidth(column, width)
        self.csv_button = QPushButton("Export &CSV…", self)
        self.anki_button = QPushButton("Export &Anki deck…", self)
        self._lay_out()
        self.documents.currentIndexChanged.connect(self._on_documents_changed)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.anki_button.clicked.connect(lambda: self.export("anki"))
        self.documents.setCurrentIndex(max(0, self.documents.findData(doc_id)))
        self.show_document(self.documents.currentData())

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.documents)
        top.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.anki_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_document(self, doc_id: str) -> None:
        coverage = self._library.coverage(doc_id, self._known)
        self.summary.setText(f"{coverage.header()} ({coverage.words} running words)")
        self.model.set_rows(vocabulary(self._library, doc_id, self._known))

    def export(self, fmt: str, path: Path | None = None) -> None:
        """Ask where (unless ``path`` is given) and write the list; errors in a dialog."""
        doc_id = self.documents.currentData()
        suffix = ".csv" if fmt == "csv" else ".apkg"
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Export vocabulary", f"reader-vocabulary-{doc_id}{suffix}"
            )
            if not chosen:
                return
            path = Path(chosen)
        title = f"Reader: vocabulary of the {self._library.document(doc_id).year} statement"
        try:
            count = export_vocabulary(self.model.rows, fmt, path, title)
        except ReaderError as exc:
            plain_message_box(self, QMessageBox.Icon.Warning, "Export failed", str(exc)).exec()
            return
        self.summary.setText(f"Exported {count} words to {path.name}")

    def _on_documents_changed(self, _index: int) -> None:
        self.show_document(self.documents.currentData())
