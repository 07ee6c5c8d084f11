"""A document's vocabulary for a learner: the words not yet known, most frequent first, with
pinyin, HSK level and a short gloss, and their export as CSV or an Anki deck.

The list is the coverage's unknown words (``reader.core.coverage``), so the window's
Vocabulary view, ``reader coverage`` and the exports always agree. The gloss is the glossary's
English for its terms and CC-CEDICT's first sense for other words.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from reader.core.coverage import KnownWords
from reader.core.errors import ReaderError, TermNotFoundError
from reader.core.files import FileAccessError, write_with
from reader.core.hsk import hsk_label
from reader.core.library import Library

FORMATS = ("csv", "anki")
COLUMNS = ["word", "pinyin", "hsk", "count", "gloss"]
ANKI_MODEL_ID = 1_763_772_013  # fixed forever, like the glossary deck's: re-imports update
ANKI_DECK_ID = 1_763_772_014


class VocabularyExportError(ReaderError):
    """The vocabulary could not be written; the message names the file."""


@dataclass(frozen=True)
class VocabularyRow:
    word: str
    count: int
    pinyin: str
    hsk: int | None
    gloss: str


def vocabulary(library: Library, doc_id: str, known: KnownWords) -> list[VocabularyRow]:
    """The document's words not marked known, most frequent first."""
    return [
        VocabularyRow(u.word, u.count, u.pinyin, u.hsk, gloss(library, u.word))
        for u in library.coverage(doc_id, known).unknown
    ]


def gloss(library: Library, word: str) -> str:
    """One short English gloss: the glossary's first equivalent, else the first sense of the
    CC-CEDICT entry read as the word is read here (和 hé "and", not the variant entry), common
    words before names, "variant of" senses last."""
    term = library.glossary.get(word)
    if term is not None and term.english:
        return term.english[0]
    try:
        lookup = library.lookup(word)
    except TermNotFoundError:
        return ""
    reading = _plain(lookup.pinyin)
    senses = [
        (entry.pinyin_numbered[:1].isupper(), _plain(entry.pinyin) != reading, _is_cross(d), i, d)
        for entry in lookup.entries
        for i, d in enumerate(entry.definitions)
    ]
    return min(senses)[-1] if senses else ""


def _plain(pinyin: str) -> str:
    return "".join(pinyin.lower().split()).replace("'", "")


def _is_cross(sense: str) -> bool:
    """A sense that only points elsewhere: "variant of 和[he2]", "see 和[he2]"."""
    lowered = sense.lower()
    return "variant of" in lowered or lowered.startswith(("see ", "used in "))


def export_vocabulary(rows: list[VocabularyRow], fmt: str, output: Path, title: str) -> int:
    """Write ``rows`` as ``csv`` (UTF-8 with BOM, for spreadsheets) or ``anki`` (.apkg)."""
    if fmt not in FORMATS:
        raise VocabularyExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        if fmt == "csv":
            data = _csv(rows)

            def write(tmp: Path) -> None:
                tmp.write_text(data, encoding="utf-8-sig", newline="")

            write_with(output, write)
        else:
            write_with(output, lambda tmp: _write_anki(rows, title, tmp))
    except FileAccessError as exc:
        raise VocabularyExportError(f"{exc.path}: cannot write ({exc.problem})") from None
    return len(rows)


def _csv(rows: list[VocabularyRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([r.word, r.pinyin, hsk_label(r.hsk), r.count, r.gloss])
    return buffer.getvalue()


def _write_anki(rows: list[VocabularyRow], title: str, path: Path) -> None:
    import errno
    import sqlite3

    import genanki  # type: ignore[import-untyped]

    from reader.core.export import _html, _write_package, anki_guid

    model = genanki.Model(
        ANKI_MODEL_ID,
        "Reader word",
        fields=[{"name": n} for n in ("Hanzi", "Pinyin", "Gloss", "HSK")],
        templates=[
            {
                "name": "Recognition",
                "qfmt": '<div class="hanzi">{{Hanzi}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer"><div class="pinyin">{{Pinyin}}</div>'
                '<div>{{Gloss}}</div><div class="hsk">{{HSK}}</div>',
            }
        ],
        css=".card{font-family:'Noto Sans CJK SC',sans-serif;text-align:center}"
        ".hanzi{font-size:42px}.pinyin{font-size:22px}.hsk{color:#777}",
    )
    deck = genanki.Deck(ANKI_DECK_ID, title)
    for r in rows:
        fields = [_html(r.word), _html(r.pinyin), _html(r.gloss), _html(hsk_label(r.hsk))]
        deck.add_note(genanki.Note(model=model, fields=fields, guid=anki_guid("word:" + r.word)))
    try:
        _write_package(genanki.Package(deck), path)
    except sqlite3.Error as exc:
        raise OSError(errno.EIO, f"could not build the deck ({exc})") from None
