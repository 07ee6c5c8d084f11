"""Importing in the window: reading a file on a worker thread, then a dialog to check it.

Reading a 200-page PDF takes a second or two, so it runs on a ``QThread``: the window keeps
painting, a progress dialog counts pages and can cancel. The dialog then shows what Reader
guessed (title, date, place, source), the first paragraphs and what cleaning removed, and lets
the reader correct the header before anything is saved. Saving is the core's job
(:func:`reader.core.importing.store.metadata_for` checks the fields).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.documents import Document
from reader.core.errors import ImportCancelledError, ReaderError
from reader.core.importing import Imported, from_clipboard, read_import
from reader.core.importing.store import (
    Metadata,
    add_to_library,
    check_new,
    free_id,
    metadata_for,
)
from reader.core.library import Library

PREVIEW_PARAGRAPHS = 6


class ImportRunner(QObject):
    """Reads one file on its own thread.

    Signals:
        progress(int, int): pages (or steps) done and in all.
        ready(object): the ``Imported`` file, on the window's thread.
        failed(str): a one-line message naming the file and the problem.
        cancelled(): the reader cancelled; nothing was read into the library.
        done(): the work is over, whichever way.
    """

    progress = Signal(int, int)
    ready = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._cancel = False
        self.worker_thread = QThread()
        self.worker_thread.setObjectName(f"import {path.name}")
        self.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self._run)

    def start(self) -> None:
        self.worker_thread.start()

    def cancel(self) -> None:
        self._cancel = True

    def _report(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel

    def _run(self) -> None:
        try:
            imported = read_import(self.path, progress=self._report)
        except ImportCancelledError:
            self.cancelled.emit()
        except ReaderError as exc:
            self.failed.emit(str(exc))
        else:
            self.ready.emit(imported)
        finally:
            self.done.emit()
            self.worker_thread.quit()


class ImportDialog(QDialog):
    """The guessed header, editable; the first paragraphs; what cleaning removed.

    ``metadata`` holds the checked header once the reader pressed Save."""

    def __init__(
        self,
        imported: Imported,
        taken: set[str],
        parent: QWidget | None = None,
        originals: Sequence[Document] = (),
    ) -> None:
        super().__init__(parent)
        self.imported = imported
        self.taken = taken
        self.originals = list(originals)
        self.metadata: Metadata | None = None
        self.setWindowTitle(f"Import {imported.original}")
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addLayout(self._create_fields())
        layout.addWidget(QLabel("<b>First paragraphs</b>", self))
        self.preview = QTextBrowser(self)
        self.preview.setHtml(self._preview_html())
        layout.addWidget(self.preview, 3)
        layout.addWidget(QLabel("<b>Removed by cleaning</b>", self))
        self.removed = QPlainTextEdit(self)
        self.removed.setReadOnly(True)
        self.removed.setPlainText("\n".join(imported.removed) or "nothing")
        layout.addWidget(self.removed, 1)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _summary(self) -> str:
        imported = self.imported
        how = imported.kind + (f", {imported.encoding}" if imported.encoding else "")
        return (
            f"<b>{escape(imported.original)}</b> ({escape(how)}): {len(imported.paragraphs)}"
            f" paragraphs, {imported.characters:,} characters. Check the header, then Save."
        )

    def _create_fields(self) -> QFormLayout:
        guess = self.imported.guess
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        values = {
            "id": free_id(guess.date, self.taken) if guess.date else "",
            "title": guess.title,
            "date": guess.date,
            "place": guess.place,
            "source": self.imported.original,
        }
        hints = {"date": "YYYY-MM-DD (not found in the text)", "place": "unknown"}
        for key, value in values.items():
            field = QLineEdit(value, self)
            field.setPlaceholderText(hints.get(key, ""))
            field.setAccessibleName(f"Document {key}")
            self.fields[key] = field
            form.addRow(key.capitalize(), field)
        # A translation names its original, so alignment and the term check find it.
        self.translation_of = QComboBox(self)
        self.translation_of.addItem("— an original statement —", None)
        for document in self.originals:
            self.translation_of.addItem(f"{document.id}  {document.title}", document.id)
        self.translation_of.setAccessibleName("Translation of")
        self.language = QComboBox(self)
        for code, name in (("en", "English"), ("ru", "Russian")):
            self.language.addItem(name, code)
        self.language.setAccessibleName("Language of the translation")
        self.language.setEnabled(False)
        self.translation_of.currentIndexChanged.connect(
            lambda _: self.language.setEnabled(self.translation_of.currentData() is not None)
        )
        form.addRow("Translation of", self.translation_of)
        form.addRow("Language", self.language)
        return form

    def _preview_html(self) -> str:
        shown = self.imported.paragraphs[:PREVIEW_PARAGRAPHS]
        more = len(self.imported.paragraphs) - len(shown)
        html = "".join(f"<p>{escape(p)}</p>" for p in shown)
        return html + (f"<p><i>… and {more} more paragraphs</i></p>" if more > 0 else "")

    def _on_save(self) -> None:
        values = {key: field.text().strip() or None for key, field in self.fields.items()}
        original_id = self.translation_of.currentData()
        original = next((d for d in self.originals if d.id == original_id), None)
        if original is not None:  # a translation: dated and placed as its original
            values["date"] = values["date"] or original.date
            values["place"] = values["place"] or original.place
        try:
            self.metadata = metadata_for(
                self.imported,
                self.taken,
                doc_id=values["id"],
                title=values["title"],
                date=values["date"],
                place=values["place"],
                source=values["source"],
            )
        except ReaderError as exc:
            self.error.setText(str(exc))
            return
        if original is not None:
            lang = str(self.language.currentData())
            self.metadata = replace(
                self.metadata, extra=(("translation-of", original.id), ("lang", lang))
            )
        self.accept()


class Importer(QObject):
    """The window's import flow: file → worker thread → review dialog → user library.

    Signals:
        document_added(str): the id of a document now in the library.
        failed(str): one line naming the file and the problem; nothing was added.
        dialog_opened(object): the review dialog, shown (non-modal) and waiting for the reader.
    """

    document_added = Signal(str)
    failed = Signal(str)
    dialog_opened = Signal(object)

    def __init__(self, library: Library, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self._window = parent
        self._running: dict[ImportRunner, QProgressDialog] = {}

    def import_files(self, paths: list[Path]) -> None:
        for path in paths:
            self._start(path)

    def import_text(self, text: str) -> None:
        try:
            imported = from_clipboard(text)
        except ReaderError as exc:
            self.failed.emit(str(exc))
            return
        self._review(imported)

    def _start(self, path: Path) -> None:
        runner = ImportRunner(path)
        progress = QProgressDialog(f"Reading {path.name}…", "Cancel", 0, 0, self._window)
        progress.setWindowTitle("Import")
        progress.setMinimumDuration(400)
        progress.canceled.connect(runner.cancel)
        # Bound methods of objects on this thread: Qt queues the worker's signals to them.
        runner.progress.connect(self._on_runner_progress)
        runner.ready.connect(self._review)
        runner.failed.connect(self.failed)
        runner.done.connect(self._on_runner_done)
        self._running[runner] = progress
        runner.start()

    def _on_runner_progress(self, done: int, total: int) -> None:
        progress = self._running.get(self.sender())  # type: ignore[call-overload]
        if progress is not None:
            progress.setMaximum(total)
            progress.setValue(done)

    def _on_runner_done(self) -> None:
        runner = self.sender()
        progress = self._running.pop(runner, None)  # type: ignore[call-overload]
        if progress is not None:
            progress.reset()
            progress.deleteLater()
        if isinstance(runner, ImportRunner):
            runner.worker_thread.wait()

    def busy(self) -> bool:
        return bool(self._running)

    def _review(self, imported: Imported) -> None:
        try:
            check_new(imported, self.library.documents)
        except ReaderError as exc:
            self.failed.emit(str(exc))
            return
        from reader.core.bilingual import translation_info

        originals = [d for d in self.library.documents if translation_info(d) is None]
        dialog = ImportDialog(imported, set(self.library.document_ids()), self._window, originals)
        dialog.accepted.connect(lambda: self._save(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _save(self, dialog: ImportDialog) -> None:
        if dialog.metadata is None:
            return
        try:
            document = add_to_library(self.library, dialog.imported, dialog.metadata)
        except ReaderError as exc:
            self.failed.emit(str(exc))
            return
        self.document_added.emit(document.id)
