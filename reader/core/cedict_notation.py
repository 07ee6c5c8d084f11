"""CC-CEDICT's cross-reference notation made readable: ``CL:個|个[ge4]`` -> ``classifier: 个 gè``.

CC-CEDICT writes a reference to another word as ``traditional|simplified[numbered pinyin]``
(or ``word[pinyin]`` when both forms are the same). A reader of simplified Chinese wants the
simplified form and tone-marked pinyin; the raw notation appeared in the card as it stands.
Only presentation changes: the JSON output keeps CC-CEDICT's own text.
"""

from __future__ import annotations

import re

from reader.core.pinyin_format import cedict_to_marked

_HEADWORD = r"[^\s\[\]|,;:()]+"
#: ``個|个[ge4]`` or ``个[ge4]``
_REFERENCE = re.compile(rf"(?:({_HEADWORD})\|)?({_HEADWORD})\[([A-Za-z0-9:,·\- ]+)\]")
_CLASSIFIER = re.compile(r"^CL:\s*")


def readable(definition: str) -> str:
    """One CC-CEDICT sense with references as ``simplified pīnyīn`` and ``CL:`` spelled out."""
    text = _CLASSIFIER.sub("classifier: ", definition)
    text = _REFERENCE.sub(lambda m: f"{m.group(2)} {cedict_to_marked(m.group(3))}", text)
    return text.replace(",", ", ").replace(",  ", ", ") if text.startswith("classifier") else text
