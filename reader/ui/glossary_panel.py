"""The glossary panel: every term with counts per statement, a filter, the selected term's
details, and every occurrence as keyword-in-context.

It shows what the window's selection says and announces what the reader picked; it never
changes the selection itself. Typing in the filter only narrows the list: the selection
changes when the reader picks a row (Enter or Down in the filter, a click, the arrow keys).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.card import details_html, equivalents_text, matches_html
from reader.core.glossary import Glossary
from reader.core.library import Lookup, Placed
from reader.core.occurrence_words import describe_groups, word_groups
from reader.core.textsearch import TextMatches
from reader.ui.flow_layout import FlowLayout
from reader.ui.glossary_model import HANZI_ROLE, GlossaryFilter, GlossaryModel
from reader.ui.kwic_delegate import KwicDelegate
from reader.ui.layout import column_widths
from reader.ui.occurrence_model import SPAN_ROLE, OccurrenceModel

EMPTY_HINT = (
    "<p style='color:gray'>Click a word in either statement to see its pinyin, meaning,"
    " equivalents and every place it occurs.</p>"
    "<p style='color:gray'>Or pick a term above: type to narrow the list, then press Enter"
    " or Down, or click a row.</p>"
)


OCCURRENCES_HINT = "Every place the selected term stands in both statements is listed here."


class HintListView(QListView):
    """A list that says what it is for while it is empty."""

    def __init__(self, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = hint

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(8, 8, -8, -8),
                int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                self.hint,
            )


class GlossaryPanel(QWidget):
    """Term list with filter, details of the selected term, and its occurrences.

    Signals:
        term_selected(str): the reader picked a term in the list or a related-term link.
        occurrence_activated(str, int, int): document id, start and end of a chosen occurrence.
        star_toggled(str): the reader clicked the star on a term's card.
    """

    term_selected = Signal(str)
    occurrence_activated = Signal(str, int, int)
    star_toggled = Signal(str)

    def __init__(
        self, glossary: Glossary, model: GlossaryModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._glossary = glossary
        self._model = model
        model.set_starred(glossary.starred)
        self._lookup: Lookup | None = None
        self._quiet = False  # True while the panel itself moves the list's current row
        self.tone_colours = True
        self._create_list()
        self._create_details()
        self._create_occurrences()
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("panelSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self._list_box, self._details_box, self._occurrences_box):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([300, 320, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.clear()

    # -- creation -------------------------------------------------------------------------

    def _create_list(self) -> None:
        self._list_box = QWidget(self)
        self.filter = QLineEdit(
            self._list_box, placeholderText="Filter: 延伸, yanshen, zhan4lve4, deterrence…"
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter glossary terms")
        self.filter.installEventFilter(self)
        self.proxy = GlossaryFilter()
        self.proxy.setSourceModel(self._model)
        self.table = QTableView(self._list_box)
        self.table.setModel(self.proxy)
        # No initial sort (glossary order), and no column sized to its contents: both would
        # read every cell of the model at start-up.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Glossary terms")
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(16)
        for column in range(self._model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.viewport().installEventFilter(self)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.filter.returnPressed.connect(self._on_filter_return_pressed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.clicked.connect(self._on_table_clicked)
        layout = QVBoxLayout(self._list_box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.starred_only = QToolButton(self._list_box)
        self.starred_only.setText("★ Starred")
        self.starred_only.setCheckable(True)
        self.starred_only.setToolTip("Show only the terms you starred")
        self.starred_only.toggled.connect(self._on_starred_only_toggled)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.starred_only)
        layout.addLayout(row)
        layout.addWidget(self.table)

    def size_count_columns(self) -> None:
        """After the shown documents changed: the new count columns sized like the others."""
        header = self.table.horizontalHeader()
        for column in range(self._model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._share_columns()

    def _create_details(self) -> None:
        self._details_box = QWidget(self)
        self.details = QTextBrowser(self._details_box)
        self.details.setOpenLinks(False)
        self.details.setAccessibleName("Term details")
        self.details.anchorClicked.connect(self._on_details_link)
        buttons = FlowLayout()  # wraps at laptop widths rather than eliding the labels
        self.copy_buttons: dict[str, QToolButton] = {}
        for key, label in (
            ("term", "Copy term"),
            ("pinyin", "Copy pinyin"),
            ("equivalents", "Copy equivalents"),
        ):
            button = QToolButton(self._details_box)
            button.setObjectName("copyButton")
            button.setText(label)
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, k=key: self.copy(k))
            self.copy_buttons[key] = button
            buttons.addWidget(button)
        self._card_buttons = buttons
        layout = QVBoxLayout(self._details_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.details)

    def add_card_actions(self, actions: list[QAction]) -> None:
        """Buttons on the card for actions the window owns (mark known, speak)."""
        for action in actions:
            button = QToolButton(self._details_box)
            button.setDefaultAction(action)
            self._card_buttons.addWidget(button)

    def _create_occurrences(self) -> None:
        self.occurrence_model = OccurrenceModel()
        self.occurrences = HintListView(OCCURRENCES_HINT, self)
        self.occurrences.setModel(self.occurrence_model)
        self.occurrences.setUniformItemSizes(True)  # thousands of rows cost a screenful
        self.occurrences.setAccessibleName("Occurrences")
        self.occurrences.setItemDelegate(KwicDelegate(self.occurrences))
        self.occurrences.activated.connect(self._on_occurrence_activated)
        self.occurrences.clicked.connect(self._on_occurrence_activated)
        self.occurrence_words = QLabel(self)
        self.occurrence_words.setObjectName("occurrenceWords")
        self.occurrence_words.setAccessibleName("Occurrences by word")
        self.occurrence_words.setWordWrap(True)
        self.occurrence_words.hide()
        self._occurrences_box = QWidget(self)
        layout = QVBoxLayout(self._occurrences_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.occurrence_words)
        layout.addWidget(self.occurrences)

    # -- showing --------------------------------------------------------------------------

    def show_lookup(
        self,
        lookup: Lookup,
        first: list[str] | None = None,
        words: list[list[Placed]] | None = None,
    ) -> None:
        """Show ``lookup``; occurrences in the documents ``first`` (the panes) come first;
        ``words``: the word each occurrence stands in, per document, when known."""
        self._lookup = lookup
        self.details.setHtml(details_html(lookup, self._glossary, self.tone_colours))
        for key, button in self.copy_buttons.items():
            has_equivalents = lookup.glossary is not None and bool(
                lookup.glossary.english or lookup.glossary.russian
            )
            button.setEnabled(key != "equivalents" or has_equivalents)
        self.occurrence_model.set_occurrences(lookup.occurrences, first, words)
        groups = word_groups(lookup.term, (p.word for g in words or [] for p in g))
        self.occurrence_words.setText(describe_groups(lookup.term, groups))
        self.occurrence_words.setVisible(bool(groups))
        self._select_row(lookup.term)

    def clear(self) -> None:
        """Nothing selected: no row, no card (a hint instead), no occurrences."""
        self._lookup = None
        self.details.setHtml(EMPTY_HINT)
        self.occurrence_model.clear()
        self.occurrence_words.clear()
        self.occurrence_words.hide()
        for button in self.copy_buttons.values():
            button.setEnabled(False)
        self._select_row("")

    def set_glossary(self, glossary: Glossary) -> None:
        """The user changed the glossary: searches and the details card use the new one."""
        self._glossary = glossary
        self._model.set_starred(glossary.starred)
        if self.starred_only.isChecked():
            self.proxy.set_starred_only(glossary.starred)

    def refresh(self) -> None:
        if self._lookup is not None:
            self.details.setHtml(details_html(self._lookup, self._glossary, self.tone_colours))

    def shown_term(self) -> str:
        """The term on the card ("" for none)."""
        return self._lookup.term if self._lookup is not None else ""

    def show_matches(self, matches: TextMatches) -> None:
        """A find in the texts: what was found where, and every place, like a term's."""
        self._lookup = None
        self.details.setHtml(matches_html(matches))
        for button in self.copy_buttons.values():
            button.setEnabled(False)
        self.occurrence_model.set_occurrences(matches.occurrences)
        self.occurrence_words.hide()
        self._select_row("")

    def set_orientation(self, orientation: Qt.Orientation) -> None:
        """Vertical beside the texts; horizontal (list, card, occurrences side by side) when
        the panel sits under them."""
        self.splitter.setOrientation(orientation)

    def set_current_occurrence(self, hit: tuple[str, int, int] | None) -> None:
        """Select the occurrence row of ``hit`` (None: no row), as F3 moves through them."""
        selection = self.occurrences.selectionModel()
        row = self.occurrence_model.row_of(hit) if hit is not None else -1
        if row < 0:
            selection.clear()
            return
        index = self.occurrence_model.index(row, 0)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.occurrences.scrollTo(index)

    def _select_row(self, hanzi: str) -> None:
        """Show ``hanzi`` as the list's current row, or no current row at all when it is
        not a glossary term or is filtered out: a stale row would look selected and a click
        on it would change nothing."""
        row = self._model.row_of(hanzi) if hanzi else -1
        index = self.proxy.mapFromSource(self._model.index(row, 0)) if row >= 0 else QModelIndex()
        selection = self.table.selectionModel()
        self._quiet = True
        try:
            if not index.isValid():
                selection.clear()  # the current index too, not just the highlight
                return
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        finally:
            self._quiet = False

    def copy(self, what: str) -> None:
        """Put the term, its pinyin or its equivalents on the clipboard."""
        lookup = self._lookup
        if lookup is None:
            return
        if what == "term":
            text = lookup.term
        elif what == "pinyin":
            text = lookup.pinyin
        else:
            text = equivalents_text(lookup, self._glossary)
        QGuiApplication.clipboard().setText(text)

    def occurrence_indexes(self) -> list[QModelIndex]:
        """Every occurrence row, in order (documents first to last)."""
        model = self.occurrence_model
        return [model.index(row, 0) for row in model.occurrence_rows()]

    def visible_terms(self) -> list[str]:
        """The hanzi of the rows the list shows, top to bottom."""
        return [self.proxy.index(r, 0).data(HANZI_ROLE) for r in range(self.proxy.rowCount())]

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount()
        ):
            self._pick_row(0)
            self.table.setFocus()
            return True
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_columns()
        return super().eventFilter(watched, event)

    def _share_columns(self) -> None:
        header = self.table.horizontalHeader()
        counts = list(range(3, self._model.columnCount()))
        digits = self.table.fontMetrics().horizontalAdvance("0000") + 12
        titles = [str(self._model.headerData(c, Qt.Orientation.Horizontal)) for c in counts]
        # A count column is as wide as four digits, or its document's id (2025-web) if longer.
        count_widths = [max(digits, header.fontMetrics().horizontalAdvance(t) + 12) for t in titles]
        widths = column_widths(
            self.table.viewport().width(),
            count_widths,
            self.table.fontMetrics().horizontalAdvance("字") + 12,
        )
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        for column, width in zip(counts, count_widths, strict=True):
            header.resizeSection(column, width)

    def _pick_row(self, row: int) -> None:
        """The reader picked a row of the filtered list: make it current and say so."""
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        term = index.data(HANZI_ROLE)
        if term != self.shown_term():  # moving onto the shown row already announced it
            self.term_selected.emit(term)

    # -- slots ----------------------------------------------------------------------------

    def _on_filter_text_changed(self, text: str) -> None:
        query = text.strip()
        self._quiet = True
        try:
            self.proxy.set_accepted(
                {t.hanzi for t in self._glossary.search(query)} if query else None
            )
        finally:
            self._quiet = False
        self._select_row(self.shown_term())  # still the selection, if it is still listed
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current)
        else:
            self.table.scrollToTop()  # the best match is the first row: show it

    def _on_filter_return_pressed(self) -> None:
        self.pick_best_match()

    def pick_best_match(self) -> None:
        """Enter in a filter: the list's current row if it has one, else its first."""
        if self.proxy.rowCount():
            current = self.table.currentIndex()
            self._pick_row(current.row() if current.isValid() else 0)

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            term = current.data(HANZI_ROLE)
            if term != self.shown_term():
                self.term_selected.emit(term)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        # A click on the row already current moves nothing; if the card shows something
        # else (a plain word was clicked since), the click still means "this term".
        term = index.data(HANZI_ROLE)
        if index.isValid() and term != self.shown_term():
            self.term_selected.emit(term)

    def _on_details_link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("term:"):
            self.term_selected.emit(target.removeprefix("term:"))
        elif target.startswith("star:"):
            self.star_toggled.emit(target.removeprefix("star:"))

    def _on_starred_only_toggled(self, on: bool) -> None:
        self.proxy.set_starred_only(self._glossary.starred if on else None)

    def _on_occurrence_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        span = index.data(SPAN_ROLE)
        if span:
            self.occurrence_activated.emit(*span)
