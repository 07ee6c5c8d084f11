"""The text of one statement: clicks and Enter become offsets, the reading position holds
still, and paragraph numbers can stand in the margin.

Qt keeps the scroll value (pixels) when the text is laid out again, so zooming or narrowing a
pane used to move the reader somewhere else in the text. The area remembers the character at
the top of the view instead and brings it back after every relayout.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from reader.ui.ruby_layer import RubyLayer

MARGIN_PADDING = 8


class ReadingArea(QTextBrowser):
    """The text itself. Turns a click (not a drag that selects) or Enter into an offset.

    Signals:
        offset_clicked(int): the character offset the reader clicked or pressed Enter on.
        tooltip_wanted(int, QPoint): the offset under the mouse, and where to show a tip.
    """

    offset_clicked = Signal(int)
    tooltip_wanted = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setMouseTracking(True)
        self.word_span: Callable[[int], tuple[int, int] | None] | None = None
        #: Blocks (paragraph number - 1) that carry a note of the reader's: a bar beside them.
        self.marked_blocks: set[int] = set()
        self.margin = ParagraphMargin(self)
        self.margin.hide()
        self.verticalScrollBar().valueChanged.connect(self.margin.update)
        self.ruby = RubyLayer(self)

    # -- where things are -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.ruby.words:  # pinyin over the text, for the repainted area only
            ruby_painter = QPainter(self.viewport())
            self.ruby.paint(ruby_painter, event.rect())
            ruby_painter.end()
        if not self.marked_blocks:
            return
        painter = QPainter(self.viewport())
        colour = self.palette().color(QPalette.ColorRole.Link)
        layout = self.document().documentLayout()
        scrolled = self.verticalScrollBar().value()
        for number in self.marked_blocks:
            block = self.document().findBlockByNumber(number)
            if not block.isValid():
                continue
            rect = layout.blockBoundingRect(block).translated(0, -scrolled)
            if rect.bottom() >= 0 and rect.top() <= self.viewport().height():
                # In the document's own margin: the text does not move.
                painter.fillRect(0, int(rect.top()), 3, int(rect.height()), colour)
        painter.end()

    def offset_at(self, point: QPoint) -> int | None:
        """The character drawn under ``point`` (viewport coordinates), or None."""
        text_length = self.document().characterCount() - 1
        near = self.cursorForPosition(point).position()
        for position in (near, near - 1):
            if not 0 <= position < text_length:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(position)
            rect = self.cursorRect(cursor)
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
            char = cursor.selectedText()
            if not char or char == "\u2029":  # a paragraph separator is not clickable
                continue
            width = QFontMetrics(cursor.charFormat().font()).horizontalAdvance(char)
            inside_x = rect.left() <= point.x() < rect.left() + width
            if inside_x and rect.top() <= point.y() <= rect.bottom():
                return position
        return None

    def top_offset(self) -> int:
        """The character at the top of the view: the reading position."""
        if self.verticalScrollBar().value() == 0:
            return 0
        return self.cursorForPosition(QPoint(self.viewport().width() // 2, 2)).position()

    def show_at_top(self, offset: int) -> None:
        """Scroll so that the line holding ``offset`` is the first line in view."""
        bar = self.verticalScrollBar()
        if offset <= 0:
            bar.setValue(0)
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(offset, self.document().characterCount() - 1))
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - 1)

    # -- events ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The layout still has the old width here: read the position before Qt redoes it.
        anchor = self.top_offset() if self.isVisible() else None
        super().resizeEvent(event)
        if anchor:
            self.show_at_top(anchor)
        self._place_margin()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self.offset_at(event.position().toPoint())
            if offset is not None:
                self.offset_clicked.emit(offset)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Select the word (as a click looks it up), not Qt's run of characters between
        spaces, which in Chinese is the whole paragraph."""
        offset = self.offset_at(event.position().toPoint())
        span = self.word_span(offset) if self.word_span and offset is not None else None
        if span is None:
            super().mouseDoubleClickEvent(event)
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.offset_clicked.emit(self.textCursor().position())
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            point = event.pos()  # type: ignore[attr-defined]
            offset = self.offset_at(point)
            if offset is None:
                QToolTip.hideText()
            else:
                self.tooltip_wanted.emit(offset, self.viewport().mapToGlobal(point))
            return True
        return super().viewportEvent(event)

    # -- paragraph numbers ----------------------------------------------------------------

    def show_paragraph_numbers(self, numbers: Callable[[int], int] | None) -> None:
        """Paragraph numbers in the left margin (``numbers`` maps a block to its paragraph
        number, as the occurrence list cites it: ¶13), or none."""
        self.margin.numbers = numbers
        self.margin.setVisible(numbers is not None)
        self.setViewportMargins(self.margin.preferred_width() if numbers else 0, 0, 0, 0)
        self._place_margin()

    def _place_margin(self) -> None:
        rect = self.contentsRect()
        width = self.margin.preferred_width()
        self.margin.setGeometry(QRect(rect.left(), rect.top(), width, rect.height()))


class ParagraphMargin(QWidget):
    """Draws each visible paragraph's number level with its first line."""

    def __init__(self, area: ReadingArea) -> None:
        super().__init__(area)
        self.setObjectName("paragraphNumbers")
        self._area = area
        self.numbers: Callable[[int], int] | None = None
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def preferred_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("¶000") + MARGIN_PADDING

    def visible_numbers(self) -> list[tuple[int, int]]:
        """(paragraph number, y of its first line's middle) for each paragraph in view."""
        area, numbers = self._area, self.numbers
        if numbers is None:
            return []
        layout = area.document().documentLayout()
        scroll = area.verticalScrollBar().value()
        block = area.cursorForPosition(QPoint(0, 0)).block()
        found = []
        while block.isValid():
            top = layout.blockBoundingRect(block).top() - scroll
            if top > self.height():
                break
            line = block.layout().lineAt(0) if block.layout().lineCount() else None
            if line is not None:
                middle = int(top + line.y() + line.height() / 2)
                if middle >= 0:
                    found.append((numbers(block.blockNumber()), middle))
            block = block.next()
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        height = self.fontMetrics().height()
        for number, middle in self.visible_numbers():
            painter.drawText(
                QRect(0, middle - height // 2, self.width() - MARGIN_PADDING // 2, height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(number),
            )
