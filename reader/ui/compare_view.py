"""View › Compare: two documents side by side with their shared wording shaded, the paragraph
links drawn in a gutter between them, and the shift in terminology in a table below.

Everything shown comes from one ``reader.core.compare.Comparison`` (the object ``reader
compare`` prints), so the window and the CLI always agree. The panes are the main window's
``DocumentView``; shared runs are their "shared" ExtraSelections layer.

Reading gestures: hover a shaded run to see where it stands in the other document; click it to
scroll there; click anywhere else in a paragraph to scroll the other pane to its best
counterpart. With "Follow links" on, scrolling one pane scrolls the other to the counterpart of
the paragraph at the top.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader.core.compare import Comparison, compare, with_min_run
from reader.core.library import Library
from reader.core.paragraph_links import ParagraphLink
from reader.core.shared import DEFAULT_MIN_RUN, MIN_RUN_RANGE, places
from reader.ui.closing import add_close_keys
from reader.ui.document_view import LONGEST_SPAN, DocumentView
from reader.ui.fonts import reading_font
from reader.ui.term_shift_model import (
    BAR_COLUMN,
    TERM_ROLE,
    RateBarDelegate,
    TermShiftFilter,
    TermShiftModel,
)

GUTTER_WIDTH = 64
LINK_COLOUR = QColor(40, 95, 170)
NEW_COLOUR = QColor(46, 139, 87)
DROPPED_COLOUR = QColor(192, 57, 43)


class LinkGutter(QWidget):
    """The strip between the panes: one curve per paragraph link (thicker for a higher
    score), a red mark beside a dropped paragraph and a green one beside a new one."""

    def __init__(self, left: DocumentView, right: DocumentView, parent: QWidget) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.comparison: Comparison | None = None
        self.setFixedWidth(GUTTER_WIDTH)
        self.setObjectName("linkGutter")

    def paragraph_y(self, view: DocumentView, number: int) -> float | None:
        """Where paragraph ``number``'s first line stands, in this widget's coordinates."""
        block = view.area.document().findBlockByNumber(number - 1)
        if not block.isValid():
            return None
        rect = view.area.document().documentLayout().blockBoundingRect(block)
        top = rect.top() + min(rect.height() / 2, 16) - view.area.verticalScrollBar().value()
        origin = view.area.viewport().mapTo(self.window(), QPoint(0, 0))
        return origin.y() + top - self.mapTo(self.window(), QPoint(0, 0)).y()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.comparison is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height()
        viewport = self.left.area.viewport()
        top = (
            viewport.mapTo(self.window(), QPoint(0, 0)).y()
            - self.mapTo(self.window(), QPoint(0, 0)).y()
        )
        painter.setClipRect(0, top, width, viewport.height())  # level with the texts only
        for link in self.comparison.links.links:
            ya, yb = self.paragraph_y(self.left, link.a), self.paragraph_y(self.right, link.b)
            if ya is None or yb is None:
                continue
            if not (top <= ya <= top + viewport.height() or top <= yb <= top + viewport.height()):
                continue  # a link between two paragraphs out of sight would only be a stripe
            colour = QColor(LINK_COLOUR)
            colour.setAlphaF(0.3 + 0.7 * link.score)
            painter.setPen(QPen(colour, 1 + 3 * link.score))
            path = QPainterPath(QPointF(0, ya))
            path.cubicTo(QPointF(width / 2, ya), QPointF(width / 2, yb), QPointF(width, yb))
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        for numbers, view, colour, x in (
            (self.comparison.links.dropped, self.left, DROPPED_COLOUR, 0),
            (self.comparison.links.new, self.right, NEW_COLOUR, width - 6),
        ):
            painter.setBrush(colour)
            for number in numbers:
                y = self.paragraph_y(view, number)
                if y is not None and 0 <= y <= height:
                    painter.drawRoundedRect(x, int(y) - 8, 6, 16, 2, 2)
        painter.end()


class CompareWindow(QMainWindow):
    """Two documents compared.

    Signals:
        term_selected(str): the reader clicked a term in the terminology table.
    """

    term_selected = Signal(str)

    def __init__(
        self, library: Library, family: str, zoom: int, a_id: str, b_id: str, parent: QWidget
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.library = library
        self.font_ = reading_font(family, zoom)
        self.setWindowTitle("Reader — Compare")
        add_close_keys(self)
        self._syncing = False
        self._create_controls(a_id, b_id)
        self._create_terms()
        self.comparison = compare(library, a_id, b_id, DEFAULT_MIN_RUN)
        self._create_panes()
        self._create_layout()
        self._connect_signals()
        self._show_comparison()

    # -- creation -------------------------------------------------------------------------

    def _create_controls(self, a_id: str, b_id: str) -> None:
        ids = self.library.document_ids()
        self.combo_a, self.combo_b = QComboBox(self), QComboBox(self)
        for combo, chosen in ((self.combo_a, a_id), (self.combo_b, b_id)):
            combo.addItems(ids)
            combo.setCurrentText(chosen)
        self.min_run = QSpinBox(self, minimum=MIN_RUN_RANGE[0], maximum=MIN_RUN_RANGE[1])
        self.min_run.setValue(DEFAULT_MIN_RUN)
        self.min_run.setToolTip("Shade runs of at least this many characters (4–30)")
        self.follow = QCheckBox("Follow links when scrolling", self)
        self.summary = QLabel(self)

    def _create_panes(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.pane_a = DocumentView(self.comparison.a, self.font_, self.splitter)
        self.pane_b = DocumentView(self.comparison.b, self.font_, self.splitter)
        self.gutter = LinkGutter(self.pane_a, self.pane_b, self.splitter)
        for widget in (self.pane_a, self.gutter, self.pane_b):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(2, 1)

    def _create_terms(self) -> None:
        self.terms_model = TermShiftModel("A", "B", self)
        self.terms_filter = TermShiftFilter(self)
        self.terms_filter.setSourceModel(self.terms_model)
        self.table = QTableView(self)
        self.table.setObjectName("termShiftTable")
        self.table.setModel(self.terms_filter)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setItemDelegateForColumn(BAR_COLUMN, RateBarDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # most gained first
        self.table.setMinimumHeight(150)
        self.where_buttons = QButtonGroup(self)
        self.where_row = QHBoxLayout()
        self.where_row.addWidget(QLabel("Terminology shift:", self))
        for key, text in (("all", "All"), ("a", "Only in A"), ("b", "Only in B"), ("both", "Both")):
            button = QRadioButton(text, self)
            button.setObjectName(f"where-{key}")
            button.setChecked(key == "all")
            self.where_buttons.addButton(button)
            self.where_row.addWidget(button)
        self.where_row.addStretch(1)

    def _create_layout(self) -> None:
        controls = QHBoxLayout()
        for widget in (self.combo_a, QLabel("compared with", self), self.combo_b):
            controls.addWidget(widget)
        controls.addSpacing(16)
        controls.addWidget(QLabel("Shortest shared run:", self))
        controls.addWidget(self.min_run)
        controls.addSpacing(16)
        controls.addWidget(self.follow)
        controls.addStretch(1)
        top = QWidget(self)
        column = QVBoxLayout(top)
        column.setContentsMargins(6, 6, 6, 0)
        column.addLayout(controls)
        column.addWidget(self.summary)
        column.addWidget(self.splitter, 1)
        bottom = QWidget(self)
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(6, 0, 6, 6)
        lower.addLayout(self.where_row)
        lower.addWidget(self.table, 1)
        self.outer = QSplitter(Qt.Orientation.Vertical, self)
        self.outer.addWidget(top)
        self.outer.addWidget(bottom)
        self.outer.setStretchFactor(0, 2)
        self.outer.setStretchFactor(1, 1)
        self.setCentralWidget(self.outer)

    def _connect_signals(self) -> None:
        self.combo_a.currentTextChanged.connect(self._on_documents_changed)
        self.combo_b.currentTextChanged.connect(self._on_documents_changed)
        self.min_run.valueChanged.connect(self.set_min_run)
        self.where_buttons.buttonClicked.connect(self._on_where_clicked)
        self.table.clicked.connect(self._on_table_clicked)
        self._connect_panes()

    def _connect_panes(self) -> None:
        for side, pane in (("a", self.pane_a), ("b", self.pane_b)):
            pane.word_clicked.connect(lambda _id, offset, s=side: self._on_pane_clicked(s, offset))
            pane.tooltip_wanted.connect(
                lambda _id, offset, point, s=side: self._on_pane_tooltip(s, offset, point)
            )
            pane.area.verticalScrollBar().valueChanged.connect(
                lambda _value, s=side: self._on_pane_scrolled(s)
            )
            pane.area.document().documentLayout().documentSizeChanged.connect(self.gutter.update)

    # -- showing --------------------------------------------------------------------------

    def _show_comparison(self) -> None:
        c = self.comparison
        for pane, spans in ((self.pane_a, c.shared.a_spans), (self.pane_b, c.shared.b_spans)):
            pane.set_layer("shared", _pieces(spans))
        self.gutter.comparison = c
        self.gutter.update()
        self.terms_model.set_rows(c.terms, c.a.id, c.b.id)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 240))
        share_a = c.shared.shared_chars("a") / max(1, len(c.a.text))
        share_b = c.shared.shared_chars("b") / max(1, len(c.b.text))
        self.summary.setText(
            f"{len(c.shared.runs)} shared runs of ≥ {c.min_run} characters: {share_a:.0%} of"
            f" {c.a.id}, {share_b:.0%} of {c.b.id} · {len(c.links.links)} paragraph links ·"
            f" {len(c.links.dropped)} dropped, {len(c.links.new)} new"
        )
        self.where_buttons.buttons()[1].setText(f"Only in {c.a.id}")
        self.where_buttons.buttons()[2].setText(f"Only in {c.b.id}")

    def set_min_run(self, n: int) -> None:
        """Shade runs of at least ``n`` characters (the window offers 4–30)."""
        self.comparison = with_min_run(self.library, self.comparison, n)
        self._show_comparison()

    def set_documents(self, a_id: str, b_id: str) -> None:
        """Compare two other documents: new panes, the same N."""
        self.comparison = compare(self.library, a_id, b_id, self.min_run.value())
        old = (self.pane_a, self.gutter, self.pane_b)
        self.pane_a = DocumentView(self.comparison.a, self.font_, self.splitter)
        self.pane_b = DocumentView(self.comparison.b, self.font_, self.splitter)
        self.gutter = LinkGutter(self.pane_a, self.pane_b, self.splitter)
        for index, widget in enumerate((self.pane_a, self.gutter, self.pane_b)):
            self.splitter.replaceWidget(index, widget)
        for widget in old:
            widget.deleteLater()
        self._connect_panes()
        self._show_comparison()

    def show_term(self, term: str) -> None:
        """Mark every occurrence of ``term`` in both panes (the term selected elsewhere)."""
        occurrences = self.library.occurrences(term).by_document if term else []
        found = {group.document.id: group.spans() for group in occurrences}
        for pane in (self.pane_a, self.pane_b):
            pane.set_layer("occurrences", found.get(pane.document_id, []))

    def go_to(self, side: str, start: int, end: int) -> None:
        """Scroll pane ``side`` to a span and flash it."""
        pane = self.pane_a if side == "a" else self.pane_b
        pane.scroll_to(start, end)
        pane.flash(start, end)

    # -- slots ----------------------------------------------------------------------------

    def _on_documents_changed(self, _text: str) -> None:
        self.set_documents(self.combo_a.currentText(), self.combo_b.currentText())

    def _on_where_clicked(self, button: QRadioButton) -> None:
        self.terms_filter.set_where(button.objectName().removeprefix("where-"))

    def _on_table_clicked(self, index: QModelIndex) -> None:
        term = index.data(TERM_ROLE)
        if term:
            self.show_term(term)
            self.term_selected.emit(term)

    def _on_pane_clicked(self, side: str, offset: int) -> None:
        c = self.comparison
        runs = c.shared.runs_at(side, offset)
        other = "b" if side == "a" else "a"
        if runs:
            run = runs[0]
            start = run.b_start if side == "a" else run.a_start
            self.go_to(other, start, start + len(run))
            return
        document = c.a if side == "a" else c.b
        number = document.paragraph_at(offset).number
        links = c.links.of_a(number) if side == "a" else c.links.of_b(number)
        if links:
            target = c.b if side == "a" else c.a
            paragraph = target.paragraphs[(links[0].b if side == "a" else links[0].a) - 1]
            self.go_to(other, paragraph.start, paragraph.end)

    def _on_pane_tooltip(self, side: str, offset: int, point: QPoint) -> None:
        c = self.comparison
        runs = c.shared.runs_at(side, offset)
        if not runs:
            QToolTip.hideText()
            return
        target = c.b if side == "a" else c.a
        run = max(runs, key=len)
        where = sorted({target.paragraph_at(p).number for p in places(target.text, run.text)})
        shown = run.text if len(run.text) <= 40 else run.text[:40] + "…"
        QToolTip.showText(
            point,
            f"<b>{escape(shown)}</b><br>{len(run)} characters, also in {escape(target.id)} "
            + ", ".join(f"¶{n}" for n in where)
            + "<br><i>click to go there</i>",
        )

    def _on_pane_scrolled(self, side: str) -> None:
        self.gutter.update()
        if self.follow.isChecked() and not self._syncing:
            self._syncing = True
            try:
                self._follow(side)
            finally:
                self._syncing = False

    def _follow(self, side: str) -> None:
        """Scroll the other pane so the counterpart of the paragraph at the top of ``side``
        stands level with it."""
        c = self.comparison
        source, target = (self.pane_a, self.pane_b) if side == "a" else (self.pane_b, self.pane_a)
        document = c.a if side == "a" else c.b
        number = document.paragraph_at(source.visible_range()[0]).number
        link = self._nearest_link(side, number)
        if link is None:
            return
        counterpart = link.b if side == "a" else link.a
        y_source = self.gutter.paragraph_y(source, link.a if side == "a" else link.b)
        y_target = self.gutter.paragraph_y(target, counterpart)
        if y_source is not None and y_target is not None:
            bar = target.area.verticalScrollBar()
            bar.setValue(bar.value() + round(y_target - y_source))

    def _nearest_link(self, side: str, number: int) -> ParagraphLink | None:
        links = self.comparison.links
        for n in range(number, 0, -1):
            found = links.of_a(n) if side == "a" else links.of_b(n)
            if found:
                return found[0]
        return None


def _pieces(spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Spans cut to at most LONGEST_SPAN characters, as the pane's visible-range search needs."""
    pieces = []
    for start, end in spans:
        for piece in range(start, end, LONGEST_SPAN):
            pieces.append((piece, min(end, piece + LONGEST_SPAN)))
    return pieces
