"""The glossary panel: every term with counts per statement, a filter, the selected term's
details, and every occurrence as keyword-in-context.

It shows what the core decided; it never looks anything up itself beyond the filter query.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.glossary import Glossary
from reader.core.library import Lookup, Placed
from reader.core.occurrence_words import describe_groups, word_groups
from reader.core.report import citation
from reader.ui.glossary_model import HANZI_ROLE, GlossaryFilter, GlossaryModel
from reader.ui.occurrence_model import KWIC_ROLE, SPAN_ROLE, OccurrenceModel

TONE_COLOURS = {1: "#d62728", 2: "#2ca02c", 3: "#1f77b4", 4: "#9467bd", 5: "#7f7f7f"}
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_VOWEL = "[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]"
#: initial consonants, vowels, and a final n / ng / r that does not start the next syllable
_SYLLABLE = rf"[bcdfghjklmnpqrstwxyz]*{_VOWEL}+(?:ng(?!{_VOWEL})|n(?!{_VOWEL})|r(?!{_VOWEL}))?"


def tone_of(syllable: str) -> int:
    for char in unicodedata.normalize("NFD", syllable):
        if char in _TONE_MARKS:
            return _TONE_MARKS[char]
    return 5


def coloured_pinyin(pinyin: str) -> str:
    """HTML with every syllable in its tone's colour (Pleco's convention)."""

    def paint(match: re.Match[str]) -> str:
        return f'<span style="color:{TONE_COLOURS[tone_of(match.group())]}">{escape(match.group())}</span>'

    parts, position = [], 0
    for match in re.finditer(_SYLLABLE, pinyin, re.IGNORECASE):
        parts.append(escape(pinyin[position : match.start()]))
        parts.append(paint(match))
        position = match.end()
    parts.append(escape(pinyin[position:]))
    return "".join(parts)


def details_html(lookup: Lookup, glossary: Glossary, tone_colours: bool) -> str:
    """The selected term's card; every piece of text is escaped."""
    pinyin = coloured_pinyin(lookup.pinyin) if tone_colours else escape(lookup.pinyin)
    out = [
        f'<p style="font-size:34px; margin:0">{escape(lookup.term)}</p>',
        f'<p style="font-size:18px; margin:0 0 8px 0">{pinyin}</p>',
    ]
    term = lookup.glossary
    if term is not None:
        out.append(f"<p><i>{escape(term.category_label)}</i> · from the Reader glossary</p>")
        for label, values, key in (
            ("English", term.english, term.english_source),
            ("Russian", term.russian, term.russian_source),
        ):
            source = citation(glossary, key)
            mark = "⚠ unverified" if source == "unverified" else f"seen in: {escape(source)}"
            out.append(
                f"<p><b>{label}:</b> {escape('; '.join(values))}<br>"
                f'<span style="font-size:small">{mark}</span></p>'
            )
        out.append(f"<p>{escape(term.definition)}</p>")
        if term.note:
            out.append(f"<p><b>Usage:</b> {escape(term.note)}</p>")
        if term.variant_of:
            out.append(
                f'<p><b>Full form:</b> <a href="term:{escape(term.variant_of)}">{escape(term.variant_of)}</a></p>'
            )
        if term.related:
            links = " · ".join(f'<a href="term:{escape(r)}">{escape(r)}</a>' for r in term.related)
            out.append(f"<p><b>Related:</b> {links}</p>")
    if lookup.entries:
        out.append("<p><b>CC-CEDICT</b></p><ul>")
        for entry in lookup.entries:
            senses = escape(" / ".join(entry.definitions))
            out.append(f"<li>{escape(entry.simplified)} [{escape(entry.pinyin)}] {senses}</li>")
        out.append("</ul>")
    if term is None and not lookup.entries:
        out.append("<p>Not in the glossary or in CC-CEDICT.</p>")
    return "".join(out)


class KwicDelegate(QStyledItemDelegate):
    """Draws a keyword-in-context line: paragraph number in grey, the keyword bold and
    underlined. Painted as three runs of text, no rich-text layout per row."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        parts = index.data(KWIC_ROLE)
        if parts is None:
            super().paint(painter, option, index)
            return
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""  # the style draws background, selection and focus; the text is ours
        widget = options.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, options, widget)
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        palette = options.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        label, left, match, right = parts
        plain = QFont(options.font)
        strong = QFont(plain)
        strong.setBold(True)
        strong.setUnderline(True)
        runs = (
            (label, plain, palette.color(QPalette.ColorRole.PlaceholderText)),
            (left, plain, text_colour),
            (match, strong, text_colour),
            (right, plain, text_colour),
        )
        painter.save()
        painter.setClipRect(rect)
        x = rect.left()
        for text, font, colour in runs:
            painter.setFont(font)
            painter.setPen(colour)
            area = QRect(x, rect.top(), max(0, rect.right() - x), rect.height())
            painter.drawText(
                area, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text
            )
            x += QFontMetrics(font).horizontalAdvance(text)
        painter.restore()


class GlossaryPanel(QWidget):
    """Term list with filter, details of the selected term, and its occurrences.

    Signals:
        term_selected(str): the reader chose a term in the list or a related-term link.
        occurrence_activated(str, int, int): document id, start and end of a chosen occurrence.
    """

    term_selected = Signal(str)
    occurrence_activated = Signal(str, int, int)

    def __init__(
        self, glossary: Glossary, model: GlossaryModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._glossary = glossary
        self._model = model
        self._lookup: Lookup | None = None
        self.tone_colours = True
        self._create_list()
        self._create_details()
        self._create_occurrences()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("panelSplitter")
        for widget in (self._list_box, self._details_box, self._occurrences_box):
            splitter.addWidget(widget)
        splitter.setSizes([300, 320, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    # -- creation -------------------------------------------------------------------------

    def _create_list(self) -> None:
        self._list_box = QWidget(self)
        self.filter = QLineEdit(
            self._list_box, placeholderText="Filter: 延伸, yanshen, zhan4lve4, deterrence…"
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter glossary terms")
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
        header = self.table.horizontalHeader()
        digits = self.table.fontMetrics().horizontalAdvance("0000") + 16
        char = self.table.fontMetrics().horizontalAdvance("字")
        # Treaty titles run to 30 characters: hanzi and pinyin get a width and elide.
        widths = {
            0: 7 * char + 12,
            1: 170,
            **{c: digits for c in range(3, self._model.columnCount())},
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        layout = QVBoxLayout(self._list_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)

    def _create_details(self) -> None:
        self._details_box = QWidget(self)
        self.details = QTextBrowser(self._details_box)
        self.details.setOpenLinks(False)
        self.details.setAccessibleName("Term details")
        self.details.anchorClicked.connect(self._on_details_link)
        buttons = QHBoxLayout()
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
        buttons.addStretch(1)
        layout = QVBoxLayout(self._details_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.details)

    def _create_occurrences(self) -> None:
        self.occurrence_model = OccurrenceModel()
        self.occurrences = QListView(self)
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

    def show_lookup(self, lookup: Lookup, words: list[list[Placed]] | None = None) -> None:
        """``words``: the word each occurrence stands in, per document, when known."""
        self._lookup = lookup
        self.details.setHtml(details_html(lookup, self._glossary, self.tone_colours))
        for key, button in self.copy_buttons.items():
            button.setEnabled(key != "equivalents" or lookup.glossary is not None)
        self.occurrence_model.set_occurrences(lookup.occurrences, words)
        groups = word_groups(lookup.term, (p.word for g in words or [] for p in g))
        self.occurrence_words.setText(describe_groups(lookup.term, groups))
        self.occurrence_words.setVisible(bool(groups))
        self._select_row(lookup.term)

    def clear(self) -> None:
        self._lookup = None
        self.details.clear()
        self.occurrence_model.clear()
        self.occurrence_words.clear()
        self.occurrence_words.hide()
        for button in self.copy_buttons.values():
            button.setEnabled(False)
        self.table.selectionModel().clearSelection()

    def refresh(self) -> None:
        if self._lookup is not None:
            self.details.setHtml(details_html(self._lookup, self._glossary, self.tone_colours))

    def _select_row(self, hanzi: str) -> None:
        row = self._model.row_of(hanzi)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if row < 0:
                selection.clearSelection()
                return
            index = self.proxy.mapFromSource(self._model.index(row, 0))
            if index.isValid():
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
        finally:
            selection.blockSignals(False)

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
            text = "\n".join(("; ".join(lookup.english), "; ".join(lookup.russian)))
        QGuiApplication.clipboard().setText(text)

    def occurrence_indexes(self) -> list[QModelIndex]:
        """Every occurrence row, in order (documents first to last)."""
        model = self.occurrence_model
        return [model.index(row, 0) for row in model.occurrence_rows()]

    # -- slots ----------------------------------------------------------------------------

    def _on_filter_text_changed(self, text: str) -> None:
        query = text.strip()
        self.proxy.set_accepted({t.hanzi for t in self._glossary.search(query)} if query else None)

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.term_selected.emit(current.data(HANZI_ROLE))

    def _on_details_link(self, url) -> None:  # type: ignore[no-untyped-def]
        target = url.toString()
        if target.startswith("term:"):
            self.term_selected.emit(target.removeprefix("term:"))

    def _on_occurrence_activated(self, index: QModelIndex) -> None:
        span = index.data(SPAN_ROLE)
        if span:
            self.occurrence_activated.emit(*span)
