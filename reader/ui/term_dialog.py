"""The Add to glossary / Edit term dialog: every field of an entry, nothing decided here.

It shows a ``Term`` (or a new hanzi with the reader's pinyin) and hands back the fields the
user changed, as the core's ``Library.set_term`` takes them. For each language the sources
box says where the first equivalent was seen; "verified" unticked means it was not
(``unverified``), which is what an equivalent without a source is.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from reader.core.glossary import CATEGORIES, UNVERIFIED, Glossary, Term
from reader.core.userterms import FieldValue


class TermDialog(QDialog):
    """Edit one entry. ``changes()`` gives the fields that differ from what was shown."""

    def __init__(
        self, hanzi: str, pinyin: str, term: Term | None, glossary: Glossary, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit {hanzi}" if term else f"Add {hanzi} to the glossary")
        self._glossary = glossary
        self.hanzi = QLineEdit(hanzi)
        self.hanzi.setReadOnly(True)
        self.pinyin = QLineEdit(term.pinyin if term else pinyin)
        self.english = QPlainTextEdit("\n".join(term.english) if term else "")
        self.russian = QPlainTextEdit("\n".join(term.russian) if term else "")
        self.english_source, self.english_verified = self._source_row(term, "english_source")
        self.russian_source, self.russian_verified = self._source_row(term, "russian_source")
        self.definition = QPlainTextEdit(term.definition if term else "")
        self.category = QComboBox()
        self.category.addItem("", "")
        for key, label in CATEGORIES.items():
            self.category.addItem(label, key)
        self.category.setCurrentIndex(max(0, self.category.findData(term.category if term else "")))
        self.related = QLineEdit(" ".join(term.related) if term else "")
        self.note = QPlainTextEdit(term.note if term else "")
        for box in (self.english, self.russian, self.definition, self.note):
            box.setFixedHeight(56)
        form = QFormLayout(self)
        form.addRow("Term", self.hanzi)
        form.addRow("Pinyin", self.pinyin)
        form.addRow("English (one a line)", self.english)
        form.addRow("  seen in", self.english_source)
        form.addRow("", self.english_verified)
        form.addRow("Russian (one a line)", self.russian)
        form.addRow("  seen in", self.russian_source)
        form.addRow("", self.russian_verified)
        form.addRow("Definition", self.definition)
        form.addRow("Category", self.category)
        form.addRow("Related terms", self.related)
        form.addRow("Note", self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._shown = self._values()

    def _source_row(self, term: Term | None, field: str) -> tuple[QLineEdit, QCheckBox]:
        key = getattr(term, field) if term else UNVERIFIED
        source = self._glossary.source(key)
        line = QLineEdit(source.citation() if source else "")
        line.setCursorPosition(0)  # the title, not the end of the url
        line.setPlaceholderText("title <url> of the document where it stands")
        tick = QCheckBox("verified in that source")
        tick.setChecked(source is not None)
        return line, tick

    def _values(self) -> dict[str, FieldValue]:
        def lines(box: QPlainTextEdit) -> tuple[str, ...]:
            return tuple(s.strip() for s in box.toPlainText().splitlines() if s.strip())

        values: dict[str, FieldValue] = {
            "pinyin": self.pinyin.text().strip(),
            "english": lines(self.english),
            "russian": lines(self.russian),
            "definition": self.definition.toPlainText().strip(),
            "category": str(self.category.currentData() or ""),
            "related": tuple(self.related.text().split()),
            "note": self.note.toPlainText().strip(),
        }
        for language in ("english", "russian"):
            source: QLineEdit = getattr(self, f"{language}_source")
            tick: QCheckBox = getattr(self, f"{language}_verified")
            shown = source.text().strip()
            values[f"{language}_source"] = shown if tick.isChecked() and shown else UNVERIFIED
        return values

    def changes(self) -> dict[str, FieldValue]:
        """Fields that differ from what the dialog showed; sources as citations."""
        return {k: v for k, v in self._values().items() if v != self._shown.get(k)}
