"""Shared wording: the runs of characters two documents have in common, found exactly.

The definition, so that results can be checked by hand: a character of A is *shared* iff it
lies inside a run of at least ``N`` consecutive characters, within one paragraph of A, that
also stands within one paragraph of B (and the same for B). Punctuation counts; nothing is
normalised. A paragraph ends at a newline of the document text, which is never shared.

How: one suffix array over ``A + separator + B`` (libdivsufsort through pydivsufsort, in C)
and its LCP array (Kasai). For every suffix of A, the longest prefix that starts some suffix of
B is the LCP with the nearest B suffix above or below it in suffix order; those two minima
over LCP stretches are segmented running minima, done with numpy in a handful of passes. The
result, capped at the paragraph end, is the *matching statistic* ``ms[i]``: the length of the
longest run starting at ``A[i]`` that stands in B. Everything else follows from it:

* ``A[i]`` is shared iff some ``j <= i`` has ``ms[j] >= N`` and ``j + ms[j] > i``;
* ``A[i:i+ms[i]]`` is a *maximal* run (it cannot be extended left or right and still stand in
  B) iff ``ms[i] >= N`` and ``ms[i-1] <= ms[i]``.

Two 1,000,000-character documents take well under a second; there is no pairwise scan, so a
phrase repeated a thousand times costs nothing extra.

``runs`` lists each maximal run of A with one place where it stands in B, and each maximal run
of B not already listed with one place in A. Every pair listed is a maximal exact match (no
pair of it can be extended), and the listed spans cover exactly the shared characters of each
side. A run that stands several times in the other document is listed once; ``places`` finds
the others.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

DEFAULT_MIN_RUN = 8
MIN_RUN_RANGE = (4, 30)  # what the window offers; the core accepts any N >= 1

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class SharedRun:
    """A maximal run standing in both texts: ``a[a_start:a_end] == b[b_start:b_end]``."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    text: str

    def __len__(self) -> int:
        return self.a_end - self.a_start


@dataclass(frozen=True)
class SharedWording:
    """The shared runs of two texts and the shaded stretches of each."""

    min_run: int
    runs: tuple[SharedRun, ...]
    a_spans: tuple[tuple[int, int], ...]  # merged shared stretches of A, sorted
    b_spans: tuple[tuple[int, int], ...]

    def shared_chars(self, side: str) -> int:
        return sum(end - start for start, end in (self.a_spans if side == "a" else self.b_spans))

    def runs_at(self, side: str, offset: int) -> list[SharedRun]:
        """The listed runs that cover character ``offset`` of side ``"a"`` or ``"b"``."""
        if side == "a":
            return [r for r in self.runs if r.a_start <= offset < r.a_end]
        return [r for r in self.runs if r.b_start <= offset < r.b_end]

    def is_shared(self, side: str, offset: int) -> bool:
        spans = self.a_spans if side == "a" else self.b_spans
        index = bisect_right(spans, (offset, offset + 1)) - 1
        return index >= 0 and spans[index][0] <= offset < spans[index][1]


def places(text: str, run: str) -> list[int]:
    """Every start offset of ``run`` in ``text`` (overlapping ones too)."""
    found = []
    position = text.find(run)
    while position >= 0:
        found.append(position)
        position = text.find(run, position + 1)
    return found


def shared_wording(a: str, b: str, min_run: int = DEFAULT_MIN_RUN) -> SharedWording:
    """Every maximal run of at least ``min_run`` characters that stands in both texts."""
    if min_run < 1:
        raise ValueError("min_run must be at least 1")
    ms_a, at_b, ms_b, at_a = matching_statistics(a, b)
    runs_a = _maximal_starts(ms_a, min_run)
    runs_b = _maximal_starts(ms_b, min_run)
    pairs = {(int(i), int(at_b[i]), int(ms_a[i])) for i in runs_a}
    pairs.update((int(at_a[j]), int(j), int(ms_b[j])) for j in runs_b)
    runs = tuple(
        SharedRun(i, i + size, j, j + size, a[i : i + size]) for i, j, size in sorted(pairs)
    )
    return SharedWording(
        min_run, runs, _covered_spans(ms_a, min_run), _covered_spans(ms_b, min_run)
    )


def matching_statistics(a: str, b: str) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """``ms_a[i]``: the longest run from ``a[i]`` (within its paragraph) standing in ``b``
    (within a paragraph), ``at_b[i]`` one place where it stands; and the same from ``b``."""
    na, nb = len(a), len(b)
    if not na or not nb:
        empty_a, empty_b = np.zeros(na, np.int64), np.zeros(nb, np.int64)
        return empty_a, empty_a.copy(), empty_b, empty_b.copy()
    from pydivsufsort import divsufsort, kasai

    symbols = _symbols(a + "\n" + b, separator_at=na)
    sa = divsufsort(symbols).astype(np.int64)
    lcp = kasai(symbols, sa).astype(np.int64)
    is_b = sa > na
    is_a = sa < na
    ms_a, at_b = _nearest_match(sa, lcp, is_a, is_b)
    ms_b, at_a = _nearest_match(sa, lcp, is_b, is_a)
    order_a, order_b = sa[is_a], sa[is_b] - (na + 1)
    ms_a_text = np.zeros(na, np.int64)
    ms_a_text[order_a] = ms_a
    at_b_text = np.zeros(na, np.int64)
    at_b_text[order_a] = at_b - (na + 1)
    ms_b_text = np.zeros(nb, np.int64)
    ms_b_text[order_b] = ms_b
    at_a_text = np.zeros(nb, np.int64)
    at_a_text[order_b] = at_a
    ms_a_text = np.minimum(ms_a_text, _to_paragraph_end(a))
    ms_b_text = np.minimum(ms_b_text, _to_paragraph_end(b))
    return ms_a_text, at_b_text, ms_b_text, at_a_text


def _symbols(text: str, separator_at: int) -> npt.NDArray[np.unsignedinteger]:
    """The text as small integers that sort like its characters, the A|B separator unique.

    A newline is an ordinary symbol here: runs are cut at paragraph ends afterwards, which
    gives the same answer as a unique symbol per paragraph but keeps the alphabet small."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    _, ranks = np.unique(codes, return_inverse=True)
    ranks = ranks.astype(np.int64) + 1
    ranks[separator_at] = int(ranks.max()) + 1
    dtype = np.uint16 if ranks.max() < 2**16 else np.uint32
    return ranks.astype(dtype)


def _nearest_match(
    sa: IntArray, lcp: IntArray, mine: npt.NDArray[np.bool_], other: npt.NDArray[np.bool_]
) -> tuple[IntArray, IntArray]:
    """For each suffix of ``mine`` (in suffix order): the longest common prefix with any
    suffix of ``other``, and the text position of one such suffix.

    The best partner is the nearest ``other`` suffix above or below in suffix order; the LCP
    with it is the minimum of ``lcp`` over the ranks in between (a segmented running minimum,
    done as one global running minimum by shifting each segment far below the one before)."""
    n = len(sa)
    ranks = np.arange(n, dtype=np.int64)
    big = n + 2
    # Above: the last `other` rank p < r, and min(lcp[p..r-1]).
    segment = np.cumsum(other, dtype=np.int64)  # number of `other` ranks <= k
    shifted = lcp - segment * big
    running = np.minimum.accumulate(shifted)
    above = np.zeros(n, np.int64)
    above[1:] = np.where(segment[:-1] > 0, running[:-1] + segment[:-1] * big, 0)
    last_other = np.maximum.accumulate(np.where(other, ranks, -1))
    above_rank = np.zeros(n, np.int64)
    above_rank[1:] = last_other[:-1]
    # Below: the first `other` rank q > r, and min(lcp[r..q-1]).
    after = np.cumsum(other[::-1], dtype=np.int64)[::-1]  # number of `other` ranks >= k
    segment_below = np.zeros(n, np.int64)
    segment_below[:-1] = after[1:]  # number of `other` ranks > k
    shifted_below = lcp - segment_below * big
    running_below = np.minimum.accumulate(shifted_below[::-1])[::-1]
    below = np.where(segment_below > 0, running_below + segment_below * big, 0)
    next_other = np.minimum.accumulate(np.where(other, ranks, n)[::-1])[::-1]
    below_rank = np.full(n, n, np.int64)
    below_rank[:-1] = next_other[1:]
    use_below = below > above
    best = np.where(use_below, below, above)[mine]
    partner_rank = np.where(use_below, below_rank, above_rank)[mine]
    partner = sa[np.clip(partner_rank, 0, n - 1)]
    return best, np.where(best > 0, partner, 0)


def _to_paragraph_end(text: str) -> IntArray:
    """For each position, how many characters remain before its paragraph's newline."""
    n = len(text)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    newlines = np.flatnonzero(codes == 10)
    ends = np.append(newlines, n)
    positions = np.arange(n, dtype=np.int64)
    return ends[np.searchsorted(ends, positions)] - positions


def _maximal_starts(ms: IntArray, min_run: int) -> IntArray:
    """Starts of runs that cannot be extended to the left: ``ms[i-1] <= ms[i]``."""
    previous = np.concatenate(([0], ms[:-1]))
    return np.flatnonzero((ms >= min_run) & (previous <= ms))


def _covered_spans(ms: IntArray, min_run: int) -> tuple[tuple[int, int], ...]:
    """The shaded stretches: the union of ``[i, i + ms[i])`` over ``ms[i] >= min_run``."""
    n = len(ms)
    if not n:
        return ()
    positions = np.arange(n, dtype=np.int64)
    reach = np.maximum.accumulate(np.where(ms >= min_run, positions + ms, 0))
    covered = reach > positions
    edges = np.flatnonzero(np.diff(np.concatenate(([False], covered, [False])).astype(np.int8)))
    return tuple(zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True))
