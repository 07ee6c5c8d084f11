"""Cases found by the second, independent set of hostile probes (qa-probe): each failed before
its fix. In-process through ``reader.cli.main`` (fast), with a data folder of the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from tests.robustness.conftest import ROOT

GLOSSARY = ROOT / "resources" / "glossary.toml"


@pytest.fixture(autouse=True)
def own_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one-line error of a run that must exit 2 (an uncaught exception fails the test)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("reader: error: "), err
    return err


def test_glossary_with_a_5000_digit_integer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text("x = " + "9" * 5000 + "\n" + GLOSSARY.read_text(encoding="utf-8"))
    assert str(glossary) in refused(capsys, "--glossary", str(glossary), "terms")


@pytest.mark.parametrize(
    "content", ["[" * 100_000 + "]" * 100_000, '{"version": ' + "9" * 5000 + "}"]
)
def test_data_import_of_deep_or_huge_json(
    content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.json"
    backup.write_text(content)
    err = refused(capsys, "data", "import", str(backup))
    assert str(backup) in err and "not valid JSON" in err


TBX = """<?xml version="1.0" encoding="UTF-8"?>
{dtd}
<tbx type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>测试术语</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>{english}</term></termSec></langSec></conceptEntry>
</body></text></tbx>"""


@pytest.mark.parametrize(
    "dtd",
    [
        '<!DOCTYPE tbx [<!ENTITY s "SECRET">]>',
        '<!DOCTYPE tbx [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>',
        '<!DOCTYPE tbx [<!ENTITY s SYSTEM "file:///etc/hostname">]>',
    ],
)
def test_termbase_entities_are_refused_never_expanded(
    dtd: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tbx = tmp_path / "t.tbx"
    tbx.write_text(TBX.format(dtd=dtd, english="&s;" if "s " in dtd else "test"))
    err = refused(capsys, "terms", "import", str(tbx), "--dry-run")
    assert f"{tbx} line 2: declares the XML entity" in err


def test_termbase_with_an_external_dtd_reference_still_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tbx = tmp_path / "t.tbx"  # TBX v2 files name their DTD; it is never fetched
    tbx.write_text(TBX.format(dtd='<!DOCTYPE tbx SYSTEM "TBXcoreStructV02.dtd">', english="test"))
    assert main(["terms", "import", str(tbx), "--dry-run"]) == 0
    assert "测试术语" in capsys.readouterr().out


def test_a_damaged_field_in_the_user_store_is_shown_and_can_be_set_again(
    own_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    assert main(["term", "add", "测试词", "--english", "test"]) == 0
    with sqlite3.connect(own_data / "reader.sqlite3") as db:
        db.execute("UPDATE term_field SET value = '{not json'")
    capsys.readouterr()
    assert main(["lookup", "测试词"]) == 0
    assert "{not json" in capsys.readouterr().out
    assert main(["term", "add", "测试词", "--english", "mended"]) == 0
    assert main(["lookup", "测试词"]) == 0
    assert "mended" in capsys.readouterr().out


@pytest.mark.parametrize("limit", ["-5", "0"])
def test_candidates_limit_below_one(limit: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert "--limit must be at least 1" in refused(capsys, "candidates", "2016", "--limit", limit)


def test_a_document_that_says_it_translates_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "x.txt").write_text(
        "id: x\ntitle: T\ndate: 2020-01-01\nplace: P\nsource: S\ntranslation-of: x\nlang: en\n"
        "---\n战略稳定很重要。\n",
        encoding="utf-8",
    )
    err = refused(capsys, "--texts", str(texts), "align", "x", "x")
    assert "x names itself in 'translation-of'" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["term", "add", "测试词", "--english", "a\x01b"],
        ["term", "add", "测试词", "--note", "\x1b]0;pwned\x07"],
        ["term", "add", "测\x7f试词"],
        ["note", "2016", "1", "\x1b[2Jcleared"],
    ],
    ids=["SOH in english", "ESC in note", "DEL in hanzi", "ESC in paragraph note"],
)
def test_control_characters_are_refused_in_what_the_user_saves(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert "holds the control character U+" in refused(capsys, *argv)


def test_an_imported_control_character_is_skipped_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    termbase = tmp_path / "t.csv"
    termbase.write_text('hanzi,english\n测验,"x\x1b[2Jy"\n考试,exam\n', encoding="utf-8")
    assert main(["terms", "import", str(termbase)]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err
    assert "line 2: 测验: field 'english' holds the control character U+001B" in out + err
    assert main(["lookup", "测验", "考试"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "exam" in out


@pytest.mark.parametrize("word", ["词\x01", "词\x1b[2J", "战略 稳定"])
def test_a_known_word_with_a_control_character_or_a_space(
    word: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "give one word" in refused(capsys, "known", "add", word)


def test_an_import_never_saves_a_control_character_in_the_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statement = tmp_path / "f.txt"
    statement.write_text(
        "中华人民共和国和俄罗斯联邦联合声明\n\n双方认为，战略稳定十分重要。\n\n2025年5月8日于莫斯科\n",
        encoding="utf-8",
    )
    argv = ["import", str(statement), "--place", "\x1b[2JMoscow", "--title", "T\x07itle"]
    assert main(argv) == 0
    assert main(["docs"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "Moscow" in out


@pytest.mark.parametrize("control", ["\x00", "\x1b[2J"])
def test_a_text_with_a_control_character_is_refused_with_its_line(
    control: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "x.txt").write_text(
        f"id: x\ntitle: T\ndate: 2020-01-01\nplace: P\nsource: S\n---\n战略稳定很重要。\n\n战略{control}稳定\n",
        encoding="utf-8",
    )
    err = refused(capsys, "--texts", str(texts), "segment", "x")
    assert f"x.txt line 9: holds the control character U+{ord(control[0]):04X}" in err


@pytest.mark.parametrize(
    "section",
    [
        '"paragraph_notes": [{"document": "2016", "paragraph": 1, "text": "a\\u001b[2Jb"}]',
        '"known_words": [{"word": "\\u8bcd\\u001b[2J", "changed": 1.0}]',
    ],
    ids=["note", "known word"],
)
def test_a_backup_cannot_bring_what_the_commands_refuse(
    section: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.json"
    backup.write_text(f'{{"format": "reader-user-data", "version": 1, {section}}}')
    assert "holds the control character U+001B" in refused(capsys, "data", "import", str(backup))
