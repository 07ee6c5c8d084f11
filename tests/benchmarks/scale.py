"""Corpora of 10, 100 and 1000 documents: index build against jieba alone, look-ups, memory.

The floor is the one job that cannot be skipped: jieba cutting the same text, its dictionary
already loaded. Reader's index is what ``Library.tokens`` does for every document: cut with
the glossary terms kept whole, and store (cache file included).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from reader import resources
from reader.core.glossary import load_glossary
from reader.core.library import Library
from reader.core.segment import Segmenter, load_rules
from tests.benchmarks.corpus import corpus
from tests.benchmarks.stats import ROOT, alternate, median

SIZES = (10, 100, 1000)
FREQUENT, RARE = "安全", "延伸威慑"


def run(sizes: tuple[int, ...] = SIZES) -> dict[str, Any]:
    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(60)
    glossary = load_glossary(resources.resource(*resources.GLOSSARY))
    rules = load_rules(resources.resource(*resources.SEGMENTATION))
    segmenter = Segmenter(glossary.hanzi(), rules)
    segmenter.segment("战略稳定")  # load the dictionary before timing, as for the floor
    floor_tokenizer = jieba.Tokenizer()
    floor_tokenizer.initialize()
    results: dict[str, Any] = {}
    for size in sizes:
        results.update(_measure(size, glossary, rules, segmenter, floor_tokenizer))
    return results


def _measure(
    size: int, glossary: Any, rules: Any, segmenter: Segmenter, floor_tokenizer: Any
) -> dict[str, Any]:
    documents = corpus(size)
    chars = sum(len(d.text) for d in documents)
    keep = Path(tempfile.mkdtemp(prefix=f"reader-bench-{size}-"))

    def ours() -> float:
        shutil.rmtree(keep / "cache", ignore_errors=True)
        library = Library(
            documents, glossary, rules, cache_folder=keep / "cache", segmenter=segmenter
        )
        start = time.perf_counter()
        for document in documents:
            library.tokens(document.id)
        return time.perf_counter() - start

    def floor() -> float:
        start = time.perf_counter()
        for document in documents:
            for _ in floor_tokenizer.tokenize(document.text, HMM=False):
                pass
        return time.perf_counter() - start

    index_s, jieba_s = alternate(ours, floor)
    library = Library(documents, glossary, rules, cache_folder=keep / "cache")
    memory = _memory(size, keep / "cache")
    shutil.rmtree(keep, ignore_errors=True)
    return {
        f"chars_{size}": chars,
        f"index_s_{size}": round(median(index_s), 2),
        f"jieba_s_{size}": round(median(jieba_s), 2),
        f"index_ratio_{size}": round(median(index_s) / median(jieba_s), 2),
        f"lookup_ms_{size}": _lookup_ms(library, FREQUENT),
        f"lookup_rare_ms_{size}": _lookup_ms(library, RARE),
        f"lookup_all_contexts_ms_{size}": _contexts_ms(library, FREQUENT),
        f"occurrences_{size}": len(library.occurrences(FREQUENT)),
        f"rss_mb_{size}": memory["rss_mb"],
        f"mb_per_kchar_{size}": round((memory["rss_mb"] - memory["base_mb"]) / (chars / 1000), 4),
    }


def _lookup_ms(library: Library, term: str) -> float:
    """Every occurrence found and counted per document (contexts are made when read)."""
    times = []
    for _ in range(7):
        start = time.perf_counter()
        found = library.occurrences(term)
        found.counts()
        times.append((time.perf_counter() - start) * 1000)
    return round(median(times), 2)


def _contexts_ms(library: Library, term: str) -> float:
    """The same, with the context of every occurrence made too."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        for occurrence in library.occurrences(term):
            occurrence.context  # noqa: B018
        times.append((time.perf_counter() - start) * 1000)
    return round(median(times), 1)


def _memory(size: int, cache: Path) -> dict[str, float]:
    """RSS of a fresh process holding the corpus and every document's words (from cache)."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.scale_memory", str(size), str(cache)],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])
