"""The one place that knows where ``resources/`` and ``texts/`` live.

In a wheel they are packed inside the package (``reader/resources``, ``reader/texts``); in a
source checkout or an editable install they sit beside the package at the top of the repository.
No Qt here: the core and the window both ask this module.
"""

from __future__ import annotations

from functools import cache
from importlib import resources as _importlib_resources
from pathlib import Path

_PACKAGE_DIR = Path(str(_importlib_resources.files("reader")))


@cache
def _find(name: str) -> Path:
    packed = _PACKAGE_DIR / name
    if packed.is_dir():
        return packed
    return _PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    """The folder of glossary, segmentation list, fonts and style sheet."""
    return _find("resources")


def texts_dir() -> Path:
    """The folder of the documents, one ``.txt`` file each."""
    return _find("texts")


def resource(*parts: str) -> Path:
    """A path inside ``resources/`` (which may not exist: callers report that)."""
    return resources_dir().joinpath(*parts)


GLOSSARY = ("glossary.toml",)
SEGMENTATION = ("segmentation.toml",)
READINGS = ("readings.toml",)
FONT = ("fonts", "ReaderCJKSC-Regular.otf")
FONT_LICENCE = ("fonts", "OFL.txt")
ICON = ("icons", "reader.svg")

#: Every resource the code names, so a test can check that each exists and ships.
ALL_NAMED = (GLOSSARY, SEGMENTATION, READINGS, FONT, FONT_LICENCE, ICON)
