"""A pane that reads an original with its translation: each Chinese paragraph followed by the
translation of its sentences, as aligned.

Built once per alignment (the text never changes while shown); every sentence's place in the
pane is recorded, so hovering a sentence can tint it and its counterpart (ExtraSelections, not
HTML rewrites) and a right-click knows which pair the user means to correct.

Signals:
    sentence_activated(int start, int end): an original sentence was clicked (offsets into the
        original document's text), for the main window to scroll its pane there.
    correction_requested(str action, int bead): the user asked to change pair ``bead`` of the
        alignment: "join-next", "split", "unpair" or "reset".
    rendering_chosen(str hanzi, str equivalent): the user selected words of a translation and
        chose them as the equivalent of a glossary term of the aligned original sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core.bilingual import Alignment

HOVER = QColor(255, 214, 102, 150)


@dataclass(frozen=True)
class _Placed:
    """A sentence's range in the pane, which side it is on, and the pair it belongs to."""

    start: int
    end: int
    bead: int
    original: bool
    offset: int  # start of the sentence in its own document's text


class BilingualView(QTextBrowser):
    """Original paragraphs interleaved with their aligned translation."""

    sentence_activated = Signal(int, int)
    correction_requested = Signal(str, int)
    rendering_chosen = Signal(str, str)

    def __init__(self, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setFont(font)
        self.shown: Alignment | None = None
        self._placed: list[_Placed] = []
        self._starts: list[int] = []
        self._hovered: int | None = None
        #: Glossary terms standing in a piece of original text (set by the window).
        self.terms_in: Callable[[str], list[str]] = lambda _text: []

    def show_alignment(self, alignment: Alignment) -> None:
        """Lay out the original and its translation, paragraph by paragraph."""
        self.shown = alignment
        self._placed = []
        self._hovered = None
        self.setExtraSelections([])
        self.clear()
        cursor = QTextCursor(self.document())
        bead_of_source = {k: i for i, b in enumerate(alignment.beads) for k in b.src}
        by_paragraph: dict[int, list[int]] = {}
        for index, sentence in enumerate(alignment.source):
            by_paragraph.setdefault(sentence.paragraph, []).append(index)
        first = True
        for paragraph in alignment.original.paragraphs:
            indices = by_paragraph.get(paragraph.number, [])
            if not indices:
                continue
            self._insert_block(cursor, first, translation=False)
            first = False
            for k in indices:
                self._insert_sentence(cursor, k, bead_of_source[k], original=True)
            self._insert_translation(cursor, indices, bead_of_source)
        self._placed.sort(key=lambda p: p.start)
        self._starts = [p.start for p in self._placed]
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _insert_translation(
        self, cursor: QTextCursor, indices: list[int], bead_of_source: dict[int, int]
    ) -> None:
        assert self.shown is not None
        beads = sorted({bead_of_source[k] for k in indices})
        targets = [(b, t) for b in beads for t in self.shown.beads[b].tgt]
        # Translation sentences left unpaired belong after the pair that precedes them.
        following = _unpaired_after(self.shown, beads)
        self._insert_block(cursor, False, translation=True)
        if not targets and not following:
            cursor.insertText("(not translated)", self._muted(italic=True))
            return
        for bead, t in [*targets, *following]:
            self._insert_sentence(cursor, t, bead, original=False)

    def _insert_block(self, cursor: QTextCursor, first: bool, translation: bool) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(2 if translation else 14)
        block.setBottomMargin(2)
        block.setLeftMargin(24 if translation else 0)
        block.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if first:
            cursor.setBlockFormat(block)
        else:
            cursor.insertBlock(block)

    def _muted(self, italic: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        fmt.setFontItalic(italic)
        return fmt

    def _insert_sentence(self, cursor: QTextCursor, index: int, bead: int, original: bool) -> None:
        assert self.shown is not None
        sentences = self.shown.source if original else self.shown.target
        document = self.shown.original if original else self.shown.translation
        sentence = sentences[index]
        fmt = QTextCharFormat() if original else self._muted()
        if not original:
            # The translation a little smaller, so the eye tells the two apart at a glance.
            size = self.font().pixelSize()
            if size > 0:
                fmt.setProperty(QTextCharFormat.Property.FontPixelSize, round(size * 0.92))
            if self.shown.beads[bead].src:
                fmt.setForeground(self.palette().color(QPalette.ColorRole.Text))
        start = cursor.position()
        cursor.insertText(document.text[sentence.start : sentence.end], fmt)
        self._placed.append(_Placed(start, cursor.position(), bead, original, sentence.start))
        if not original:
            cursor.insertText(" ", fmt)

    def show_place(self, offset: int) -> bool:
        """Scroll to the original sentence holding ``offset`` and tint its pair."""
        for placed in self._placed:
            if placed.original and self.shown is not None:
                sentence_end = placed.offset + (placed.end - placed.start)
                if placed.offset <= offset < sentence_end:
                    cursor = QTextCursor(self.document())
                    cursor.setPosition(placed.start)
                    self.setTextCursor(cursor)
                    bar = self.verticalScrollBar()  # the sentence a quarter down the pane
                    top = self.cursorRect(cursor).top() - self.viewport().height() // 4
                    bar.setValue(bar.value() + top)
                    self.highlight_bead(placed.bead)
                    return True
        return False

    # -- reading gestures ---------------------------------------------------------------

    def placed_at(self, position: int) -> _Placed | None:
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and self._placed[index].start <= position < self._placed[index].end:
            return self._placed[index]
        return None

    def highlighted_bead(self) -> int | None:
        return self._hovered

    def highlight_bead(self, bead: int | None) -> None:
        """Tint every sentence of pair ``bead`` on both sides (None clears)."""
        if bead == self._hovered:
            return
        self._hovered = bead
        selections = []
        for placed in self._placed:
            if placed.bead != bead:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(placed.start)
            cursor.setPosition(placed.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(HOVER)
            selections.append(selection)
        self.setExtraSelections(selections)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        placed = self.placed_at(self.cursorForPosition(event.position().toPoint()).position())
        self.highlight_bead(placed.bead if placed else None)
        if placed is not None and self.shown is not None:
            bead = self.shown.beads[placed.bead]
            tip = "not translated" if not bead.tgt else f"pair score {bead.score:.2f}"
            if bead.fixed:
                tip = "paired by you"
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        placed = self.placed_at(self.cursorForPosition(event.position().toPoint()).position())
        if placed is not None and placed.original and self.shown is not None:
            sentence = next(s for s in self.shown.source if s.start == placed.offset)
            self.sentence_activated.emit(sentence.start, sentence.end)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        placed = self.placed_at(self.cursorForPosition(event.pos()).position())
        menu = self.createStandardContextMenu()
        if placed is not None:
            self._add_rendering_actions(menu, placed)
            self._add_correction_actions(menu, placed.bead)
        menu.exec(event.globalPos())

    def rendering_menu(self, point: QPoint) -> QMenu | None:
        """The "use as equivalent" choices for the selection at ``point``, for tests."""
        placed = self.placed_at(self.cursorForPosition(point).position())
        if placed is None:
            return None
        menu = QMenu(self)
        self._add_rendering_actions(menu, placed)
        return menu

    def _add_rendering_actions(self, menu: QMenu, placed: _Placed) -> None:
        """With words of a translation sentence selected: offer them as the equivalent of each
        glossary term of the original sentences they are paired with."""
        cursor = self.textCursor()
        chosen = " ".join(cursor.selectedText().split())
        if placed.original or not chosen or self.shown is None:
            return
        if not (placed.start <= cursor.selectionStart() and cursor.selectionEnd() <= placed.end):
            return
        original = self.shown.text("source", self.shown.beads[placed.bead].src)
        terms = self.terms_in(original)
        if not terms:
            return
        sub = menu.addMenu(f"Use “{chosen}” as the equivalent of")
        for hanzi in terms:
            act = sub.addAction(hanzi)
            act.setData(hanzi)
            act.triggered.connect(
                lambda _=False, h=hanzi, e=chosen: self.rendering_chosen.emit(h, e)
            )

    def correction_menu(self, point: QPoint) -> QMenu | None:
        """The corrections offered at ``point`` (viewport coordinates), for tests and menus."""
        placed = self.placed_at(self.cursorForPosition(point).position())
        if placed is None:
            return None
        menu = QMenu(self)
        self._add_correction_actions(menu, placed.bead)
        return menu

    def _add_correction_actions(self, menu: QMenu, bead: int) -> None:
        assert self.shown is not None
        menu.addSeparator()
        last = bead + 1 >= len(self.shown.beads)
        this = self.shown.beads[bead]
        for action, label, enabled in (
            ("join-next", "Join with the next pair", not last),
            ("split", "Split off the last sentence", len(this.src) > 1 or len(this.tgt) > 1),
            ("unpair", "Unpair these sentences", bool(self.shown.beads[bead].tgt)),
            ("reset", "Back to the automatic alignment", self.shown.beads[bead].fixed),
        ):
            act = menu.addAction(label)
            act.setEnabled(enabled)
            act.setData(action)
            act.triggered.connect(
                lambda _=False, a=action, b=bead: self.correction_requested.emit(a, b)
            )


def _unpaired_after(alignment: Alignment, beads: list[int]) -> list[tuple[int, int]]:
    """Translation sentences of 0–1 pairs that follow the given pairs directly."""
    found: list[tuple[int, int]] = []
    if not beads:
        return found
    index = beads[-1] + 1
    while index < len(alignment.beads) and not alignment.beads[index].src:
        found += [(index, t) for t in alignment.beads[index].tgt]
        index += 1
    return found
