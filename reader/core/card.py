"""The selected term's card as HTML, and pinyin coloured by tone: text in, text out, no Qt.

The panel shows this HTML in a QTextBrowser; it is built here so that what the card says is
tested without a screen. Every piece of data is escaped: glossary entries and CC-CEDICT
definitions are text, never markup.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

from reader.core.cedict_notation import readable
from reader.core.dictionary import DictionaryEntry
from reader.core.glossary import Glossary
from reader.core.hsk import hsk_label, hsk_level
from reader.core.library import Lookup
from reader.core.report import citation
from reader.core.textsearch import TextMatches

TONE_COLOURS = {1: "#d62728", 2: "#2ca02c", 3: "#1f77b4", 4: "#9467bd", 5: "#7f7f7f"}
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_VOWEL = "[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]"
#: initial consonants, vowels, and a final n / ng / r that does not start the next syllable
_SYLLABLE = rf"[bcdfghjklmnpqrstwxyz]*{_VOWEL}+(?:ng(?!{_VOWEL})|n(?!{_VOWEL})|r(?!{_VOWEL}))?"


def tone_of(syllable: str) -> int:
    for char in unicodedata.normalize("NFD", syllable):
        if char in _TONE_MARKS:
            return _TONE_MARKS[char]
    return 5


def coloured_pinyin(pinyin: str) -> str:
    """HTML with every syllable in its tone's colour (Pleco's convention)."""

    def paint(match: re.Match[str]) -> str:
        return f'<span style="color:{TONE_COLOURS[tone_of(match.group())]}">{escape(match.group())}</span>'

    parts, position = [], 0
    for match in re.finditer(_SYLLABLE, pinyin, re.IGNORECASE):
        parts.append(escape(pinyin[position : match.start()]))
        parts.append(paint(match))
        position = match.end()
    parts.append(escape(pinyin[position:]))
    return "".join(parts)


def details_html(lookup: Lookup, glossary: Glossary, tone_colours: bool) -> str:
    """The selected term's card; every piece of text is escaped."""
    pinyin = coloured_pinyin(lookup.pinyin) if tone_colours else escape(lookup.pinyin)
    out = [
        f'<p style="font-size:34px; margin:0">{escape(lookup.term)}</p>',
        f'<p style="font-size:18px; margin:0 0 8px 0">{pinyin}{_hsk_badge(lookup.term)}</p>',
    ]
    term = lookup.glossary
    if term is not None:
        origin = {
            "user": "your own entry",
            "edited": "Reader glossary, with your edits",
        }.get(term.origin, "from the Reader glossary")
        starred = glossary.is_starred(term.hanzi)
        star = f'<a href="star:{escape(term.hanzi)}">{"★ starred" if starred else "☆ star"}</a>'
        category = f"<i>{escape(term.category_label)}</i> · " if term.category else ""
        out.append(f"<p>{category}{origin} · {star}</p>")
        for label, values, key in (
            ("English", term.english, term.english_source),
            ("Russian", term.russian, term.russian_source),
        ):
            if not values:
                continue
            source = citation(glossary, key)
            mark = "⚠ unverified" if source == "unverified" else f"seen in: {escape(source)}"
            out.append(
                f"<p><b>{label}:</b> {escape('; '.join(values))}<br>"
                f'<span style="font-size:small">{mark}</span></p>'
            )
        if term.definition:
            out.append(f"<p>{escape(term.definition)}</p>")
        if term.note:
            out.append(f"<p><b>Usage:</b> {escape(term.note)}</p>")
        if term.variant_of:
            out.append(
                f'<p><b>Full form:</b> <a href="term:{escape(term.variant_of)}">{escape(term.variant_of)}</a></p>'
            )
        for label, names in (
            ("Former name of", [term.former_name_of] if term.former_name_of else []),
            ("Formerly", glossary.former_names(term.hanzi)),
        ):
            if names:
                links = " · ".join(f'<a href="term:{escape(n)}">{escape(n)}</a>' for n in names)
                out.append(f"<p><b>{label}:</b> {links}</p>")
        if term.related:
            links = " · ".join(f'<a href="term:{escape(r)}">{escape(r)}</a>' for r in term.related)
            out.append(f"<p><b>Related:</b> {links}</p>")
    if lookup.entries:
        out.append("<p><b>CC-CEDICT</b></p>")
        out.append(_entry_list(lookup.entries))
    if term is None and not lookup.entries:
        out.append("<p>Not in the glossary or in CC-CEDICT as a word.</p>")
        if any(entries for _, entries in lookup.characters):
            out.append("<p><b>Its characters in CC-CEDICT</b></p>")
            for char, entries in lookup.characters:
                ranked = tuple(main_first(entries))
                out.append(_entry_list(ranked) if ranked else f"<p>{escape(char)}: —</p>")
    return "".join(out)


def _hsk_badge(word: str) -> str:
    """`` · HSK 4`` after the pinyin, for a word the HSK 3.0 lists contain."""
    label = hsk_label(hsk_level(word))
    return f' <span style="font-size:13px; color:gray">· {label}</span>' if label else ""


def _entry_list(entries: tuple[DictionaryEntry, ...]) -> str:
    items = []
    for entry in entries:
        senses = escape(" / ".join(readable(d) for d in entry.definitions))
        items.append(
            f"<li><b>{escape(entry.simplified)}</b> {escape(entry.pinyin)} — {senses}</li>"
        )
    return f"<ul>{''.join(items)}</ul>"


def first_gloss(lookup: Lookup) -> str:
    """The one line a hover shows: the glossary's first English equivalent, else the first
    CC-CEDICT sense, else each character's first sense; "" when nothing is known. (A user's
    entry may have no English yet: then the dictionary speaks.)"""
    if lookup.glossary is not None and lookup.glossary.english:
        return lookup.glossary.english[0]
    for entry in lookup.entries:
        for definition in entry.definitions:
            return readable(definition)
    parts = []
    for char, entries in lookup.characters:
        ranked = main_first(entries)
        if ranked and ranked[0].definitions:
            parts.append(f"{char} {ranked[0].pinyin}: {readable(ranked[0].definitions[0])}")
    return " · ".join(parts)


def main_first(entries: tuple[DictionaryEntry, ...]) -> list[DictionaryEntry]:
    """A character's entries, the one a reader most likely means first: a common reading
    (lower-case, not a surname or place) with the most senses (于 yú "in; at", not the
    archaic "to go" or the surname)."""
    return sorted(entries, key=lambda e: (e.pinyin_numbered[:1].isupper(), -len(e.definitions)))


def hover_html(lookup: Lookup) -> str:
    """The tooltip over a word: hanzi, pinyin, HSK level, and one gloss."""
    gloss = first_gloss(lookup)
    line = f"<br>{escape(gloss)}" if gloss else ""
    return f"<b>{escape(lookup.term)}</b> {escape(lookup.pinyin)}{_hsk_badge(lookup.term)}{line}"


def matches_html(matches: TextMatches) -> str:
    """The card for a find in the texts: the query, how it was read, and the counts."""
    how = {
        "pinyin": "read as pinyin (tones and spaces ignored), whole syllables",
        "hanzi": "as written",
        "text": "as written",
    }[matches.kind]
    counts = " · ".join(f"{escape(d)}: {n}" for d, n in matches.counts.items())
    if matches.total:
        summary = f"<p><b>{matches.total}</b> found — {counts}</p>"
        hint = "<p style='color:gray'>F3 / Shift+F3 (or Enter in the find bar) step through them; Esc clears.</p>"
    else:
        summary = "<p>Not found in the texts.</p>"
        hint = "<p style='color:gray'>Try hanzi (领域) or pinyin without tones (lingyu).</p>"
    return (
        f'<p style="font-size:24px; margin:0">Find “{escape(matches.query)}”</p>'
        f"<p><i>in the texts, {how}</i></p>{summary}{hint}"
    )


def equivalents_text(lookup: Lookup, glossary: Glossary) -> str:
    """What "Copy equivalents" puts on the clipboard: the English line and the Russian line,
    each marked "(unverified)" when it was not seen in an official text."""
    term = lookup.glossary
    if term is None:
        return ""
    lines = []
    for values, key in ((term.english, term.english_source), (term.russian, term.russian_source)):
        mark = " (unverified)" if citation(glossary, key) == "unverified" else ""
        lines.append("; ".join(values) + mark)
    return "\n".join(lines)
