"""The window's actions on what is the user's: add or edit a term, star it, import a
termbase, export and import all of the user's data.

Each action asks the core (``Library.set_term``, ``star``, ``termbase.preview/apply``,
``backup``) and then announces ``glossary_changed``; the main window redraws what shows the
glossary. Errors the user can act on are shown in a dialog naming the file or the term.

Signals:
    glossary_changed(): terms, edits or stars changed.
    notes_changed(str): the paragraph notes of this document id changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.pinyin import has_han
from reader.ui.plain import plain_message_box
from reader.ui.term_dialog import TermDialog
from reader.ui.terms_import_dialog import TermsImportDialog


class UserActions(QObject):
    """Owns the actions; ``selection`` gives the text the user has selected (or "")."""

    glossary_changed = Signal()
    notes_changed = Signal(str)

    def __init__(self, library: Library, window: QWidget, selection: Callable[[], str]) -> None:
        super().__init__(window)
        self.library = library
        self.window = window
        self._selection = selection
        self.add_term_action = self._action("&Add to glossary…", "Ctrl+T", self.add_or_edit)
        self.star_action = self._action("&Star / unstar term", "Ctrl+Shift+S", self.toggle_star)
        self.remove_action = self._action("&Delete my entry / revert", None, self.remove)
        self.import_terms_action = self._action("&Import terms…", "Ctrl+I", self.import_terms)
        self.export_data_action = self._action("Export &my data…", None, self.export_data)
        self.import_data_action = self._action("Im&port my data…", None, self.import_data)

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _target(self) -> str | None:
        text = self._selection().strip()
        if has_han(text) and not any(c.isspace() for c in text):
            return text
        self._warn("Select a term in a text (or in the glossary list) first.")
        return None

    def _warn(self, message: str) -> None:
        plain_message_box(self.window, QMessageBox.Icon.Warning, "Reader", message).exec()

    def add_or_edit(self, hanzi: str | None = None) -> bool:
        """Open the dialog for the selected text; True when something was saved."""
        from reader.core.termbase import source_keys

        hanzi = hanzi or self._target()
        if hanzi is None:
            return False
        term = self.library.glossary.get(hanzi)
        dialog = TermDialog(
            hanzi, self.library.pinyin(hanzi), term, self.library.glossary, self.window
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if term is not None and not dialog.changes():
            return False  # saved unchanged: nothing to write
        try:
            self.library.set_term(hanzi, source_keys(self.library, dialog.changes()))
        except ReaderError as exc:
            self._warn(str(exc))
            return False
        self.glossary_changed.emit()
        return True

    def edit_paragraph_note(self, doc_id: str, paragraph: int) -> bool:
        """Write, change or (emptied) delete the note on a paragraph."""
        from PySide6.QtWidgets import QInputDialog

        current = self.library.paragraph_notes(doc_id).get(paragraph, "")
        text, ok = QInputDialog.getMultiLineText(
            self.window, "Note on a paragraph", f"{doc_id} ¶{paragraph} (empty: no note)", current
        )
        if not ok:
            return False
        try:
            self.library.set_paragraph_note(doc_id, paragraph, text)
        except ReaderError as exc:
            self._warn(str(exc))
            return False
        self.notes_changed.emit(doc_id)
        return True

    def toggle_star(self, hanzi: str | None = None) -> None:
        """Star or unstar ``hanzi`` (default: the selected text or term)."""
        hanzi = hanzi or self._target()
        if hanzi is None:
            return
        try:
            self.library.star(hanzi, not self.library.glossary.is_starred(hanzi))
        except ReaderError as exc:
            self._warn(str(exc))
            return
        self.glossary_changed.emit()

    def remove(self) -> None:
        hanzi = self._target()
        if hanzi is None:
            return
        try:
            self.library.remove_term(hanzi)
        except ReaderError as exc:
            self._warn(str(exc))
            return
        self.glossary_changed.emit()

    def import_terms(self, path: Path | None = None) -> None:
        """Preview a termbase entry by entry; import what the user ticked."""
        from reader.core.termbase import apply, preview

        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, "Import terms", "", "Termbases (*.tbx *.xml *.csv *.tsv *.txt)"
            )
            if not name:
                return
            path = Path(name)
        try:
            plan = preview(self.library, path)
        except ReaderError as exc:
            self._warn(str(exc))
            return
        dialog = TermsImportDialog(plan, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        skip, replace = dialog.choices()
        apply(self.library, plan, "keep", skip=skip, replace=replace)
        self.glossary_changed.emit()

    def export_data(self) -> None:
        from reader.core.backup import write_backup

        name, _ = QFileDialog.getSaveFileName(
            self.window, "Export my data", "reader-my-data.json", "Reader data (*.json)"
        )
        if name and self.library.user is not None:
            try:
                write_backup(self.library.user, Path(name))
            except ReaderError as exc:
                self._warn(str(exc))

    def import_data(self) -> None:
        from reader.core.backup import read_backup

        name, _ = QFileDialog.getOpenFileName(
            self.window, "Import my data", "", "Reader data (*.json)"
        )
        if not name or self.library.user is None:
            return
        try:
            read_backup(self.library.user, Path(name))
        except ReaderError as exc:
            self._warn(str(exc))
            return
        self.library.reload_user_data()
        self.glossary_changed.emit()
