"""What a write does to whatever stands at its path, at the edges: other users' files, full
disks and file-size limits mid-write, links, sockets, long names, concurrent writers and
kill -9 at random moments. Nothing that stood there may be lost or turned into something else."""

from __future__ import annotations

import os
import random
import resource
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.core.files import FileAccessError, read_bounded, remove_stale_temporaries, write_file
from tests.robustness.conftest import ROOT


def _run_python(code: str, *, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def apply_limit() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=apply_limit,
        timeout=60,
    )


def test_a_hard_linked_file_over_the_size_limit_keeps_its_content(tmp_path: Path) -> None:
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    first.write_bytes(b"old content\n")
    os.link(first, second)
    code = (
        "from pathlib import Path\nfrom reader.core.files import write_file, FileAccessError\n"
        f"try:\n    write_file(Path({str(second)!r}), b'x' * 100_000)\n"
        "except FileAccessError as exc:\n    print(exc)\n"
    )
    result = _run_python(code, limit=50_000)
    assert "File too large" in result.stdout, result
    assert first.read_bytes() == b"old content\n" and second.read_bytes() == b"old content\n"
    assert first.stat().st_ino == second.stat().st_ino


def test_a_regular_file_over_the_size_limit_keeps_its_content(tmp_path: Path) -> None:
    target = tmp_path / "kept.csv"
    target.write_bytes(b"old")
    code = (
        "from pathlib import Path\nfrom reader.core.files import write_file, FileAccessError\n"
        f"try:\n    write_file(Path({str(target)!r}), b'x' * 100_000)\n"
        "except FileAccessError as exc:\n    print(exc)\n"
    )
    assert "File too large" in _run_python(code, limit=50_000).stdout
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["kept.csv"]


def test_a_full_device_is_a_clear_error() -> None:
    with pytest.raises(FileAccessError, match="/dev/full: No space left on device"):
        write_file(Path("/dev/full"), "x")


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(FileAccessError, match="not a regular file"):
            write_file(path, "x")
        with pytest.raises(FileAccessError, match="not a regular file"):
            read_bounded(path)
    finally:
        server.close()
    assert stat.S_ISSOCK(path.stat().st_mode)


def test_a_symlink_loop_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(FileAccessError):
        write_file(tmp_path / "a", "x")
    with pytest.raises(FileAccessError):
        read_bounded(tmp_path / "a")


def test_a_dangling_symlink_gets_its_file_and_stays_a_link(tmp_path: Path) -> None:
    link = tmp_path / "link.tsv"
    link.symlink_to(tmp_path / "real.tsv")
    write_file(link, "new")
    assert link.is_symlink() and (tmp_path / "real.tsv").read_text() == "new"


@pytest.mark.parametrize("name", ["战" * 84, "x" * 255, "é" * 127])
def test_a_name_at_the_length_limit_can_be_written(tmp_path: Path, name: str) -> None:
    write_file(tmp_path / name, "ok")
    assert (tmp_path / name).read_text() == "ok"
    assert os.listdir(tmp_path) == [name]


def test_a_folder_standing_where_the_parent_should_be_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("mine")
    with pytest.raises(FileAccessError, match="Not a directory"):
        write_file(tmp_path / "file" / "out.tsv", "x")
    assert (tmp_path / "file").read_text() == "mine"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_a_read_only_file_is_refused_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "kept.tsv"
    target.write_text("mine")
    target.chmod(0o444)
    with pytest.raises(FileAccessError, match="read-only"):
        write_file(target, "new")
    assert target.read_text() == "mine"


@pytest.mark.skipif(os.geteuid() != 0, reason="making a file another user's needs root")
def test_another_users_file_keeps_its_owner_and_mode(tmp_path: Path) -> None:
    target = tmp_path / "theirs.tsv"
    target.write_text("theirs")
    os.chown(target, 65534, 65534)
    target.chmod(0o640)
    write_file(target, "new")
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o640)
    assert target.read_text() == "new"


def test_set_id_bits_are_not_carried_over(tmp_path: Path) -> None:
    target = tmp_path / "odd"
    target.write_text("x")
    target.chmod(0o4755)
    write_file(target, "y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_new_files_get_the_umask_mode_while_other_threads_write(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        import reader.core.files as files

        files._umask_value = None  # as in a fresh process
        threads = [
            threading.Thread(target=write_file, args=(tmp_path / f"f{i}", "x")) for i in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        os.umask(old)
        files._umask_value = None
    modes = {stat.S_IMODE((tmp_path / f"f{i}").stat().st_mode) for i in range(8)}
    assert modes == {0o640}


def test_concurrent_writers_leave_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "shared.tsv"
    payloads = [bytes([65 + i]) * 200_000 for i in range(6)]
    threads = [threading.Thread(target=write_file, args=(target, p)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_bytes() in payloads
    assert os.listdir(tmp_path) == ["shared.tsv"]


def test_kill_9_at_random_moments_of_a_write_never_leaves_half_a_file(tmp_path: Path) -> None:
    target = tmp_path / "export.tsv"
    old = b"old export\n" * 1000
    target.write_bytes(old)
    code = (
        "from pathlib import Path\nfrom reader.core.files import write_file\n"
        f"for n in range(1000):\n    write_file(Path({str(target)!r}), bytes([65 + n % 26]) * 3_000_000)\n"
    )
    rng = random.Random(9)
    for _ in range(4):
        process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
        time.sleep(rng.uniform(0.15, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        content = target.read_bytes()
        assert content == old or (len(content) == 3_000_000 and len(set(content)) == 1)
    remove_stale_temporaries(tmp_path)
    assert os.listdir(tmp_path) == ["export.tsv"]


def test_an_old_temporary_is_stale_even_if_its_pid_is_alive_again(tmp_path: Path) -> None:
    stale = tmp_path / f".x.tsv.{os.getppid()}.abcd1234.reader-tmp"
    stale.write_text("half")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(stale, (two_days_ago, two_days_ago))
    fresh = tmp_path / f".y.tsv.{os.getppid()}.abcd1234.reader-tmp"
    fresh.write_text("in progress")
    assert remove_stale_temporaries(tmp_path) == 1
    assert fresh.exists() and not stale.exists()


def test_only_reader_temporaries_are_removed(tmp_path: Path) -> None:
    for name in ("notes.txt", ".hidden.999999999.txt", ".x.999999999.zz.reader-tmpX"):
        (tmp_path / name).write_text("user's")
    assert remove_stale_temporaries(tmp_path) == 0
    assert len(os.listdir(tmp_path)) == 3
