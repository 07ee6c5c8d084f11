"""Reproducible large corpora made from the two statements' own sentences.

Documents of about 8,000 characters are built from the sentences of both statements,
shuffled with a fixed seed, so every run (and every machine) measures the same text.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from reader.core.documents import Document, parse_document

ROOT = Path(__file__).resolve().parents[2]
SEED = 20250508
DOC_CHARS = 8000
PARAGRAPH_CHARS = 400


def sentences() -> list[str]:
    found = []
    for name in ("2016.txt", "2025.txt"):
        body = (ROOT / "texts" / name).read_text(encoding="utf-8").split("---\n", 1)[1]
        for paragraph in body.split("\n\n"):
            found += [
                s for s in re.findall(r"[^。；]+[。；]?", paragraph.removeprefix("- ")) if s.strip()
            ]
    return found


def document_text(rng: random.Random, pool: list[str], chars: int) -> str:
    paragraphs, current, total = [], "", 0
    while total < chars:
        sentence = rng.choice(pool)
        current += sentence
        total += len(sentence)
        if len(current) >= PARAGRAPH_CHARS:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def make_file_text(index: int, body: str) -> str:
    header = f"id: g{index:05d}\ntitle: 生成文档{index}\ndate: 2030-01-01\nplace: Nowhere\nsource: generated from the statements' sentences (seed {SEED})\n---\n"
    return header + f"生成文档{index}\n\n" + body + "\n"


def corpus(count: int, chars: int = DOC_CHARS) -> list[Document]:
    """``count`` documents of about ``chars`` characters each, the same on every run."""
    rng = random.Random(SEED)
    pool = sentences()
    return [
        parse_document(make_file_text(i, document_text(rng, pool, chars)), Path(f"g{i:05d}.txt"))
        for i in range(count)
    ]


def write_big_document(folder: Path, chars: int) -> Path:
    """One document of ``chars`` characters in ``folder`` (for the big-document benchmark)."""
    rng = random.Random(SEED)
    path = folder / "big.txt"
    path.write_text(make_file_text(0, document_text(rng, sentences(), chars)), encoding="utf-8")
    return path
