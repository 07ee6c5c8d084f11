"""What the card, the hover and "Copy equivalents" say, checked without a screen."""

from __future__ import annotations

from reader.core.card import equivalents_text, first_gloss, hover_html, main_first
from reader.core.dictionary import DictionaryEntry
from reader.core.library import Lookup
from reader.core.report import citation


def test_copy_equivalents_marks_only_the_unverified_lines(library):
    glossary = library.glossary
    verified = next(
        t for t in glossary.terms if citation(glossary, t.english_source) != "unverified"
    )
    text = equivalents_text(library.lookup(verified.hanzi), glossary)
    english = text.split("\n")[0]
    assert english == "; ".join(verified.english)
    assert equivalents_text(library.lookup("单方面"), glossary) == "", "not a glossary term"


def test_a_common_reading_comes_before_a_proper_noun_with_more_senses():
    name = DictionaryEntry("于", "于", "Yu2", ("surname Yu", "a place", "another place"))
    common = DictionaryEntry("于", "于", "yu2", ("in; at", "to; toward"))
    assert main_first((name, common)) == [common, name]
    short = DictionaryEntry("于", "于", "yu2", ("to go",))
    assert main_first((short, common)) == [common, short], "then the entry with more senses"


def test_hover_has_no_gloss_line_when_nothing_is_known(library):
    bare = Lookup("乂乂", "yìyì", "text", None, (), library.occurrences("乂乂"))
    assert first_gloss(bare) == ""
    assert hover_html(bare) == "<b>乂乂</b> yìyì"
    assert hover_html(library.lookup("单方面")).endswith("<br>unilateral")


def test_a_find_result_knows_the_place_of_each_hit(library):
    group = library.find_text("lingyu").occurrences.by_document[0]
    spans = group.spans()
    start, end = spans[2]
    assert group.position(start, end) == 2
    assert group.position(start, end + 1) == -1 and group.position(start + 1, end) == -1
    term_group = library.occurrences("领域").by_document[0]
    assert term_group.position(start, end) == 2 and term_group.position(start, end + 1) == -1
