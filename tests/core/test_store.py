"""The user store survives what real processes do to it: kill -9 mid-write, two writers at
once, a damaged file. Every test here runs real Python processes on a real SQLite file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.core.store import MIGRATIONS, Store
from reader.core.userterms import UserData
from tests.conftest import ROOT

BATCH = 40

# A writer that never stops: each transaction adds a batch of complete entries and moves a
# counter, so a torn write would show as a partial batch, an incomplete entry or a counter
# that disagrees with the number of batches.
WRITER = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from reader.core.store import Store
    from reader.core.userterms import UserData

    data = UserData(Store.open(Path(sys.argv[1])))
    counter = data.entries().get("计数")
    batch = int(counter.fields["note"]) if counter else 0  # go on from the last batch committed
    print("ready", flush=True)
    while True:
        batch += 1
        items = [
            (f"词{{batch}}号{{k}}", {{"pinyin": f"cí{{k}}", "english": (f"word {{batch}}.{{k}}",),
             "definition": f"batch {{batch}}", "note": "complete"}}, True)
            for k in range({BATCH - 1})
        ]
        items.append(("计数", {{"note": str(batch)}}, True))
        data.set_many(items)
    """
)


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _check_consistent(path: Path) -> int:
    store = Store.open(path)
    assert store.notice == "", store.notice
    entries = UserData(store).entries()
    store.close()
    words = {h: e for h, e in entries.items() if h != "计数"}
    assert len(words) % (BATCH - 1) == 0, "a batch was half written"
    for entry in words.values():
        assert set(entry.fields) == {"pinyin", "english", "definition", "note"}
    batches = len(words) // (BATCH - 1)
    if batches:
        assert entries["计数"].fields["note"] == str(batches)
    return batches


def test_kill_9_at_random_moments_leaves_the_old_or_the_new_state(tmp_path):
    path = tmp_path / "reader.sqlite3"
    generator = random.Random(12)
    seen = 0
    for _round in range(4):
        writer = _spawn(WRITER, str(path))
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready", writer.stderr
        try:
            writer.wait(timeout=generator.uniform(0.05, 0.4))
        except subprocess.TimeoutExpired:
            os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        assert writer.stderr is not None
        writer.stderr.close()
        assert writer.returncode == -signal.SIGKILL, "the writer stopped on its own"
        batches = _check_consistent(path)
        assert batches >= seen
        seen = batches
    assert seen > 0, "no write ever committed: the test proved nothing"


TWO_WRITERS = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.core.store import Store
    from reader.core.userterms import UserData

    data = UserData(Store.open(Path(sys.argv[1])))
    name, field = sys.argv[2], sys.argv[3]
    for i in range(60):
        data.set_fields(f"{name}{i}词", {"note": f"{name} {i}"}, user=True)
        data.set_fields("共享", {field: f"{name} {i}"}, user=True)
        data.set_star(f"{name}{i}词", True)
    """
)


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "reader.sqlite3"
    writers = [
        _spawn(TWO_WRITERS, str(path), "甲", "note"),
        _spawn(TWO_WRITERS, str(path), "乙", "definition"),
    ]
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    data = UserData(Store.open(path))
    entries = data.entries()
    for name in ("甲", "乙"):
        for i in range(60):
            assert entries[f"{name}{i}词"].fields["note"] == f"{name} {i}"
            assert f"{name}{i}词" in data.starred()
    assert entries["共享"].fields == {"note": "甲 59", "definition": "乙 59"}


def _run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_file_that_is_not_a_database_is_moved_aside_with_a_message(tmp_path):
    path = tmp_path / "reader.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    result = _run_cli(tmp_path, "star", "战略稳定")
    assert result.returncode == 0, result.stderr
    assert "damaged" in result.stderr and "moved to reader.sqlite3.broken-" in result.stderr
    aside = list(tmp_path.glob("reader.sqlite3.broken-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    assert "战略稳定" in UserData(Store.open(path)).starred()


def test_a_store_with_damaged_pages_is_moved_aside_and_a_fresh_one_started(tmp_path):
    path = tmp_path / "reader.sqlite3"
    data = UserData(Store.open(path))
    data.set_fields("战略互信", {"note": "mine"}, user=True)
    data.store.close()
    with sqlite3.connect(path) as db:  # checkpoint the WAL so the pages are in the file
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    raw[100:4096] = os.urandom(3996)  # the schema page, after the valid header
    path.write_bytes(bytes(raw))
    store = Store.open(path)
    assert "moved to reader.sqlite3.broken-" in store.notice
    assert store.version == len(MIGRATIONS)
    assert UserData(store).entries() == {}
    assert list(tmp_path.glob("reader.sqlite3.broken-*"))


def test_a_store_from_a_newer_reader_is_refused_not_dropped(tmp_path):
    path = tmp_path / "reader.sqlite3"
    Store.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    result = _run_cli(tmp_path, "terms")
    assert result.returncode == 2
    assert "newer Reader" in result.stderr and "Traceback" not in result.stderr
    assert path.exists()
