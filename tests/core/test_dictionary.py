"""CC-CEDICT from the package's data file, indexed once and rebuilt when the source changes."""

from __future__ import annotations

import gzip
from pathlib import Path

from reader.core.dictionary import Dictionary, cedict_metadata, cedict_source


def test_all_entries_of_a_headword_are_kept_with_every_sense():
    d = Dictionary()
    readings = {e.pinyin for e in d.entries("行")}
    assert {"xíng", "háng"} <= readings
    (entry,) = d.entries("重申")
    assert entry.pinyin == "chóngshēn" and "to reaffirm" in entry.definitions


def test_traditional_headwords_are_found_too():
    assert [e.simplified for e in Dictionary().entries("戰略")] == ["战略"]


def test_the_data_is_the_packaged_cc_cedict():
    meta = cedict_metadata(cedict_source())
    assert meta["publisher"] == "MDBG"
    assert "creativecommons.org/licenses/by-sa/4.0" in meta["license"]


def fake_source(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("# test\n" + "\n".join(lines) + "\n")
    return path


def test_the_index_is_built_once_and_rebuilt_when_the_source_changes(tmp_path):
    cache = tmp_path / "cache"
    source = fake_source(tmp_path / "c.gz", ["測試 测试 [ce4 shi4] /test/"])
    assert Dictionary(source, cache).entries("测试")[0].definitions == ("test",)
    built = list(cache.glob("cedict-*.sqlite3"))
    assert len(built) == 1
    Dictionary(source, cache).entries("测试")
    assert list(cache.glob("cedict-*.sqlite3")) == built
    fake_source(source, ["測試 测试 [ce4 shi4] /exam/"])
    assert Dictionary(source, cache).entries("测试")[0].definitions == ("exam",)


def test_the_index_can_be_built_on_a_worker_thread_and_lookups_wait_for_it(tmp_path):
    source = fake_source(tmp_path / "c.gz", ["戰略 战略 [zhan4 lu:e4] /strategy/"])
    dictionary = Dictionary(source, tmp_path / "cache")
    dictionary.prepare_in_background()
    assert dictionary.entries("战略")[0].pinyin == "zhànlüè"
    assert len(list((tmp_path / "cache").glob("cedict-*.sqlite3"))) == 1
