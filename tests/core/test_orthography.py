"""Pinyin orthography by GB/T 16159-2012: the standard's own examples, then the texts."""

from __future__ import annotations

import pytest

from reader.core.orthography import spell
from reader.core.pinyin_format import cedict_to_marked

IDIOMS = {"层出不穷", "风平浪静", "总而言之", "不亦乐乎", "光明磊落"}.__contains__


@pytest.mark.parametrize(
    ("hanzi", "draft", "spelt"),
    [
        # 6.1.5 numerals and measure words
        ("两个", "liǎngge", "liǎng gè"),
        ("第一", "dìyī", "dì-yī"),
        ("第十三", "dìshísān", "dì-shísān"),
        ("二十八", "èr shí bā", "èrshíbā"),
        ("三千五百六十四", "sānqiānwǔbǎiliùshísì", "sānqiān wǔbǎi liùshísì"),
        ("一百二十五", "yībǎi'èrshíwǔ", "yībǎi èrshíwǔ"),
        ("二十五日", "èrshíwǔrì", "èrshíwǔ rì"),
        ("二〇一六年", "èrlíngyīliùnián", "èr líng yī liù nián"),
        ("六月", "Liùyuè", "liùyuè"),
        # 6.1.6 pronouns and determiners
        ("每个", "měigè", "měi gè"),
        ("每年", "měinián", "měi nián"),
        ("各国", "gèguó", "gè guó"),
        ("某人", "mǒurén", "mǒu rén"),
        ("这人", "zhèrén", "zhè rén"),
        ("这些", "zhèxiē", "zhèxiē"),
        ("这样", "zhèyàng", "zhèyàng"),
        ("某些", "mǒuxiē", "mǒuxiē"),
        # 6.1.2 prefixes and suffixes join their word
        ("非业务人员", "fēi yèwù rényuán", "fēiyèwù rényuán"),
        ("科学性", "kēxué xìng", "kēxuéxìng"),
        ("现代化", "xiàndài huà", "xiàndàihuà"),
        ("无化学武器世界", "wú huàxué wǔqì shìjiè", "wú huàxué wǔqì shìjiè"),  # 无 a verb
        # 6.1.9 idioms
        ("层出不穷", "céngchū bùqióng", "céngchū-bùqióng"),
        ("风平浪静", "fēngpínglàngjìng", "fēngpíng-làngjìng"),
        ("总而言之", "zǒng ér yán zhī", "zǒng'éryánzhī"),
        ("不亦乐乎", "bùyìlèhū", "bùyìlèhū"),
        # 6.5 citation tones, no sandhi
        ("相一致", "xiāngyízhì", "xiāngyīzhì"),
        ("不要", "búyào", "bùyào"),
        ("打不得", "dǎbude", "dǎbude"),
    ],
)
def test_the_standards_examples(hanzi, draft, spelt):
    assert spell(hanzi, draft, IDIOMS) == spelt


def test_coordinate_abbreviations_take_a_hyphen_and_capitals():
    assert cedict_to_marked("Zhong1 Mei3") == "Zhōng-Měi"
    assert cedict_to_marked("Zhong1 E2") == "Zhōng-É"
    assert cedict_to_marked("E2 luo2 si1 Lian2 bang1") == "Éluósī Liánbāng"
    assert spell("中美", "Zhōng Měi") == "Zhōng-Měi"  # however the draft was written
    assert spell("北京", "Běijīng") == "Běijīng"


def test_a_draft_that_does_not_fit_the_characters_is_left_alone():
    assert spell("中国", "zhōng") == "zhōng"
    assert spell("中国", "zhōngguó rén") == "zhōngguó rén"


def test_the_texts_are_read_by_the_standard(library):
    assert library.pinyin("中俄") == "Zhōng-É"
    assert library.pinyin("每个") == "měi gè"
    assert library.pinyin("相一致") == "xiāngyīzhì"
    assert library.pinyin("二〇一六年") == "èr líng yī liù nián"
    assert library.pinyin("二十五日") == "èrshíwǔ rì"
    assert library.pinyin("六月") == "liùyuè"
    assert library.pinyin("层出不穷") == "céngchū-bùqióng"
    assert library.pinyin("世界各地") == "shìjiè gè dì"
    assert library.pinyin("第二次世界大战") == "Dì-èr Cì Shìjiè Dàzhàn"


def test_each_glossary_term_is_spelt_the_same_in_the_glossary_and_in_the_text(library):
    for doc in library.documents:
        for token in library.tokens(doc.id):
            term = library.glossary.get(token.text)
            if term is not None:
                assert library.pinyin(token.text) == term.pinyin


def test_glossary_pinyin_fits_its_characters_and_is_already_spelt(library):
    """A reading the orthography step could not parse would pass through unspelt."""
    from reader.core.orthography import _HAN, _parse

    for term in library.glossary.terms:
        parsed = _parse(term.pinyin)
        assert parsed is not None, term.hanzi
        assert len(parsed[0]) == len(_HAN.findall(term.hanzi)), term.hanzi


def test_glossary_idioms_are_hyphenated_as_the_dictionary_idioms_are(library):
    dictionary = library._dictionary
    for term in library.glossary.terms:
        entries = dictionary.entries(term.hanzi)
        if len(term.hanzi) == 4 and any(e.is_idiom for e in entries):
            assert term.pinyin.count("-") == 1 and " " not in term.pinyin, term.hanzi
