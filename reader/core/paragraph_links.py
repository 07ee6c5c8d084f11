"""Paragraph links: which paragraphs of B take up the matter of each paragraph of A.

Two signals, because a later statement either carries a passage over or restates its matter
in new words:

* **wording** — the share of the shorter paragraph covered by shared runs between the two
  (``shared.py``); a passage carried over verbatim scores near 1 even if it was cut or
  lengthened around it;
* **matter** — cosine similarity of TF-IDF vectors over three kinds of feature: the
  paragraphs' words (as the rest of Reader cuts them: glossary terms first, jieba between), their
  glossary terms counted once more, nested ones included (全球战略稳定 also counts 战略稳定), and
  their pairs of adjacent Chinese characters. The character pairs are there because words alone
  are brittle: one long glossary entry (战略反导系统) shares no word with the shorter form the
  other statement uses (反导系统), and a grown glossary once made half of the links vanish;
  bigrams are the classic remedy in Chinese retrieval (they match whatever the segmentation),
  and words and terms keep the weight of whole expressions. IDF is ``ln(P / df)`` over the paragraphs of both
  documents, so a word standing in every paragraph (的, 双方 in a statement made of 双方…)
  weighs nothing, and one that two paragraphs alone share weighs most. Counts are damped
  (``1 + ln tf``) so that one paragraph repeating a word does not outweigh the others.

The score combines them as ``1 - (1 - matter)(1 - wording)``: either signal alone can make a
link, both together make a stronger one, and neither can push the score past 1.

Which pairs are linked: a paragraph's best counterpart when its score reaches ``BEST_LINK``
(seen from either side, so a 2025 paragraph that expands one 2016 paragraph is linked even
when that 2016 paragraph has a better match elsewhere), and any further pair whose score
reaches ``STRONG_LINK`` (a passage split in two keeps both halves). A title is compared only
with the other title: the names of the two states stand in both titles and in the opening
paragraphs, and would otherwise link a title to the body. A paragraph with no link is
*dropped* (in A) or *new* (in B). Both bars were set by reading the 2016 and 2025 statements
side by side: above them pairs take up the same matter; below, they mostly share only the
vocabulary of the genre (安全, 稳定, 双方).

No statistics model is trained and nothing is approximate: the same texts always give the
same links, which a reader can check against the two numbers shown with each link.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.documents import Document
from reader.core.shared import SharedWording

BEST_LINK = 0.05
STRONG_LINK = 0.3

Features = Counter[str]


@dataclass(frozen=True, slots=True)
class ParagraphLink:
    """Paragraph ``a`` of A and ``b`` of B take up the same matter (1-based numbers)."""

    a: int
    b: int
    score: float
    matter: float
    wording: float


@dataclass(frozen=True)
class ParagraphLinks:
    """All links, best first within each paragraph of A; the paragraphs left without one."""

    links: tuple[ParagraphLink, ...]
    dropped: tuple[int, ...]  # paragraphs of A with no counterpart in B
    new: tuple[int, ...]  # paragraphs of B with no counterpart in A

    def of_a(self, number: int) -> list[ParagraphLink]:
        return [link for link in self.links if link.a == number]

    def of_b(self, number: int) -> list[ParagraphLink]:
        return sorted((link for link in self.links if link.b == number), key=_best_first)


def scored_pairs(
    a: Document,
    b: Document,
    a_features: Sequence[Features],
    b_features: Sequence[Features],
    shared: SharedWording,
) -> list[ParagraphLink]:
    """Every pair of paragraphs with a score above zero, titles paired only with titles, in
    the order (a, b)."""
    matter = _cosines(a_features, b_features)
    wording = _wording(a, b, shared)
    pairs = []
    for pa, pb in sorted(set(matter) | set(wording)):
        if (a.paragraphs[pa - 1].kind == "title") != (b.paragraphs[pb - 1].kind == "title"):
            continue
        m, w = matter.get((pa, pb), 0.0), wording.get((pa, pb), 0.0)
        score = round(1 - (1 - m) * (1 - w), 3)
        if score > 0:
            pairs.append(ParagraphLink(pa, pb, score, round(m, 3), round(w, 3)))
    return pairs


_NONE = ParagraphLink(0, 0, -1.0, 0.0, 0.0)


def _best_first(link: ParagraphLink) -> tuple[float, int, int]:
    return (-link.score, link.a, link.b)


def link_paragraphs(
    a: Document,
    b: Document,
    a_features: Sequence[Features],
    b_features: Sequence[Features],
    shared: SharedWording,
) -> ParagraphLinks:
    """Link the paragraphs of ``a`` and ``b``; ``*_features`` hold one Counter a paragraph."""
    candidates = scored_pairs(a, b, a_features, b_features, shared)
    best_a: dict[int, ParagraphLink] = {}
    best_b: dict[int, ParagraphLink] = {}
    for link in candidates:
        if link.score > best_a.get(link.a, _NONE).score:
            best_a[link.a] = link
        if link.score > best_b.get(link.b, _NONE).score:
            best_b[link.b] = link
    chosen = {link for link in candidates if link.score >= STRONG_LINK}
    chosen.update(x for x in [*best_a.values(), *best_b.values()] if x.score >= BEST_LINK)
    links = sorted(chosen, key=lambda link: (link.a, -link.score, link.b))
    linked_a = {link.a for link in links}
    linked_b = {link.b for link in links}
    return ParagraphLinks(
        tuple(links),
        tuple(p.number for p in a.paragraphs if p.number not in linked_a),
        tuple(p.number for p in b.paragraphs if p.number not in linked_b),
    )


def _cosines(
    a_features: Sequence[Features], b_features: Sequence[Features]
) -> dict[tuple[int, int], float]:
    """Cosine of the TF-IDF vectors of every pair that shares a weighted feature."""
    every = [*a_features, *b_features]
    document_frequency: Counter[str] = Counter()
    for features in every:
        document_frequency.update(features.keys())
    total = len(every)
    idf = {word: math.log(total / df) for word, df in document_frequency.items()}
    vectors_a = [_weights(f, idf) for f in a_features]
    vectors_b = [_weights(f, idf) for f in b_features]
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for number, vector in enumerate(vectors_b, start=1):
        for word, weight in vector.items():
            postings[word].append((number, weight))
    cosines: dict[tuple[int, int], float] = defaultdict(float)
    for number, vector in enumerate(vectors_a, start=1):
        for word, weight in vector.items():
            for other, other_weight in postings.get(word, ()):
                cosines[(number, other)] += weight * other_weight
    return dict(cosines)


def _weights(features: Features, idf: dict[str, float]) -> dict[str, float]:
    """Unit-length TF-IDF weights, features of zero weight left out."""
    raw = {w: (1 + math.log(n)) * idf[w] for w, n in features.items() if idf[w] > 0}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    return {w: v / norm for w, v in raw.items()} if norm else {}


def _wording(a: Document, b: Document, shared: SharedWording) -> dict[tuple[int, int], float]:
    """Per pair of paragraphs: characters of the listed runs between them (merged on the A
    side) over the length of the shorter paragraph."""
    spans: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for run in shared.runs:
        pair = (a.paragraph_at(run.a_start).number, b.paragraph_at(run.b_start).number)
        spans[pair].append((run.a_start, run.a_end))
    result = {}
    for (pa, pb), stretches in spans.items():
        shorter = min(_length(a, pa), _length(b, pb))
        result[(pa, pb)] = min(1.0, _union_length(stretches) / shorter)
    return result


def _length(document: Document, number: int) -> int:
    paragraph = document.paragraphs[number - 1]
    return max(1, paragraph.end - paragraph.start)


def _union_length(stretches: list[tuple[int, int]]) -> int:
    total, reach = 0, -1
    for start, end in sorted(stretches):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total
