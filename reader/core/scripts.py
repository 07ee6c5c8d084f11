"""Traditional and simplified characters: one search, both scripts (OpenCC).

Hong Kong and Taiwan publications print the same statements in traditional characters. So that
a look-up of 战略稳定 also finds 戰略穩定 (and the reverse), every text is searched and segmented
in a *folded* form: OpenCC's ``t2s`` conversion, which leaves simplified text as it is (checked
on both bundled statements) and maps traditional text to simplified. The folded form is used
only to find and cut words: every offset is an index into the document's own text, which is
never changed, and what is shown is always the characters as printed.

Folding must keep the length, or offsets would drift. OpenCC's ``t2s`` maps phrases to phrases
of the same length; should one ever differ, the text is folded character by character instead,
and if even that changes the length the text is searched as it stands.

Most texts are simplified and fold to themselves, so OpenCC (25 ms to import) is not even loaded
for them: the characters ``t2s`` would change are listed once, kept in the cache folder, and a
text with none of them is its own folded form (one set test at C speed).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reader.core.cache import cache_dir, fingerprint, load_verified, store_verified

SIMPLIFIED, TRADITIONAL = "simplified", "traditional"
#: Share of a text's characters that folding changes above which it counts as traditional
#: (a simplified text has none; the 2025 statement in traditional characters has 31 %).
TRADITIONAL_SHARE = 0.01


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def fold(text: str) -> str:
    """``text`` in simplified characters, of exactly the same length."""
    if text.isascii() or _traditional_chars().isdisjoint(text):
        return text
    converter = _t2s()
    folded: str = converter.convert(text)
    if len(folded) == len(text):
        return folded
    by_char = "".join(_one(converter, c) for c in text)
    return by_char if len(by_char) == len(text) else text


def _one(converter: Any, char: str) -> str:
    converted: str = converter.convert(char)
    return converted if len(converted) == 1 else char


def script_of(text: str, folded: str) -> str:
    """``traditional`` when folding changed a noticeable share of the text, else ``simplified``."""
    changed = sum(a != b for a, b in zip(text, folded, strict=True)) if text != folded else 0
    return TRADITIONAL if changed > TRADITIONAL_SHARE * len(text) else SIMPLIFIED


@lru_cache(maxsize=1)
def fold_fingerprint() -> str:
    """What folding depends on, for cache keys: OpenCC's t2s dictionaries (size and time),
    found without importing OpenCC (an import costs 25 ms; asking pip's metadata, 190 ms)."""
    from importlib.util import find_spec

    spec = find_spec("opencc")
    if spec is None or spec.origin is None:
        return "no-opencc"
    from pathlib import Path

    share = Path(spec.origin).parent / "clib" / "share" / "opencc"
    parts = []
    for name in ("t2s.json", "TSPhrases.ocd2", "TSCharacters.ocd2"):
        try:
            st = (share / name).stat()
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:missing")
    return ";".join(parts)


#: Code points whose characters are tried when listing what ``t2s`` changes: the BMP after ASCII
#: (surrogates excluded) and the supplementary ideographic planes.
_CANDIDATES = ((0x80, 0xD800), (0xE000, 0x10000), (0x20000, 0x32000))


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Every character that folding changes (from the cache, or listed once with OpenCC and
    cached). A set, not a regular-expression class: a class of thousands of characters scanned
    at ~1 µs a character, the set answers for a whole text in a fraction of that."""
    key = fingerprint("1", fold_fingerprint())
    path = cache_dir() / "scripts" / f"t2s-{key}.txt"
    payload = load_verified(path, key)
    try:
        chars = payload.decode("utf-8") if payload is not None else None
    except UnicodeDecodeError:
        chars = None
    if chars is None:
        chars = _changed_by_folding()
        store_verified(path, key, chars.encode("utf-8"))  # an unusable cache costs only speed
    return frozenset(chars)


def _changed_by_folding() -> str:
    candidates = [chr(c) for low, high in _CANDIDATES for c in range(low, high)]
    converted = _t2s().convert("\n".join(candidates)).split("\n")
    if len(converted) != len(candidates):
        converted = [_one(_t2s(), c) for c in candidates]
    return "".join(c for c, f in zip(candidates, converted, strict=True) if c != f)
