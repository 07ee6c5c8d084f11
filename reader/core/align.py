"""Sentence alignment of an original with its translation (Gale–Church, strengthened by anchors).

Method. Gale and Church (1993) align sentences by length alone: a translated sentence's length
is close to a constant multiple ``c`` of its original's, with a spread that grows with length.
Each step ("bead") of the alignment joins 1–1, 1–2, 2–1, 1–0 or 0–1 sentences; its cost is
``-log P(kind) - log P(length difference)`` and dynamic programming finds the cheapest path.
What is changed here, and why:

- Lengths are counted in characters that are not white space: Han characters for Chinese,
  letters and digits for the translation. ``c`` and the spread are not taken from a table but
  fitted on the pair itself: a first pass uses a typical value for the language, the confident
  1–1 beads of that pass give ``c`` and the variance, and a second pass uses them. So a
  translation that is wordier than usual still aligns.
- Anchors lower a bead's cost: numbers that stand on both sides, glossary terms whose English or
  Russian equivalent appears in the candidate translation (Russian matched by word stems, as it
  inflects), and quotations (《…》 or “…” against text in quotation marks). Lengths alone drift on a
  run of similar sentences; anchors hold the path to the right ones.
- A partial translation (only the opening translated) must leave the rest unpaired, not smear
  the translation over the whole original: once the translation is used up, the remaining
  original sentences cost little each. Elsewhere 1–0 and 0–1 keep their ordinary cost, so an
  omitted sentence is left unpaired rather than forced onto a neighbour.
- Corrections made by the user are fixed beads: the path must pass through them, and the
  stretches between them are aligned independently.

Cost: the table has (n+1)(m+1) cells with five moves each; for a statement of ~80 sentences
against a full translation that is a few milliseconds of Python.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.sentences import Sentence

#: Prior probabilities of the kinds of bead (Gale & Church 1993, table 5), keyed (n_src, n_tgt).
PRIORS = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
}
#: Characters of translation per Han character, for the first pass only (refitted on the pair).
TYPICAL_RATIO = {"en": 3.2, "ru": 3.4}
ANCHOR_WEIGHT = 2.0
#: Cost of each original sentence left after the translation ended (a partial translation).
TAIL_COST = 0.3
_FIRST_VARIANCE = 6.0


@dataclass(frozen=True)
class Side:
    """The sentences of one side, with what the anchors compare."""

    text: str
    sentences: Sequence[Sentence]


@dataclass(frozen=True)
class Bead:
    """Original sentences ``src`` joined to translation sentences ``tgt`` (either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float  # 0..1: how well lengths and anchors agree; 1.0 for a user's correction
    fixed: bool = False


@dataclass(frozen=True)
class Anchors:
    """Per-sentence anchor sets: numbers, term keys and quoted titles found in each sentence."""

    src: Sequence[frozenset[str]]
    tgt: Sequence[frozenset[str]]


def align(
    source: Side,
    target: Side,
    anchors: Anchors | None = None,
    lang: str = "en",
    fixed: Iterable[tuple[tuple[int, ...], tuple[int, ...]]] = (),
) -> list[Bead]:
    """The cheapest alignment of ``source`` with ``target``, passing through every ``fixed`` bead."""
    src_len = [_length(source.text, s) for s in source.sentences]
    tgt_len = [_length(target.text, s) for s in target.sentences]
    anchors = anchors or Anchors([frozenset()] * len(src_len), [frozenset()] * len(tgt_len))
    model = _LengthModel(TYPICAL_RATIO.get(lang, 3.0), _FIRST_VARIANCE)
    beads = _align_with_fixed(src_len, tgt_len, anchors, model, list(fixed))
    fitted = _LengthModel.fit(beads, src_len, tgt_len)
    if fitted is not None:
        model = fitted
        beads = _align_with_fixed(src_len, tgt_len, anchors, model, list(fixed))
    return beads


def _length(text: str, sentence: Sentence) -> int:
    return sum(1 for ch in text[sentence.start : sentence.end] if ch.isalnum())


@dataclass(frozen=True)
class _LengthModel:
    ratio: float
    variance: float

    def match_probability(self, l1: int, l2: int) -> float:
        """Two-sided tail probability of the length difference (Gale & Church's delta)."""
        normalised = l2 / self.ratio
        mean = max((l1 + normalised) / 2, 1.0)
        delta = (normalised - l1) / math.sqrt(self.variance * mean)
        return max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12)

    @classmethod
    def fit(cls, beads: list[Bead], src_len: list[int], tgt_len: list[int]) -> _LengthModel | None:
        pairs = [
            (src_len[b.src[0]], tgt_len[b.tgt[0]])
            for b in beads
            if len(b.src) == 1 and len(b.tgt) == 1 and b.score > 0.2
        ]
        pairs = [(a, b) for a, b in pairs if a > 0 and b > 0]
        if len(pairs) < 3:
            return None
        ratio = sum(b for _, b in pairs) / sum(a for a, _ in pairs)
        spread = [(b / ratio - a) ** 2 / ((a + b / ratio) / 2) for a, b in pairs]
        variance = min(max(sum(spread) / len(spread), 1.0), 40.0)
        return cls(ratio, variance)


def _align_with_fixed(
    src_len: list[int],
    tgt_len: list[int],
    anchors: Anchors,
    model: _LengthModel,
    fixed: list[tuple[tuple[int, ...], tuple[int, ...]]],
) -> list[Bead]:
    """One dynamic programme in which every fixed bead is a move that must be taken as a whole.

    A sentence that belongs to a fixed bead can be consumed only by that bead's move; a fixed
    bead with sentences on both sides starts only where both of its sides start, and one with
    an empty side (the user unpaired those sentences) wherever its non-empty side starts.
    """
    n, m = len(src_len), len(tgt_len)
    owner_src: dict[int, int] = {}
    owner_tgt: dict[int, int] = {}
    kept: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for index, (src, tgt) in enumerate(fixed):
        if any(k in owner_src or not 0 <= k < n for k in src) or any(
            k in owner_tgt or not 0 <= k < m for k in tgt
        ):
            continue  # overlaps an earlier correction, or out of range: the earlier wins
        if src and tgt and any(_crosses((src, tgt), other) for other in kept):
            continue  # pairs must keep the order of both texts: the earlier wins
        kept.append((src, tgt))
        owner_src.update((k, index) for k in src)
        owner_tgt.update((k, index) for k in tgt)
    fixed_at_src = {
        min(src): i for i, (src, _) in enumerate(fixed) if src and i in owner_src.values()
    }
    fixed_at_tgt = {
        min(tgt): i
        for i, (src, tgt) in enumerate(fixed)
        if not src and tgt and i in owner_tgt.values()
    }

    inf = math.inf
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        row = cost[i]
        for j in range(m + 1):
            here = row[j]
            if here == inf:
                continue
            for di, dj in _MOVES:
                if i + di > n or j + dj > m:
                    continue
                if any(k in owner_src for k in range(i, i + di)) or any(
                    k in owner_tgt for k in range(j, j + dj)
                ):
                    continue
                step = here + _bead_cost(src_len, tgt_len, anchors, model, i, j, di, dj)
                if step < cost[i + di][j + dj]:
                    cost[i + di][j + dj] = step
                    back[i + di][j + dj] = (di, dj, -1)
            starting = {fixed_at_src.get(i, -1), fixed_at_tgt.get(j, -1)} - {-1}
            for index in starting:
                src, tgt = fixed[index]
                if (src and min(src) != i) or (tgt and min(tgt) != j):
                    continue
                di, dj = len(src), len(tgt)
                if here < cost[i + di][j + dj]:
                    cost[i + di][j + dj] = here
                    back[i + di][j + dj] = (di, dj, index)
    end_i = n
    if m > 0:  # a partial translation: what follows its end costs little and stays unpaired
        end_i = min(
            (i for i in range(n + 1) if all(k not in owner_src for k in range(i, n))),
            key=lambda i: cost[i][m] + (n - i) * TAIL_COST,
        )
    beads: list[Bead] = []
    i, j = end_i, m
    while i or j:
        move = back[i][j]
        if move is None:
            raise AssertionError("a kept correction was unreachable")  # filtered above
        di, dj, index = move
        src = tuple(range(i - di, i))
        tgt = tuple(range(j - dj, j))
        if index >= 0:
            beads.append(Bead(src, tgt, 1.0 if src and tgt else 0.0, fixed=True))
        else:
            beads.append(Bead(src, tgt, _bead_score(src_len, tgt_len, anchors, model, src, tgt)))
        i, j = i - di, j - dj
    return beads[::-1] + [Bead((k,), (), 0.0) for k in range(end_i, n)]


_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


def _crosses(
    a: tuple[tuple[int, ...], tuple[int, ...]], b: tuple[tuple[int, ...], tuple[int, ...]]
) -> bool:
    if not (b[0] and b[1]):
        return False
    return (max(a[0]) < min(b[0])) != (max(a[1]) < min(b[1]))


def _bead_cost(
    src_len: list[int],
    tgt_len: list[int],
    anchors: Anchors,
    model: _LengthModel,
    i: int,
    j: int,
    di: int,
    dj: int,
) -> float:
    prior = -math.log(PRIORS[(di, dj)])
    if di == 0 or dj == 0:
        return prior
    l1 = sum(src_len[i : i + di])
    l2 = sum(tgt_len[j : j + dj])
    shared = _shared_anchors(anchors, range(i, i + di), range(j, j + dj))
    return prior - math.log(model.match_probability(l1, l2)) - ANCHOR_WEIGHT * shared


def _shared_anchors(anchors: Anchors, src: Iterable[int], tgt: Iterable[int]) -> int:
    left: set[str] = set().union(*(anchors.src[k] for k in src))
    right: set[str] = set().union(*(anchors.tgt[k] for k in tgt))
    return len(left & right)


def _bead_score(
    src_len: list[int],
    tgt_len: list[int],
    anchors: Anchors,
    model: _LengthModel,
    src: tuple[int, ...],
    tgt: tuple[int, ...],
) -> float:
    if not src or not tgt:
        return 0.0
    probability = model.match_probability(
        sum(src_len[k] for k in src), sum(tgt_len[k] for k in tgt)
    )
    bonus = 0.15 * _shared_anchors(anchors, src, tgt)
    return round(min(1.0, probability + bonus), 3)


# --- anchors ---------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")
_CHINESE_QUOTE = re.compile(r"《[^》]+》|“[^”]+”")
_QUOTED = re.compile(r"[“\"«]([^”\"»]+)[”\"»]")


def number_anchors(text: str) -> set[str]:
    """Numbers written with digits (the statements write years and counts with digits)."""
    return {f"#{int(n)}" for n in _DIGITS.findall(text)}


def stem_key(phrase: str, lang: str) -> str:
    """A phrase reduced to word stems, so inflected Russian still matches its dictionary form."""
    words = re.findall(r"\w+", phrase.lower())
    if lang == "ru":
        words = [w[: max(4, len(w) - 3)] for w in words]
    else:  # "weapons" must find "nuclear-weapon States"; matching is by prefix
        words = [
            w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
        ]
    return " ".join(words)


def find_phrase(text: str, phrase: str, lang: str) -> tuple[int, int] | None:
    """Where ``phrase`` stands in ``text``, word by word (stems in Russian, "weapons" finding
    "weapon"): the character span from its first word to its last, or None."""
    key = stem_key(phrase, lang).split()
    if not key:
        return None
    words = list(re.finditer(r"\w+", text.lower()))
    for start in range(len(words) - len(key) + 1):
        if all(words[start + k].group().startswith(key[k]) for k in range(len(key))):
            return words[start].start(), words[start + len(key) - 1].end()
    return None


def build_anchors(
    source: Side,
    target: Side,
    terms: Iterable[tuple[str, Sequence[str]]],
    lang: str,
) -> Anchors:
    """Anchor sets for every sentence of both sides.

    ``terms`` are (hanzi, equivalents in ``lang``) pairs. A term becomes an anchor key only where
    it stands in an original sentence; the translation side is scanned once per sentence,
    looking candidates up by the first letters of each word, so the cost grows with the text, not
    with text × terms.
    """
    src_texts = [source.text[s.start : s.end] for s in source.sentences]
    whole = source.text
    present = [(hanzi, eqs) for hanzi, eqs in terms if eqs and hanzi in whole]
    buckets: dict[str, list[tuple[list[str], str]]] = {}
    for hanzi, equivalents in present:
        for equivalent in equivalents:
            key = stem_key(equivalent, lang).split()
            if key:
                buckets.setdefault(key[0][:4], []).append((key, hanzi))
    src_sets = [
        frozenset(
            number_anchors(text)
            | {f"t:{hanzi}" for hanzi, _ in present if hanzi in text}
            | ({"quote"} if _CHINESE_QUOTE.search(text) else set())
        )
        for text in src_texts
    ]
    tgt_sets = [
        frozenset(_translation_anchors(target.text[s.start : s.end], buckets))
        for s in target.sentences
    ]
    return Anchors(src_sets, tgt_sets)


def _translation_anchors(text: str, buckets: dict[str, list[tuple[list[str], str]]]) -> set[str]:
    found = number_anchors(text)
    if _QUOTED.search(text):
        found.add("quote")
    words = re.findall(r"\w+", text.lower())
    for start, word in enumerate(words):
        for key, hanzi in buckets.get(word[:4], ()):
            if start + len(key) <= len(words) and all(
                words[start + k].startswith(key[k]) for k in range(len(key))
            ):
                found.add(f"t:{hanzi}")
    return found
