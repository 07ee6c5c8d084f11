"""A one-line label that elides its text to the width it is given, with the whole text in
its tooltip.

Both reading panes have a header of such labels, so the headers are always one line each and
the same height, and the two texts start level however long a title is and however narrow the
pane. A wrapping QLabel made the 2016 header three lines and the 2025 header two at 1024 px.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from reader.ui.plain import plain_tooltip


class ElidedLabel(QWidget):
    """Plain text on one line, elided on the right; ``text()`` is always the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - the QLabel name, for a drop-in
        self._text = text
        self.setToolTip(plain_tooltip(text))
        self.setAccessibleName(text)
        self.update()

    def shown_text(self) -> str:
        """The text as drawn at the current width (with "…" when it does not fit)."""
        return self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._text), metrics.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.rect(),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.shown_text(),
        )
