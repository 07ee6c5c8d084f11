"""Words: glossary terms whole, no absurd cuts, every character covered."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import SegmentationFileError
from reader.core.segment import SegmentationRules, Segmenter, load_rules
from tests.conftest import ROOT


def texts(library, doc_id):
    return [t.text for t in library.tokens(doc_id)]


@pytest.mark.parametrize("doc_id", ["2016", "2025"])
def test_tokens_in_order_cover_the_document_exactly(library, doc_id):
    tokens = library.tokens(doc_id)
    assert "".join(t.text for t in tokens) == library.document(doc_id).text
    assert all(a.end == b.start for a, b in zip(tokens, tokens[1:], strict=False))


def test_2016_keeps_strategic_stability_whole_and_has_no_sexual_behaviour(library):
    words = texts(library, "2016")
    assert "全球战略稳定" in words and "战略稳定" in words
    assert "全球战略" not in words
    assert "性行为" not in words
    assert "行为" in words and "非建设性" in words


def test_every_glossary_term_comes_out_as_one_token_where_it_stands_alone(library):
    for doc in library.documents:
        words = set(texts(library, doc.id))
        for term in library.glossary.terms:
            if term.hanzi in doc.text and not any(
                term.hanzi in other.hanzi and other.hanzi != term.hanzi and other.hanzi in doc.text
                for other in library.glossary.terms
            ):
                assert term.hanzi in words, (doc.id, term.hanzi)


def test_the_editable_split_list_is_obeyed(library):
    rules = load_rules(ROOT / "resources" / "segmentation.toml")
    assert "性行为" in rules.split
    for doc in library.documents:
        assert not set(rules.split) & set(texts(library, doc.id))


def test_plain_jieba_would_cut_wrongly_so_the_rules_matter():
    plain = Segmenter([], SegmentationRules())
    words = [t.text for t in plain.segment("单方面发展并在世界各地部署战略反导系统的非建设性行为")]
    assert "性行为" in words  # what the segmentation file exists to prevent


def test_a_click_resolves_to_the_longest_glossary_term_then_the_word_then_the_character(library):
    text = library.document("2016").text
    at = text.index("全球战略稳定") + 2  # the 战 of 战略
    span = library.word_at("2016", at)
    assert (span.text, span.kind) == ("全球战略稳定", "term")
    at = text.index("单方面")
    assert library.word_at("2016", at).text == "单方面"
    assert library.word_at("2016", text.index("，")).kind == "word"
    assert library.word_at("2016", len(text)) is None


def test_a_malformed_segmentation_file_is_named(tmp_path: Path):
    path = tmp_path / "segmentation.toml"
    path.write_text('add = "not a list"\n', encoding="utf-8")
    with pytest.raises(SegmentationFileError, match=f"{path}: 'add' must be a list"):
        load_rules(path)


def test_words_the_dictionary_knows_are_not_cut(library):
    for doc_id in ("2016", "2025"):
        words = texts(library, doc_id)
        assert words.count("国际社会") == library.document(doc_id).text.count("国际社会") > 2
        assert "社会" not in words  # a click on 社会 would show 'society'
    assert "国家安全" in texts(library, "2016")  # CC-CEDICT's, not a glossary term


def test_phrases_the_dictionary_does_not_know_are_cut_into_its_words(library):
    words = texts(library, "2025")
    assert "严重破坏" not in words and ["严重", "破坏", "。"] in _windows(words, 3)
    assert "履行义务" not in words and "义务" in words
    assert "非核武器" in words  # kept whole by the editable add list, not cut by the pass


def test_the_ling_of_a_year_stays_inside_its_word(library):
    words = texts(library, "2016")
    assert "二〇一六年" in words
    assert "〇" not in words and "六年" not in words


def test_the_dictionary_join_obeys_the_split_list():
    known = {"在此", "基础", "国际社会"}.__contains__
    text = "在此基础上与国际社会"
    joined = Segmenter([], SegmentationRules(), in_dictionary=known)
    assert "国际社会" in [t.text for t in joined.segment(text)]
    kept_apart = Segmenter([], SegmentationRules(split=("在此",)), in_dictionary=known)
    assert "在此" not in [t.text for t in kept_apart.segment(text)]
    unjoined = Segmenter([], SegmentationRules(), in_dictionary=lambda word: False)
    assert "国际社会" not in [t.text for t in unjoined.segment(text)]


def _windows(words, size):
    return [words[i : i + size] for i in range(len(words) - size + 1)]
