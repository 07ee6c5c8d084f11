"""Every occurrence, exactly: counts equal a plain substring count."""

from __future__ import annotations

import pytest

TERMS = [
    "战略稳定", "全球战略稳定", "战略平衡", "延伸威慑", "核共享", "反导", "反导系统",
    "外空武器化", "军备竞赛", "军备控制", "军控", "裁军", "萨德", "岸基宙斯盾系统",
    "美国金穹", "不扩散核武器条约", "核武器国家", "非核武器国家", "双方", "重申",
    "关切", "谴责", "呼吁", "安全", "稳定", "国际安全", "前沿部署", "导弹", "外空",
    "平等且不可分割", "不可分割", "行为", "武器", "盟友", "联合声明", "中俄", "。",
]  # fmt: skip


@pytest.mark.parametrize("term", TERMS)
def test_counts_equal_a_plain_substring_count_in_each_document(library, term):
    counts = library.counts(term)
    occurrences = library.occurrences(term)
    for doc in library.documents:
        assert counts[doc.id] == doc.text.count(term)
        assert sum(o.document == doc.id for o in occurrences) == doc.text.count(term)


def test_strategic_stability_is_found_inside_longer_words_and_in_titles(library):
    occ = library.occurrences("战略稳定")
    for doc in library.documents:
        titles = [o for o in occ if o.document == doc.id and o.paragraph == 1]
        assert titles, f"title of {doc.id}"
        inside = [o for o in occ if doc.text[o.start - 2 : o.end] == "全球战略稳定"]
        assert inside
    assert len(occ) == 18


def test_an_occurrence_points_at_the_term_with_context_from_its_paragraph(library):
    for o in library.occurrences("延伸威慑"):
        doc = library.document(o.document)
        assert doc.text[o.start : o.end] == "延伸威慑" == o.match
        assert o.context.replace("…", "") in doc.paragraph_text(doc.paragraphs[o.paragraph - 1])
        assert o.left and o.right


def test_an_absent_term_has_zero_counts(library):
    assert library.counts("量子") == {"2016": 0, "2025": 0}


def test_occurrences_index_like_a_list_across_documents(library):
    found = library.occurrences("战略稳定")
    every = list(found)
    assert len(every) == len(found) == 18
    assert found[-1] == every[-1] and found[6] == every[6] and found[6].document == "2025"
    assert found[5:8] == every[5:8]
    with pytest.raises(IndexError):
        found[18]
    tokens = library.tokens("2016")
    assert tokens[-1].end == len(library.document("2016").text)
    assert [t.text for t in tokens[:3]] == [t.text for t in list(tokens)[:3]]
