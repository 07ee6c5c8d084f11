"""Which words get pinyin above them, and what a wrapped word shows on each line."""

from __future__ import annotations

import pytest

from reader.core.ruby import ruby_words, syllable_cuts, tone_of


def test_all_words_mode_covers_every_chinese_word_with_the_cores_reading(library):
    text = library.document("2016").text
    words = ruby_words(library.tokens("2016"), "all", library.word_readings("2016"))
    chinese = [t for t in library.tokens("2016") if any("\u4e00" <= c <= "\u9fff" for c in t.text)]
    assert [(w.start, w.end) for w in words] == [(t.start, t.end) for t in chinese]
    first = next(w for w in words if text[w.start : w.end] == "战略稳定")
    assert first.pinyin == library.pinyin("战略稳定") == "zhànlüè wěndìng"
    assert all(w.cuts for w in words)  # every reading cuts into one syllable per character


def test_terms_mode_is_the_glossary_terms_and_unknown_mode_leaves_out_known_words(library):
    text = library.document("2025").text
    terms = ruby_words(library.tokens("2025"), "terms", library.word_readings("2025"))
    assert terms and all(library.glossary.get(text[w.start : w.end]) for w in terms)
    unknown = ruby_words(
        library.tokens("2025"), "unknown", library.word_readings("2025"), {"双方", "的"}
    )
    shown = {text[w.start : w.end] for w in unknown}
    assert "双方" not in shown and "的" not in shown and "战略稳定" in shown
    assert ruby_words(library.tokens("2025"), "off", library.word_readings("2025")) == []
    with pytest.raises(ValueError, match="off, terms, unknown, all"):
        ruby_words(library.tokens("2025"), "some", library.word_readings("2025"))


def test_a_wrapped_word_shows_the_syllables_of_each_part(library):
    text = library.document("2025").text
    treaty = "防止在外空放置武器、对外空物体使用或威胁使用武力条约"
    start = text.index(treaty)
    (word,) = [
        w
        for w in ruby_words(library.tokens("2025"), "all", library.word_readings("2025"))
        if w.start == start
    ]
    assert word.part(start, start + len(treaty)) == word.pinyin
    assert word.part(start, start + 5) == "Fángzhǐ zài Wàikōng"
    assert word.part(start + 5, start + 10) == "Fàngzhì Wǔqì"  # the comma is not carried
    assert word.part(start + 10, start + len(treaty)).startswith("duì Wàikōng")


def test_syllables_and_tones():
    assert syllable_cuts("战略稳定", "zhànlüè wěndìng") == (0, 4, 8, 11)
    assert syllable_cuts("西安", "xī'ān") == (0, 3)
    assert syllable_cuts("战略", "zhànlüè wěndìng") == ()
    assert [tone_of(s) for s in ("zhàn", "wěn", "guó", "shuāng", "de")] == [4, 3, 2, 1, 5]


def test_readings_are_cached_and_a_changed_glossary_reading_is_not_served_stale(
    data_copy, tmp_path
):
    from reader.core.library import Library

    texts, glossary = data_copy / "texts", data_copy / "resources" / "glossary.toml"
    first = Library.open(texts=texts, glossary=glossary, cache_folder=tmp_path / "cache")
    words = [t.text for t in first.tokens("2025")]
    readings = first.word_readings("2025")
    assert readings[words.index("延伸威慑")] == "yánshēn wēishè"
    assert list((tmp_path / "cache" / "readings").glob("2025-*.json"))
    text = glossary.read_text(encoding="utf-8").replace('"yánshēn wēishè"', '"yánshēn wēishè X"')
    glossary.write_text(text, encoding="utf-8")
    second = Library.open(texts=texts, glossary=glossary, cache_folder=tmp_path / "cache")
    assert second.word_readings("2025")[words.index("延伸威慑")] == "yánshēn wēishè X"
