"""How big the first window is and how its width is shared: plain arithmetic, no Qt.

The texts are what the reader came for, so they get most of the width at every size: the
glossary panel takes about three tenths of the window, never less than it needs to be usable
and never so much that each statement shrinks to a few characters a line (at 1024 px wide the
first version left each statement about 190 px).
"""

from __future__ import annotations

#: The panel's usable minimum and the most it may take when docked beside the texts.
PANEL_MIN_WIDTH = 260
PANEL_MAX_WIDTH = 560
PANEL_SHARE = 0.3
#: The panel under the texts: a share of the height, and at least room for a few rows.
PANEL_MIN_HEIGHT = 180
PANEL_BELOW_SHARE = 0.38
#: The first window: what the layout was designed at, shrunk to fit the screen.
PREFERRED_SIZE = (1500, 920)
SCREEN_SHARE = 0.92


def first_window_size(available_width: int, available_height: int) -> tuple[int, int]:
    """The size of a first window on a screen with that much room: the preferred size, or
    a little less than the screen when the screen is smaller (a 1366x768 laptop)."""
    width = min(PREFERRED_SIZE[0], int(available_width * SCREEN_SHARE))
    height = min(PREFERRED_SIZE[1], int(available_height * SCREEN_SHARE))
    return width, height


def panel_width(window_width: int) -> int:
    """The glossary panel's width beside the texts in a window ``window_width`` wide."""
    return max(PANEL_MIN_WIDTH, min(PANEL_MAX_WIDTH, round(window_width * PANEL_SHARE)))


def panel_height(window_height: int) -> int:
    """The glossary panel's height when it sits under the texts."""
    return max(PANEL_MIN_HEIGHT, round(window_height * PANEL_BELOW_SHARE))


def column_widths(available: int, fixed: list[int], minimum: int) -> tuple[int, int, int]:
    """Term, pinyin and English widths in a list ``available`` px wide, after the fixed
    count columns: shared 3 : 3 : 4, so narrowing the panel narrows all three instead of
    squeezing English to "e…" while the others keep their width."""
    rest = max(3 * minimum, available - sum(fixed))
    term = max(minimum, rest * 3 // 10)
    pinyin = max(minimum, rest * 3 // 10)
    return term, pinyin, max(minimum, rest - term - pinyin)


def parse_size(text: str) -> tuple[int, int]:
    """``1366x768`` -> (1366, 768); ValueError with a readable message otherwise."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit():
        raise ValueError(f"expected WIDTHxHEIGHT such as 1366x768, got {text!r}")
    size = int(width), int(height)
    if not (320 <= size[0] <= 10000 and 240 <= size[1] <= 10000):
        raise ValueError(f"{text}: width and height must be between 320x240 and 10000x10000")
    return size
