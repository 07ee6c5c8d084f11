"""How resources/fonts/ReaderCJKSC-Regular.otf was made (run by hand; not part of install).

Source: Noto Sans CJK SC Regular from Debian's fonts-noto-cjk 1:20220127+repack1-1
(/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc, SIL Open Font License 1.1).
The subset keeps every character of GB 2312, every character of texts/ and the glossary,
printable ASCII, Latin-1, the pinyin letters with tone marks, Cyrillic (for the Russian
equivalents) and general CJK punctuation. It is renamed, as the OFL asks of modified fonts
that keep a Reserved Font Name: "Noto" is reserved, so the family is "Reader CJK SC".

    python resources/fonts/build_subset.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FAMILY = "Reader CJK SC"
PINYIN = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛ"


def gb2312() -> set[str]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def wanted() -> set[str]:
    chars = gb2312() | set(PINYIN)
    chars |= {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x180)}
    chars |= {chr(c) for c in range(0x400, 0x460)}  # Cyrillic
    chars |= {chr(c) for c in range(0x2000, 0x2070)}  # general punctuation
    chars |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK symbols and punctuation
    chars |= {chr(c) for c in range(0xFF00, 0xFFF0)}  # full-width forms
    for path in [*ROOT.glob("texts/*.txt"), ROOT / "resources" / "glossary.toml"]:
        chars |= set(path.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable() or c == " "}


def main(source: str) -> None:
    collection = TTCollection(source)
    font = next(f for f in collection.fonts if "SC" in f["name"].getDebugName(1))
    options = subset.Options()
    # fontTools' default layout features, less the ones that pull in Japanese, Korean and
    # Traditional glyph variants (locl) and vertical forms (vert): horizontal SC text only.
    drop = {"locl", "vert", "vrt2", "vkrn", "vpal", "valt"}
    options.layout_features = [f for f in options.layout_features if f not in drop]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(wanted())))
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY if record.nameID != 4 else f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = "ReaderCJKSC-Regular"
        elif record.nameID == 3:
            record.string = f"{FAMILY} Regular; subset of Noto Sans CJK SC for Reader"
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = ["ReaderCJKSC-Regular"]
    font.save(HERE / "ReaderCJKSC-Regular.otf")


if __name__ == "__main__":
    main(sys.argv[1])
