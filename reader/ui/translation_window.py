"""View › Translations: an original read with its translation, and how each term was rendered.

Everything shown comes from ``reader.core.bilingual`` (the objects ``reader align`` and
``reader check`` print), so the window and the CLI agree. Corrections the user makes to the
alignment go to the user's corrections store and win over the automatic alignment at once.

Signals:
    place_activated(str doc, int start, int end): a place in an original was chosen, for the
        main window to scroll its pane there.
    term_selected(str hanzi): a term was chosen in the term check.
    glossary_changed(): the user made a rendering a term's equivalent.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QWidget,
)

from reader.core.bilingual import (
    Alignment,
    CorrectionStore,
    align_documents,
    check_terms,
    corrected,
    tmx,
    translation_pairs,
    use_rendering,
)
from reader.core.errors import ReaderError
from reader.core.files import write_file
from reader.core.library import Library
from reader.ui.bilingual_view import BilingualView
from reader.ui.closing import add_close_keys
from reader.ui.plain import plain_message_box

CHECK_COLUMNS = ("Term", "In the original", "Rendered as", "No equivalent found in", "")


class TranslationWindow(QMainWindow):
    """An original interleaved with its translation, and the term check, for one pair."""

    place_activated = Signal(str, int, int)
    term_selected = Signal(str)
    glossary_changed = Signal()

    def __init__(
        self, library: Library, font: QFont, corrections: CorrectionStore, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reader — translations")
        add_close_keys(self)
        self.library = library
        self.corrections = corrections
        self.pairs = translation_pairs(library.documents)
        self.alignment: Alignment | None = None
        self._create_widgets(font)
        self._connect_signals()
        if self.pairs:
            self.show_pair(0)

    def _create_widgets(self, font: QFont) -> None:
        toolbar = QToolBar("Translation", self)
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.chooser = QComboBox(self)
        for original, translation in self.pairs:
            self.chooser.addItem(f"{original.id} ↔ {translation.id} ({translation.title})")
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(30)
        toolbar.addWidget(QLabel(" Translation: ", self))
        toolbar.addWidget(self.chooser)
        self.export_action = QAction("Export TMX…", self)
        toolbar.addAction(self.export_action)
        self.summary = QLabel(self)
        toolbar.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        self.view = BilingualView(font, self)
        self.view.terms_in = self._terms_in
        self.check_table = QTableWidget(0, len(CHECK_COLUMNS), self)
        self.check_table.setHorizontalHeaderLabels(CHECK_COLUMNS)
        self.check_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.check_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.check_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tabs.addTab(self.view, "Aligned text")
        self.tabs.addTab(self.check_table, "Term check")
        self.setCentralWidget(self.tabs)
        if not self.pairs:
            self.view.setPlainText(
                "No translation in the library yet. A translation is a document whose header"
                " says 'translation-of: <id>' and 'lang: en' or 'ru'."
            )
            self.export_action.setEnabled(False)

    def _connect_signals(self) -> None:
        self.chooser.currentIndexChanged.connect(self.show_pair)
        self.export_action.triggered.connect(self.export_dialog)
        self.view.sentence_activated.connect(self._on_view_sentence_activated)
        self.view.correction_requested.connect(self._on_view_correction_requested)
        self.view.rendering_chosen.connect(self._on_view_rendering_chosen)
        self.check_table.cellClicked.connect(self._on_check_table_cell_clicked)

    def refresh(self) -> None:
        """List the library's translations again (one may have been imported or removed)."""
        pairs = translation_pairs(self.library.documents)
        if [(a.id, b.id) for a, b in pairs] == [(a.id, b.id) for a, b in self.pairs]:
            return
        self.pairs = pairs
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for original, translation in pairs:
            self.chooser.addItem(f"{original.id} ↔ {translation.id} ({translation.title})")
        self.chooser.blockSignals(False)
        self.export_action.setEnabled(bool(pairs))
        if pairs:
            self.show_pair(0)

    # -- showing a pair -------------------------------------------------------------------

    def show_pair(self, index: int) -> None:
        original, translation = self.pairs[index]
        fixed = self.corrections.load(original.id, translation.id)
        try:
            self.alignment = align_documents(original, translation, self.library.glossary, fixed)
        except ReaderError as exc:
            plain_message_box(self, QMessageBox.Icon.Warning, "Cannot align", str(exc)).exec()
            return
        position = self.view.verticalScrollBar().value()
        self.view.show_alignment(self.alignment)
        self.view.verticalScrollBar().setValue(position)
        self._fill_check()
        pairs = self.alignment.pairs
        paired = sum(len(b.src) for b in pairs)
        self.summary.setText(
            f"  {len(pairs)} pairs · {paired} of {len(self.alignment.source)} original"
            f" sentences translated · {sum(b.fixed for b in self.alignment.beads)} corrected by you"
        )

    def show_term(self, hanzi: str) -> bool:
        """Scroll to the first sentence of the original that holds ``hanzi``, tinting its pair."""
        if self.alignment is None or not hanzi:
            return False
        at = self.alignment.original.text.find(hanzi)
        return at >= 0 and self.view.show_place(at)

    def _fill_check(self) -> None:
        assert self.alignment is not None
        checks = [
            c
            for c in check_terms(self.alignment, self.library.glossary)
            if c.renderings or c.missing
        ]
        checks.sort(key=lambda c: (not c.inconsistent, not c.missing, c.term.hanzi))
        self.check_table.setRowCount(len(checks))
        for row, check in enumerate(checks):
            rendered = ", ".join(f"{e} ×{n}" for e, n in check.renderings.most_common()) or "—"
            missing = ", ".join(f"¶{p}" for _, p in check.missing) or "—"
            flag = "rendered more than one way" if check.inconsistent else ""
            if check.missing:
                flag = (flag + "; " if flag else "") + "equivalent missing"
            cells = (check.term.hanzi, str(check.occurrences), rendered, missing, flag)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, check.term.hanzi)
                if column == 3 and check.missing:
                    item.setData(Qt.ItemDataRole.UserRole, check.missing[0][0])
                self.check_table.setItem(row, column, item)

    # -- actions --------------------------------------------------------------------------

    def export_dialog(self) -> None:
        if self.alignment is None:
            return
        name = f"{self.alignment.original.id}-{self.alignment.translation.id}.tmx"
        path, _ = QFileDialog.getSaveFileName(self, "Export TMX", name, "TMX (*.tmx)")
        if path:
            self.export_tmx(Path(path))

    def export_tmx(self, path: Path) -> bool:
        assert self.alignment is not None
        try:
            write_file(path, tmx(self.alignment))
        except ReaderError as exc:
            plain_message_box(self, QMessageBox.Icon.Warning, "Export failed", str(exc)).exec()
            return False
        self.statusBar().showMessage(f"Wrote {len(self.alignment.pairs)} pairs to {path}")
        return True

    def _on_view_sentence_activated(self, start: int, end: int) -> None:
        if self.alignment is not None:
            self.place_activated.emit(self.alignment.original.id, start, end)

    def _on_view_correction_requested(self, action: str, bead: int) -> None:
        if self.alignment is None:
            return
        original, translation = self.alignment.original.id, self.alignment.translation.id
        fixed = self.corrections.load(original, translation)
        try:
            changed = corrected(self.alignment, action, bead, fixed)
            self.corrections.save(original, translation, changed)
        except ReaderError as exc:
            plain_message_box(
                self, QMessageBox.Icon.Warning, "Correction not saved", str(exc)
            ).exec()
            return
        self.show_pair(self.chooser.currentIndex())

    def _terms_in(self, text: str) -> list[str]:
        """Glossary terms of ``text``, longest first, none inside a longer one found."""
        found: list[str] = []
        for term in sorted(self.library.glossary.terms, key=lambda t: -len(t.hanzi)):
            if term.hanzi in text and not any(term.hanzi in longer for longer in found):
                found.append(term.hanzi)
        return found

    def _on_view_rendering_chosen(self, hanzi: str, equivalent: str) -> None:
        if self.alignment is None:
            return
        try:
            use_rendering(self.library, hanzi, self.alignment, equivalent)
        except ReaderError as exc:
            plain_message_box(
                self, QMessageBox.Icon.Warning, "Equivalent not saved", str(exc)
            ).exec()
            return
        self.statusBar().showMessage(
            f"“{equivalent}” is now the first equivalent of {hanzi}, seen in"
            f" {self.alignment.translation.id}"
        )
        self.glossary_changed.emit()
        self._fill_check()

    def _on_check_table_cell_clicked(self, row: int, column: int) -> None:
        term_item, place_item = self.check_table.item(row, 0), self.check_table.item(row, 3)
        if self.alignment is None or term_item is None or place_item is None:
            return
        hanzi = term_item.text()
        self.term_selected.emit(hanzi)
        place = place_item.data(Qt.ItemDataRole.UserRole)
        if column == 3 and place is not None:
            self.place_activated.emit(self.alignment.original.id, place, place + len(hanzi))
