"""Tone of each character, words above an HSK level, unknown words: on the real texts."""

from __future__ import annotations

from reader.core.hsk import hsk_level
from reader.core.word_marks import char_tones, readings_of, unknown_words, words_above


def test_each_character_gets_the_tone_of_its_syllable_in_context(library):
    text = library.document("2016").text
    tokens = list(library.tokens("2016"))
    tones = char_tones(len(text), readings_of(tokens, library.word_readings("2016")))
    at = text.index("战略稳定")
    assert list(tones[at : at + 4]) == [4, 4, 3, 4]  # zhàn lüè wěn dìng
    comma = text.index("，")
    assert tones[comma] == 0
    de = next(t for t in tokens if t.text == "的")
    assert tones[de.start] == 5  # neutral tone


def test_a_hand_made_case():
    tones = char_tones(6, [(0, "西安", "xī'ān"), (3, "一下", "yīxià")])
    assert list(tones) == [1, 1, 0, 1, 4, 0]


def test_words_above_a_level_include_words_outside_the_standard(library):
    text = library.document("2025").text
    tokens = list(library.tokens("2025"))
    above4 = {text[s:e] for s, e in words_above(tokens, 4, hsk_level)}
    assert "战略" in above4 and "核武器" in above4 and "战略稳定" in above4  # 6, 7-9, unlisted
    assert "稳定" not in above4 and "国家" not in above4  # 4 and 1
    assert words_above(tokens, 0, hsk_level) == [] and words_above(tokens, 7, hsk_level) == []
    assert len(words_above(tokens, 1, hsk_level)) > len(words_above(tokens, 5, hsk_level))


def test_unknown_words_are_the_chinese_words_not_marked_known(library):
    text = library.document("2025").text
    tokens = list(library.tokens("2025"))
    spans = unknown_words(tokens, {"双方", "的"})
    shown = {text[s:e] for s, e in spans}
    assert "双方" not in shown and "的" not in shown and "战略稳定" in shown and "，" not in shown
