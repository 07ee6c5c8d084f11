"""Chinese that renders everywhere: an installed Chinese font if there is one, else ours.

A fresh Linux machine often has no font that covers Chinese, and Qt then draws boxes. The
bundled Reader CJK SC (a GB 2312 subset of Noto Sans CJK SC, OFL) is registered at start-up
and chosen whenever no installed family supports Simplified Chinese.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from reader import resources

BASE_PIXEL_SIZE = 18
BUNDLED_FAMILY = "Reader CJK SC"
#: Families known to read well, tried in this order before any other Chinese family.
PREFERRED = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "Noto Serif CJK SC",
)


def register_bundled_font() -> str | None:
    """Make the bundled font available to Qt; its family name, or None if it cannot load."""
    font_id = QFontDatabase.addApplicationFont(str(resources.resource(*resources.FONT)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def installed_chinese_families() -> list[str]:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return [f for f in families if f != BUNDLED_FAMILY and not QFontDatabase.isPrivateFamily(f)]


def choose_reading_family(installed: list[str], bundled: str | None) -> str:
    """A preferred installed family, else any installed Chinese family, else the bundled one."""
    for family in PREFERRED:
        if family in installed:
            return family
    if installed:
        return installed[0]
    return bundled or BUNDLED_FAMILY


def reading_font(family: str, zoom: int = 0) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(10, BASE_PIXEL_SIZE + zoom))
    font.setFamilies([family, BUNDLED_FAMILY])  # our font still fills any gap in theirs
    return font
