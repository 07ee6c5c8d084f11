"""Shared wording matches its definition exactly: against brute force, on the real statements
and on random strings (hypothesis), for every N the window offers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.shared import SharedWording, places, shared_wording


def brute_force_pairs(a: str, b: str, n: int) -> tuple[list[bool], list[bool], set[tuple]]:
    """Every start in A against every start in B: the literal definition, O(|A||B|)."""
    in_a, in_b, mems = [False] * len(a), [False] * len(b), set()
    for i in range(len(a)):
        for j in range(len(b)):
            size = 0
            while (
                i + size < len(a)
                and j + size < len(b)
                and a[i + size] == b[j + size]
                and a[i + size] != "\n"
            ):
                size += 1
            if size >= n:
                in_a[i : i + size] = [True] * size
                in_b[j : j + size] = [True] * size
                if i == 0 or j == 0 or a[i - 1] != b[j - 1] or a[i - 1] == "\n":
                    mems.add((i, j, size))
    return in_a, in_b, mems


def brute_force_windows(a: str, b: str, n: int) -> tuple[list[bool], list[bool]]:
    """A character is shared iff some length-n window over it (within a paragraph) stands in
    the other text (within a paragraph): every run of >= n is a chain of such windows."""

    def windows(text: str) -> set[str]:
        return {text[i : i + n] for i in range(len(text) - n + 1) if "\n" not in text[i : i + n]}

    def shade(text: str, other: set[str]) -> list[bool]:
        marks = [False] * len(text)
        for i in range(len(text) - n + 1):
            if text[i : i + n] in other:
                marks[i : i + n] = [True] * n
        return marks

    return shade(a, windows(b)), shade(b, windows(a))


def marks(spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], size: int) -> list[bool]:
    result = [False] * size
    for start, end in spans:
        result[start:end] = [True] * (end - start)
    return result


def check_runs(result: SharedWording, a: str, b: str) -> None:
    """Every listed run is a maximal exact match within paragraphs, and together the runs
    cover exactly the shaded characters of each side."""
    for run in result.runs:
        assert a[run.a_start : run.a_end] == b[run.b_start : run.b_end] == run.text
        assert len(run) >= result.min_run and "\n" not in run.text
        left_open = run.a_start and run.b_start and a[run.a_start - 1] == b[run.b_start - 1]
        assert not left_open or a[run.a_start - 1] == "\n"
        right_open = run.a_end < len(a) and run.b_end < len(b) and a[run.a_end] == b[run.b_end]
        assert not right_open or a[run.a_end] == "\n"
    assert marks([(r.a_start, r.a_end) for r in result.runs], len(a)) == marks(
        result.a_spans, len(a)
    )
    assert marks([(r.b_start, r.b_end) for r in result.runs], len(b)) == marks(
        result.b_spans, len(b)
    )


@pytest.mark.parametrize("n", [4, 8, 13, 30])
def test_statements_shading_matches_brute_force(library, n):
    a, b = library.document("2016").text, library.document("2025").text
    result = shared_wording(a, b, n)
    expected_a, expected_b = brute_force_windows(a, b, n)
    assert marks(result.a_spans, len(a)) == expected_a
    assert marks(result.b_spans, len(b)) == expected_b
    check_runs(result, a, b)


def test_statements_carried_over_sentence_is_one_run(library):
    """2016 ¶9 opens with a sentence that 2025 ¶18 repeats word for word."""
    a, b = library.document("2016"), library.document("2025")
    sentence = "军备控制是加强国际安全与稳定的重要手段"
    runs = [r for r in shared_wording(a.text, b.text, 8).runs if r.text == sentence]
    assert len(runs) == 1
    assert a.paragraph_at(runs[0].a_start).number == 9
    assert b.paragraph_at(runs[0].b_start).number == 18


def test_nothing_shared_below_n_and_newlines_never_join(library):
    result = shared_wording("甲乙丙丁\n戊己", "丙丁\n戊己甲乙", 3)
    assert result.runs == () and result.a_spans == () and result.b_spans == ()
    assert shared_wording("", "abc", 1).runs == ()


def test_places_finds_every_standing_of_a_run():
    assert places("abcabcab", "abcab") == [0, 3]


text = st.text(alphabet="ab\nc", max_size=40)


@settings(max_examples=300, deadline=None)
@given(a=text, b=text, n=st.integers(min_value=1, max_value=6))
def test_random_strings_match_brute_force(a, b, n):
    result = shared_wording(a, b, n)
    in_a, in_b, mems = brute_force_pairs(a, b, n)
    assert marks(result.a_spans, len(a)) == in_a
    assert marks(result.b_spans, len(b)) == in_b
    assert {(r.a_start, r.b_start, len(r)) for r in result.runs} <= mems
    check_runs(result, a, b)


@settings(max_examples=100, deadline=None)
@given(
    a=st.text(alphabet="战略稳定，。\n安全", min_size=1, max_size=60),
    b=st.text(alphabet="战略稳定，。\n平衡", min_size=1, max_size=60),
    n=st.integers(min_value=2, max_value=8),
)
def test_random_chinese_strings_match_brute_force(a, b, n):
    result = shared_wording(a, b, n)
    in_a, in_b, _ = brute_force_pairs(a, b, n)
    assert marks(result.a_spans, len(a)) == in_a
    assert marks(result.b_spans, len(b)) == in_b
    check_runs(result, a, b)
