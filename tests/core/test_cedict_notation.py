"""CC-CEDICT's reference notation as a card shows it (real CC-CEDICT senses)."""

from __future__ import annotations

import pytest

from reader.core.cedict_notation import readable


@pytest.mark.parametrize(
    ("sense", "shown"),
    [
        # 国家's classifier, as CC-CEDICT writes it
        ("CL:個|个[ge4]", "classifier: 个 gè"),
        # two classifiers: simplified form, tone marks, a space after the comma
        ("CL:個|个[ge4],場|场[chang2]", "classifier: 个 gè, 场 cháng"),
        ("CL: 个[ge4], 場|场[chang2]", "classifier: 个 gè, 场 cháng"),
        # a reference inside an ordinary sense keeps the sense's own commas
        ("see 國家|国家[guo2 jia1]", "see 国家 guójiā"),
        ("old variant of 惯[guan4]", "old variant of 惯 guàn"),
        ("to do,to make", "to do,to make"),
        # "CL:" is spelled out only where CC-CEDICT puts it, at the start of a sense
        ("x CL:个[ge4]", "x CL:个 gè"),
        # brackets without a headword are not a reference
        ("Taiwan pr. [ge3]", "Taiwan pr. [ge3]"),
    ],
)
def test_references_are_shown_as_simplified_with_tone_marks(sense: str, shown: str) -> None:
    assert readable(sense) == shown
