"""Readings in context: the editable rules of resources/readings.toml, against the texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import DataFileError
from reader.core.reading_rules import load_readings


def reading_of(library, doc_id, before, word):
    """How ``word`` (after ``before``) reads in that place, inside a longer word or not."""
    text = library.document(doc_id).text
    start = text.index(before + word) + len(before)
    return library.placed(doc_id, start, start + len(word)).pinyin


@pytest.mark.parametrize(
    ("doc_id", "before", "word", "reading"),
    [
        ("2016", "以臆想的理由", "为", "wéi"),  # 以…为借口
        ("2025", "等", "为", "wéi"),
        ("2025", "曾", "为", "wéi"),  # 曾为‘铁穹’
        ("2016", "多面性。", "为", "wèi"),  # 为实现: for the purpose of
        ("2025", "还", "为", "wèi"),  # 还为研发
        ("2016", "包括", "中", "Zhōng"),  # 中、俄: China
        ("2016", "包括中、", "俄", "É"),
        ("2025", "甚至", "到了", "dàole"),
        ("2025", "。", "中方", "Zhōngfāng"),
        ("2025", "支持", "俄方", "Éfāng"),
    ],
)
def test_a_word_is_read_as_its_place_needs(library, doc_id, before, word, reading):
    assert reading_of(library, doc_id, before, word) == reading


def test_the_context_rules_do_not_leak_into_words(library):
    assert (
        reading_of(library, "2016", "这不能反映当代战略问题所具有的广度和多面性。", "为") == "wèi"
    )
    assert library.pinyin("为") == "wèi"  # out of context, the common reading


def test_a_rule_that_would_apply_everywhere_is_refused(tmp_path: Path):
    path = tmp_path / "readings.toml"
    path.write_text('[[context]]\nword = "为"\nreading = "wéi"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=f"{path}: context rule 1: needs 'previous' or 'next'"):
        load_readings(path)


def test_an_unknown_table_is_named(tmp_path: Path):
    path = tmp_path / "readings.toml"
    path.write_text('[reading]\n"为" = "wéi"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown table"):
        load_readings(path)
