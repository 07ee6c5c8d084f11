"""Character formats that show something about the words: tone colours on the characters,
an underline under words above the reader's HSK level, a tint on words not yet known.

A QSyntaxHighlighter draws them: its formats lie over the text without changing it (copy,
find and offsets stay as they are), Qt applies them block by block, and nothing is made when
every mark is off. The marks themselves come from the core (``reader.core.word_marks``).
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from reader.ui.ruby_layer import TONE_COLOURS

Span = tuple[int, int]
UNDERLINE_COLOUR = QColor("#e07b00")
TINT = QColor(255, 196, 0, 55)


class WordMarks(QSyntaxHighlighter):
    """Tone colours, HSK underline and unknown-word tint over one document."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._tones = b""
        self._underlined: list[Span] = []
        self._tinted: list[Span] = []
        self._formats: dict[tuple[int, bool, bool], QTextCharFormat] = {}

    def set_marks(self, tones: bytes, underlined: list[Span], tinted: list[Span]) -> None:
        """``tones``: one byte a character (0 none, 1-5); spans sorted by start."""
        self._tones, self._underlined, self._tinted = tones, underlined, tinted
        self.rehighlight()

    def is_empty(self) -> bool:
        return not (any(self._tones) or self._underlined or self._tinted)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        base = self.currentBlock().position()
        size = len(text)
        tones = self._tones[base : base + size] if self._tones else bytes(size)
        underline = _covered(self._underlined, base, size)
        tint = _covered(self._tinted, base, size)
        run_start = 0
        for index in range(1, size + 1):
            if index < size and (tones[index], underline[index], tint[index]) == (
                tones[run_start],
                underline[run_start],
                tint[run_start],
            ):
                continue
            key = (tones[run_start], underline[run_start], tint[run_start])
            if key != (0, False, False):
                self.setFormat(run_start, index - run_start, self._format(key))
            run_start = index

    def _format(self, key: tuple[int, bool, bool]) -> QTextCharFormat:
        if key not in self._formats:
            tone, underline, tint = key
            fmt = QTextCharFormat()
            if tone:
                fmt.setForeground(QColor(TONE_COLOURS[tone]))
            if underline:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(UNDERLINE_COLOUR)
            if tint:
                fmt.setBackground(TINT)
            self._formats[key] = fmt
        return self._formats[key]


def _covered(spans: list[Span], base: int, size: int) -> list[bool]:
    """For each character of ``base:base+size``, whether a span covers it."""
    covered = [False] * size
    index = max(0, bisect_left(spans, (base, base)) - 1)
    while index < len(spans) and spans[index][0] < base + size:
        start, end = spans[index]
        for offset in range(max(start, base), min(end, base + size)):
            covered[offset - base] = True
        index += 1
    return covered
