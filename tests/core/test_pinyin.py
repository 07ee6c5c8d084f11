"""Pinyin a learner can trust: citation form, word by word, polyphones read in context.

The expected readings below are CC-CEDICT's (2023-11-07), written out by hand with tone marks,
so the test does not compare the code with itself.
"""

from __future__ import annotations

import pytest

from reader.core.pinyin_format import cedict_to_marked, numbered_to_marked

#: Words of the two statements that contain a polyphonic character, with CC-CEDICT's reading.
POLYPHONES = {
    "重申": "chóngshēn", "重要": "zhòngyào", "重大": "zhòngdà", "尊重": "zūnzhòng",
    "严重": "yánzhòng", "多重": "duōchóng", "重要性": "zhòngyàoxìng",
    "行为": "xíngwéi", "进行": "jìnxíng", "行动": "xíngdòng", "执行": "zhíxíng",
    "推行": "tuīxíng", "履行": "lǚxíng", "飞行": "fēixíng", "行径": "xíngjìng",
    "应当": "yīngdāng", "应对": "yìngduì", "应用": "yìngyòng", "相应": "xiāngyìng",
    "理应": "lǐyīng", "当前": "dāngqián", "当代": "dāngdài",
    "挑战": "tiǎozhàn", "挑起": "tiǎoqǐ", "强调": "qiángdiào", "协调": "xiétiáo",
    "加强": "jiāqiáng", "增强": "zēngqiáng", "累积": "lěijī", "要求": "yāoqiú",
    "需要": "xūyào", "主要": "zhǔyào", "关切": "guānqiè", "一切": "yīqiè", "密切": "mìqiè",
    "变为": "biànwéi", "视为": "shìwéi", "作为": "zuòwéi", "成为": "chéngwéi",
    "认为": "rènwéi", "为此": "wèicǐ", "地区": "dìqū", "地位": "dìwèi", "地步": "dìbù",
    "基地": "jīdì", "目的": "mùdì", "削减": "xuējiǎn", "削弱": "xuēruò",
    "扩散": "kuòsàn", "分歧": "fēnqí", "充分": "chōngfèn", "获得": "huòdé",
    "取得": "qǔdé", "得到": "dédào", "以便": "yǐbiàn", "更加": "gèngjiā",
    "更新": "gēngxīn", "干涉": "gānshè", "场所": "chǎngsuǒ", "发展": "fāzhǎn",
    "爆发": "bàofā",
    "草案": "cǎo'àn", "进而": "jìn'ér", "阻碍": "zǔ'ài",
    "中心": "zhōngxīn", "其中": "qízhōng", "落实": "luòshí",
    "降低": "jiàngdī", "合作": "hézuò", "和平": "hépíng", "结合": "jiéhé",
    "倡导": "chàngdǎo", "导弹": "dǎodàn",
    "任务": "rènwu", "关系": "guānxi", "力量": "lìliang", "冒险": "màoxiǎn",
    "单方面": "dānfāngmiàn", "可靠": "kěkào", "背景": "bèijǐng",
}  # fmt: skip


def test_at_least_sixty_polyphone_words_are_tested():
    assert len(POLYPHONES) >= 60


@pytest.mark.parametrize(("word", "expected"), sorted(POLYPHONES.items()))
def test_polyphone_words_of_the_texts_read_as_cc_cedict_reads_them(library, word, expected):
    assert sum(word in d.text for d in library.documents), f"{word} is not in the texts"
    assert library.pinyin(word) == expected


def test_pypinyin_alone_would_be_wrong_for_some_of_them():
    from pypinyin import Style, lazy_pinyin

    assert "".join(lazy_pinyin("变为", style=Style.TONE)) == "biànwèi"


def test_glossary_pinyin_wins_for_its_term(library):
    assert library.pinyin("战略稳定") == "zhànlüè wěndìng"
    assert library.pinyin("延伸威慑") == "yánshēn wēishè"


def test_long_words_are_written_word_by_word(library):
    assert library.pinyin("中华人民共和国") == "Zhōnghuá Rénmín Gònghéguó"
    assert library.pinyin("不可分割") == "bùkě fēngē"
    assert library.pinyin("东北亚") == "Dōngběiyà"  # as the standard writes 东南亚 Dōngnányà


def test_a_lone_structural_particle_reads_de(library):
    text = library.document("2025").text
    at = text.index("稳妥地") + 2
    token = library.word_at("2025", at)
    assert token.text == "地" and library.pinyin(token.text) == "de"


def test_non_chinese_tokens_have_no_pinyin(library):
    assert library.pinyin("2014") == "" and library.pinyin("，") == ""


@pytest.mark.parametrize(
    ("numbered", "marked"),
    [("zhan4 lu:e4", "zhànlüè"), ("xi1 an1", "xī'ān"), ("nu:3", "nǚ"), ("liu2", "liú"),
     ("gui4", "guì"), ("de5", "de"), ("E2 luo2 si1 Lian2 bang1", "Éluósī Liánbāng")],
)  # fmt: skip
def test_numbered_pinyin_becomes_tone_marks_by_the_standard_rules(numbered, marked):
    assert cedict_to_marked(numbered) == marked


def test_a_non_syllable_is_left_alone():
    assert numbered_to_marked("M") == "M" and numbered_to_marked("3") == "3"
