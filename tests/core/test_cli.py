"""The command line as a translator uses it: JSON that tools read, clear errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from reader.cli import main
from tests.conftest import ROOT


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_docs_json_lists_id_title_date_place_source(capsys):
    code, out, _ = run(capsys, "docs", "--json")
    docs = json.loads(out)
    assert code == 0
    assert [d["id"] for d in docs] == ["2016", "2025"]
    assert {"id", "title", "date", "place", "source"} <= set(docs[0])
    assert docs[1]["date"] == "2025-05-08"


def test_lookup_json_lists_every_occurrence_including_titles_and_longer_words(capsys, library):
    code, out, _ = run(capsys, "lookup", "战略稳定", "--json")
    (item,) = json.loads(out)
    assert code == 0
    assert item["term"] == "战略稳定" and item["source"] == "glossary"
    assert item["counts"] == {d.id: d.text.count("战略稳定") for d in library.documents}
    assert len(item["occurrences"]) == sum(item["counts"].values())
    assert {"document", "paragraph", "start", "end", "context"} <= set(item["occurrences"][0])
    assert any(o["paragraph"] == 1 for o in item["occurrences"])
    for key in ("pinyin", "english", "russian", "definitions"):
        assert item[key]


def test_lookup_shows_pinyin_equivalents_definition_and_occurrences(capsys):
    code, out, _ = run(capsys, "lookup", "延伸威慑")
    assert code == 0
    assert "yánshēn wēishè" in out and "extended deterrence" in out
    assert "расширенное сдерживание" in out and "nuclear umbrella" in out
    assert "2025 ¶13" in out and "【延伸威慑】" in out


def test_several_terms_and_a_term_file_in_one_call(capsys, tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("核共享\n\n萨德\n", encoding="utf-8")
    code, out, _ = run(capsys, "lookup", "反导", "--from", str(terms), "--json")
    assert code == 0
    assert [i["term"] for i in json.loads(out)] == ["反导", "核共享", "萨德"]


def test_pinyin_or_english_finds_the_glossary_term(capsys):
    code, out, _ = run(capsys, "lookup", "yanshen", "--json")
    assert code == 0 and [i["term"] for i in json.loads(out)] == ["延伸威慑"]


def test_a_term_found_nowhere_gets_a_message_and_exit_1(capsys):
    code, out, err = run(capsys, "lookup", "战略稳定", "量子纠缠态X")
    assert code == 1
    assert "战略稳定" in out
    assert "not found: '量子纠缠态X' is not in the documents" in err
    assert "Traceback" not in err


def test_terms_json_has_at_least_120_complete_entries_with_counts(capsys):
    code, out, _ = run(capsys, "terms", "--json")
    terms = json.loads(out)
    assert code == 0 and len(terms) >= 120
    for t in terms:
        assert t["pinyin"] and t["english"] and t["russian"] and t["definitions"][0]
        assert t["category"] and t["english_source"] and t["russian_source"]
        assert sum(t["counts"].values()) > 0


def test_segment_json_covers_the_document_with_pinyin_and_term_flags(capsys, library):
    code, out, _ = run(capsys, "segment", "2016", "--json")
    data = json.loads(out)
    assert code == 0 and data["document"] == "2016"
    tokens = data["tokens"]
    assert "".join(t["text"] for t in tokens) == library.document("2016").text
    assert {"text", "start", "end", "pinyin", "term"} == set(tokens[0])
    whole = [t for t in tokens if t["text"] == "战略稳定"]
    assert whole and all(t["term"] and t["pinyin"] == "zhànlüè wěndìng" for t in whole)
    assert not [t for t in tokens if t["text"] == "性行为"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["segment", "1999"], "no document with id '1999'"),
        (["--glossary", "{tmp}/missing.toml", "terms"], "missing.toml: file not found"),
        (["--glossary", "{tmp}/bad.toml", "terms"], "bad.toml line 1: not valid TOML"),
        (["--texts", "{tmp}/texts", "docs"], "2016.txt line 1: not valid UTF-8"),
        (["--texts", "{tmp}/header", "docs"], "2016.txt line 7: missing 'date'"),
        (["lookup", "--from", "{tmp}/absent.txt"], "absent.txt: cannot read term list"),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_exit_2(capsys, tmp_path, argv, message):
    (tmp_path / "bad.toml").write_text("[[term]\n", encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "2016.txt").write_bytes(b"\xffbroken")
    (tmp_path / "header").mkdir()
    good = (ROOT / "texts" / "2016.txt").read_text(encoding="utf-8")
    (tmp_path / "header" / "2016.txt").write_text(
        good.replace("date: 2016-06-25\n", ""), encoding="utf-8"
    )
    code, _, err = run(capsys, *[a.format(tmp=tmp_path) for a in argv])
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_installed_entry_point_runs_as_a_module():
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "lookup", "重申", "--json"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["pinyin"] == "chóngshēn"
