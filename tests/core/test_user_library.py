"""The user library through the CLI: import, list, look up across all, remove, refuse repeats."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.core.library import Library
from tests.samples import body


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A data folder of this test's own, so imports never reach the shared test library."""
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_imported_statement_joins_docs_lookup_terms_and_segment(capsys, data, tmp_path):
    source = tmp_path / "2016 statement (GB).txt"
    source.write_bytes(body("2016").encode("gb18030"))
    code, out, err = run(capsys, "import", source, "--json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["id"] == "2016-06-25" and doc["origin"] == "user"
    assert doc["place"] == "北京" and doc["source"] == source.name
    assert doc["extra"]["encoding"] == "GB18030" and len(doc["extra"]["sha256"]) == 64
    saved = data / "documents" / "2016-06-25.txt"
    assert saved.read_text(encoding="utf-8").startswith("id: 2016-06-25\n")

    _, out, _ = run(capsys, "docs", "--json")
    assert [(d["id"], d["origin"]) for d in json.loads(out)] == [
        ("2016", "bundled"),
        ("2025", "bundled"),
        ("2016-06-25", "user"),
    ]
    _, out, _ = run(capsys, "lookup", "战略稳定", "--json")
    (item,) = json.loads(out)
    assert item["counts"]["2016-06-25"] == item["counts"]["2016"] > 0
    _, out, _ = run(capsys, "terms", "--json", "--doc", "2016-06-25")
    assert any(t["term"] == "战略稳定" for t in json.loads(out))
    code, out, _ = run(capsys, "segment", "2016-06-25", "--json")
    assert code == 0 and json.loads(out)["document"] == "2016-06-25"
    code, _, _ = run(
        capsys, "export", "--format", "csv", "--output", tmp_path / "o.csv", "--doc", "2016-06-25"
    )
    assert code == 0


def test_metadata_options_override_the_guesses(capsys, data, tmp_path):
    source = tmp_path / "s.txt"
    source.write_text(body("2025"), encoding="utf-8")
    argv = ["--id", "p5", "--title", "T", "--date", "2022-01-03", "--place", "P", "--source", "S"]
    code, out, _ = run(capsys, "import", source, *argv, "--json")
    doc = json.loads(out)
    assert code == 0
    assert [doc[k] for k in ("id", "title", "date", "place", "source")] == [
        "p5",
        "T",
        "2022-01-03",
        "P",
        "S",
    ]


def test_importing_the_same_file_again_says_so_and_adds_nothing(capsys, data, tmp_path):
    source = tmp_path / "s.txt"
    source.write_text(body("2025"), encoding="utf-8")
    assert run(capsys, "import", source)[0] == 0
    code, out, err = run(capsys, "import", source)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "already imported as document '2025-05-08'" in err
    assert len(list((data / "documents").iterdir())) == 1


def test_remove_deletes_a_user_document_and_refuses_a_bundled_one(capsys, data, tmp_path):
    source = tmp_path / "s.txt"
    source.write_text(body("2025"), encoding="utf-8")
    run(capsys, "import", source)
    code, out, _ = run(capsys, "remove", "2025-05-08")
    assert code == 0 and "removed 2025-05-08" in out
    assert list((data / "documents").iterdir()) == []
    code, _, err = run(capsys, "remove", "2016")
    assert code == 2 and "bundled" in err and err.count("\n") == 1
    assert (Library.open().document("2016")).origin == "bundled"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: None, "not found"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 30), "binary"),
        (lambda p: p.write_text("没有日期的文字。", encoding="utf-8"), "no date found"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_added(capsys, data, tmp_path, make, problem):
    path = tmp_path / "bad.txt"
    make(path)
    code, out, err = run(capsys, "import", path)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(path) in err and problem in err
    assert not (data / "documents").exists() or not list((data / "documents").iterdir())


def test_a_bad_date_or_taken_id_is_refused(capsys, data, tmp_path):
    source = tmp_path / "s.txt"
    source.write_text(body("2025"), encoding="utf-8")
    assert "not YYYY-MM-DD" in run(capsys, "import", source, "--date", "2025-13-01")[2]
    assert "already used" in run(capsys, "import", source, "--id", "2016")[2]


def test_library_add_and_remove_change_lookups(data, tmp_path):
    from reader.core.importing.store import import_path, remove_from_library

    library = Library.open()
    before = library.counts("战略稳定")
    source = tmp_path / "s.txt"
    source.write_text(body("2025"), encoding="utf-8")
    document = import_path(library, source)
    assert library.counts("战略稳定")[document.id] == before["2025"]
    remove_from_library(library, document.id)
    assert library.counts("战略稳定") == before


def test_stored_counts_are_used_only_for_the_same_documents(data, tmp_path):
    from reader.core.importing.store import import_path

    cache = tmp_path / "cache"
    first = Library.open(cache_folder=cache)
    live = {t: first.counts(t) for t in ("战略稳定", "延伸威慑")}
    first.store_counts()
    stored = Library.open(cache_folder=cache)
    assert stored._load_counts() and {t: stored.counts(t) for t in live} == live
    source = tmp_path / "s.txt"
    source.write_text(body("2025"), encoding="utf-8")
    import_path(stored, source)
    assert stored.counts("战略稳定")["2025-05-08"] == live["战略稳定"]["2025"]
    again = Library.open(cache_folder=cache)
    assert not again._load_counts()  # a new document: the stored table no longer fits
    assert again.counts("战略稳定")["2025-05-08"] == live["战略稳定"]["2025"]
