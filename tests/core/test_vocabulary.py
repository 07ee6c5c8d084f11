"""The vocabulary a learner exports: unknown words by frequency, with pinyin, HSK and gloss."""

from __future__ import annotations

import csv
import sqlite3
import zipfile

import pytest

from reader.core.coverage import MemoryKnownWords
from reader.core.vocabulary import VocabularyExportError, export_vocabulary, gloss, vocabulary


def test_the_list_is_the_unknown_words_by_frequency_with_a_gloss(library):
    rows = vocabulary(library, "2025", MemoryKnownWords(["的"]))
    words = [r.word for r in rows]
    assert "的" not in words and words.index("双方") < words.index("延伸威慑")
    by_word = {r.word: r for r in rows}
    assert by_word["双方"].hsk == 3 and by_word["双方"].pinyin == "shuāngfāng"
    assert by_word["延伸威慑"].gloss == "extended deterrence"  # the glossary's English
    assert gloss(library, "和").startswith("(joining two nouns) and")  # not the variant entry
    assert sum(r.count for r in rows) == library.coverage(
        "2025", MemoryKnownWords(["的"])
    ).words - sum(1 for t in library.tokens("2025") if t.text == "的")


def test_csv_and_anki_exports_hold_every_row(library, tmp_path):
    rows = vocabulary(library, "2016", MemoryKnownWords())
    assert export_vocabulary(rows, "csv", tmp_path / "v.csv", "t") == len(rows)
    with open(tmp_path / "v.csv", encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["word", "pinyin", "hsk", "count", "gloss"]
    assert table[1][:4] == [rows[0].word, rows[0].pinyin, "HSK 1", str(rows[0].count)]
    assert len(table) == len(rows) + 1
    export_vocabulary(rows, "anki", tmp_path / "v.apkg", "Reader: 2016 vocabulary")
    with zipfile.ZipFile(tmp_path / "v.apkg") as archive:
        archive.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        fields = [row[0] for row in db.execute("SELECT flds FROM notes")]
    assert len(fields) == len(rows) and any(f.startswith(rows[0].word + "\x1f") for f in fields)


def test_a_failed_export_names_the_file(library, tmp_path):
    rows = vocabulary(library, "2016", MemoryKnownWords())
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(VocabularyExportError, match="folder.csv"):
        export_vocabulary(rows, "csv", tmp_path / "folder.csv", "t")
    with pytest.raises(VocabularyExportError, match="unknown format"):
        export_vocabulary([], "xls", tmp_path / "v.xls", "t")
