"""Comparing the two statements: paragraph links a reader agrees with, the term table, JSON."""

from __future__ import annotations

import pytest

from reader.core.compare import compare, with_min_run
from reader.core.errors import UnknownDocumentError


@pytest.fixture(scope="module")
def comparison(library):
    return compare(library, "2016", "2025")


def linked(comparison) -> set[tuple[int, int]]:
    return {(link.a, link.b) for link in comparison.links.links}


def test_carried_over_passages_are_linked(comparison):
    # Titles; outer space and the PPWT draft; arms control as a means of security; chemical
    # and biological terrorism and a convention at the Conference on Disarmament; the closing.
    for pair in [(1, 1), (8, 11), (9, 18), (10, 23), (15, 27)]:
        assert pair in linked(comparison), pair


def test_restated_matter_is_linked(comparison):
    # Missile defence (2016 ¶5 -> 2025 ¶14); dialogue and trust (¶13 -> ¶4); at the expense
    # of others' security (¶3 -> ¶3); deployments abroad and long-range precision strike
    # (¶6, ¶7 -> ¶8); weaponisation of outer space (¶8 -> ¶10, the "Golden Dome" in space).
    for pair in [(5, 14), (13, 4), (3, 3), (6, 8), (7, 8), (8, 10)]:
        assert pair in linked(comparison), pair


def test_titles_link_only_to_titles(comparison):
    assert all((link.a == 1) == (link.b == 1) for link in comparison.links.links)


def test_unmatched_paragraphs_are_new_or_dropped(comparison):
    a_linked = {link.a for link in comparison.links.links}
    b_linked = {link.b for link in comparison.links.links}
    assert set(comparison.links.dropped) == set(range(1, 16)) - a_linked
    assert set(comparison.links.new) == set(range(1, 28)) - b_linked
    assert 11 in comparison.links.dropped  # 2016's "broader view of strategic stability"
    assert 12 in comparison.links.new or 12 in b_linked
    assert 21 in comparison.links.new  # AI in military use: new in 2025


def test_term_shift_counts_as_lookup_does(library, comparison):
    by_term = {t.term: t for t in comparison.terms}
    for term, shift in by_term.items():
        counts = library.counts(term)
        assert (shift.a, shift.b) == (counts.get("2016", 0), counts.get("2025", 0))
        assert shift.a + shift.b > 0
    stability = by_term["战略稳定"]
    assert stability.rate_a == round(stability.a * 10_000 / len(comparison.a.text), 2)
    assert stability.change == round(stability.rate_b - stability.rate_a, 2)
    assert by_term["延伸威慑"].where == "b"


def test_json_shape_uses_lookup_paragraph_numbers(comparison):
    data = comparison.to_dict()
    assert set(data) >= {"shared", "paragraphs", "terms"}
    run = data["shared"][0]
    assert set(run) == {"a_start", "a_end", "b_start", "b_end", "text"}
    assert comparison.a.text[run["a_start"] : run["a_end"]] == run["text"]
    assert any(p["a"] == p["b"] == 1 and p["score"] > 0.5 for p in data["paragraphs"])
    assert {"a": 11, "b": None, "score": 0.0} in data["paragraphs"]
    assert set(data["terms"][0]) >= {"term", "a", "b", "rate_a", "rate_b"}


def test_changing_n_keeps_terms_and_changes_runs(library, comparison):
    wider = with_min_run(library, comparison, 4)
    assert wider.terms == comparison.terms
    assert len(wider.shared.runs) > len(comparison.shared.runs)


def test_unknown_document_is_a_reader_error(library):
    with pytest.raises(UnknownDocumentError, match="2099"):
        compare(library, "2016", "2099")
