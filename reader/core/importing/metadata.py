"""Guessing a statement's title, date and place from its text.

Statements end with a line that dates and places them: 二〇一六年六月二十五日于北京, or
2025年5月8日于莫斯科. Both kinds of numerals are read. The guess looks at the closing paragraphs
first (that is where the signing line stands), then at the opening ones; a date found nowhere
stays empty, for the person importing to fill in rather than for Reader to invent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_NUM = r"[0-9０-９〇○零Ｏ一二三四五六七八九十]"
_DATE = re.compile(
    rf"(?P<y>{_NUM}{{4}})\s*年\s*(?P<m>{_NUM}{{1,3}})\s*月\s*(?P<d>{_NUM}{{1,3}})\s*日"
    r"(?:\s*[于於在]\s*(?P<place>[^\s，,。.；;：:（）()]{1,12}))?"
)
TITLE_LIMIT = 120


@dataclass(frozen=True)
class Guess:
    """What the text itself says about the document; empty strings where it says nothing."""

    title: str
    date: str
    place: str


def chinese_number(text: str) -> int:
    """``二十五`` → 25, ``二〇一六`` → 2016, ``08`` → 8 (full-width digits too)."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    value = 0
    for char in text:
        value = value * 10 + _DIGITS[char]
    return value


def find_date(text: str) -> tuple[str, str] | None:
    """The last valid ``YYYY-MM-DD`` date in ``text`` and the place after it (or "")."""
    found = None
    for match in _DATE.finditer(text):
        try:
            year, month, day = (chinese_number(match[k]) for k in ("y", "m", "d"))
        except KeyError:
            continue
        if 1900 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31:
            found = (f"{year:04d}-{month:02d}-{day:02d}", match["place"] or "")
    return found


def guess(paragraphs: list[str], heading: str | None = None) -> Guess:
    """Title from the first heading (or the first paragraph), date and place from the end."""
    title = (heading or (paragraphs[0] if paragraphs else "")).strip()
    if len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1] + "…"
    closing = paragraphs[-3:]
    found = None
    for paragraph in reversed(closing):
        found = find_date(paragraph)
        if found:
            break
    if found is None:
        found = next(filter(None, (find_date(p) for p in paragraphs[:5])), None)
    date, place = found or ("", "")
    return Guess(title, date, place)
