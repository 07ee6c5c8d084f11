"""Where Reader keeps what is the user's (data) and what it can rebuild (cache).

Two folders, two promises: the data folder holds what only the user can make (imported
documents, their terms, stars, notes) and is never deleted by Reader; the cache folder holds
what Reader can rebuild from its inputs and may be deleted at any time. Environment variables
override both, so tests, benchmarks and portable installs can point them anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "READER_CACHE_DIR"
DATA_ENV = "READER_DATA_DIR"


def cache_dir() -> Path:
    """``$READER_CACHE_DIR`` if set, else the platform's user cache folder."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reader", appauthor=False))


def data_dir() -> Path:
    """``$READER_DATA_DIR`` if set, else the platform's user data folder (not created here)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader", appauthor=False))
