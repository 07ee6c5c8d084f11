"""Your own documents: importing a 200-page PDF, and start-up with a library of 50 documents.

``import_pdf_200p_s``: ``reader import`` of a generated 200-page PDF (about 400,000 characters,
running header and page numbers on every page), read, cleaned and saved into a fresh library;
the median of three. ``startup_50docs_ratio``: Reader's real start-up (the same probe as
``startup_ratio``) with 50 imported documents of 10,000 characters each in the data folder,
against the same start-up with only the two bundled statements.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from reader.core.dictionary import Dictionary
from reader.core.importing.store import import_path
from reader.core.library import Library
from tests.benchmarks.corpus import SEED, document_text, make_file_text, sentences
from tests.benchmarks.stats import RUNS, alternate, child_env, median, timed_process

PDF_PAGES, PDF_CHARS = 200, 432_000  # 7-point type: about 200 pages
LIBRARY_DOCS, LIBRARY_DOC_CHARS = 50, 10_000


def run() -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="reader-bench-import-"))
    try:
        results = _import_pdf(folder)
        results.update(_startup_with_library(folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return results


def _import_pdf(folder: Path) -> dict[str, Any]:
    from tests.samples import write_pdf

    rng = random.Random(SEED)
    text = document_text(rng, sentences(), PDF_CHARS)
    path = folder / "long.pdf"
    paragraphs = ["长篇文件", *text.split("\n\n"), "二〇二五年五月八日于莫斯科"]
    pages = write_pdf(path, paragraphs, point_size=7)  # about 2,000 characters a page
    times = []
    for run_number in range(3):
        library = Library.open(user_folder=folder / f"library-{run_number}", user_data=False)
        start = time.perf_counter()
        document = import_path(library, path)
        times.append(time.perf_counter() - start)
    return {
        "import_pdf_pages": pages,
        "import_pdf_chars": len(document.text),
        "import_pdf_200p_s": round(median(times), 2),
    }


def _startup_with_library(folder: Path) -> dict[str, Any]:
    warm_cache = folder / "cache"
    empty, full = folder / "data-empty", folder / "data-50"
    empty.mkdir()
    documents = full / "documents"
    documents.mkdir(parents=True)
    rng = random.Random(SEED)
    pool = sentences()
    for index in range(LIBRARY_DOCS):
        text = make_file_text(index, document_text(rng, pool, LIBRARY_DOC_CHARS))
        (documents / f"g{index:05d}.txt").write_text(text, encoding="utf-8")
    Dictionary(cache_folder=warm_cache).entries("安全")
    for user_folder in (empty / "documents", documents):  # as a first session's warm-up leaves it
        # No user store here (none in the children's fresh data folders either): the same
        # glossary, so the same stored-counts key; and nothing touches the real data folder.
        Library.open(
            user_folder=user_folder, cache_folder=warm_cache, user_data=False
        ).store_counts()
    two = child_env(READER_CACHE_DIR=str(warm_cache), READER_DATA_DIR=str(empty))
    fifty = child_env(READER_CACHE_DIR=str(warm_cache), READER_DATA_DIR=str(full))
    for env in (two, fifty):
        timed_process("tests.benchmarks.reader_app", env)  # warm caches for both

    with_library, bundled_only = alternate(
        lambda: timed_process("tests.benchmarks.reader_app", fifty)[0],
        lambda: timed_process("tests.benchmarks.reader_app", two)[0],
        max(RUNS, 7),
    )
    return {
        "startup_50docs_s": round(median(with_library), 3),
        "startup_2docs_s": round(median(bundled_only), 3),
        "startup_50docs_ratio": round(median(with_library) / median(bundled_only), 2),
    }
