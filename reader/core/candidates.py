"""Term candidates: the words and set phrases of a document a translator would put in a
termbase, ranked, so that a new statement's glossary is built in minutes.

Two kinds of candidate, neither already a glossary term:

* **words** of two or more characters (the document's own segmentation);
* **phrases**: runs of two or three words that recur as a unit (at least twice, never across
  punctuation, not opening or closing on a function word): 冲突风险, 国际社会.

Each is scored by *keyness*: how much more often it stands in this document than in general
Chinese, ``count × log2(frequency here / frequency in general)``. The general-language
baseline is wordfreq's Chinese list (Wikipedia, subtitles, books, web and news, tokenised with
jieba); a phrase missing from it is estimated from its words as wordfreq itself does for text
it has to cut (combined frequency divided by 10 for each extra word), so a phrase must recur
to outrank its words. Counts are occurrences as Reader counts them (``text.count``).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache

from reader.core.library import Library
from reader.core.pinyin import has_han

#: Words a phrase may not start or end with: particles, conjunctions, prepositions.
_EDGE = frozenset(
    [
        "的",
        "之",
        "和",
        "与",
        "及",
        "以及",
        "或",
        "并",
        "并且",
        "而",
        "在",
        "对",
        "对于",
        "为",
        "于",
        "从",
        "向",
        "将",
        "把",
        "被",
        "由",
        "以",
        "等",
        "中",
        "上",
        "下",
        "是",
        "也",
        "都",
        "其",
        "各",
        "该",
        "此",
        "这",
        "那",
        "这些",
        "这一",
        "一",
        "此类",
        "上述",
        "有关",
        "相关",
        "进一步",
        "继续",
        "不",
        "不能",
        "应",
        "应当",
        "各方",
        "双方",
        "两国",
    ]
)
#: The floor for a word wordfreq has never seen: rarer than anything it lists.
_UNSEEN = 1e-9
_MIN_PHRASE_COUNT = 2
#: A single word more frequent than this in general Chinese (Zipf 4.5: 威胁, 安全, 部署) is
#: everyday vocabulary, not a termbase entry; phrases built from such words still count.
_EVERYDAY = 10**4.5 / 1e9
#: A run joined by these is two things listed (中国和俄罗斯), not one unit; 与 is kept, as
#: it joins set phrases in this register (战略平衡与稳定).
_JOINS = frozenset(("和", "及", "以及", "或"))
_MIN_COUNT = 2
#: A word of three or more characters this rare in general Chinese (Zipf 2: 化学武器,
#: 非核武器) is listed even when it stands once: a term of the field, not a stray word.
_RARE = 10**2 / 1e9


@dataclass(frozen=True)
class Candidate:
    hanzi: str
    count: int
    pinyin: str
    score: float
    baseline: float  # frequency in general Chinese (per word), from wordfreq
    kind: str  # "word" or "phrase"


@cache
def _baseline() -> dict[str, float]:
    import wordfreq

    frequencies: dict[str, float] = wordfreq.get_frequency_dict("zh")
    return frequencies


def general_frequency(words: tuple[str, ...]) -> float:
    """Frequency of the words as one unit in general Chinese (see the module docstring)."""
    table = _baseline()
    whole = table.get("".join(words))
    if whole:
        return float(whole)
    if len(words) == 1 and len(words[0]) > 2:
        # A word Reader's segmentation keeps whole but wordfreq's jieba cuts (尤其是 = 尤其 是):
        # read it as wordfreq's own pieces, so an everyday word does not pass for a rare one.
        pieces = _known_pieces(words[0], table)
        if len(pieces) > 1:
            return general_frequency(pieces)
    inverse = sum(1.0 / float(table.get(word, _UNSEEN)) for word in words)
    return (1.0 / inverse) / 10.0 ** (len(words) - 1)


def _known_pieces(word: str, table: dict[str, float]) -> tuple[str, ...]:
    """``word`` cut greedily into the longest pieces wordfreq lists (a character otherwise)."""
    pieces, position = [], 0
    while position < len(word):
        for size in range(min(4, len(word) - position), 0, -1):
            piece = word[position : position + size]
            if size == 1 or piece in table:
                pieces.append(piece)
                position += size
                break
    return tuple(pieces)


def candidates(library: Library, doc_id: str, limit: int = 50) -> list[Candidate]:
    """The best ``limit`` candidates of a document, highest score first."""
    document = library.document(doc_id)
    runs = _runs(library, doc_id)
    total = sum(len(run) for run in runs) or 1
    found: dict[tuple[str, ...], int] = Counter()
    for run in runs:
        for index, word in enumerate(run):
            if len(word) >= 2:
                found[(word,)] += 1
            for size in (2, 3):
                gram = tuple(run[index : index + size])
                if len(gram) == size and gram[0] not in _EDGE and gram[-1] not in _EDGE:
                    found[gram] += 1
    glossary = library.glossary
    scored: list[Candidate] = []
    for words, seen in found.items():
        hanzi = "".join(words)
        if hanzi in glossary or (len(words) > 1 and seen < _MIN_PHRASE_COUNT):
            continue
        if len(words) == 1 and (hanzi in _EDGE or _baseline().get(hanzi, 0) > _EVERYDAY):
            continue
        if any(word in _JOINS for word in words[1:-1]):
            continue
        general = general_frequency(words)
        here = seen / total
        rare_once = len(words) == 1 and len(hanzi) >= 3 and general < _RARE
        if (seen < _MIN_COUNT and not rare_once) or here <= general:
            continue
        # Specificity first, recurrence second: a translator knows 国家 and 安全; what they
        # need listed is what general Chinese rarely says and this text says again.
        score = math.log2(here / general) * math.log2(1 + seen)
        count = document.text.count(hanzi)
        kind = "phrase" if len(words) > 1 else "word"
        scored.append(Candidate(hanzi, count, "", score, general, kind))
    scored.sort(key=lambda c: (-c.score, c.hanzi))
    best = _drop_contained(scored)[:limit]
    return [
        Candidate(c.hanzi, c.count, library.pinyin(c.hanzi), c.score, c.baseline, c.kind)
        for c in best
    ]


def _runs(library: Library, doc_id: str) -> list[list[str]]:
    """The document's words outside glossary terms, in runs broken at punctuation, at
    non-Chinese tokens and at terms (a candidate never straddles a known term)."""
    runs: list[list[str]] = [[]]
    for token in library.tokens(doc_id):
        if token.term or not has_han(token.text) or not token.text.strip():
            if runs[-1]:
                runs.append([])
            continue
        if all(has_han(c) for c in token.text):
            runs[-1].append(token.text)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _drop_contained(ranked: list[Candidate]) -> list[Candidate]:
    """A phrase that always stands inside a better-ranked longer one adds nothing."""
    kept: list[Candidate] = []
    for candidate in ranked:
        if any(candidate.hanzi in k.hanzi and candidate.count <= k.count for k in kept):
            continue
        kept.append(candidate)
    return kept
