"""Helpers for the robustness suite: run the real ``reader`` in a subprocess, with a cache of
its own, and check that whatever happened, no traceback reached the user."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
TERM = "战略稳定"


def reader(
    *args: str, cache: Path | None = None, timeout: float = 60, **env: str
) -> subprocess.CompletedProcess[str]:
    """``python -m reader ARGS`` with its cache in ``cache``; fails the test on a traceback."""
    environment = {**os.environ, **env}
    if cache is not None:
        environment["READER_CACHE_DIR"] = str(cache)
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        cwd=ROOT,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="session")
def built_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder with every cache file built once (dictionary, glossary, words)."""
    from reader.core.library import Library

    folder = tmp_path_factory.mktemp("built-cache")
    library = Library.open(cache_folder=folder)  # in-process: one interpreter start, not three
    library.lookup(TERM)
    for doc_id in library.document_ids():
        library.tokens(doc_id)
    return folder


@pytest.fixture
def cache(built_cache: Path, tmp_path: Path) -> Path:
    """A private copy of the built cache, for a test to damage."""
    return Path(shutil.copytree(built_cache, tmp_path / "cache"))


def one(folder: Path, pattern: str) -> Path:
    (found,) = sorted(folder.glob(pattern))
    return found
