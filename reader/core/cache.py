"""The user cache folder, and reading and writing it without ever trusting it.

Everything here can be rebuilt from the inputs, so a cache file is only a shortcut, and a
shortcut must never be able to run code or serve wrong data. A cache file is plain data
(JSON or SQLite, never pickle) behind a one-line header::

    reader-cache 1 <key of the inputs> <sha256 of the payload> <payload length>

:func:`load_verified` serves the payload only when the file is a regular file of ours, the key
is that of today's inputs and the checksum and length match; a file that fails is deleted, said
once on stderr and rebuilt by the caller. :func:`store_verified` writes through
:mod:`reader.core.files` (a temporary sibling renamed into place) and gives up silently when
the folder cannot be written: an unusable cache folder only costs speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.files import read_bounded, remove_stale_temporaries, replace_with
from reader.core.userdirs import CACHE_ENV, cache_dir

__all__ = [
    "CACHE_ENV",
    "cache_dir",
    "file_fingerprint",
    "fingerprint",
    "load_verified",
    "notices",
    "report_rebuilt",
    "store_verified",
    "sweep",
    "write_atomically",
]

_MAGIC = b"reader-cache 1"
#: Largest cache file read back (the largest real one, the jieba-free token cache of a long
#: document, is a few megabytes).
MAX_CACHE_BYTES = 64 * 1024 * 1024
#: What was rebuilt during this run, for the window's status bar.
notices: list[str] = []
_swept: set[Path] = set()


def fingerprint(*parts: bytes | str) -> str:
    """A short stable hash of the inputs a cached artefact was built from."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:24]


def file_fingerprint(paths: Iterable[Path]) -> str:
    return fingerprint(*(read_bounded(p) for p in paths))


def report_rebuilt(path: Path, why: str) -> None:
    """One line on stderr (and in ``notices``) when a damaged cache file is thrown away."""
    message = f"cache file {path.name} was {why}; rebuilding it"
    notices.append(message)
    with contextlib.suppress(OSError, ValueError):
        print(f"reader: note: {message}", file=sys.stderr)


def is_own_regular_file(path: Path) -> bool | None:
    """True for a regular file (not a link) owned by us; None if nothing is there."""
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None  # nothing there, or no folder for it: an unusable cache, not a damaged one
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid()


def discard(path: Path, why: str) -> None:
    """Remove a damaged or planted cache file and say so."""
    with contextlib.suppress(OSError):
        os.unlink(path)
    report_rebuilt(path, why)


def load_verified(path: Path, key: str) -> bytes | None:
    """The payload stored at ``path`` for inputs ``key``, or None (nothing there, or the file
    failed a check and was removed)."""
    own = is_own_regular_file(path)
    if own is None:
        return None
    if not own:
        discard(path, "not a regular file of ours")
        return None
    try:
        data = read_bounded(path, MAX_CACHE_BYTES)
    except ReaderError:
        discard(path, "unreadable")
        return None
    header, _, payload = data.partition(b"\n")
    fields = header.split(b" ")
    expected = [*_MAGIC.split(b" "), key.encode(), _digest(payload), str(len(payload)).encode()]
    if fields != expected:
        other_inputs = fields[:2] == expected[:2] and fields[2:3] != expected[2:3]
        discard(path, "not for these inputs" if other_inputs else "damaged")
        return None
    return payload


def store_verified(path: Path, key: str, payload: bytes) -> bool:
    """Write ``payload`` behind its header; False (and nothing raised) if the folder is unusable."""
    header = b" ".join([_MAGIC, key.encode(), _digest(payload), str(len(payload)).encode()])

    def write(tmp: Path) -> None:
        tmp.write_bytes(header + b"\n" + payload)

    return write_atomically(path, write)


def write_atomically(path: Path, write: Callable[[Path], None]) -> bool:
    """Call ``write`` on a temporary sibling of ``path``, then rename it into place; False if
    the cache folder cannot be created or written (read-only, a file in its place, disk full)."""
    sweep(path.parent)
    try:
        replace_with(path, write)
    except ReaderError:
        return False
    return True


def sweep(folder: Path) -> None:
    """Remove temporary files that killed writers left in ``folder``; once a run per folder."""
    if folder not in _swept:
        _swept.add(folder)
        remove_stale_temporaries(folder)


def _digest(payload: bytes) -> bytes:
    return hashlib.sha256(payload).hexdigest().encode()
