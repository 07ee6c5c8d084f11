"""The documents are the statements, every character kept, nothing added."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SEEDS

HAN = re.compile(r"[\u3400-\u9fff〇]")


def han(text: str) -> str:
    return "".join(HAN.findall(text))


def seed_statement(name: str, first: str, last: str) -> str:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    start = raw.index(first)
    end = raw.index(last, start) + len(last)
    return raw[start:end]


@pytest.fixture(scope="module")
def seeds_present() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"raw seed files not found at {SEEDS}")


def test_2016_han_characters_equal_the_statement_in_its_raw_file(library, seeds_present):
    raw = seed_statement(
        "004_5a4cbe5b5fced063.txt",
        "中华人民共和国主席和俄罗斯联邦总统关于加强",
        "二〇一六年六月二十五日于北京",
    )
    assert han(library.document("2016").text) == han(raw)


def test_2025_han_characters_equal_the_statement_in_its_raw_file(library, seeds_present):
    raw = (SEEDS / "000_2725c48a0feb6bcc.txt").read_text(encoding="utf-8")
    title = raw.splitlines()[0]
    body = raw[len(title) + 1 : raw.index("2025年5月8日于莫斯科") + len("2025年5月8日于莫斯科")]
    assert body.startswith(title), "the raw file's title line is doubled"
    assert han(library.document("2025").text) == han(body)


def test_each_document_runs_from_its_title_to_its_closing_line(library):
    d16, d25 = library.document("2016"), library.document("2025")
    assert d16.text.startswith(d16.title) and d25.text.startswith(d25.title)
    assert d16.text.endswith("二〇一六年六月二十五日于北京")
    assert d25.text.endswith("2025年5月8日于莫斯科")
    assert d25.text.count(d25.title) == 1, "the doubled title line is left out"


def test_nothing_from_the_pdf_page_or_the_web_page_leaks_in(library):
    d16, d25 = library.document("2016").text, library.document("2025").text
    for noise in ("GE.16", "谨此转交", "傅聪", "签名", "原件"):
        assert noise not in d16
    for noise in ("•", "偷星九月天", "比特币"):
        assert noise not in d25


def test_pdf_line_wraps_are_joined_inside_words(library):
    text = library.document("2016").text
    for word in (
        "担忧",
        "军技",
        "他国",
        "拥有",
        "系统",
        "武器",
        "裁军",
        "法律",
        "化学",
        "现实",
        "当代",
    ):
        assert word in text
    assert all(len(p.strip()) > 0 for p in text.split("\n"))


def test_paragraphs_and_list_items_are_as_in_the_original(library):
    d16 = library.document("2016")
    kinds = [p.kind for p in d16.paragraphs]
    assert kinds[0] == "title"
    items = [d16.paragraph_text(p) for p in d16.paragraphs if p.kind == "item"]
    assert [i[:5] for i in items] == ["在政治领域", "在军事领域"]
    assert len(d16.paragraphs) == 15
    assert len(library.document("2025").paragraphs) == 27


def test_metadata_records_the_facts_of_the_cover_letter(library):
    d16 = library.document("2016")
    assert (d16.date, d16.extra["letter"], d16.extra["reissued"]) == (
        "2016-06-25",
        "2016-07-13",
        "2016-09-26",
    )
    assert "Conference on Disarmament" in d16.source
    assert library.document("2025").date == "2025-05-08"
