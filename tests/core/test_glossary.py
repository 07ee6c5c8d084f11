"""The glossary: real, complete, sourced, and strict about malformed entries."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from reader.core.dictionary import Dictionary
from reader.core.errors import GlossaryError
from reader.core.glossary import PARTS_OF_SPEECH, UNVERIFIED, fold_pinyin, load_glossary
from reader.core.pinyin import PinyinReader

ENTRY = """
[source.s1]
title = "A source"

[[term]]
hanzi = "战略稳定"
pinyin = "zhànlüè wěndìng"
english = ["strategic stability"]
english_source = "s1"
russian = ["стратегическая стабильность"]
russian_source = "unverified"
definition = "Stability."
category = "concept"
"""


def test_the_bundled_glossary_has_at_least_120_complete_entries(library):
    terms = library.glossary.terms
    assert len(terms) >= 120
    for t in terms:
        assert t.pinyin and t.english and t.russian and t.definition and t.category, t.hanzi
        assert t.pos in PARTS_OF_SPEECH, t.hanzi
        for key in (t.english_source, t.russian_source):
            assert key == UNVERIFIED or library.glossary.source(key) is not None, t.hanzi


def test_every_entry_occurs_in_at_least_one_document(library):
    absent = [t.hanzi for t in library.glossary.terms if not sum(library.counts(t.hanzi).values())]
    assert absent == []


def test_the_key_terms_of_both_statements_are_there(library):
    for hanzi in (
        "战略稳定", "全球战略稳定", "延伸威慑", "核共享", "反导", "外空武器化", "萨德",
        "岸基宙斯盾系统", "美国金穹", "不扩散核武器条约", "军备竞赛", "斩首行动", "杀伤链",
        "各国安全不受减损", "核战争打不赢也打不得", "冷战思维", "零和博弈", "陆基中短程导弹",
        "禁止化学武器组织", "裁军谈判会议", "南太平洋无核区条约", "三边安全伙伴关系",
        "重申", "关切地指出", "谴责", "敦促", "恪守", "遗憾的是", "真正的多边主义",
    ):  # fmt: skip
        assert hanzi in library.glossary, hanzi


def test_usage_notes_that_say_one_statement_only_are_true(library):
    for t in library.glossary.terms:
        counts = library.counts(t.hanzi)
        if t.note.startswith("2016 only"):
            assert counts["2025"] == 0 and counts["2016"] > 0, t.hanzi
        if t.note.startswith("2025 only"):
            assert counts["2016"] == 0 and counts["2025"] > 0, t.hanzi
        if t.note.startswith("Both statements"):
            assert counts["2016"] > 0 and counts["2025"] > 0, t.hanzi


def test_related_terms_and_variants_link_to_entries(library):
    g = library.glossary
    assert "核共享" in g.get("延伸威慑").related and "前沿部署" in g.get("延伸威慑").related
    assert g.get("军控").variant_of == "军备控制"


def test_search_matches_hanzi_pinyin_with_or_without_tones_and_english(library):
    g = library.glossary
    for query in (
        "延伸",
        "yanshen",
        "yánshēn",
        "yan2shen1",
        "Yanshen Weishe",
        "extended deterrence",
    ):
        assert "延伸威慑" in [t.hanzi for t in g.search(query)], query
    assert "战略稳定" in [t.hanzi for t in g.search("zhan4lve4")]
    assert fold_pinyin("zhànlüè wěndìng") == fold_pinyin("zhan4lu:e4 wen3ding4") == "zhanluewending"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads(tmp_path):
    g = load_glossary(write(tmp_path, ENTRY))
    term = g.get("战略稳定")
    assert term.english_verified and not term.russian_verified
    assert g.source("s1").title == "A source"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('pinyin = "zhànlüè wěndìng"\n', "", "entry 1 (战略稳定): field 'pinyin' is missing"),
        ('english = ["strategic stability"]', "english = []", "field 'english' must name at least"),
        ('category = "concept"', 'category = "thing"', "field 'category' must be one of"),
        (
            'definition = "Stability."',
            'definition = "Stability."\npos = "properNoun"',
            "field 'pos'",
        ),
        (
            'definition = "Stability."',
            'definition = "Stability."\ncolour = "red"',
            "'colour' is not a known",
        ),
        ('english_source = "s1"', 'english_source = "s2"', "names source 's2', which has no"),
        (
            'definition = "Stability."',
            'definition = "Stability."\nrelated = ["无"]',
            "refers to '无'",
        ),
    ],
)
def test_a_malformed_entry_names_file_line_entry_and_field(tmp_path, old, new, message):
    path = write(tmp_path, ENTRY.replace(old, new))
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    assert str(info.value).startswith(f"{path} line 5: ")
    assert message in str(info.value)


def test_broken_toml_names_the_line(tmp_path):
    path = write(tmp_path, ENTRY.replace('hanzi = "战略稳定"', 'hanzi = "战略稳定'))
    with pytest.raises(GlossaryError, match=rf"{path} line 6: not valid TOML"):
        load_glossary(path)


def test_a_duplicate_term_is_refused(tmp_path):
    path = write(tmp_path, ENTRY + "\n[[term]]" + ENTRY.split("[[term]]")[1])
    with pytest.raises(GlossaryError, match="listed twice"):
        load_glossary(path)


#: Curated pinyin that deliberately differs from CC-CEDICT's reading of the words, and why.
PINYIN_EXCEPTIONS = {
    "核战争打不赢也打不得": "打不赢 / 打不得 are verb-complement phrases read dǎ bù yíng, dǎ bu de;"
    " CC-CEDICT's 不得 bùdé is the modal 'must not'",
    "关切地指出": "地 is the adverbial particle de here, not dì 'earth'",
}


def _fold_with_tones(pinyin: str) -> str:
    return re.sub(r"[\s',，·\-]", "", unicodedata.normalize("NFC", pinyin.lower()))


def test_glossary_pinyin_agrees_with_cc_cedict_word_by_word(library):
    reader = PinyinReader(Dictionary())  # no curated readings: CC-CEDICT, then pypinyin
    differ = {}
    for term in library.glossary.terms:
        hanzi = "".join(re.findall(r"[\u4e00-\u9fff〇]", term.hanzi))
        if _fold_with_tones(reader.word(hanzi)) != _fold_with_tones(term.pinyin):
            differ[term.hanzi] = (term.pinyin, reader.word(hanzi))
    assert set(differ) == set(PINYIN_EXCEPTIONS), differ
