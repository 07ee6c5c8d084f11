"""Test setup shared by core and UI tests.

Qt must never open a real display in tests, and no test may write to the user's real cache:
both are set here, before anything imports Qt or the core.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_CACHE = Path(tempfile.mkdtemp(prefix="reader-test-cache-"))
os.environ["READER_CACHE_DIR"] = str(_CACHE)
# Nothing a test does may touch the user's real data folder either.
_DATA = Path(tempfile.mkdtemp(prefix="reader-test-data-"))
os.environ["READER_DATA_DIR"] = str(_DATA)

# Fuzzing with hypothesis explores the same examples on every run (derandomize): a failure it
# finds is reproduced by the next run, and a green CI run is not a matter of luck.
try:
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("reader", derandomize=True, database=None)
    _hypothesis_settings.load_profile("reader")
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)
    shutil.rmtree(_DATA, ignore_errors=True)


@pytest.fixture(scope="session")
def library():  # type: ignore[no-untyped-def]
    """The real library: the bundled texts and glossary."""
    from reader.core.library import Library

    lib = Library.open()
    assert not lib.problems, lib.problems
    return lib


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of texts/ and resources/ (text files only) for tests that break them."""
    shutil.copytree(ROOT / "texts", tmp_path / "texts")
    (tmp_path / "resources").mkdir()
    for name in ("glossary.toml", "segmentation.toml", "readings.toml"):
        shutil.copy(ROOT / "resources" / name, tmp_path / "resources" / name)
    return tmp_path


@pytest.fixture(scope="session")
def unverified_term(library):  # type: ignore[no-untyped-def]
    """A glossary term whose English and Russian equivalents are both unverified, one each,
    standing in the 2025 statement only: chosen from the data, so tests of the ⚠ mark keep
    working as sources are found for more terms."""
    for term in library.glossary.terms:
        counts = library.counts(term.hanzi)
        if (
            not term.english_verified
            and not term.russian_verified
            and len(term.english) == 1
            and len(term.russian) == 1
            and counts.get("2016") == 0
            and counts.get("2025") == 1
        ):
            return term
    pytest.skip("every term has a verified equivalent: nothing left to mark unverified")
