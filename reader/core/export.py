"""Glossary exports that translators' and learners' tools read.

* ``csv`` / ``tsv``: UTF-8 (with a BOM for csv, so spreadsheets detect it), a header row, one
  term a row; imports into Anki or Pleco as plain text.
* ``tbx``: TermBase eXchange (ISO 30042:2019) in the TBX-Basic dialect: one concept entry a term
  with zh / en / ru language sections; what OmegaT, Trados MultiTerm and Xbench import.
* ``anki``: an ``.apkg`` deck built with genanki; note ids derive from the hanzi, so
  re-importing an updated deck updates the cards instead of duplicating them.

Every export is written to a temporary file and renamed into place, so a failed export never
leaves a half-written file over one the user already had.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

from reader.core.errors import ReaderError
from reader.core.files import FileAccessError, write_with
from reader.core.glossary import UNVERIFIED, Term
from reader.core.library import Library
from reader.core.report import citation

FORMATS = ("csv", "tsv", "tbx", "anki")
SUFFIXES = {"csv": ".csv", "tsv": ".tsv", "tbx": ".tbx", "anki": ".apkg"}
ANKI_MODEL_ID = 1_734_905_117  # fixed forever: changing it would orphan every imported card
ANKI_DECK_ID = 1_734_905_118


class ExportError(ReaderError):
    """An export that could not be written."""


def select_terms(
    library: Library, document: str | None = None, starred: bool = False
) -> list[Term]:
    """All glossary terms, or those that stand in ``document``; only starred ones if asked."""
    terms = list(library.glossary.terms)
    if starred:
        terms = [t for t in terms if library.glossary.is_starred(t.hanzi)]
    if document is None:
        return terms
    text = library.document(document).text
    return [t for t in terms if t.hanzi in text]


def export(
    library: Library,
    fmt: str,
    output: Path,
    document: str | None = None,
    starred: bool = False,
) -> int:
    """Write the export; return the number of terms written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    terms = select_terms(library, document, starred)
    writers: dict[str, Callable[[Library, list[Term], Path], None]] = {
        "csv": lambda lib, ts, p: _write_text(p, _delimited(lib, ts, ","), bom=True),
        "tsv": lambda lib, ts, p: _write_text(p, _delimited(lib, ts, "\t"), bom=False),
        "tbx": lambda lib, ts, p: _write_text(p, tbx(lib, ts), bom=False),
        "anki": _write_anki,
    }
    try:
        write_with(output, lambda tmp: writers[fmt](library, terms, tmp))
    except FileAccessError as exc:
        raise ExportError(f"{exc.path}: cannot write export ({exc.problem})") from None
    return len(terms)


def columns(library: Library) -> list[str]:
    ids = library.document_ids()
    return [
        "hanzi",
        "pinyin",
        "english",
        "russian",
        "definition",
        "category",
        "note",
        "english_source",  # where the English was seen, or "unverified"
        "russian_source",
    ] + [f"count_{i}" for i in ids]


def rows(library: Library, terms: list[Term]) -> list[list[str]]:
    ids = library.document_ids()
    out = []
    for t in terms:
        counts = library.counts(t.hanzi)
        out.append(
            [
                t.hanzi,
                t.pinyin,
                "; ".join(t.english),
                "; ".join(t.russian),
                t.definition,
                t.category,
                t.note,
                citation(library.glossary, t.english_source),
                citation(library.glossary, t.russian_source),
                *(str(counts[i]) for i in ids),
            ]
        )
    return out


def _delimited(library: Library, terms: list[Term], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns(library))
    for row in rows(library, terms):
        # A tab or newline inside a field would break plain-text importers (Pleco, Anki).
        writer.writerow([" ".join(cell.split()) for cell in row] if delimiter == "\t" else row)
    return buffer.getvalue()


def _write_text(path: Path, text: str, bom: bool) -> None:
    path.write_text(text, encoding="utf-8-sig" if bom else "utf-8", newline="")


# -- TBX ----------------------------------------------------------------------------------

TBX_NS = "urn:iso:std:iso:30042:ed:3.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tbx(library: Library, terms: list[Term]) -> str:
    """A TBX-Basic document (ISO 30042:2019, DCA style): per concept a subject field, the
    Chinese term with its pinyin, and English and Russian terms, each with its source or the
    mark 'unverified'; the definition sits in the English section, the language it is in."""
    ET.register_namespace("", TBX_NS)
    root = _el(None, "tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    source_desc = _el(_el(_el(root, "tbxHeader"), "fileDesc"), "sourceDesc")
    _el(source_desc, "p").text = (
        "Reader glossary of the 2016 and 2025 China-Russia joint statements on global"
        " strategic stability. Equivalents marked 'unverified' were not checked against an"
        " official text."
    )
    body = _el(_el(root, "text"), "body")
    for number, term in enumerate(terms, start=1):
        _concept(library, body, term, number)
    ET.indent(root)
    # A literal CR in text comes back from any XML parser as LF: write it as a reference.
    text = ET.tostring(root, encoding="unicode").replace("\r", "&#13;")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def _el(parent: ET.Element | None, tag: str, attrib: dict[str, str] | None = None) -> ET.Element:
    name = f"{{{TBX_NS}}}{tag}"
    if parent is None:
        return ET.Element(name, attrib or {})
    return ET.SubElement(parent, name, attrib or {})


def _concept(library: Library, body: ET.Element, term: Term, number: int) -> None:
    """One concept. Besides TBX-Basic's own categories, Reader writes its fields that TBX has
    no place for as notes (``category:``, ``pinyin:``, ``source:``, ``variant of:``), so that
    ``reader terms import`` of an export gives back every field."""
    entry = _el(body, "conceptEntry", {"id": f"c{number}"})
    _el(entry, "descrip", {"type": "subjectField"}).text = "arms control; strategic stability"
    if term.category:
        _el(entry, "note").text = f"category: {term.category}"
    if term.note:
        _el(entry, "note").text = term.note
    if term.former_name_of:
        _el(entry, "note").text = f"former name of {term.former_name_of}"
    zh = _el(entry, "langSec", {XML_LANG: "zh"})
    if term.definition and not term.english:
        _el(zh, "descrip", {"type": "definition"}).text = term.definition
    zh_sec = _term(zh, term.hanzi, term, f"pinyin: {term.pinyin}")
    if term.variant_of:
        _el(zh_sec, "note").text = f"variant of: {term.variant_of}"
    for related in term.related:
        _el(zh_sec, "ref", {"type": "crossReference"}).text = related
    for lang, equivalents, key in (
        ("en", term.english, term.english_source),
        ("ru", term.russian, term.russian_source),
    ):
        if not equivalents:
            continue
        section = _el(entry, "langSec", {XML_LANG: lang})
        if lang == "en" and term.definition:
            _el(section, "descrip", {"type": "definition"}).text = term.definition
        source = library.glossary.source(key)
        for index, equivalent in enumerate(equivalents):
            seen = source.citation() if source and index == 0 else "unverified"
            _term(section, equivalent, term, f"source: {seen}")


def _term(section: ET.Element, text: str, term: Term, note: str) -> ET.Element:
    term_sec = _el(section, "termSec")
    _el(term_sec, "term").text = text
    if term.pos:
        _el(term_sec, "termNote", {"type": "partOfSpeech"}).text = term.pos
    if term.variant_of:
        shorter = len(term.hanzi) < len(term.variant_of)
        _el(term_sec, "termNote", {"type": "termType"}).text = "shortForm" if shorter else "variant"
    if term.former_name_of:  # a name given up is superseded, not a short form of the new one
        status = _el(term_sec, "termNote", {"type": "administrativeStatus"})
        status.text = "supersededTerm-admn-sts"
    _el(term_sec, "note").text = note
    return term_sec


# -- Anki ---------------------------------------------------------------------------------


def anki_guid(hanzi: str) -> str:
    """A stable note id: the same term always maps to the same note."""
    return "reader-" + hashlib.sha1(hanzi.encode("utf-8")).hexdigest()[:16]


def example_sentence(library: Library, hanzi: str) -> str:
    """The first sentence of the statements in which the term stands, with its document."""
    for occurrence in library.occurrences(hanzi):
        document = library.document(occurrence.document)
        paragraph = document.paragraphs[occurrence.paragraph - 1]
        start, end = _sentence_bounds(
            document.text, occurrence.start, paragraph.start, paragraph.end
        )
        return f"{document.text[start:end]} ({document.year})"
    return ""


def _sentence_bounds(text: str, offset: int, low: int, high: int) -> tuple[int, int]:
    stops = "。；！？"
    start = offset
    while start > low and text[start - 1] not in stops:
        start -= 1
    end = offset
    while end < high and text[end] not in stops:
        end += 1
    return start, min(end + 1, high)


def _write_anki(library: Library, terms: list[Term], path: Path) -> None:
    import sqlite3

    import genanki  # type: ignore[import-untyped]

    model = genanki.Model(
        ANKI_MODEL_ID,
        "Reader term",
        fields=[{"name": n} for n in ("Hanzi", "Pinyin", "English", "Definition", "Example")],
        templates=[
            {
                "name": "Recognition",
                "qfmt": '<div class="hanzi">{{Hanzi}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer"><div class="pinyin">{{Pinyin}}</div>'
                '<div>{{English}}</div><div class="definition">{{Definition}}</div>'
                '<div class="example">{{Example}}</div>',
            }
        ],
        css=".card{font-family:'Noto Sans CJK SC',sans-serif;text-align:center}"
        ".hanzi{font-size:42px}.pinyin{font-size:22px}.example{color:#555;margin-top:1em}",
    )
    deck = genanki.Deck(ANKI_DECK_ID, "Reader: China-Russia strategic stability terms")
    for term in terms:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    _html(term.hanzi),
                    _html(term.pinyin),
                    _html("; ".join(term.english)) + _unverified_mark(library, term),
                    _html(term.definition),
                    _html(example_sentence(library, term.hanzi)),
                ],
                guid=anki_guid(term.hanzi),
            )
        )
    try:
        _write_package(genanki.Package(deck), path)
    except sqlite3.Error as exc:  # the collection is built in $TMPDIR: full, or unusable
        raise OSError(errno.EIO, f"could not build the deck ({exc})") from None


def _write_package(package: object, path: Path) -> None:
    """genanki's ``write_to_file``, except that its scratch database is always removed
    (genanki leaves one in $TMPDIR on every export, and another on every failure)."""
    import itertools
    import sqlite3
    import tempfile
    import time
    import zipfile

    with tempfile.TemporaryDirectory(prefix="reader-anki-") as scratch:
        database = Path(scratch) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            now = time.time()
            package.write_to_db(connection.cursor(), now, itertools.count(int(now * 1000)))  # type: ignore[attr-defined]
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(path, "w") as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")


def _unverified_mark(library: Library, term: Term) -> str:
    """On the card, under the English, when the English was not seen in an official text."""
    if citation(library.glossary, term.english_source) != UNVERIFIED:
        return ""
    return '<div class="unverified" style="color:#b35900;font-size:small">⚠ unverified</div>'


def _html(text: str) -> str:
    from html import escape

    return escape(text)
