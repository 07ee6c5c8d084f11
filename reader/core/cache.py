"""The user cache folder, and writing into it safely.

Everything here can be rebuilt from the inputs, so a cache file carries a key derived from them
(content hashes, format version) and is simply rebuilt when the key differs. Writes go to a
temporary file that is renamed over the old one, so an interrupted write never leaves a broken
cache behind.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

CACHE_ENV = "READER_CACHE_DIR"


def cache_dir() -> Path:
    """``$READER_CACHE_DIR`` if set (tests, benchmarks), else the platform's user cache folder."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reader", appauthor=False))


def fingerprint(*parts: bytes | str) -> str:
    """A short stable hash of the inputs a cached artefact was built from."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:24]


def file_fingerprint(paths: Iterable[Path]) -> str:
    return fingerprint(*(p.read_bytes() for p in paths))


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary sibling of ``path``, then rename it into place."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
