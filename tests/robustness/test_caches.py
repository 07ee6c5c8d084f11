"""Caches verify before they serve, rebuild when damaged, never execute, and degrade to
"uncached" when their folder is unusable. Each case damages a real, fully built cache and runs
the real CLI on it: the answer must be the right one, with at most a one-line note."""

from __future__ import annotations

import json
import os
import pickle
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.cache import store_verified
from tests.robustness.conftest import ROOT, TERM, one, reader


@pytest.fixture(scope="module")
def expected(built_cache: Path) -> dict[str, str]:
    """What a healthy cache answers."""
    return {
        "lookup": reader("lookup", TERM, cache=built_cache).stdout,
        "segment": reader("segment", "2016", cache=built_cache).stdout,
        "行": reader("lookup", "行", cache=built_cache).stdout,
    }


def _notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line]


def _header_key(path: Path) -> str:
    return path.read_bytes().split(b"\n", 1)[0].split(b" ")[2].decode()


# -- the glossary cache ---------------------------------------------------------------------


class _Plant:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, (f"touch {os.environ['PLANT_SENTINEL']}",))


def test_a_planted_pickle_is_never_executed(cache: Path, tmp_path: Path, expected) -> None:
    sentinel = tmp_path / "executed"
    os.environ["PLANT_SENTINEL"] = str(sentinel)
    payload = pickle.dumps(_Plant())
    glossary = one(cache, "glossary-*.json")
    for name in (glossary.name, glossary.with_suffix(".pickle").name, "glossary.pickle"):
        (cache / name).write_bytes(payload)
    result = reader("lookup", TERM, cache=cache)
    assert result.returncode == 0 and result.stdout == expected["lookup"]
    assert not sentinel.exists()


def test_a_glossary_cache_with_a_wrong_checksum_is_rebuilt(cache: Path, expected) -> None:
    glossary = one(cache, "glossary-*.json")
    glossary.write_bytes(glossary.read_bytes().replace("战略稳定".encode(), "战术稳定".encode()))
    result = reader("lookup", TERM, cache=cache)
    assert result.stdout == expected["lookup"]
    assert _notes(result.stderr) == [
        f"reader: note: cache file {glossary.name} was damaged; rebuilding it"
    ]
    assert reader("lookup", TERM, cache=cache).stderr == ""  # rebuilt, so quiet next time


def test_a_forged_glossary_cache_with_the_right_checksum_but_wrong_types_is_rebuilt(
    cache: Path, expected
) -> None:
    glossary = one(cache, "glossary-*.json")
    key = _header_key(glossary)
    store_verified(glossary, key, json.dumps({"sources": [], "terms": [{"hanzi": 1}]}).encode())
    result = reader("lookup", TERM, cache=cache)
    assert result.stdout == expected["lookup"] and "rebuilding" in result.stderr


def test_a_deeply_nested_glossary_cache_is_rebuilt(cache: Path, expected) -> None:
    glossary = one(cache, "glossary-*.json")
    store_verified(glossary, _header_key(glossary), b"[" * 100_000 + b"]" * 100_000)
    result = reader("lookup", TERM, cache=cache)
    assert result.stdout == expected["lookup"]


@pytest.mark.parametrize("seed", range(8))
def test_randomly_damaged_glossary_caches_never_serve_wrong_data(
    cache: Path, expected, seed: int
) -> None:
    glossary = one(cache, "glossary-*.json")
    data = bytearray(glossary.read_bytes())
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 5)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    glossary.write_bytes(bytes(data))
    assert reader("lookup", TERM, cache=cache).stdout == expected["lookup"]


# -- the CC-CEDICT index --------------------------------------------------------------------


def _index(cache: Path) -> Path:
    return one(cache, "cedict-*.sqlite3")


@pytest.fixture(scope="module")
def small_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few real CC-CEDICT lines (every entry of 行, 战略 and 稳定), so that damaging and
    rebuilding an index takes milliseconds; the real index is damaged by the CLI cases."""
    import gzip

    from reader.core.dictionary import cedict_source

    wanted = ("行 ", "戰略 ", "穩定 ")
    with gzip.open(cedict_source(), "rt", encoding="utf-8") as handle:
        lines = [line for line in handle if line.startswith("#") or line.startswith(wanted)]
    path = tmp_path_factory.mktemp("small-cedict") / "cedict.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(lines)
    return path


def _small_index(source: Path, folder: Path) -> Path:
    from reader.core.dictionary import Dictionary

    dictionary = Dictionary(source, folder)
    assert len(dictionary.entries("行")) >= 2
    dictionary.close()
    return _index(folder)


def _answers(source: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What a fresh Dictionary over the (damaged) index says, and that it said one note."""
    from reader.core.dictionary import Dictionary

    capsys.readouterr()
    dictionary = Dictionary(source, folder)
    answers = [e.pinyin_numbered + str(e.definitions) for e in dictionary.entries("行")]
    assert "稳定" in dictionary and "稳定X" not in dictionary
    dictionary.close()
    notes = capsys.readouterr().err.splitlines()
    assert len(notes) == 1 and "was damaged; rebuilding it" in notes[0], notes
    return answers


@pytest.fixture(scope="module")
def right_answers(small_source: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    from reader.core.dictionary import Dictionary

    dictionary = Dictionary(small_source, tmp_path_factory.mktemp("right"))
    return [e.pinyin_numbered + str(e.definitions) for e in dictionary.entries("行")]


def test_a_truncated_real_index_is_rebuilt_by_the_cli(cache: Path, expected) -> None:
    index = _index(cache)
    os.truncate(index, 5_000_000)
    result = reader("lookup", "行", cache=cache)
    assert result.returncode == 0 and result.stdout == expected["行"]
    assert _notes(result.stderr) == [
        f"reader: note: cache file {index.name} was damaged; rebuilding it"
    ]
    assert reader("lookup", "行", cache=cache).stderr == ""


@pytest.mark.parametrize("fraction", [0, 0.01, 0.3, 0.5, 0.99])
def test_a_truncated_index_is_rebuilt(
    small_source, right_answers, tmp_path: Path, capsys, fraction: float
) -> None:
    index = _small_index(small_source, tmp_path)
    os.truncate(index, int(index.stat().st_size * fraction))
    assert _answers(small_source, tmp_path, capsys) == right_answers


def test_an_index_with_a_scrambled_header_is_rebuilt(
    small_source, right_answers, tmp_path: Path, capsys
) -> None:
    index = _small_index(small_source, tmp_path)
    with open(index, "r+b") as handle:
        handle.seek(16)
        handle.write(bytes(range(84)))
    assert _answers(small_source, tmp_path, capsys) == right_answers


def test_an_index_with_zeroed_pages_is_rebuilt(
    small_source, right_answers, tmp_path: Path, capsys
) -> None:
    index = _small_index(small_source, tmp_path)
    size = index.stat().st_size
    with open(index, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\0" * (size - 4096))
    assert _answers(small_source, tmp_path, capsys) == right_answers


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE meta SET value = 'other' WHERE name = 'key'",
        "UPDATE meta SET value = '5' WHERE name = 'rows'",
        "DROP TABLE meta",
        "DROP TABLE entry",
        "UPDATE entry SET senses = 'not json' WHERE simplified = '行'",
        "UPDATE entry SET senses = 7 WHERE simplified = '行'",
        "UPDATE entry SET pinyin = x'00ff' WHERE simplified = '行'",
    ],
    ids=[
        "other key",
        "row count",
        "no meta",
        "no entries",
        "senses not json",
        "senses number",
        "blob",
    ],
)
def test_an_index_from_other_data_is_rebuilt(
    small_source, right_answers, tmp_path: Path, capsys, change: str
) -> None:
    import sqlite3

    connection = sqlite3.connect(_small_index(small_source, tmp_path))
    connection.execute(change)
    connection.commit()
    connection.close()
    assert _answers(small_source, tmp_path, capsys) == right_answers


@pytest.mark.parametrize("kind", ["folder", "link to /dev/zero", "link elsewhere"])
def test_an_index_that_is_not_a_file_of_ours_is_replaced(
    small_source, right_answers, tmp_path: Path, kind: str
) -> None:
    from reader.core.dictionary import Dictionary

    index = _small_index(small_source, tmp_path / "cache")
    index.unlink()
    victim = tmp_path / "victim"
    victim.write_text("the user's")
    if kind == "folder":
        index.mkdir()
    elif kind == "link to /dev/zero":
        index.symlink_to("/dev/zero")
    else:
        index.symlink_to(victim)
    dictionary = Dictionary(small_source, tmp_path / "cache")
    assert [e.pinyin_numbered + str(e.definitions) for e in dictionary.entries("行")] == (
        right_answers
    )
    assert victim.read_text() == "the user's"


def test_a_fifo_in_place_of_the_index_does_not_hang(
    small_source, right_answers, tmp_path: Path
) -> None:
    from reader.core.dictionary import Dictionary

    index = _small_index(small_source, tmp_path)
    index.unlink()
    os.mkfifo(index)
    dictionary = Dictionary(small_source, tmp_path)
    assert [e.pinyin_numbered + str(e.definitions) for e in dictionary.entries("行")] == (
        right_answers
    )


def test_a_stale_temporary_of_a_killed_build_is_removed(cache: Path) -> None:
    stale = cache / f".{_index(cache).name}.999999999.0badf00d.reader-tmp"
    stale.write_bytes(b"half an index")
    journal = Path(f"{stale}-journal")
    journal.write_bytes(b"journal")
    reader("lookup", "行", cache=cache)
    assert not stale.exists() and not journal.exists()


def test_kill_9_at_random_moments_of_the_index_build(tmp_path: Path, expected) -> None:
    folder = tmp_path / "cache"
    rng = random.Random(8)
    for _ in range(2):
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "lookup", "行"],
            cwd=ROOT,
            env={**os.environ, "READER_CACHE_DIR": str(folder)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
    result = reader("lookup", "行", cache=folder)
    assert result.stdout == expected["行"]
    assert [p.name for p in folder.iterdir() if "reader-tmp" in p.name] == []


def test_concurrent_cold_starts_agree(tmp_path: Path, expected) -> None:
    folder = tmp_path / "cache"
    env = {**os.environ, "READER_CACHE_DIR": str(folder)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "reader", "lookup", "行"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert all(out == expected["行"] and err == "" for out, err in outputs)
    assert len(list(folder.glob("cedict-*.sqlite3"))) == 1


# -- the token cache ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def segmenter():  # type: ignore[no-untyped-def]
    """One jieba for the in-process token cases (loading it takes half a second)."""
    from reader import resources
    from reader.core.glossary import load_glossary
    from reader.core.segment import Segmenter, load_rules

    glossary = load_glossary(resources.resource(*resources.GLOSSARY))
    return Segmenter(glossary.hanzi(), load_rules(resources.resource(*resources.SEGMENTATION)))


def _library(cache: Path, segmenter):  # type: ignore[no-untyped-def]
    from reader.core.library import Library

    opened = Library.open(cache_folder=cache)
    return Library(
        opened.documents,
        opened.glossary,
        opened._rules,
        cache_folder=cache,
        segmenter=segmenter,
        dictionary=opened._dictionary,
    )


def _words(library) -> list[tuple[str, bool]]:  # type: ignore[no-untyped-def]
    return [(t.text, t.term) for t in library.tokens("2016")]


@pytest.mark.parametrize(
    "payload",
    [
        {"ends": [5, 3, 9], "terms": [0, 0, 0]},
        {"ends": [1, 2], "terms": [0, 0]},
        {"ends": [], "terms": []},
        {"ends": "x", "terms": []},
        {"ends": [10**30], "terms": [0]},
        {"ends": [-1], "terms": [0]},
        {"ends": [1.5], "terms": [0]},
        {"ends": [True], "terms": [0]},
        {"terms": []},
        [[[]]],
    ],
    ids=[
        "out of order",
        "short",
        "empty",
        "wrong type",
        "huge",
        "negative",
        "float",
        "bool",
        "no ends",
        "list",
    ],
)
def test_a_wrong_token_cache_with_the_right_checksum_is_rebuilt(
    cache: Path, segmenter, capsys, payload: object
) -> None:
    right = _words(_library(cache, segmenter))
    tokens = _tokens(cache)
    store_verified(tokens, _header_key(tokens), json.dumps(payload).encode())
    capsys.readouterr()
    assert _words(_library(cache, segmenter)) == right
    assert "was not a valid word list for its text; rebuilding it" in capsys.readouterr().err


def test_the_right_ends_with_wrong_term_flags_are_rebuilt(cache: Path, segmenter) -> None:
    right = _words(_library(cache, segmenter))
    tokens = _tokens(cache)
    data = json.loads(tokens.read_bytes().split(b"\n", 1)[1])
    data["terms"] = [2] * len(data["terms"])
    store_verified(tokens, _header_key(tokens), json.dumps(data).encode())
    assert _words(_library(cache, segmenter)) == right


def _tokens(cache: Path) -> Path:
    return one(cache, "tokens/2016-*.json")


def test_a_garbled_token_cache_is_rebuilt_by_the_cli(cache: Path, expected) -> None:
    tokens = _tokens(cache)
    tokens.write_bytes(b"\x00\xff" * 1000)
    result = reader("segment", "2016", cache=cache)
    assert result.stdout == expected["segment"] and "damaged" in result.stderr


# -- jieba's own cache ----------------------------------------------------------------------


def test_jieba_never_reads_a_cache_planted_in_tmpdir(cache: Path, tmp_path: Path, expected) -> None:
    import marshal

    planted = tmp_path / "tmp"
    planted.mkdir()
    (planted / "jieba.cache").write_bytes(marshal.dumps(({"中": 1}, 1)))
    shutil.rmtree(cache / "tokens")
    result = reader("segment", "2016", cache=cache, TMPDIR=str(planted))
    assert result.stdout == expected["segment"] and result.stderr == ""
    assert sorted(p.name for p in planted.iterdir()) == ["jieba.cache"]


# -- an unusable cache folder ---------------------------------------------------------------


@pytest.mark.parametrize("layout", ["file in its place", "file as parent", "dangling link"])
def test_an_unusable_cache_folder_only_costs_speed(tmp_path: Path, expected, layout: str) -> None:
    blocker = tmp_path / "blocker"
    if layout == "dangling link":
        blocker.symlink_to(tmp_path / "nowhere" / "deeper")
        folder = blocker
    else:
        blocker.write_text("not a folder")
        folder = blocker if layout == "file in its place" else blocker / "cache"
    runs = [(("lookup", TERM), "lookup"), (("segment", "2016"), "segment")]
    for args, key in runs if layout == "file in its place" else runs[:1]:
        result = reader(*args, cache=folder)
        assert result.returncode == 0 and result.stdout == expected[key]
        assert result.stderr == ""
    assert blocker.is_symlink() or blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_cache_file_owned_by_another_user_is_not_trusted(cache: Path, expected) -> None:
    glossary = one(cache, "glossary-*.json")
    os.chown(glossary, 65534, 65534)
    result = reader("lookup", TERM, cache=cache)
    assert result.stdout == expected["lookup"] and "not a regular file of ours" in result.stderr


def test_an_index_with_a_changed_letter_in_a_definition_is_rebuilt(
    small_source, right_answers, tmp_path: Path, capsys
) -> None:
    """A byte changed inside a page (a bit flip, a planted edit) keeps the size, the header,
    the key, the row count and valid JSON: only the checksum of the whole file catches it."""
    index = _small_index(small_source, tmp_path)
    data = index.read_bytes()
    at = data.index(b"walk")
    index.write_bytes(data[:at] + b"talk" + data[at + 4 :])
    assert _answers(small_source, tmp_path, capsys) == right_answers
