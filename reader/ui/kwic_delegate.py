"""Draws one keyword-in-context line of the occurrence list, fast enough for thousands."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.occurrence_model import KWIC_ROLE


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
