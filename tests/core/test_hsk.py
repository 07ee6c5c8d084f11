"""HSK 3.0 levels as a learner sees them on the card and in ``lookup --json``."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.core.hsk import hsk_label, hsk_level


@pytest.mark.parametrize(
    ("word", "level"),
    # Spot checks against GF0025-2021: level-1 words, middle levels, the 7-9 band.
    [("爱", 1), ("国家", 1), ("安全", 2), ("合作", 3), ("稳定", 4), ("战略", 6), ("核武器", 7)],
)
def test_levels_follow_the_2021_grading_standard(word, level):
    assert hsk_level(word) == level


def test_a_word_outside_the_standard_has_no_level():
    assert hsk_level("战略稳定") is None and hsk_level("延伸威慑") is None
    assert hsk_label(None) == "" and hsk_label(7) == "HSK 7-9" and hsk_label(4) == "HSK 4"


def test_lookup_json_gives_the_level_or_null(capsys):
    assert main(["lookup", "稳定", "核武器", "延伸威慑", "--json"]) == 0
    levels = {item["term"]: item["hsk"] for item in json.loads(capsys.readouterr().out)}
    assert levels == {"稳定": 4, "核武器": 7, "延伸威慑": None}


def test_the_card_and_the_hover_show_the_level_of_a_listed_word(library):
    from reader.core.card import details_html, hover_html

    card = details_html(library.lookup("稳定"), library.glossary, tone_colours=False)
    assert "wěndìng" in card and "HSK 4" in card
    assert "HSK" not in details_html(library.lookup("延伸威慑"), library.glossary, False)
    assert "HSK 7-9" in hover_html(library.lookup("核武器"))
    hover = hover_html(library.lookup("战略"))
    assert "zhànlüè" in hover and "HSK 6" in hover and "strategy" in hover
