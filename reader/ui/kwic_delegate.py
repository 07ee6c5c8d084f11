"""Draws one keyword-in-context line of the occurrence list, fast enough for thousands."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.occurrence_model import KWIC_ROLE, TRANSLATION_ROLE, OccurrenceModel


class KwicDelegate(QStyledItemDelegate):
    """Draws a keyword-in-context line: paragraph number in grey, the keyword bold and
    underlined. Painted as three runs of text, no rich-text layout per row.

    When the library holds translations, a second line under each occurrence shows its aligned
    sentence in each translation (the bilingual concordance), the term's equivalent bold."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        model = index.model()
        if isinstance(model, OccurrenceModel) and model.renderings is not None:
            size.setHeight(size.height() * 2)  # one height for all rows: the list stays fast
        return size

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
        translations = index.data(TRANSLATION_ROLE)
        if translations is not None:
            line = rect.height() // 2
            self._paint_translation(painter, options, rect.adjusted(0, line, 0, 0), translations)
            rect = QRect(rect.left(), rect.top(), rect.width(), line)
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
        _draw_runs(painter, rect, runs)

    def _paint_translation(
        self,
        painter: QPainter,
        options: QStyleOptionViewItem,
        rect: QRect,
        translations: list[tuple[str, str, tuple[int, int] | None]],
    ) -> None:
        """``EN  …sentence with the **equivalent**…``, cut to the width around the equivalent."""
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        palette = options.palette
        grey = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        plain = QFont(options.font)
        plain.setPointSizeF(max(6.0, plain.pointSizeF() * 0.9))
        strong = QFont(plain)
        strong.setBold(True)
        if translations:
            lang, text, span = translations[0]
            parts = [
                (f"{lang.upper()}  ", False),
                *_around(text, span, QFontMetrics(plain), rect.width()),
            ]
        else:
            parts = [("— not in the translation", False)]
        emphasis = grey if selected else palette.color(QPalette.ColorRole.Text)
        runs = [(t, strong if bold else plain, emphasis if bold else grey) for t, bold in parts]
        _draw_runs(painter, rect.adjusted(12, 0, 0, 0), runs)


def _draw_runs(painter: QPainter, rect: QRect, runs: Sequence[tuple[str, QFont, QColor]]) -> None:
    """Text runs side by side in ``rect``, each in its font and colour, clipped to the rect."""
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


def _around(
    text: str, span: tuple[int, int] | None, metrics: QFontMetrics, width: int
) -> list[tuple[str, bool]]:
    """The sentence as (text, bold) runs, the equivalent bold, cut so the equivalent shows."""
    if span is None:
        return [(text, False)]
    at, end = span
    room = max(0, width - metrics.horizontalAdvance(text[at:end]))
    start = at
    while start > 0 and metrics.horizontalAdvance(text[start - 1 : at]) < room // 3:
        start -= 1
    before = ("…" if start > 0 else "") + text[start:at]
    return [(before, False), (text[at:end], True), (text[end:], False)]
