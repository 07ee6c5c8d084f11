"""Sample files for import tests, made from the project's own texts (no third-party documents)."""

from __future__ import annotations

import re

from tests.conftest import ROOT

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def body(doc_id: str) -> str:
    """The statement's paragraphs as they stand after the header of texts/<id>.txt."""
    content = (ROOT / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")
    return content.split("\n---\n", 1)[1]


def paragraphs(doc_id: str) -> list[str]:
    return [p.removeprefix("- ") for p in body(doc_id).split("\n\n") if p.strip()]


def han(text: str) -> str:
    """Only the Han characters of ``text``, in order: what an import must keep."""
    return "".join(_HAN.findall(text))
