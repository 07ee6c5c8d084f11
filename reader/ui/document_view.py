"""One reading pane: a header with the document's title, date and place, and its text.

The text is built once, one block a paragraph, so that a character offset of the core is the
same number as a position in the QTextDocument; highlights are named layers of
ExtraSelections ("glossary", "occurrences", "selected", "flash") that clear independently,
never a rewrite of the text (Frescobaldi's arbitraryhighlighter does the same).

Two things keep a pane fast at any size. Only the highlights that intersect the visible part
of the text are handed to Qt (recomputed on scroll and resize), so thousands of occurrences
cost no more than a screenful. And a long text is built in slices between events, with a
progress bar in the header, so the window never freezes while a large document loads.
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QProgressBar,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.documents import Document
from reader.core.ruby import RubyWord
from reader.ui.elided_label import ElidedLabel
from reader.ui.reading_area import ReadingArea
from reader.ui.word_marks import WordMarks

LAYERS = ("shared", "glossary", "occurrences", "selected", "flash")  # drawn in this order
LINE_HEIGHT_PERCENT = 170
FLASH_MS = 900
SHORT_TEXT_CHARS = 8_000  # built at once, before the first paint; each statement is shorter
SLICE_SECONDS = 0.02  # a longer text is built for this long per event-loop turn, then yields
LONGEST_SPAN = 256  # how far before the visible range a highlighted span may start
Span = tuple[int, int]


class DocumentView(QWidget):
    """A document's header and text, with highlight layers and scrolling to a span.

    Signals:
        word_clicked(str, int): document id and character offset the reader clicked.
        tooltip_wanted(str, int, QPoint): document id, offset under the mouse, global point.
        text_ready(str): document id, once the whole text is in the pane.
    """

    word_clicked = Signal(str, int)
    tooltip_wanted = Signal(str, int, QPoint)
    text_ready = Signal(str)

    def __init__(self, document: Document, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_id = document.id
        self._document = document
        self._spans: dict[str, list[Span]] = {name: [] for name in LAYERS}
        self._formats: dict[str, QTextCharFormat] = {}
        self._built = 0  # paragraphs in the QTextDocument so far
        self._pending_scroll: Span | None = None
        self._pending_top: int | None = None
        self._glossary_source: Callable[[int, int], list[Span]] | None = None
        self._ruby: list[RubyWord] = []
        self.word_marks: WordMarks | None = None  # made when a mark is first turned on
        self._font = font
        self._create_header(document)
        self.area = ReadingArea(self)
        self.area.setObjectName(f"reading-{document.id}")
        self.area.setAccessibleName(f"Text of the {document.year} statement")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.area, 1)
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self.set_layer("flash", []))
        # Several layers change on one click: they reach Qt together, on the next loop turn.
        self._apply_timer = QTimer(self, singleShot=True, interval=0)
        self._apply_timer.timeout.connect(self._apply_visible)
        self._applied: list[tuple[str, int, int]] = []
        self.area.offset_clicked.connect(self._on_area_offset_clicked)
        self.area.tooltip_wanted.connect(self._on_area_tooltip_wanted)
        self.area.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._start_text()

    # -- building -------------------------------------------------------------------------

    def _create_header(self, document: Document) -> None:
        """Title, date and place, and the occurrence count: one elided line each, so both
        panes' headers have the same height and their texts start level."""
        self.header = QWidget(self)
        self.title_label = ElidedLabel(document.title, self.header)
        self.title_label.setObjectName("documentTitle")
        bold = self.title_label.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.title_label.setFont(bold)
        meta = ElidedLabel(f"{document.date} · {document.place}", self.header)
        meta.setObjectName("documentMeta")
        self.meta_label = meta
        self.count_label = ElidedLabel("", self.header)
        self.count_label.setObjectName("occurrenceCount")
        for label in (meta, self.count_label):  # quieter than the title, in any palette
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.progress = QProgressBar(self.header, maximum=len(document.paragraphs))
        self.progress.setVisible(False)
        self.progress.setFormat("Loading the text… %p%")
        layout = QVBoxLayout(self.header)
        layout.setContentsMargins(12, 8, 12, 4)
        for widget in (self.title_label, meta, self.count_label, self.progress):
            layout.addWidget(widget)

    def _start_text(self) -> None:
        text_document = QTextDocument(self.area)
        text_document.setDefaultFont(self._font)
        text_document.setDocumentMargin(24)
        if len(self._document.text) <= SHORT_TEXT_CHARS:
            self._build_slice(text_document, seconds=None)
        self.area.setDocument(text_document)
        # The visible range is only known once Qt has laid the text out: apply again then.
        text_document.documentLayout().documentSizeChanged.connect(self._on_layout_size_changed)
        if not self.is_ready():  # the window shows first; the text follows in slices
            self.progress.show()
            QTimer.singleShot(0, self._continue_text)

    @property
    def _built_chars(self) -> int:
        """The length of the text in the pane so far."""
        return self._document.paragraphs[self._built - 1].end if self._built else 0

    def is_ready(self) -> bool:
        """Whether the whole text is in the pane."""
        return self._built == len(self._document.paragraphs)

    def _continue_text(self) -> None:
        self._build_slice(self.area.document(), seconds=SLICE_SECONDS)
        self.progress.setValue(self._built)  # highlights follow via documentSizeChanged
        if not self.is_ready():
            QTimer.singleShot(0, self._continue_text)
            return
        self.progress.hide()
        if self._ruby:
            self.area.ruby.set_words(self._ruby, self._font)
        if self._pending_top is not None:
            self.set_reading_position(self._pending_top)
        if self._pending_scroll:
            self.scroll_to(*self._pending_scroll)
        self.text_ready.emit(self.document_id)

    def _build_slice(self, text_document: QTextDocument, seconds: float | None) -> None:
        """Append paragraphs for about ``seconds`` (None: all of them). A time budget, not a
        size, so that a slow machine still gets back to its events in time."""
        cursor = QTextCursor(text_document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        paragraphs = self._document.paragraphs
        deadline = None if seconds is None else time.perf_counter() + seconds
        while self._built < len(paragraphs) and (
            deadline is None or time.perf_counter() < deadline
        ):
            paragraph = paragraphs[self._built]
            block = QTextBlockFormat()
            block.setLineHeight(
                LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            )
            block.setBottomMargin(self._font.pixelSize() * 0.8)
            chars = QTextCharFormat()
            if paragraph.kind == "title":
                block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                chars.setFontWeight(QFont.Weight.Bold)
            if self._built == 0:
                cursor.setBlockFormat(block)
            else:
                cursor.insertBlock(block)
            text = self._document.paragraph_text(paragraph)
            cursor.insertText(text, chars)
            if paragraph.kind == "item":
                cursor.createList(QTextListFormat.Style.ListDisc)
            self._built += 1

    def set_reading_font(self, font: QFont) -> None:
        """A new size (zoom): the same text stays at the top of the pane."""
        anchor = self.area.top_offset()
        self._font = font
        self.area.document().setDefaultFont(font)
        if self._ruby:
            self.area.ruby.set_words(self._ruby, font)
        self.area.show_at_top(anchor)
        self._apply_visible()

    def reading_position(self) -> int:
        """The offset of the character at the top of the pane, kept across restarts."""
        return self.area.top_offset()

    def set_reading_position(self, offset: int) -> None:
        if offset > self._built_chars:  # not loaded yet: go there once it is
            self._pending_top = offset
            return
        self._pending_top = None
        self.area.show_at_top(offset)

    def set_paragraph_marks(self, numbers: Iterable[int]) -> None:
        """Mark the paragraphs (numbered from 1) that carry a note of the reader's."""
        self.area.marked_blocks = {n - 1 for n in numbers}
        self.area.viewport().update()

    def set_paragraph_numbers(self, on: bool) -> None:
        paragraphs = self._document.paragraphs
        self.area.show_paragraph_numbers((lambda block: paragraphs[block].number) if on else None)

    def set_word_source(self, source: Callable[[int], Span | None]) -> None:
        """What a double-click selects: the word at an offset, as a click looks it up."""
        self.area.word_span = source

    def set_coverage(self, text: str) -> None:
        """How much of the text the reader knows, after the date and place."""
        base = f"{self._document.date} · {self._document.place}"
        self.meta_label.setText(f"{base} · {text}" if text else base)

    def set_ruby(self, words: list[RubyWord], tone_colours: bool) -> None:
        """Pinyin over ``words`` (none: no pinyin), tone-coloured or not; applied once the
        whole text is in the pane."""
        if not words and not self._ruby:
            self.area.ruby.tone_colours = tone_colours
            return
        self._ruby = words
        self.area.ruby.tone_colours = tone_colours
        if self.is_ready() or not words:
            self.area.ruby.set_words(words, self._font)
        self._apply_visible()

    def set_word_marks(self, tones: bytes, underlined: list[Span], tinted: list[Span]) -> None:
        """Tone colours on the characters, an underline and a tint on word spans (see
        reader.ui.word_marks); all empty: the text as it was."""
        if self.word_marks is None:
            if not (any(tones) or underlined or tinted):
                return
            self.word_marks = WordMarks(self.area.document())
        self.word_marks.set_marks(tones, underlined, tinted)

    # -- highlights -----------------------------------------------------------------------

    def set_layer(self, name: str, spans: Iterable[Span]) -> None:
        """Replace one layer's highlights; the other layers stay."""
        self._spans[name] = sorted(spans)
        self._apply_timer.start()

    def layer_spans(self, name: str) -> list[Span]:
        return list(self._spans[name])

    def shown_spans(self, name: str) -> list[Span]:
        """The spans of a layer that Qt is currently drawing (those in the visible range)."""
        return [(start, end) for layer, start, end in self._applied if layer == name]

    def set_glossary_source(self, source: Callable[[int, int], list[Span]]) -> None:
        """Where the glossary layer comes from: asked for the visible range on each update,
        so glossary terms are found only in the text on screen."""
        self._glossary_source = source
        self._apply_timer.start()

    def visible_range(self) -> Span:
        """The character offsets at the top-left and bottom-right of the viewport."""
        viewport = self.area.viewport().rect()
        first = self.area.cursorForPosition(viewport.topLeft()).position()
        last = self.area.cursorForPosition(viewport.bottomRight()).position()
        return first, last + 1

    def _apply_visible(self) -> None:
        """Hand Qt the highlights that intersect the visible text, and no others."""
        self._apply_timer.stop()
        first, last = self.visible_range()
        wanted = []
        if self._glossary_source is not None:
            self._spans["glossary"] = self._glossary_source(first, min(last, self._built_chars))
        for name in LAYERS:
            spans = self._spans[name]
            starts = _Starts(spans)
            low = bisect_left(starts, first - LONGEST_SPAN)
            high = bisect_right(starts, last)
            wanted += [(name, s, e) for s, e in spans[low:high] if first < e <= self._built_chars]
        if wanted == self._applied:  # scrolling within the same highlights: nothing to redo
            return
        self._applied = wanted
        selections = []
        for name, start, end in wanted:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.area.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._format(name)
            selections.append(selection)
        self.area.setExtraSelections(selections)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_visible()

    def _format(self, name: str) -> QTextCharFormat:
        if name not in self._formats:
            self._formats[name] = self.layer_format(name)
        return self._formats[name]

    def layer_format(self, name: str) -> QTextCharFormat:
        """Formats derived from the palette, so highlights read in light and dark themes."""
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        fmt = QTextCharFormat()
        if name == "shared":  # wording two documents share (View › Compare)
            fmt.setBackground(QColor(255, 214, 102, 150))
        elif name == "glossary":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(palette.color(QPalette.ColorRole.Mid))
        elif name == "occurrences":
            fmt.setBackground(_with_alpha(highlight, 70))
        elif name == "selected":
            fmt.setBackground(_with_alpha(highlight, 170))
        else:  # flash
            fmt.setBackground(QColor(255, 170, 0, 200))
        return fmt

    def clear_highlights(self) -> None:
        for name in ("occurrences", "selected", "flash"):
            self._spans[name] = []
        self._apply_timer.start()
        self.count_label.setText("")

    def flash(self, start: int, end: int) -> None:
        self.set_layer("flash", [(start, end)])
        self._flash_timer.start()

    # -- navigation -----------------------------------------------------------------------

    def scroll_to(self, start: int, end: int) -> None:
        """Bring the span to the middle of the pane, without moving a text selection."""
        if end > self._built_chars:  # not loaded yet: go there once it is
            self._pending_scroll = (start, end)
            return
        self._pending_scroll = None
        cursor = QTextCursor(self.area.document())
        cursor.setPosition(start)
        self.area.setTextCursor(cursor)  # keyboard users continue from here
        rect = self.area.cursorRect(cursor)
        bar = self.area.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.area.viewport().height() // 2)

    def set_occurrence_count(self, term: str, count: int) -> None:
        plural = "s" if count != 1 else ""
        self.count_label.setText(
            f"{term}: {count} occurrence{plural} in this statement" if term else ""
        )

    def visible_text(self) -> str:
        return self.area.document().toPlainText()

    # -- slots ----------------------------------------------------------------------------

    def _on_layout_size_changed(self, _size: QSizeF) -> None:
        self.area.ruby.layout_changed()
        self._apply_timer.start()
        self.area.margin.update()

    def _on_scrolled(self, _value: int) -> None:
        self._apply_visible()

    def _on_area_offset_clicked(self, offset: int) -> None:
        self.word_clicked.emit(self.document_id, offset)

    def _on_area_tooltip_wanted(self, offset: int, point: QPoint) -> None:
        self.tooltip_wanted.emit(self.document_id, offset, point)


class _Starts:
    """The span starts as a sequence for bisect, without copying a long list."""

    def __init__(self, spans: list[Span]) -> None:
        self._spans = spans

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, index: int) -> int:
        return self._spans[index][0]


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result
