"""The user's terms over the bundled glossary: added, edited, reverted, starred, annotated,
kept across restarts, and never written into resources/."""

from __future__ import annotations

import hashlib
import json

import pytest

from reader.cli import main
from reader.core.backup import read_backup, write_backup
from reader.core.errors import ReaderError, TermNotFoundError
from reader.core.export import export
from reader.core.library import Library
from reader.core.store import Store
from reader.core.userterms import TermEditError, UserData
from tests.conftest import ROOT


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "data" / "reader.sqlite3"


@pytest.fixture
def user_library(store_path):
    return Library.open(store=Store.open(store_path))


def test_a_new_term_is_kept_whole_counted_and_looked_up_at_once(user_library):
    lib = user_library
    assert "地区安全" not in [t.text for t in lib.tokens("2025")]  # jieba cuts it in two
    term = lib.set_term("地区安全", {"english": ("regional security",), "category": "concept"})
    assert term.origin == "user" and term.pinyin == "dìqū ānquán"
    assert term.english_source == "unverified"
    assert lib.counts("地区安全") == {"2016": 0, "2025": 3}
    text = lib.document("2025").text
    alone = [i for i in range(len(text)) if text.startswith("地区安全", i)]
    alone = [
        i for i in alone if lib.term_at("2025", i).text == "地区安全"
    ]  # not inside a longer term
    assert alone and [t.text for t in lib.tokens("2025")].count("地区安全") == len(alone)
    assert lib.lookup("地区安全").source == "glossary"
    offset = alone[0] + 2
    assert lib.word_at("2025", offset).text == "地区安全"
    assert "地区安全" in [h for _s, _e, h in lib.terms_between("2025", offset, offset + 1)]


def test_only_documents_containing_a_new_term_are_segmented_again(user_library):
    lib = user_library
    first = {d: lib.tokens(d) for d in ("2016", "2025")}
    lib.set_term("地区安全")  # stands in 2025 only
    assert lib.tokens("2016") is first["2016"]
    assert lib.tokens("2025") is not first["2025"]
    lib.set_term("地区安全", {"note": "an edit changes no words"})
    assert lib.tokens("2025") is lib.tokens("2025")


def test_a_term_need_not_occur_in_any_document(user_library):
    term = user_library.set_term("核裁军谈判", {"english": ("nuclear disarmament talks",)})
    assert user_library.counts(term.hanzi) == {"2016": 0, "2025": 0}
    assert user_library.lookup("核裁军谈判").glossary == term


def test_edits_lie_over_the_bundled_entry_field_by_field_and_revert(user_library, store_path):
    bundled = user_library.glossary.get("战略稳定")
    glossary_file = ROOT / "resources" / "glossary.toml"
    digest = hashlib.sha256(glossary_file.read_bytes()).hexdigest()
    edited = user_library.set_term("战略稳定", {"note": "check the 2025 wording"})
    assert edited.origin == "edited"
    assert edited.note == "check the 2025 wording"
    assert edited.english == bundled.english and edited.definition == bundled.definition
    again = Library.open(store=Store.open(store_path))  # a restart
    assert again.glossary.get("战略稳定").note == "check the 2025 wording"
    assert again.remove_term("战略稳定") == "reverted"
    assert again.glossary.get("战略稳定") == bundled
    assert hashlib.sha256(glossary_file.read_bytes()).hexdigest() == digest


def test_remove_deletes_a_user_entry_and_it_stops_being_kept_whole(user_library):
    lib = user_library
    lib.set_term("地区安全")
    assert lib.remove_term("地区安全") == "removed"
    assert "地区安全" not in lib.glossary
    assert "地区安全" not in [t.text for t in lib.tokens("2025")]
    with pytest.raises(TermNotFoundError):
        lib.remove_term("地区安全")


def test_bad_changes_are_refused_with_a_message(user_library):
    with pytest.raises(TermEditError, match="Chinese characters"):
        user_library.set_term("strategic", {})
    with pytest.raises(TermEditError, match="category 'weapons'"):
        user_library.set_term("地区安全", {"category": "weapons"})
    assert "地区安全" not in user_library.glossary


def test_stars_filter_the_terms_and_every_export_format(user_library, tmp_path):
    lib = user_library
    lib.star("战略稳定")
    lib.set_term("地区安全")
    lib.star("地区安全")
    for fmt, suffix in (("csv", "csv"), ("tsv", "tsv"), ("tbx", "tbx"), ("anki", "apkg")):
        assert export(lib, fmt, tmp_path / f"starred.{suffix}", starred=True) == 2
    text = (tmp_path / "starred.tsv").read_text(encoding="utf-8")
    assert len(text.splitlines()) == 3 and "地区安全" in text and "全球战略稳定" not in text
    lib.star("战略稳定", on=False)
    assert export(lib, "csv", tmp_path / "one.csv", starred=True) == 1


def test_terms_json_gains_origin_starred_and_note(store_path, monkeypatch, capsys):
    monkeypatch.setenv("READER_DATA_DIR", str(store_path.parent))
    assert (
        main(
            [
                "term",
                "add",
                "地区安全",
                "--english",
                "strategic security",
                "--source",
                "My reading of the 2025 text",
                "--note",
                "seen twice",
            ]
        )
        == 0
    )
    assert main(["term", "add", "战略稳定", "--note", "mine"]) == 0
    assert main(["star", "地区安全"]) == 0
    capsys.readouterr()
    assert main(["terms", "--json"]) == 0
    rows = {row["term"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["地区安全"]["origin"] == "user" and rows["地区安全"]["starred"] is True
    assert rows["地区安全"]["note"] == "seen twice"
    assert rows["地区安全"]["english_source"] == "My reading of the 2025 text"
    assert rows["地区安全"]["english_verified"] is True
    assert rows["战略稳定"]["origin"] == "edited" and rows["战略稳定"]["note"] == "mine"
    assert rows["全球战略稳定"]["origin"] == "bundled" and rows["全球战略稳定"]["starred"] is False
    assert main(["terms", "--json", "--starred"]) == 0
    assert [r["term"] for r in json.loads(capsys.readouterr().out)] == ["地区安全"]


def test_cli_errors_are_one_line_with_exit_2(store_path, monkeypatch, capsys):
    monkeypatch.setenv("READER_DATA_DIR", str(store_path.parent))
    assert main(["star", "不存在的词语"]) == 2
    assert main(["term", "add", "地区安全", "--source", "somewhere"]) == 2
    assert main(["term", "add", "地区安全", "--category", "weapons"]) == 2
    err = capsys.readouterr().err
    assert err.count("reader: error:") == 3 and "Traceback" not in err


def test_paragraph_notes_are_kept_and_searchable_terms_notes_too(user_library, store_path):
    user_library.set_paragraph_note("2025", 3, "compare with 2016 ¶2")
    user_library.set_term("地区安全", {"note": "heard as «риск конфликта» in a briefing"})
    again = Library.open(store=Store.open(store_path))
    assert again.paragraph_notes("2025") == {3: "compare with 2016 ¶2"}
    assert [t.hanzi for t in again.search_terms("briefing")] == ["地区安全"]
    again.set_paragraph_note("2025", 3, "")
    assert again.paragraph_notes("2025") == {}
    with pytest.raises(ReaderError, match="paragraphs 1 to"):
        again.set_paragraph_note("2025", 999, "x")


def test_export_my_data_and_import_it_into_a_fresh_store(user_library, tmp_path):
    lib = user_library
    key = lib.cite("Foreign ministry briefing", "https://example.org/briefing")
    lib.set_term("地区安全", {"english": ("strategic security",), "english_source": key})
    lib.set_term("战略稳定", {"note": "mine"})
    lib.star("地区安全")
    lib.set_paragraph_note("2016", 2, "opening formula")
    lib.known_words.add(["安全", "国家"])
    backup = tmp_path / "my-data.json"
    assert write_backup(lib.user, backup)["terms"] == 2
    fresh = Library.open(store=Store.open(tmp_path / "other" / "reader.sqlite3"))
    read_backup(fresh.user, backup)
    fresh.reload_user_data()
    assert fresh.glossary.get("地区安全") == lib.glossary.get("地区安全")
    assert fresh.glossary.get("战略稳定").note == "mine"
    assert fresh.glossary.starred == frozenset({"地区安全"})
    assert fresh.paragraph_notes("2016") == {2: "opening formula"}
    assert fresh.glossary.source(key).url == "https://example.org/briefing"
    assert sorted(fresh.known_words) == ["国家", "安全"]


def test_a_broken_backup_changes_nothing(user_library, tmp_path):
    user_library.set_term("地区安全")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "reader-user-data", "version": 1, "terms": [{"hanzi": "x"}]}')
    with pytest.raises(ReaderError, match="bad.json"):
        read_backup(user_library.user, bad)
    assert set(UserData(user_library.user.store).entries()) == {"地区安全"}


def test_cli_data_export_and_import_move_everything_to_another_laptop(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "old"))
    assert main(["term", "add", "地区安全", "--english", "regional security"]) == 0
    assert main(["star", "地区安全"]) == 0
    assert main(["note", "2025", "2", "the anniversary framing"]) == 0
    assert main(["data", "export", str(tmp_path / "mine.json")]) == 0
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "new"))
    assert main(["data", "import", str(tmp_path / "mine.json")]) == 0
    capsys.readouterr()
    assert main(["terms", "--json", "--starred"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["term"] == "地区安全" and row["english"] == ["regional security"]
    assert main(["notes"]) == 0
    assert "2025 ¶2: the anniversary framing" in capsys.readouterr().out
    assert main(["notes", "ANNIVERSARY"]) == 0 and "2025 ¶2" in capsys.readouterr().out
    assert main(["notes", "nowhere"]) == 0 and capsys.readouterr().out == ""
