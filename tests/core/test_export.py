"""Exports from the real glossary, in the shapes translators' and learners' tools read."""

from __future__ import annotations

import csv
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from reader.core.export import TBX_NS, ExportError, anki_guid, columns, export
from reader.core.glossary import PARTS_OF_SPEECH

NS = {"t": TBX_NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_delimited_exports_have_a_header_and_a_row_per_term(library, tmp_path, fmt, delimiter):
    path = tmp_path / f"terms.{fmt}"
    count = export(library, fmt, path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=delimiter))
    assert rows[0] == columns(library) and rows[0][:5] == [
        "hanzi",
        "pinyin",
        "english",
        "russian",
        "definition",
    ]
    assert len(rows) - 1 == count == len(library.glossary)
    by_hanzi = {r[0]: r for r in rows[1:]}
    assert by_hanzi["延伸威慑"][1] == "yánshēn wēishè"
    assert by_hanzi["延伸威慑"][-2:] == ["0", "1"]
    if fmt == "tsv":
        assert all("\t" not in cell and "\n" not in cell for r in rows for cell in r)


def test_csv_starts_with_a_bom_so_spreadsheets_read_utf8(library, tmp_path):
    path = tmp_path / "terms.csv"
    export(library, "csv", path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_of_one_document_keeps_only_its_terms(library, tmp_path):
    path = tmp_path / "2016.tsv"
    count = export(library, "tsv", path, document="2016")
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    assert count == len(rows) < len(library.glossary)
    assert all(r.split("\t")[0] in library.document("2016").text for r in rows)


def test_tbx_follows_the_tbx_basic_dca_structure(library, tmp_path):
    path = tmp_path / "terms.tbx"
    export(library, "tbx", path)
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{TBX_NS}}}tbx"
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert root.find("t:tbxHeader/t:fileDesc/t:sourceDesc/t:p", NS) is not None
    entries = root.findall("t:text/t:body/t:conceptEntry", NS)
    assert len(entries) == len(library.glossary)
    assert len({e.get("id") for e in entries}) == len(entries)
    for entry in entries:
        langs = [s.get(XML_LANG) for s in entry.findall("t:langSec", NS)]
        assert langs == ["zh", "en", "ru"]
        for descrip in entry.iter(f"{{{TBX_NS}}}descrip"):
            kind = descrip.get("type")
            parent = next(p for p in entry.iter() if descrip in list(p))
            if kind == "subjectField":
                assert parent is entry
            else:
                assert kind == "definition" and parent.tag == f"{{{TBX_NS}}}langSec"
        for note in entry.iter(f"{{{TBX_NS}}}termNote"):
            if note.get("type") == "partOfSpeech":
                assert note.text in PARTS_OF_SPEECH
            elif note.get("type") == "administrativeStatus":
                assert note.text in {
                    "preferredTerm-admn-sts",
                    "admittedTerm-admn-sts",
                    "deprecatedTerm-admn-sts",
                    "supersededTerm-admn-sts",
                }
            else:
                assert note.get("type") == "termType"
                assert note.text in {
                    "fullForm",
                    "acronym",
                    "abbreviation",
                    "shortForm",
                    "variant",
                    "phrase",
                }
        for term_sec in entry.iter(f"{{{TBX_NS}}}termSec"):
            assert term_sec.find("t:term", NS).text
    first = entries[0]
    assert first.find("t:langSec/t:termSec/t:term", NS).text == library.glossary.terms[0].hanzi


def test_tbx_marks_a_former_name_superseded_not_a_short_form(library, tmp_path):
    path = tmp_path / "terms.tbx"
    export(library, "tbx", path)
    for entry in ET.parse(path).getroot().findall("t:text/t:body/t:conceptEntry", NS):
        if entry.find("t:langSec/t:termSec/t:term", NS).text != "铁穹":
            continue
        notes = {n.get("type"): n.text for n in entry.iter(f"{{{TBX_NS}}}termNote")}
        assert notes.get("administrativeStatus") == "supersededTerm-admn-sts"
        assert "termType" not in notes
        assert "former name of 美国金穹" in [n.text for n in entry.findall("t:note", NS)]
        break
    else:
        pytest.fail("铁穹 is not exported")


def test_tbx_says_which_equivalents_are_unverified(library, tmp_path):
    path = tmp_path / "terms.tbx"
    export(library, "tbx", path)
    text = path.read_text(encoding="utf-8")
    assert "source: unverified" in text and "source: Joint Statement by the People" in text


def notes(apkg: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(apkg) as archive, tempfile.TemporaryDirectory() as folder:
        archive.extract("collection.anki2", folder)
        with sqlite3.connect(Path(folder) / "collection.anki2") as db:
            return db.execute("SELECT guid, flds FROM notes ORDER BY guid").fetchall()


def test_anki_deck_has_a_note_per_term_with_stable_ids(library, tmp_path, unverified_term):
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    export(library, "anki", first)
    export(library, "anki", second)
    a, b = notes(first), notes(second)
    assert len(a) == len(library.glossary)
    assert [g for g, _ in a] == [g for g, _ in b], "re-import must update, not duplicate"
    term = unverified_term
    fields = dict(a)[anki_guid(term.hanzi)].split("\x1f")
    assert fields[:2] == [term.hanzi, term.pinyin]
    assert fields[2].startswith(term.english[0]) and "⚠ unverified" in fields[2]
    assert term.hanzi in fields[4] and fields[4].endswith("(2025)")


def test_a_failed_export_leaves_the_existing_file_untouched(library, tmp_path):
    target = tmp_path / "terms.csv"
    target.write_text("my own work", encoding="utf-8")
    with pytest.raises(ExportError, match="unknown export format"):
        export(library, "docx", target)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write export"):
        export(library, "csv", blocked / "terms.csv")
    assert target.read_text(encoding="utf-8") == "my own work"


def test_csv_and_tsv_carry_where_each_equivalent_was_seen_or_unverified(
    library, tmp_path, unverified_term
):
    import csv

    for fmt, delimiter, encoding in (("csv", ",", "utf-8-sig"), ("tsv", "\t", "utf-8")):
        path = tmp_path / f"terms.{fmt}"
        export(library, fmt, path)
        text = path.read_text(encoding=encoding)
        table = list(csv.reader(text.splitlines(), delimiter=delimiter))
        header = table[0]
        by_term = {row[0]: dict(zip(header, row, strict=True)) for row in table[1:]}
        assert by_term[unverified_term.hanzi]["english_source"] == "unverified"
        assert by_term[unverified_term.hanzi]["russian_source"] == "unverified"
        verified = [r for r in by_term.values() if r["english_source"] != "unverified"]
        assert verified and all(r["english_source"].strip() for r in verified)
        assert sum(r["english_source"] == "unverified" for r in by_term.values()) >= 1


def test_exports_get_ordinary_permissions(library, tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    os.umask(old)
    for fmt in ("csv", "anki"):
        path = tmp_path / f"new.{fmt}"
        export(library, fmt, path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~old
