"""Every file Reader writes or reads from the user goes through here.

Why one module: a user's file is theirs. An export must never turn their symlink into a plain
file, replace a device node, break a hard link, or leave a half-written file where a good one
stood; a cache must never be left half-built by a kill -9. The rules live in one place:

- A regular file (or a name that does not exist yet) is written to a temporary sibling, flushed
  to disk and renamed over the target, so a failed or interrupted write leaves the old content.
  A replaced file keeps its permission bits, its group and, where the system allows, its owner;
  a new one gets the ordinary mode (0666 less umask). A file we may not write (read-only, or
  another user's) is refused, never replaced behind its owner's back; another user's file that
  we may write, but whose owner a rename would change, is written through instead.
- A symlink is followed: the rules apply to the file it points to, and the link stays a link.
- A regular file with other hard links, a FIFO or a character device (``/dev/null``, a terminal)
  is written through, in place: replacing it would cut it off from its other names or readers.
  A FIFO with no reader is refused rather than waited on. A regular file written through has
  its space reserved first, so a full disk or a file-size limit fails before a byte changes.
- Anything else (a folder, a socket, a block device) is refused with a message.
- Temporary files carry the writer's pid in their name, so stale ones (left by a process that
  was killed, or older than a day) can be recognised and removed by
  :func:`remove_stale_temporaries`; SQLite's ``-journal`` companions of them too.

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
import threading
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.errors import ReaderError

#: Largest input file Reader reads (texts, glossaries, term lists, imports).
MAX_INPUT_BYTES = 200 * 1024 * 1024

_NOT_REGULAR = "is not a regular file (a device, FIFO or socket)"
_TEMP_SUFFIX = ".reader-tmp"
_TEMP_PATTERN = re.compile(
    r"^\.(?P<name>.*)\.(?P<pid>\d+)\.[0-9a-z]+"
    + re.escape(_TEMP_SUFFIX)
    + r"(-journal|-wal|-shm)?$"
)
#: A temporary file older than this is stale even if its pid now belongs to another process.
_STALE_AFTER_S = 24 * 3600
#: Bytes of the target's name kept in a temporary name, so that a long name stays legal.
_NAME_ROOM = 120
_umask_lock = threading.Lock()
_umask_value: int | None = None


class FileAccessError(ReaderError):
    """A file could not be read or written; the message names it and says why."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def _describe(error: OSError) -> str:
    return error.strerror or str(error)


def _ordinary_mode() -> int:
    """0666 less the umask. Read once: setting the umask to read it is process-wide, and a
    cache written on another thread meanwhile would come out world-writable."""
    global _umask_value
    with _umask_lock:
        if _umask_value is None:
            _umask_value = _read_umask()
        return 0o666 & ~_umask_value


def _read_umask() -> int:
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    umask = os.umask(0o077)  # the safe value, for the instant before it is restored
    os.umask(umask)
    return umask


def _temporary_sibling(target: Path) -> tuple[Path, int]:
    """Create a temporary file beside ``target``; its name records our pid."""
    for _attempt in range(100):
        token = os.urandom(4).hex()
        short = target.name.encode()[:_NAME_ROOM].decode(errors="ignore")
        tmp = target.with_name(f".{short}.{os.getpid()}.{token}{_TEMP_SUFFIX}")
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
        if stat.S_ISREG(st.st_mode):
            _reserve(fd, len(data))
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        if stat.S_ISREG(st.st_mode):
            os.ftruncate(fd, len(data))
    except OSError as error:
        raise FileAccessError(path, _describe(error)) from error
    finally:
        os.close(fd)


def _reserve(fd: int, size: int) -> None:
    """Claim the disk space a write-through needs before overwriting anything: with a full
    disk or a file-size limit this fails while the old content is still whole."""
    if size == 0:
        return
    try:
        os.posix_fallocate(fd, 0, size)
    except OSError as error:
        if error.errno in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
            return  # the file system cannot say in advance; write and report what happens
        raise


def _keep_owner(tmp: Path, st: os.stat_result | None) -> bool:
    """Give the replacement the owner and group of the file it replaces; False if we may not
    (then replacing would hand another user's file to us)."""
    if st is None:
        return True
    uid = st.st_uid if st.st_uid != os.geteuid() else -1
    gid = st.st_gid if st.st_gid != os.stat(tmp).st_gid else -1
    if uid == -1 and gid == -1:
        return True
    try:
        os.chown(tmp, uid, gid)
    except OSError:
        return False
    return True


class _KeepInstead(Exception):
    """Raised inside an atomic replace when the target must be written through instead."""


def _replace_atomically(
    target: Path,
    produce: Callable[[Path], None],
    mode: int,
    shown: Path,
    old: os.stat_result | None = None,
) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp, fd = _temporary_sibling(target)
    except OSError as error:
        raise FileAccessError(shown, _describe(error)) from error
    try:
        os.close(fd)
        produce(tmp)
        if not _keep_owner(tmp, old):
            raise _KeepInstead
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

    def finished() -> bytes:
        holder, fd = _scratch_file(path)
        try:
            os.close(fd)
            produce(holder)
            return holder.read_bytes()
        except OSError as error:
            raise FileAccessError(path, _describe(error)) from error
        finally:
            with contextlib.suppress(OSError):
                holder.unlink()

    _put(path, produce, finished)


def _put(path: Path, produce: Callable[[Path], None], finished: Callable[[], bytes]) -> None:
    """The one dispatch on what stands at ``path``: replace a regular file atomically with
    what ``produce`` writes, or write the ``finished`` bytes through to anything else."""
    target, st = _resolve_target(path)
    if _replaceable(path, target, st):
        try:
            _replace_atomically(target, produce, _mode_for(st), path, st)
            return
        except _KeepInstead:
            assert st is not None
    assert st is not None
    _check_writable_kind(path, st)
    _write_through(target, finished(), st)


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

    _put(path, produce, lambda: payload)


def _replaceable(shown: Path, target: Path, st: os.stat_result | None) -> bool:
    """True for a new name or a regular file that only this name points to; a regular file
    we may not write is refused here, so that a rename cannot get round its permissions."""
    if st is None:
        return True
    if not stat.S_ISREG(st.st_mode):
        return False
    if not os.access(target, os.W_OK):
        raise FileAccessError(shown, "is read-only (or not yours); Reader will not replace it")
    return st.st_nlink == 1


def _mode_for(st: os.stat_result | None) -> int:
    """The replaced file's permission bits (set-id bits dropped), or the ordinary mode."""
    if st is None:
        return _ordinary_mode()
    return stat.S_IMODE(st.st_mode) & ~(stat.S_ISUID | stat.S_ISGID)


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files left in ``folder`` by writers that no longer run (or that are
    older than a day, whoever has the pid now); return how many."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    now = time.time()
    for name in names:
        match = _TEMP_PATTERN.match(name)
        if not match:
            continue
        try:
            st = os.lstat(folder / name)
        except OSError:
            continue
        if _pid_alive(int(match["pid"])) and now - st.st_mtime < _STALE_AFTER_S:
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
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True
    return True


def read_bounded(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or a FileAccessError saying why not."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as error:
        raise FileAccessError(path, "file not found") from error
    except IsADirectoryError as error:
        raise FileAccessError(path, "is a folder, not a file") from error
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise FileAccessError(path, _NOT_REGULAR) from error
        raise FileAccessError(path, _describe(error)) from error
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileAccessError(path, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise FileAccessError(path, _NOT_REGULAR)
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
