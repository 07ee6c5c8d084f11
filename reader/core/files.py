"""Every file Reader writes or reads from the user goes through here.

Why one module: a user's file is theirs. An export must never turn their symlink into a plain
file, replace a device node, break a hard link, or leave a half-written file where a good one
stood; a cache must never be left half-built by a kill -9. The rules live in one place:

- A regular file (or a name that does not exist yet) is written to a temporary sibling, flushed
  to disk and renamed over the target, so a failed or interrupted write leaves the old content.
  A replaced file keeps its permission bits; a new one gets the ordinary mode (0666 less umask).
- A symlink is followed: the rules apply to the file it points to, and the link stays a link.
- A regular file with other hard links, a FIFO or a character device (``/dev/null``, a terminal)
  is written through, in place: replacing it would cut it off from its other names or readers.
  A FIFO with no reader is refused rather than waited on.
- Anything else (a folder, a socket, a block device) is refused with a message.
- Temporary files carry the writer's pid in their name, so stale ones (left by a process that
  was killed) can be recognised and removed by :func:`remove_stale_temporaries`.

Reads of user-supplied files are bounded (:func:`read_bounded`): only regular files, never more
than a size limit, opened without blocking, so a FIFO or ``/dev/zero`` cannot hang or exhaust
Reader. Every failure is a :class:`FileAccessError` naming the path.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from reader.core.errors import ReaderError

#: Largest input file Reader reads (texts, glossaries, term lists, imports).
MAX_INPUT_BYTES = 200 * 1024 * 1024

_TEMP_SUFFIX = ".reader-tmp"
_TEMP_PATTERN = re.compile(
    r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-z]+" + re.escape(_TEMP_SUFFIX) + "$"
)


class FileAccessError(ReaderError):
    """A file could not be read or written; the message names it and says why."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def _describe(error: OSError) -> str:
    return error.strerror or str(error)


def _ordinary_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temporary_sibling(target: Path) -> tuple[Path, int]:
    """Create a temporary file beside ``target``; its name records our pid."""
    for _attempt in range(100):
        token = os.urandom(4).hex()
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{token}{_TEMP_SUFFIX}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        return tmp, fd
    raise FileAccessError(target, "could not create a temporary file beside it")


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _resolve_target(path: Path) -> tuple[Path, os.stat_result | None]:
    """Follow symlinks to the file that will really be written; None if it does not exist."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        return target, os.stat(target)
    except FileNotFoundError:
        return target, None
    except OSError as error:
        raise FileAccessError(path, _describe(error)) from error


def _write_through(path: Path, data: bytes, st: os.stat_result) -> None:
    flags = os.O_WRONLY
    if stat.S_ISREG(st.st_mode):
        flags |= os.O_TRUNC
    if stat.S_ISFIFO(st.st_mode):
        flags |= os.O_NONBLOCK
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise FileAccessError(path, "a FIFO with no process reading it") from error
        raise FileAccessError(path, _describe(error)) from error
    try:
        if stat.S_ISFIFO(st.st_mode):
            os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as error:
        raise FileAccessError(path, _describe(error)) from error
    finally:
        os.close(fd)


def _replace_atomically(
    target: Path, produce: Callable[[Path], None], mode: int, shown: Path
) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp, fd = _temporary_sibling(target)
    except OSError as error:
        raise FileAccessError(shown, _describe(error)) from error
    try:
        os.close(fd)
        produce(tmp)
        os.chmod(tmp, mode)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except OSError as error:
        raise FileAccessError(shown, _describe(error)) from error
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_with(path: Path, produce: Callable[[Path], None]) -> None:
    """Let ``produce`` write a complete file at a temporary path, then put it at ``path``.

    For writers that need a path of their own (SQLite, genanki). Regular targets are replaced
    atomically keeping their mode; other kinds of target get the finished bytes written through.
    """
    target, st = _resolve_target(path)
    if st is None or (stat.S_ISREG(st.st_mode) and st.st_nlink == 1):
        mode = _ordinary_mode() if st is None else stat.S_IMODE(st.st_mode)
        _replace_atomically(target, produce, mode, path)
        return
    _check_writable_kind(path, st)
    holder, fd = _scratch_file(path)
    try:
        os.close(fd)
        produce(holder)
        data = holder.read_bytes()
    except OSError as error:
        raise FileAccessError(path, _describe(error)) from error
    finally:
        with contextlib.suppress(OSError):
            holder.unlink()
    _write_through(target, data, st)


def replace_with(path: Path, produce: Callable[[Path], None]) -> None:
    """Build a file with ``produce`` and rename it over ``path`` itself, never following a link.

    For Reader's own files (caches): whatever stands at that name, a planted symlink included,
    is replaced, so nothing outside the folder can be written through it.
    """
    _replace_atomically(path, produce, _ordinary_mode(), path)


def _scratch_file(path: Path) -> tuple[Path, int]:
    import tempfile

    fd, name = tempfile.mkstemp(prefix="reader-", suffix=_TEMP_SUFFIX)
    return Path(name), fd


def _check_writable_kind(path: Path, st: os.stat_result) -> None:
    kind = st.st_mode
    if stat.S_ISREG(kind) or stat.S_ISFIFO(kind) or stat.S_ISCHR(kind):
        return
    if stat.S_ISDIR(kind):
        raise FileAccessError(path, "is a folder, not a file")
    raise FileAccessError(path, "is not a regular file; Reader will not write to it")


def write_file(path: Path, data: bytes | str, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` by the rules in the module docstring."""
    payload = data.encode(encoding) if isinstance(data, str) else data

    def produce(tmp: Path) -> None:
        tmp.write_bytes(payload)

    target, st = _resolve_target(path)
    if st is None or (stat.S_ISREG(st.st_mode) and st.st_nlink == 1):
        mode = _ordinary_mode() if st is None else stat.S_IMODE(st.st_mode)
        _replace_atomically(target, produce, mode, path)
        return
    _check_writable_kind(path, st)
    _write_through(target, payload, st)


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files left in ``folder`` by writers that no longer run; return how many."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        match = _TEMP_PATTERN.match(name)
        if not match or _pid_alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            os.unlink(folder / name)
            removed += 1
    return removed


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_bounded(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or a FileAccessError saying why not."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as error:
        raise FileAccessError(path, "no such file") from error
    except IsADirectoryError as error:
        raise FileAccessError(path, "is a folder, not a file") from error
    except OSError as error:
        raise FileAccessError(path, _describe(error)) from error
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileAccessError(path, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise FileAccessError(path, "is not a regular file (a device, FIFO or socket)")
        if st.st_size > limit:
            raise FileAccessError(path, f"is {_size(st.st_size)}; the limit is {_size(limit)}")
        os.set_blocking(fd, True)
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise FileAccessError(path, _describe(error)) from error
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileAccessError(path, f"is larger than the limit of {_size(limit)}")
    return data


def read_text_bounded(path: Path, limit: int = MAX_INPUT_BYTES) -> str:
    """A UTF-8 text file (a leading BOM dropped), bounded as :func:`read_bounded`."""
    data = read_bounded(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileAccessError(path, f"line {line}: not valid UTF-8") from error


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"
