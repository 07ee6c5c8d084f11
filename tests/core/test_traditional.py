"""A statement in traditional characters reads like the simplified one: looked up, counted
together with it, cut into words by CC-CEDICT's traditional headwords, marked with its script."""

from __future__ import annotations

import pytest

from reader.core.importing.store import import_path
from reader.core.library import Library
from reader.core.scripts import fold
from tests.samples import body


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    import opencc

    folder = tmp_path_factory.mktemp("trad")
    source = folder / "2025 (Hong Kong).txt"
    source.write_text(opencc.OpenCC("s2hk").convert(body("2025")), encoding="utf-8")
    lib = Library.open(user_folder=folder / "documents")
    import_path(lib, source, doc_id="hk")
    return lib


def test_either_script_finds_both_counted_together(library):
    simplified, traditional = library.lookup("战略稳定"), library.lookup("戰略穩定")
    assert simplified.counts == traditional.counts
    assert simplified.counts["hk"] == simplified.counts["2025"] == 12
    assert simplified.total == sum(simplified.counts.values())
    assert traditional.glossary is not None and traditional.english == ("strategic stability",)


def test_each_occurrence_is_marked_with_its_script_and_shows_its_own_characters(library):
    occurrences = list(library.lookup("战略稳定").occurrences)
    hk = [o for o in occurrences if o.document == "hk"]
    assert {o.script for o in hk} == {"traditional"} and {o.match for o in hk} == {"戰略穩定"}
    others = [o for o in occurrences if o.document != "hk"]
    assert {o.script for o in others} == {"simplified"} and {o.match for o in others} == {
        "战略稳定"
    }


def test_a_traditional_text_is_cut_into_words_with_terms_and_dictionary_entries(library):
    words = [t.text for t in library.tokens("hk")]
    assert "戰略穩定" in words or "全球戰略穩定" in words
    assert "聯合聲明" in words
    span = library.word_at("hk", library.document("hk").text.index("聯合聲明"))
    assert span is not None and span.text == "聯合聲明"
    entry = library.lookup("聯合聲明")
    assert entry.pinyin == "liánhé shēngmíng"
    assert any(e.traditional == "聯合聲明" for e in entry.entries)


def test_glossary_terms_are_found_under_the_mouse_in_traditional_text(library):
    offset = library.document("hk").text.index("戰略穩定")
    span = library.term_at("hk", offset)
    assert span is not None and library.document("hk").text[span.start : span.end].endswith(
        "戰略穩定"
    )


def test_folding_keeps_length_and_leaves_simplified_text_alone(library):
    for document in library.documents:
        assert len(fold(document.text)) == len(document.text)
    assert fold(library.document("2016").text) == library.document("2016").text


def test_simplified_texts_never_load_opencc_once_its_list_is_cached(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys\n"
        "from reader.core.library import Library\n"
        "lib = Library.open()\n"
        "assert lib.terms_between('2016', 0, 200) and lib.counts('战略稳定')['2016'] == 6\n"
        "print('opencc' in sys.modules)\n"
    )
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env
        )
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["True", "False"], [r.stderr for r in runs]
