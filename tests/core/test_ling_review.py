"""An independent reading of both statements: what a learner sees on the words the review
found misspelt, and the general checks that keep the glossary spelt as the texts are."""

from __future__ import annotations

import pytest

from reader.core.orthography import _HAN, _parse, spell


def reading_of(library, doc_id, before, word):
    """The pinyin shown for ``word`` (after ``before``) in the real text."""
    text = library.document(doc_id).text
    start = text.index(before + word) + len(before)
    placed = library.placed(doc_id, start, start + len(word))
    return placed.word, placed.pinyin


@pytest.mark.parametrize(
    ("doc_id", "before", "word", "pinyin"),
    [
        # a coordinate abbreviation of names at the head of a word (Zhōng-Měi guānxì)
        ("2016", "在", "亚太地区", "Yà-Tài dìqū"),
        # one word, as the standard writes 东南亚 Dōngnányà
        ("2016", "计划在", "东北亚", "Dōngběiyà"),
        # 令人 is one word in the text (令人高度关切 lìngrén), so in the terms too
        ("2016", "尤其", "令人担忧", "lìngrén dānyōu"),
        ("2025", "行动", "令人关切", "lìngrén guānqiè"),
        # four-character set phrases that divide 2+2 take a hyphen (6.1.9)
        ("2016", "威胁", "毫不相干", "háobù-xiānggān"),
        ("2025", "安全架构", "至关重要", "zhìguān-zhòngyào"),
        # coordinate abbreviations of common words take a hyphen too (双边和多边, 核与导弹)
        ("2025", "等", "双多边", "shuāng-duōbiān"),
        ("2025", "影响", "核导领域", "hé-dǎo lǐngyù"),
    ],
)
def test_the_reviewed_words_read_by_the_standard(library, doc_id, before, word, pinyin):
    assert reading_of(library, doc_id, before, word) == (word, pinyin)


def test_a_dictionary_word_not_marked_idiom_gets_no_idiom_hyphen(library):
    """The CC-CEDICT line on the card: 国际社会 is no idiom (it was guójì-shèhuì)."""
    dictionary = library._dictionary
    assert [e.pinyin for e in dictionary.entries("国际社会")] == ["guójìshèhuì"]
    assert [e.pinyin for e in dictionary.entries("层出不穷")] == ["céngchū-bùqióng"]
    assert spell("国际社会", "guójìshèhuì", lambda _: False) == "guójìshèhuì"


def test_names_side_by_side_at_the_head_of_a_word_take_a_hyphen():
    assert spell("亚太地区", "Yà Tài dìqū") == "Yà-Tài dìqū"
    assert spell("中美关系", "Zhōng Měi guānxì") == "Zhōng-Měi guānxì"
    assert spell("南太平洋", "Nán Tàipíngyáng") == "Nán Tàipíngyáng"  # a name, not two
    assert spell("遗弃在华", "yíqì zài Huá") == "yíqì zài Huá"


def test_no_glossary_term_writes_apart_a_word_the_texts_write_whole(library):
    """A word the texts show as one written word (令人 lìngrén) is one inside a term too."""
    whole: dict[str, str] = {}
    for doc in library.documents:
        for token in library.tokens(doc.id):
            if library.glossary.get(token.text) is not None or len(token.text) < 2:
                continue
            pinyin = library.pinyin(token.text)
            if pinyin and " " not in pinyin and "-" not in pinyin:
                whole[token.text] = pinyin
    apart = []
    for term in library.glossary.terms:
        characters = "".join(_HAN.findall(term.hanzi))
        parsed = _parse(term.pinyin)
        assert parsed is not None, term.hanzi
        seps = parsed[1]
        for word in whole:
            start = characters.find(word)
            while start != -1:
                begins = start == 0 or seps[start - 1] != ""  # not 个别国家's 别国
                if begins and any(seps[i] == " " for i in range(start, start + len(word) - 1)):
                    apart.append((term.hanzi, word))
                start = characters.find(word, start + 1)
    assert apart == []


def test_a_phrase_the_dictionary_lacks_is_cut_for_the_learner(library):
    """最低水平 (jieba's, not CC-CEDICT's) is cut so that a click on 水平 shows 'level';
    此种 stays whole, since cutting it gives 对此 | 种 ('about this' | kind)."""
    words = [t.text for t in library.tokens("2016")]
    at = words.index("最低")
    assert words[at : at + 2] == ["最低", "水平"] and "最低水平" not in words
    assert reading_of(library, "2016", "需要的最低", "水平") == ("水平", "shuǐpíng")
    assert reading_of(library, "2025", "对", "此种") == ("此种", "cǐzhǒng")
