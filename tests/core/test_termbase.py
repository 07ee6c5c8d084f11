"""Termbases in: TBX as Reader, Xbench, OmegaT and MultiTerm write it, CSV/TSV by header
names, Pleco flashcards; a preview field by field; a lossless TBX round trip."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from reader.cli import main
from reader.core.errors import ReaderError
from reader.core.export import export
from reader.core.glossary import Glossary
from reader.core.library import Library
from reader.core.store import Store
from reader.core.termbase import apply, preview
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "termbases"


@pytest.fixture
def user_library(tmp_path):
    return Library.open(store=Store.open(tmp_path / "data" / "reader.sqlite3"))


def test_xbench_martif_preview_says_new_conflict_and_skipped(user_library):
    plan = preview(user_library, DATA / "xbench.tbx")
    status = {item.hanzi: item.status for item in plan.items}
    assert status == {"地区安全": "new", "战略稳定": "conflict"}
    change = next(i for i in plan.items if i.hanzi == "战略稳定").changes[0]
    assert change.field == "english" and change.current == ("strategic stability",)
    assert change.incoming == ("strategic steadiness",)
    assert plan.skipped == ["entry 3 (3): no Chinese term"]


def test_keep_leaves_the_users_values_replace_takes_the_termbases(user_library):
    done = apply(user_library, preview(user_library, DATA / "xbench.tbx"), "keep")
    assert done == {"added": 1, "updated": 0, "kept": 1, "same": 0, "skipped": 0}
    assert user_library.glossary.get("战略稳定").english == ("strategic stability",)
    new = user_library.glossary.get("地区安全")
    assert new.english == ("regional security",) and new.pinyin == "dìqū ānquán"
    assert new.english_source == "unverified"
    assert user_library.counts("地区安全")["2025"] == 3
    apply(user_library, preview(user_library, DATA / "xbench.tbx"), "replace")
    assert user_library.glossary.get("战略稳定").english == ("strategic steadiness",)
    assert user_library.glossary.get("战略稳定").origin == "edited"
    assert preview(user_library, DATA / "xbench.tbx").counts()["same"] == 2


def test_entry_by_entry_choices_skip_one_and_take_theirs_for_another(user_library):
    plan = preview(user_library, DATA / "xbench.tbx")
    done = apply(
        user_library, plan, "keep", skip=frozenset({"地区安全"}), replace=frozenset({"战略稳定"})
    )
    assert done["skipped"] == 1 and done["updated"] == 1
    assert "地区安全" not in user_library.glossary
    assert user_library.glossary.get("战略稳定").english == ("strategic steadiness",)


def test_multiterm_utf16_ntig_descripgrp_and_admin_source(user_library):
    plan = preview(user_library, DATA / "multiterm.tbx")
    (item,) = plan.items
    assert item.incoming.fields == {
        "definition": "Removal of a threat of armed conflict between states.",
        "pos": "noun",
        "russian": ("риск конфликта",),
        "russian_source": "MultiTerm termbase of the ministry",
    }
    apply(user_library, plan)
    term = user_library.glossary.get("地区安全")
    assert term.russian_verified
    assert user_library.glossary.source(term.russian_source).title.startswith("MultiTerm")


def test_csv_columns_are_mapped_by_name_and_unknown_ones_reported(user_library):
    plan = preview(user_library, DATA / "glossary.csv")
    (item,) = plan.items
    assert item.incoming.fields == {
        "english": ("regional security", "security of the region"),
        "russian": ("риск конфликта",),
        "pinyin": "dìqū ānquán",
        "note": "from my CSV",
    }
    assert "column 'Source row' ignored" in plan.skipped
    assert any("line 3" in line for line in plan.skipped)


def test_pleco_flashcards_with_numbered_pinyin_and_traditional_forms(user_library):
    plan = preview(user_library, DATA / "pleco.txt")
    fields = {item.hanzi: item.incoming.fields for item in plan.items}
    assert fields["地区安全"]["pinyin"] == "dìqū'ānquán"
    assert fields["战略"] == {
        "pinyin": "zhànlüè",
        "definition": "noun strategy; adjective strategic",
    }


def test_a_tbx_export_reimported_into_an_empty_store_gives_back_every_term_and_field(
    user_library, tmp_path
):
    lib = user_library
    key = lib.cite("My notes on the Kremlin text", "http://kremlin.ru/x")
    lib.set_term(
        "地区安全",
        {
            "english": ("regional security", "security of the region"),
            "russian": ("риск конфликта",),
            "russian_source": key,
            "definition": "A risk the 2025 statement names three times.",
            "category": "concept",
            "note": "2025 only",
            "related": ("战略风险",),
            "pos": "noun",
        },
    )
    lib.set_term("核裁军谈判", {"variant_of": "地区安全"})  # no equivalents, no definition
    lib.set_term("战略稳定", {"note": "edited note"})
    path = tmp_path / "all.tbx"
    export(lib, "tbx", path)
    empty = Library(
        lib.documents,
        Glossary([]),
        lib._rules,
        store=Store.open(tmp_path / "empty" / "reader.sqlite3"),
    )
    plan = preview(empty, path)
    assert plan.counts()["new"] == len(lib.glossary) and not plan.skipped
    apply(empty, plan)

    def comparable(glossary, term):
        return replace(
            term,
            origin="",
            line=0,
            english_source=_citation(glossary, term.english_source),
            russian_source=_citation(glossary, term.russian_source),
        )

    for term in lib.glossary.terms:
        back = empty.glossary.get(term.hanzi)
        assert back is not None, term.hanzi
        assert comparable(empty.glossary, back) == comparable(lib.glossary, term)


def _citation(glossary, key):
    source = glossary.source(key)
    return source.citation() if source else key


def test_cli_terms_import_json_and_bad_files(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    assert main(["terms", "import", str(DATA / "xbench.tbx"), "--json", "--dry-run"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"new": 1, "same": 0, "adds": 0, "conflict": 1}
    assert report["done"] is None
    assert main(["terms", "import", str(DATA / "xbench.tbx"), "--on-conflict", "replace"]) == 0
    assert "imported: 1 added, 1 updated" in capsys.readouterr().out
    broken = tmp_path / "broken.tbx"
    broken.write_text("<martif><text><body><termEntry>\n</body></martif>", encoding="utf-8")
    headless = tmp_path / "terms.csv"
    headless.write_text("english,russian\nrisk,риск\n", encoding="utf-8")
    for bad in (broken, headless, tmp_path / "missing.tbx"):
        assert main(["terms", "import", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and all(line.startswith("reader: error: ") for line in err)
    assert "broken.tbx line 2: not valid XML" in err[0]
    assert "no hanzi column" in err[1] and "missing.tbx" in err[2]


def test_termbase_errors_are_reader_errors(user_library, tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xff\x00garbage")
    with pytest.raises(ReaderError, match="x.txt"):
        preview(user_library, path)
