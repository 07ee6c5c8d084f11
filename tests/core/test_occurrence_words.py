"""Occurrences of a string, each with the word it stands in and its reading there."""

from __future__ import annotations

import json

from reader.cli import main
from reader.core.occurrence_words import describe_groups, word_groups


def lookup_json(capsys, term):
    assert main(["lookup", term, "--json"]) == 0
    return json.loads(capsys.readouterr().out)[0]["occurrences"]


def test_every_occurrence_of_wei_says_its_word_and_reading(capsys, library):
    occurrences = lookup_json(capsys, "为")
    texts = "".join(d.text for d in library.documents)
    assert len(occurrences) == texts.count("为")  # still every substring occurrence
    alone = [o for o in occurrences if o["word"] == "为"]
    assert len(alone) == 9  # and twice inside the glossary term 为借口 (以…为借口)
    assert {o["pinyin"] for o in alone} == {"wèi", "wéi"}
    inside = [o for o in occurrences if o["word"] == "行为"]
    assert inside and all(o["pinyin"] == "wéi" for o in inside)
    for o in occurrences:
        text = library.document(o["document"]).text
        assert o["word_start"] <= o["start"] < o["end"] <= o["word_end"]
        assert text[o["word_start"] : o["word_end"]] == o["word"]


def test_an_occurrence_across_words_names_the_glossary_term_that_covers_it(capsys):
    occurrences = lookup_json(capsys, "战略稳定")
    words = {o["word"] for o in occurrences}
    assert "全球战略稳定" in words and "战略稳定" in words


def test_groups_put_the_word_itself_first_then_by_frequency():
    groups = word_groups("为", ["行为", "为", "认为", "行为", "为", "行为"])
    assert groups == [("为", 2), ("行为", 3), ("认为", 1)]
    assert describe_groups("为", groups) == "as a word: 2 · inside 行为 ×3, 认为 ×1"
    assert describe_groups("为", [("行为", 1)]) == "inside 行为 ×1"


def test_the_plain_lookup_prints_the_groups(capsys):
    assert main(["lookup", "为"]) == 0
    out = capsys.readouterr().out
    assert "as a word: 9 · inside 行为 ×" in out
    assert "(wéi in 行为)" in out


def test_a_word_inside_a_longer_one_is_spelt_as_it_is_spelt_alone(capsys):
    occurrences = lookup_json(capsys, "全球战略稳定")
    inside = [o for o in occurrences if o["word"] == "全球战略稳定体系"]
    assert inside and all(o["pinyin"] == "quánqiú zhànlüè wěndìng" for o in inside)
