"""``reader known`` and ``reader coverage``: marks kept in the user store, coverage from them."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.core.coverage import MemoryKnownWords
from reader.core.library import Library
from reader.core.store import Store


@pytest.fixture
def store_path(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "reader.sqlite3"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_known_words_are_kept_in_the_store_and_counted_in_coverage(capsys, store_path, library):
    assert run(capsys, "known", "add", "的", "双方", "和")[0] == 0
    assert run(capsys, "known", "remove", "和")[0] == 0
    code, out, _ = run(capsys, "known", "list", "--json")
    assert code == 0 and json.loads(out) == ["双方", "的"]
    rows = Store.open(store_path).query("SELECT word FROM known_word ORDER BY word")
    assert [r[0] for r in rows] == ["双方", "的"]

    code, out, _ = run(capsys, "coverage", "2025", "--json")
    data = json.loads(out)
    expected = library.coverage("2025", MemoryKnownWords(["的", "双方"]))
    assert code == 0 and set(data) == {"document", "words", "known", "percent", "unknown"}
    assert (data["words"], data["known"], data["percent"]) == (
        expected.words,
        expected.known,
        expected.percent,
    )
    counts = {t.text: 0 for t in library.tokens("2025")}
    for t in library.tokens("2025"):
        counts[t.text] += 1
    assert data["known"] == counts["的"] + counts["双方"]
    assert data["unknown"][0] == {
        "word": expected.unknown[0].word,
        "count": expected.unknown[0].count,
        "pinyin": expected.unknown[0].pinyin,
        "hsk": expected.unknown[0].hsk,
    }
    assert "双方" not in [u["word"] for u in data["unknown"]]
    again = Library.open(store=Store.open(store_path))  # another session sees the marks
    assert "双方" in again.known_words and "和" not in again.known_words


def test_bad_input_is_one_line_and_exit_2(capsys, store_path):
    code, _, err = run(capsys, "known", "add", "abc")
    assert code == 2 and err.count("\n") == 1 and "no Chinese characters" in err
    code, _, err = run(capsys, "coverage", "1999")
    assert code == 2 and "no document with id '1999'" in err
