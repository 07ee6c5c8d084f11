"""Coverage arithmetic: how many running words of a document a reader knows."""

from __future__ import annotations

from reader.core.coverage import MemoryKnownWords, coverage


def test_a_constructed_text_counts_running_chinese_words_only():
    tokens = ["我", "喜欢", "读", "书", "。", "我", "读", "中文", "书", "2016", "年", "\n"]
    result = coverage("t", tokens, MemoryKnownWords(["我", "书", "没有"]), lambda w: f"<{w}>")
    assert (result.words, result.known, result.percent) == (9, 4, 44.4)
    assert [(u.word, u.count, u.pinyin) for u in result.unknown] == [
        ("读", 2, "<读>"),
        ("喜欢", 1, "<喜欢>"),
        ("中文", 1, "<中文>"),
        ("年", 1, "<年>"),
    ]
    assert [u.hsk for u in result.unknown] == [1, 1, 1, 1]
    assert result.header() == "known 44% of words · 4 unknown"


def test_a_text_without_chinese_words_is_zero_percent_not_an_error():
    result = coverage("t", ["2016", "。"], MemoryKnownWords(), str)
    assert (result.words, result.known, result.percent, result.unknown) == (0, 0, 0.0, ())


def test_the_real_2025_statement_from_nothing_known_to_everything(library):
    text = library.document("2025").text
    nothing = library.coverage("2025", MemoryKnownWords())
    assert nothing.known == 0 and nothing.words == sum(u.count for u in nothing.unknown)
    assert nothing.words > 1000  # a statement of about 5,000 characters
    counts = [u.count for u in nothing.unknown]
    assert counts == sorted(counts, reverse=True)
    # a glossary term is always one word: its count is its number of occurrences
    by_word = {u.word: u for u in nothing.unknown}
    assert by_word["延伸威慑"].count == text.count("延伸威慑") == 1
    assert by_word["延伸威慑"].pinyin == "yánshēn wēishè" and by_word["延伸威慑"].hsk is None
    assert by_word["双方"].hsk == 3 and by_word["双方"].count <= text.count("双方")

    top = [u.word for u in nothing.unknown[:10]]
    some = library.coverage("2025", MemoryKnownWords(top))
    assert some.known == sum(u.count for u in nothing.unknown[:10])
    assert some.percent == round(100 * some.known / nothing.words, 1)
    assert [u.word for u in some.unknown] == [u.word for u in nothing.unknown[10:]]

    everything = library.coverage("2025", MemoryKnownWords(by_word))
    assert (everything.known, everything.percent, everything.unknown) == (nothing.words, 100.0, ())


def test_known_words_of_one_statement_count_in_the_other(library):
    words_2016 = {u.word for u in library.coverage("2016", MemoryKnownWords()).unknown}
    later = library.coverage("2025", MemoryKnownWords(words_2016))
    assert 0 < later.percent < 100
    assert later.unknown and not words_2016 & {u.word for u in later.unknown}
    assert later.known == sum(
        1 for t in library.tokens("2025") if t.text in words_2016 and t.text.strip()
    )
