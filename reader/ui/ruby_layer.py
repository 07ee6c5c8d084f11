"""Pinyin above the characters of a reading pane, without touching the text.

Qt's rich text has no ruby. The document text stays exactly as it is (so selection, copy,
find, highlights and clicks are unchanged), and two things make room for the pinyin:

* lines are taller, and the pinyin of a line is drawn in the space above it;
* a word whose pinyin is wider than its characters gets absolute letter spacing: half the
  missing width after the character before it, half after its own last character, so its
  characters stay together and its pinyin, centred over them, never touches a neighbour's.

The pinyin is painted over the viewport after the text, for the words in the repainted area
only, so a long document costs no more than a screenful. A word wrapped across lines gets the
syllables of each part over that part.
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QPointF, QRect, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QStaticText,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLine,
    QTransform,
)
from PySide6.QtWidgets import QTextEdit

from reader.core.ruby import SYLLABLE, RubyWord, tone_of

#: Same colours as the details card (Pleco's convention): tones 1-4 and neutral.
TONE_COLOURS = {1: "#d62728", 2: "#2ca02c", 3: "#1f77b4", 4: "#9467bd", 5: "#7f7f7f"}
PINYIN_SCALE = 0.55  # pinyin size against the characters'
NO_WRAP = 1e5  # a text width no reading reaches: a reading is one line
PREPARE_SECONDS = 0.004  # work done per event-loop turn while preparing pinyin ahead
RUBY_LINE_HEIGHT_PERCENT = 215  # against 170 without pinyin: room for a line of pinyin


_WIDTHS: dict[tuple[str, float], dict[tuple[bool, str], float]] = {}


class RubyLayer:
    """The pinyin of one reading area: room made in the text, and the painting."""

    def __init__(self, area: QTextEdit) -> None:
        self._area = area
        self._words: list[RubyWord] = []
        self._starts: list[int] = []
        self._spacing: dict[int, float] = {}  # character offset -> letter spacing after it
        self._font = QFont()
        self._metrics = QFontMetricsF(self._font)
        self._tone_colours = False
        # Where each word's pinyin goes in document coordinates, valid for one text width;
        # and each reading laid out once, ready to draw.
        self._places: dict[int, list[tuple[float, float, str]]] = {}
        self._places_width = -1
        self._texts: dict[str, QStaticText] = {}
        self._prepared = 0  # words whose places and texts are ready, in text order
        self._prepare_timer = QTimer(area, singleShot=True, interval=0)
        self._prepare_timer.timeout.connect(self._prepare_some)

    @property
    def tone_colours(self) -> bool:
        return self._tone_colours

    @tone_colours.setter
    def tone_colours(self, on: bool) -> None:
        if on != self._tone_colours:
            self._tone_colours = on
            self._texts.clear()
            self._prepared = 0
            self._prepare_timer.start()

    @property
    def words(self) -> list[RubyWord]:
        return self._words

    def set_words(self, words: Sequence[RubyWord], reading_font: QFont) -> None:
        """Show pinyin over ``words`` (text order) in a text set in ``reading_font``."""
        self._words = list(words)
        self._starts = [w.start for w in self._words]
        self._font = QFont(reading_font)
        self._font.setPixelSize(max(8, round(reading_font.pixelSize() * PINYIN_SCALE)))
        self._metrics = QFontMetricsF(self._font)
        self._places.clear()
        self._texts.clear()
        self._prepared = 0
        if self._words:
            self._prepare_timer.start()
        document = self._area.document()
        document.setUndoRedoEnabled(False)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        self._set_spacing(cursor, self._room(document, QFontMetricsF(reading_font)))
        self._set_line_height(document, bool(self._words))
        cursor.endEditBlock()
        self._area.viewport().update()

    def _room(self, document: QTextDocument, hanzi: QFontMetricsF) -> dict[int, float]:
        """Letter spacing that makes each word at least as wide as its pinyin plus a gap."""
        text = document.toPlainText()
        gap = self._font.pixelSize() * 0.6
        spacing: dict[int, float] = {}
        # Words recur, in both panes: each is measured once per font.
        widths = _WIDTHS.setdefault((self._font.key(), hanzi.height()), {})

        def width(metrics: QFontMetricsF, string: str) -> float:
            key = (metrics is hanzi, string)
            if key not in widths:
                widths[key] = metrics.horizontalAdvance(string)
            return widths[key]

        for word in self._words:
            missing = (
                width(self._metrics, word.pinyin) + gap - width(hanzi, text[word.start : word.end])
            )
            if missing <= 0:
                continue
            if word.start > 0 and text[word.start - 1] != "\n":
                spacing[word.start - 1] = spacing.get(word.start - 1, 0.0) + missing / 2
            spacing[word.end - 1] = spacing.get(word.end - 1, 0.0) + missing / 2
        return spacing

    def _set_spacing(self, cursor: QTextCursor, spacing: dict[int, float]) -> None:
        for offset in set(self._spacing) - set(spacing):
            _merge(cursor, offset, _spacing_format(0.0))
        for offset, width in spacing.items():
            if self._spacing.get(offset) != width:
                _merge(cursor, offset, _spacing_format(width))
        self._spacing = spacing

    def _set_line_height(self, document: QTextDocument, on: bool) -> None:
        from reader.ui.document_view import LINE_HEIGHT_PERCENT

        percent = RUBY_LINE_HEIGHT_PERCENT if on else LINE_HEIGHT_PERCENT
        block = document.begin()
        fmt = QTextBlockFormat()
        fmt.setLineHeight(percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        while block.isValid():
            if block.blockFormat().lineHeight() != percent:
                cursor = QTextCursor(block)
                cursor.mergeBlockFormat(fmt)
            block = block.next()

    # -- painting -------------------------------------------------------------------------

    def paint(self, painter: QPainter, region: QRect) -> None:
        """Draw the pinyin of the words whose lines meet ``region`` (viewport coordinates)."""
        if not self._words:
            return
        line_height = self._metrics.height() * 3
        top = region.topLeft()
        top.setY(max(0, top.y() - int(line_height)))
        bottom = region.bottomRight()
        bottom.setY(bottom.y() + int(line_height))
        first = self._area.cursorForPosition(top).position()
        last = self._area.cursorForPosition(bottom).position()
        low = max(0, bisect_left(self._starts, first) - 1)
        high = bisect_right(self._starts, last + 1)
        width = self._area.viewport().width()
        if width != self._places_width:  # the text was laid out anew
            self._places.clear()
            self._places_width = width
        painter.setFont(self._font)
        default = self._area.palette().color(QPalette.ColorRole.Text)
        default.setAlpha(200)
        painter.setPen(default)
        dx = -self._area.horizontalScrollBar().value()
        dy = -self._area.verticalScrollBar().value() - self._metrics.ascent()
        for word in self._words[low:high]:
            places = self._places.get(word.start)
            if places is None:
                places = self._places[word.start] = self.places(word, QPointF(0, 0))
            for x, y, text in places:
                painter.drawStaticText(QPointF(round(x + dx), round(y + dy)), self._static(text))

    def layout_changed(self) -> None:
        """The text was laid out anew: the places are found again when next painted."""
        self._places.clear()
        self._prepared = 0
        self._prepare_timer.start()

    def is_prepared(self) -> bool:
        """Whether every word's pinyin is placed and laid out, ready to paint."""
        return self._prepared >= len(self._words) and not self._prepare_timer.isActive()

    def _prepare_some(self) -> None:
        """Between events, find the places of the words not yet painted and lay out their
        pinyin, a few milliseconds at a time, so the first scroll through a text costs no more
        than the next ones."""
        width = self._area.viewport().width()
        if width != self._places_width:
            self._places.clear()
            self._places_width = width
        deadline = time.perf_counter() + PREPARE_SECONDS
        while self._prepared < len(self._words) and time.perf_counter() < deadline:
            word = self._words[self._prepared]
            if word.start not in self._places:
                self._places[word.start] = self.places(word, QPointF(0, 0))
            for _x, _y, text in self._places[word.start]:
                self._static(text)
            self._prepared += 1
        if self._prepared < len(self._words):
            self._prepare_timer.start()

    def _static(self, text: str) -> QStaticText:
        static = self._texts.get(text)
        if static is None:
            static = QStaticText(_coloured(text) if self._tone_colours else text)
            static.setTextFormat(
                Qt.TextFormat.RichText if self._tone_colours else Qt.TextFormat.PlainText
            )
            static.setTextWidth(NO_WRAP)  # rich text would otherwise wrap at a space
            static.prepare(QTransform(), self._font)
            self._texts[text] = static
        return static

    def places(self, word: RubyWord, offset: QPointF) -> list[tuple[float, float, str]]:
        """Where the pinyin of ``word`` goes: (left x, baseline y, text) for each line the word
        stands on, in viewport coordinates (``offset`` is minus the scroll position).

        A whole word's pinyin is centred over its characters. The part of a wrapped word at
        the end of a line starts at its first character and may run into the margin on the
        right; the part that begins the next line ends at its last character, so neither
        runs into a neighbour's pinyin."""
        document = self._area.document()
        block = document.findBlock(word.start)
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return []
        origin = document.documentLayout().blockBoundingRect(block).topLeft() + offset
        position, places = word.start, []
        while position < word.end:
            relative = position - block.position()
            line = layout.lineForTextPosition(relative)
            if not line.isValid():
                break
            part_end = min(word.end, block.position() + line.textStart() + line.textLength())
            if part_end <= position:
                break
            text = word.part(position, part_end)
            if text:
                left, right = self._extent(line, position, part_end, block.position())
                width = self._metrics.horizontalAdvance(text)
                if position == word.start and part_end < word.end:
                    x = left
                elif position > word.start and part_end == word.end:
                    x = right - width
                else:
                    x = (left + right - width) / 2
                baseline = origin.y() + line.y() - self._metrics.descent() - 1
                places.append((origin.x() + x, baseline, text))
            position = part_end
        return places

    def _extent(self, line: QTextLine, start: int, end: int, base: int) -> tuple[float, float]:
        """Left and right of the characters ``start:end`` on ``line``, without the spacing."""
        left = _x(line, start - base)
        return left, _x(line, end - base) - self._spacing.get(end - 1, 0.0)


def _x(line: QTextLine, position: int) -> float:
    result: Any = line.cursorToX(position)  # PySide6 gives (x, position) or x by version
    return float(result[0] if isinstance(result, tuple) else result)


def _coloured(text: str) -> str:
    """Rich text with every syllable in its tone's colour."""
    parts, position = [], 0
    for match in SYLLABLE.finditer(text):
        colour = TONE_COLOURS[tone_of(match.group())]
        parts.append(escape(text[position : match.start()]))
        parts.append(f'<span style="color:{colour}">{escape(match.group())}</span>')
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def _spacing_format(width: float) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
    fmt.setFontLetterSpacing(width)
    return fmt


def _merge(cursor: QTextCursor, offset: int, fmt: QTextCharFormat) -> None:
    cursor.setPosition(offset)
    cursor.setPosition(offset + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)
