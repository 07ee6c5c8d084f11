"""What an export or a cache write does to whatever stands at its path."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reader.core.files import (
    FileAccessError,
    read_bounded,
    remove_stale_temporaries,
    replace_with,
    write_file,
    write_with,
)


def test_new_file_gets_the_ordinary_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_file(tmp_path / "out.tsv", "a\tb\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.tsv").stat().st_mode) == 0o644
    assert (tmp_path / "out.tsv").read_text() == "a\tb\n"


def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_file(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.tsv"
    real.write_text("old")
    link = tmp_path / "link.tsv"
    link.symlink_to(real)
    write_file(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_hard_link_is_written_through(tmp_path: Path) -> None:
    first = tmp_path / "a.tsv"
    first.write_text("old")
    second = tmp_path / "b.tsv"
    os.link(first, second)
    write_file(second, "new")
    assert first.read_text() == "new"
    assert first.stat().st_ino == second.stat().st_ino


def test_fifo_without_reader_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(FileAccessError, match="no process reading"):
        write_file(fifo, "x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_char_device_is_written_through(tmp_path: Path) -> None:
    write_file(Path("/dev/null"), "x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="folder"):
        write_file(tmp_path, "x")


def test_failed_write_leaves_the_old_content_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "deck.apkg"
    target.write_text("saved")

    def fail(tmp: Path) -> None:
        tmp.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(FileAccessError, match="No space left"):
        write_with(target, fail)
    assert target.read_text() == "saved"
    assert os.listdir(tmp_path) == ["deck.apkg"]


def test_cache_write_replaces_a_planted_symlink_instead_of_following_it(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("user data")
    cached = tmp_path / "cache.json"
    cached.symlink_to(victim)
    replace_with(cached, lambda tmp: tmp.write_text("{}"))
    assert victim.read_text() == "user data"
    assert not cached.is_symlink()


def test_stale_temporaries_of_dead_writers_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / ".index.sqlite3.999999999.ab12cd34.reader-tmp"
    dead.write_text("half")
    mine = tmp_path / f".index.sqlite3.{os.getpid()}.ab12cd34.reader-tmp"
    mine.write_text("in progress")
    assert remove_stale_temporaries(tmp_path) == 1
    assert not dead.exists() and mine.exists()


def test_read_bounded_refuses_devices_fifos_and_oversize(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="not a regular file"):
        read_bounded(Path("/dev/zero"))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(FileAccessError, match="not a regular file"):
        read_bounded(fifo)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileAccessError, match="limit"):
        read_bounded(big, limit=100)
    assert read_bounded(big, limit=101) == b"x" * 101
