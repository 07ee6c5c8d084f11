"""File › Export glossary: format, which terms (all, or those in one statement) and where.

The file name and the format follow each other: choosing TSV renames ``terms.csv`` to
``terms.tsv``, and typing ``terms.apkg`` chooses Anki, so a file never gets one format under
another's name (the first version wrote CSV into ``reader-glossary.tsv``). The folder and the
format are remembered for next time by the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reader.core.export import FORMATS, SUFFIXES

LABELS = {"csv": "CSV (spreadsheets)", "tsv": "TSV (Anki, Pleco)", "tbx": "TBX (CAT tools)"}
LABELS["anki"] = "Anki deck (.apkg)"
DEFAULT_STEM = "reader-glossary"


def format_of(path: str) -> str | None:
    """The format a file name asks for by its suffix, or None."""
    suffix = Path(path).suffix.lower()
    return next((fmt for fmt, s in SUFFIXES.items() if s == suffix), None)


def with_format(path: str, fmt: str) -> str:
    """``path`` with the suffix of ``fmt`` (a known suffix replaced, else added)."""
    if not path.strip():
        return path
    current = Path(path)
    stem = current.with_suffix("") if format_of(path) else current
    return str(stem) + SUFFIXES[fmt]


class ExportDialog(QDialog):
    """Choose format, terms and file; ``choice()`` gives (format, document id or None, path)."""

    def __init__(
        self, folder: Path, fmt: str, documents: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export glossary")
        self.format = QComboBox(self)
        for key in FORMATS:
            self.format.addItem(LABELS[key], key)
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))
        self.scope = QComboBox(self)
        self.scope.addItem("All glossary terms", None)
        for doc_id in documents:
            self.scope.addItem(f"Only terms in the {doc_id} statement", doc_id)
        self.starred = QCheckBox("Only the terms I starred", self)
        self.path = QLineEdit(str(folder / (DEFAULT_STEM + SUFFIXES[self.current_format()])))
        self.path.setAccessibleName("Export to file")
        self.browse = QPushButton("Browse…", self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._create_layout()
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.path.textEdited.connect(self._on_path_edited)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _create_layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow("Format:", self.format)
        form.addRow("Terms:", self.scope)
        form.addRow("", self.starred)
        form.addRow("File:", row)
        form.addRow(self.buttons)
        self.resize(560, self.sizeHint().height())

    def current_format(self) -> str:
        return str(self.format.currentData())

    def choice(self) -> tuple[str, str | None, Path]:
        return self.current_format(), self.scope.currentData(), Path(self.path.text().strip())

    # -- slots ----------------------------------------------------------------------------

    def _on_format_changed(self, _index: int) -> None:
        self.path.setText(with_format(self.path.text(), self.current_format()))

    def _on_path_edited(self, text: str) -> None:
        fmt = format_of(text)
        if fmt is not None and fmt != self.current_format():
            self.format.blockSignals(True)  # the name chose the format: do not rename it back
            self.format.setCurrentIndex(self.format.findData(fmt))
            self.format.blockSignals(False)

    def _on_browse_clicked(self, _checked: bool = False) -> None:
        fmt = self.current_format()
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export glossary", self.path.text(), f"{LABELS[fmt]} (*{SUFFIXES[fmt]})"
        )
        if chosen:
            self.path.setText(with_format(chosen, format_of(chosen) or fmt))
            self._on_path_edited(self.path.text())
