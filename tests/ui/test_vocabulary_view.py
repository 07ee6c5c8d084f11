"""The Vocabulary view: opened from the View menu, one row per unknown word, exported."""

from __future__ import annotations

import csv

from reader.core.hsk import hsk_label


def test_the_vocabulary_view_lists_the_words_and_exports_them(window, library, tmp_path):
    window.vocabulary_action.trigger()
    dialog = window.vocabulary
    assert dialog.isVisible() and dialog.documents.currentData() == "2016"
    model = dialog.model
    coverage = library.coverage("2016", window.known)
    assert model.rowCount() == len(coverage.unknown)
    first = coverage.unknown[0]
    assert [model.index(0, c).data() for c in range(4)] == [
        first.word,
        first.pinyin,
        hsk_label(first.hsk),
        first.count,
    ]
    assert "unknown" in dialog.summary.text()
    dialog.documents.setCurrentIndex(dialog.documents.findData("2025"))
    assert model.rowCount() == len(library.coverage("2025", window.known).unknown)
    dialog.export("csv", tmp_path / "words.csv")
    with open(tmp_path / "words.csv", encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == model.rowCount() + 1
    assert "Exported" in dialog.summary.text()
    dialog.close()
