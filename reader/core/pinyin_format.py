"""Numbered pinyin (``zhan4 lu:e4``) to tone marks (``zhànlüè``), following the standard rules.

CC-CEDICT writes pinyin with tone numbers and ``u:`` for ü; learners read tone marks. The mark
goes on a or e if present, on the o of ``ou``, else on the last vowel. Syllables of one word are
written together, with an apostrophe before a syllable that starts with a, o or e (xī'ān).
"""

from __future__ import annotations

import re

_MARKS = {
    "a": "āáǎà",
    "e": "ēéěè",
    "i": "īíǐì",
    "o": "ōóǒò",
    "u": "ūúǔù",
    "ü": "ǖǘǚǜ",
}
_SYLLABLE = re.compile(r"^([a-zü]+?)([1-5])?$", re.IGNORECASE)
_VOWELS = "aeiouü"


def numbered_to_marked(syllable: str) -> str:
    """One syllable, e.g. ``lu:e4`` -> ``lüè``; anything that is not a syllable is returned as is."""
    plain = syllable.replace("u:", "ü").replace("U:", "Ü").replace("v", "ü")
    match = _SYLLABLE.match(plain)
    if not match:
        return syllable
    letters, tone = match.group(1), match.group(2)
    if not tone or tone == "5":
        return letters
    index = _mark_position(letters.lower())
    if index < 0:
        return letters
    vowel = letters[index]
    marked = _MARKS[vowel.lower()][int(tone) - 1]
    if vowel.isupper():
        marked = marked.upper()
    return letters[:index] + marked + letters[index + 1 :]


def _mark_position(letters: str) -> int:
    for vowel in "ae":
        if vowel in letters:
            return letters.index(vowel)
    if "ou" in letters:
        return letters.index("o")
    for index in range(len(letters) - 1, -1, -1):
        if letters[index] in _VOWELS:
            return index
    return -1


def join_syllables(syllables: list[str]) -> str:
    """Write the syllables of one word together, with the apostrophe where the rules want it."""
    out = ""
    for syllable in syllables:
        if out and syllable[:1].lower() in "aāáǎàoōóǒòeēéěè" and out[-1].isalpha():
            out += "'"
        out += syllable
    return out


def cedict_to_marked(numbered: str) -> str:
    """A whole CC-CEDICT reading, e.g. ``zhan4 lu:e4`` -> ``zhànlüè``.

    ``,`` and ``·`` separate words, and so does a capital inside a reading: CC-CEDICT
    capitalises each word of a name (``Dong1 bei3 Ya4`` -> ``Dōngběi Yà``). A reading made
    only of one-syllable names is a coordinate abbreviation, written with hyphens by the
    orthography standard (``Zhong1 Mei3`` -> ``Zhōng-Měi``)."""
    words: list[list[str]] = [[]]
    for part in numbered.split():
        if part in {",", "·", "-"}:
            words.append([])
            continue
        if part[:1].isupper() and words[-1]:
            words.append([])
        words[-1].append(numbered_to_marked(part))
    words = [w for w in words if w]
    if len(words) > 1 and all(len(w) == 1 and w[0][:1].isupper() for w in words):
        return "-".join(w[0] for w in words)
    return " ".join(join_syllables(w) for w in words)
