"""The user cache folder, and writing into it safely.

Everything here can be rebuilt from the inputs, so a cache file carries a key derived from them
(content hashes, format version) and is simply rebuilt when the key differs. Writes go to a
temporary file that is renamed over the old one, so an interrupted write never leaves a broken
cache behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from reader.core.files import replace_with
from reader.core.userdirs import CACHE_ENV, cache_dir

__all__ = ["CACHE_ENV", "cache_dir", "file_fingerprint", "fingerprint", "write_atomically"]


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
    replace_with(path, write)
