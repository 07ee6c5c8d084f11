"""What a pane draws, read back as pixels: the colour behind a character."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetrics, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.ui.document_view import DocumentView


def colour_over(view: DocumentView, offset: int) -> QColor:
    """The background colour at the top-left corner of the character at ``offset``, inside
    its line but outside its glyph's strokes."""
    QApplication.processEvents()
    cursor = QTextCursor(view.area.document())
    cursor.setPosition(offset)
    rect = view.area.cursorRect(cursor)
    image = view.area.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    width = QFontMetrics(view.area.document().defaultFont()).horizontalAdvance("字")
    x = rect.left() + max(1, width // 12)
    y = rect.top() + max(1, rect.height() // 10)
    return image.pixelColor(int(x * ratio), int(y * ratio))
