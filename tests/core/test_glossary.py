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
        "国际社会", "核武器", "防止外空军备竞赛", "使用或威胁使用武力", "五个核武器国家领导人关于防止核战争与避免军备竞赛的联合声明",
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


def test_a_former_name_is_not_recorded_as_a_variant(library):
    g = library.glossary
    iron_dome = g.get("铁穹")
    assert iron_dome.former_name_of == "美国金穹" and not iron_dome.variant_of
    assert g.former_names("美国金穹") == ["铁穹"]
    assert "曾为‘铁穹’" in library.document("2025").text  # the text itself calls it former


def test_the_p5_statement_has_its_official_title_not_a_headline(library):
    term = library.glossary.get("五个核武器国家领导人关于防止核战争与避免军备竞赛的联合声明")
    assert term.english[0] == (
        "Joint Statement of the Leaders of the Five Nuclear-Weapon States on Preventing Nuclear"
        " War and Avoiding Arms Races"
    )
    assert term.category == "document"
    assert not any("вепонизац" in r for t in library.glossary.terms for r in t.russian)


_NUMBERS = {"once": 1, "twice": 2, "thrice": 3, "one": 1, "two": 2, "three": 3, "four": 4,
            "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_CHINESE_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                    "八": 8, "九": 9, "十": 10}  # fmt: skip
#: "twice", "three times", "6 times", "3 occurrences", "两次", optionally "in 2016" / "each"
_COUNT = re.compile(
    r"(?:(?<![a-z0-9])(?:(once|twice|thrice)|(\d+|one|two|three|four|five|six|seven|eight|nine"
    r"|ten)\s+(?:times|occurrences))|(?<!第)([一两二三四五六七八九十])次)"
    r"(?:\s+(in (2016|2025)|each))?",
    re.IGNORECASE,
)


def note_counts(note: str) -> list[tuple[int, str]]:
    """Every count a note states, with the scope it applies to: a year, 'each', or ''."""
    found = []
    for match in _COUNT.finditer(note):
        word, number, chinese, _, year = match.groups()
        if word or number:
            value = (
                int(number) if number and number.isdigit() else _NUMBERS[(word or number).lower()]
            )
        else:
            value = _CHINESE_NUMBERS[chinese]
        scope = year or ("each" if match.group(4) == "each" else "")
        found.append((value, scope))
    return found


def test_note_counts_are_parsed_with_their_scope():
    assert note_counts("2025 only (three times).") == [(3, "")]
    assert note_counts("Both statements (twice in 2016, once in 2025)") == [
        (2, "2016"),
        (1, "2025"),
    ]
    assert note_counts("(6 times); 3 occurrences in 2016; 出现两次; twice each") == [
        (6, ""), (3, "2016"), (2, ""), (2, "each"),
    ]  # fmt: skip
    assert note_counts("第一次 is not a count") == []


def test_every_number_written_in_a_note_agrees_with_the_texts(library):
    """A count without a year applies to the statement named by '2016 only' / '2025 only' at
    the start of the note, otherwise to both together; 'each' to both, one by one."""
    wrong = {}
    for t in library.glossary.terms:
        counts = library.counts(t.hanzi)
        only = re.match(r"(2016|2025) only", t.note)
        for value, scope in note_counts(t.note):
            if scope == "each":
                actual = [counts["2016"], counts["2025"]]
                expected = [value, value]
            else:
                actual = [counts[scope or only.group(1)] if scope or only else sum(counts.values())]
                expected = [value]
            if actual != expected:
                wrong[t.hanzi] = (t.note, dict(counts))
    assert wrong == {}


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
        (
            'definition = "Stability."',
            'definition = "Stability."\nformer_name_of = "战略稳定"',
            "refers to itself",
        ),
        (
            'definition = "Stability."',
            'definition = "Stability."\nvariant_of = "战略稳定"\nformer_name_of = "战略稳定"',
            "not both",
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
    "为借口": "in 以……为借口 为 is the verb wéi 'take as'; the dictionaries' first reading is wèi",
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


def test_the_card_links_a_former_name_and_the_current_one(library):
    from reader.core.card import details_html

    old = details_html(library.lookup("铁穹"), library.glossary, tone_colours=False)
    new = details_html(library.lookup("美国金穹"), library.glossary, tone_colours=False)
    assert '<b>Former name of:</b> <a href="term:美国金穹">' in old and "Full form" not in old
    assert '<b>Formerly:</b> <a href="term:铁穹">' in new


def test_every_source_is_cited_by_an_entry(library):
    """A [source] nobody cites is either a leftover or a citation that lost its entry."""
    g = library.glossary
    cited = {key for t in g.terms for key in (t.english_source, t.russian_source)}
    mentioned = " ".join(t.note + " " + t.definition for t in g.terms)
    assert [key for key in g.sources if key not in cited and key not in mentioned] == []
