"""The library as the window and the CLI use it: look-ups, and a cache that is never stale."""

from __future__ import annotations

import pytest

from reader.core.errors import TermNotFoundError, UnknownDocumentError
from reader.core.library import Library


def test_a_glossary_term_is_looked_up_with_its_curated_data(library):
    result = library.lookup("延伸威慑")
    assert result.source == "glossary"
    assert result.pinyin == "yánshēn wēishè"
    assert result.english == ("extended deterrence",)
    assert result.counts == {"2016": 0, "2025": 1}


def test_another_word_gets_its_dictionary_entries(library):
    result = library.lookup("行为")
    assert result.source == "cc-cedict"
    assert "conduct" in result.definitions and result.pinyin == "xíngwéi"


def test_a_term_found_nowhere_is_an_error(library):
    with pytest.raises(TermNotFoundError, match="'量子纠缠态X' is not in the documents"):
        library.lookup("量子纠缠态X")


def test_an_unknown_document_names_the_known_ones(library):
    with pytest.raises(UnknownDocumentError, match="no document with id '1999'.*2016, 2025"):
        library.document("1999")


def test_a_broken_file_is_reported_and_the_rest_still_opens(data_copy):
    (data_copy / "texts" / "2016.txt").write_bytes(b"\xff not utf-8")
    lib = Library.open(
        texts=data_copy / "texts", glossary=data_copy / "resources" / "glossary.toml"
    )
    assert lib.document_ids() == ["2025"]
    assert "2016.txt" in str(lib.problems[0]) and "UTF-8" in str(lib.problems[0])


def test_a_changed_text_or_glossary_is_never_served_from_a_stale_cache(data_copy, tmp_path):
    cache = tmp_path / "cache"
    texts, glossary = data_copy / "texts", data_copy / "resources" / "glossary.toml"
    first = Library.open(texts=texts, glossary=glossary, cache_folder=cache)
    assert "延伸威慑" in [t.text for t in first.tokens("2025")]
    path = texts / "2025.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("延伸威慑", "延伸威懾"), encoding="utf-8"
    )
    second = Library.open(texts=texts, glossary=glossary, cache_folder=cache)
    assert "延伸威慑" not in [t.text for t in second.tokens("2025")]
    text = glossary.read_text(encoding="utf-8").replace('hanzi = "核共享"', 'hanzi = "核共"')
    glossary.write_text(text.replace('"核共享"', '"核共"'), encoding="utf-8")
    third = Library.open(texts=texts, glossary=glossary, cache_folder=cache)
    assert "核共" in [t.text for t in third.tokens("2025")]
