"""One reading pane: a header with the document's title, date and place, and its text.

The text is built once, one block a paragraph, so that a character offset of the core is the
same number as a position in the QTextDocument; highlights are named layers of
ExtraSelections ("glossary", "occurrences", "selected", "flash") that clear independently,
never a rewrite of the text (Frescobaldi's arbitraryhighlighter does the same).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QToolTip, QVBoxLayout, QWidget

from reader.core.documents import Document

LAYERS = ("glossary", "occurrences", "selected", "flash")
LINE_HEIGHT_PERCENT = 170
FLASH_MS = 900
Span = tuple[int, int]


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
            if (
                rect.left() <= point.x() < rect.left() + width
                and rect.top() <= point.y() <= rect.bottom()
            ):
                return position
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self.offset_at(event.position().toPoint())
            if offset is not None:
                self.offset_clicked.emit(offset)

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


class DocumentView(QWidget):
    """A document's header and text, with highlight layers and scrolling to a span.

    Signals:
        word_clicked(str, int): document id and character offset the reader clicked.
        tooltip_wanted(str, int, QPoint): document id, offset under the mouse, global point.
    """

    word_clicked = Signal(str, int)
    tooltip_wanted = Signal(str, int, QPoint)

    def __init__(self, document: Document, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_id = document.id
        self._document = document
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {name: [] for name in LAYERS}
        self._create_header(document)
        self.area = ReadingArea(self)
        self.area.setObjectName(f"reading-{document.id}")
        self.area.setAccessibleName(f"Text of the {document.year} statement")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.area, 1)
        self._build_text(font)
        self.area.offset_clicked.connect(
            lambda offset: self.word_clicked.emit(self.document_id, offset)
        )
        self.area.tooltip_wanted.connect(
            lambda o, p: self.tooltip_wanted.emit(self.document_id, o, p)
        )
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self.set_layer("flash", []))

    # -- building -------------------------------------------------------------------------

    def _create_header(self, document: Document) -> None:
        self.header = QWidget(self)
        title = QLabel(document.title, self.header, objectName="documentTitle")
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = title.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        title.setFont(bold)
        meta = QLabel(f"{document.date} · {document.place}", self.header, objectName="documentMeta")
        self.count_label = QLabel("", self.header, objectName="occurrenceCount")
        for label in (meta, self.count_label):  # quieter than the title, in any palette
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self.header)
        layout.setContentsMargins(12, 8, 12, 4)
        for widget in (title, meta, self.count_label):
            layout.addWidget(widget)

    def _build_text(self, font: QFont) -> None:
        text_document = QTextDocument(self.area)
        text_document.setDefaultFont(font)
        text_document.setDocumentMargin(24)
        cursor = QTextCursor(text_document)
        for index, paragraph in enumerate(self._document.paragraphs):
            block = QTextBlockFormat()
            block.setLineHeight(
                LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            )
            block.setBottomMargin(font.pixelSize() * 0.8)
            chars = QTextCharFormat()
            if paragraph.kind == "title":
                block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                chars.setFontWeight(QFont.Weight.Bold)
            if index == 0:
                cursor.setBlockFormat(block)
            else:
                cursor.insertBlock(block)
            cursor.insertText(self._document.paragraph_text(paragraph), chars)
            if paragraph.kind == "item":
                cursor.createList(QTextListFormat.Style.ListDisc)
        self.area.setDocument(text_document)

    def set_reading_font(self, font: QFont) -> None:
        self.area.document().setDefaultFont(font)

    # -- highlights -----------------------------------------------------------------------

    def set_layer(
        self, name: str, spans: Iterable[Span], char_format: QTextCharFormat | None = None
    ) -> None:
        """Replace one layer's highlights; the other layers stay."""
        fmt = char_format or self.layer_format(name)
        selections = []
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.area.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[misc]
            selection.format = fmt  # type: ignore[misc]
            selections.append(selection)
        self._layers[name] = selections
        self.area.setExtraSelections([s for layer in LAYERS for s in self._layers[layer]])

    def layer_spans(self, name: str) -> list[Span]:
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self._layers[name]]

    def layer_format(self, name: str) -> QTextCharFormat:
        """Formats derived from the palette, so highlights read in light and dark themes."""
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        fmt = QTextCharFormat()
        if name == "glossary":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(palette.color(QPalette.ColorRole.Mid))
        elif name == "occurrences":
            fmt.setBackground(_with_alpha(highlight, 70))
        elif name == "selected":
            fmt.setBackground(_with_alpha(highlight, 170))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        else:  # flash
            fmt.setBackground(QColor(255, 170, 0, 200))
        return fmt

    def clear_highlights(self) -> None:
        for name in ("occurrences", "selected", "flash"):
            self.set_layer(name, [])
        self.count_label.setText("")

    def flash(self, start: int, end: int) -> None:
        self.set_layer("flash", [(start, end)])
        self._flash_timer.start()

    # -- navigation -----------------------------------------------------------------------

    def scroll_to(self, start: int, end: int) -> None:
        """Bring the span to the middle of the pane, without moving a text selection."""
        cursor = QTextCursor(self.area.document())
        cursor.setPosition(start)
        self.area.setTextCursor(cursor)  # keyboard users continue from here
        rect = self.area.cursorRect(cursor)
        bar = self.area.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.area.viewport().height() // 2)

    def set_occurrence_count(self, term: str, count: int) -> None:
        self.count_label.setText(
            f"{term}: {count} occurrence{'s' if count != 1 else ''} in this statement"
            if term
            else ""
        )

    def visible_text(self) -> str:
        return self.area.document().toPlainText()


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result
