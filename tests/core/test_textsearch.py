"""Find in the texts, as the core does it for the window's Ctrl+F and `reader find`."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.core.textsearch import SyllableIndex, char_syllables, query_key, split_syllables


def test_lingyu_finds_every_use_of_lingyu_in_both_texts_not_just_glossary_phrases(library):
    found = library.find_text("领域")
    assert found.kind == "hanzi"
    assert found.counts == {d.id: d.text.count("领域") for d in library.documents}
    assert found.total >= 10
    for spelling in ("lingyu", "lǐngyù", "ling3 yu4", "LingYu"):
        by_pinyin = library.find_text(spelling)
        assert by_pinyin.kind == "pinyin"
        assert by_pinyin.occurrences.hits() == found.occurrences.hits(), spelling


def test_pinyin_matches_whole_syllables_inside_longer_words(library):
    text = library.document("2025").text
    zhanlue = library.find_text("zhanlue")
    matched = {o.match for o in zhanlue.occurrences}
    assert "战略" in matched
    inside = text.index("全球战略稳定") + 2
    assert ("2025", inside, inside + 2) in zhanlue.occurrences.hits(), "战略 inside a term"
    assert all(len(o.match) == 2 for o in zhanlue.occurrences)
    # "an" is a syllable (安) but never the end of xian or the start of ang
    for occurrence in library.find_text("an").occurrences:
        assert len(occurrence.match) == 1
        assert query_key(library.pinyin(occurrence.match)) == "an", occurrence.match


def test_polyphones_follow_the_word_they_stand_in(library):
    chong = {o.match for o in library.find_text("chongshen").occurrences}
    assert chong == {"重申"}
    zhong = library.find_text("zhongyao")
    assert zhong.total > 0
    assert all(o.match == "重要" for o in zhong.occurrences)


def test_a_query_not_in_the_texts_and_an_empty_query_find_nothing(library):
    assert library.find_text("xyzzy").total == 0
    assert library.find_text("   ").total == 0
    assert library.find_text("“").kind == "text"


def test_syllables_split_folded_and_aligned_to_characters():
    assert split_syllables("zhànlüè wěndìng") == ["zhan", "lve", "wen", "ding"]
    assert split_syllables("Xī'ān xìnniàn") == ["xi", "an", "xin", "nian"]
    assert char_syllables("战略", "zhànlüè", lambda c: "?") == ["zhan", "lue"]
    assert char_syllables("F-35战机", "F-35 zhànjī", lambda c: {"战": "zhàn", "机": "jī"}[c]) == [
        "", "", "", "", "zhan", "ji",
    ]  # fmt: skip
    index = SyllableIndex(["zhan", "lue", "", "wen", "ding"])
    assert index.find("zhanlue") == [(0, 2)]
    assert index.find("luewen") == [], "no match across punctuation"
    assert index.find("han") == [] and index.find("wendin") == []
    assert index.find("ding") == [(4, 5)]


def test_reader_find_prints_each_place_in_context_and_json(capsys):
    code = main(["find", "lingyu"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.splitlines()[0].startswith("lingyu  [pinyin]  14 found")
    assert "【领域】" in out
    code = main(["find", "领域", "--json"])
    data = json.loads(capsys.readouterr()[0])
    assert data["kind"] == "hanzi" and data["counts"] == {"2016": 7, "2025": 7}
    assert len(data["occurrences"]) == 14 and data["occurrences"][0]["paragraph"] > 0


@pytest.mark.parametrize(("query", "code"), [("xyzzy", 1), (" ", 2)])
def test_reader_find_exit_codes(capsys, query, code):
    assert main(["find", query]) == code
