"""Term candidates look like a translator's list: domain words and recurring set phrases of
the document, none already a term, none everyday vocabulary."""

from __future__ import annotations

import json

from reader.cli import main
from reader.core.candidates import candidates
from reader.core.library import Library
from reader.core.store import Store


def test_2025_candidates_are_domain_words_and_set_phrases(library):
    found = candidates(library, "2025", 20)
    words = [c.hanzi for c in found]
    for expected in ("外空", "他国", "军事设施", "武装冲突", "多边", "周年之际"):
        assert expected in words, words
    for everyday in ("安全", "国家", "我们", "进一步", "以及"):
        assert everyday not in words
    text = library.document("2025").text
    for c in found:
        assert c.hanzi not in library.glossary and len(c.hanzi) >= 2
        assert c.count == text.count(c.hanzi) >= 1
        assert c.count >= 2 or (len(c.hanzi) >= 3 and c.kind == "word")  # once: only rare words
        assert c.pinyin == library.pinyin(c.hanzi)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_a_candidate_added_to_the_glossary_leaves_the_list(tmp_path):
    lib = Library.open(store=Store.open(tmp_path / "reader.sqlite3"))
    assert "地区安全" in [c.hanzi for c in candidates(lib, "2025")]
    lib.set_term("地区安全")
    assert "地区安全" not in [c.hanzi for c in candidates(lib, "2025")]


def test_cli_candidates_json(capsys):
    assert main(["candidates", "2025", "--json", "--limit", "5"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5 and {"term", "pinyin", "count", "kind", "score"} <= set(rows[0])
    assert main(["candidates", "2099"]) == 2
