"""An original and its translations: aligned sentences, a bilingual concordance, a term check.

A translation is an ordinary document whose header says what it translates and in which
language (``translation-of: 2025``, ``lang: en``), so a person can read and fix it like any
text. This module puts :mod:`reader.core.align` to work on documents and the glossary, and
answers what a translator asks: which sentence renders this one, how was this term rendered
here, and where was it rendered differently or not at all.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from reader import __version__
from reader.core.align import Bead, Side, align, build_anchors, find_phrase
from reader.core.documents import Document
from reader.core.errors import ReaderError
from reader.core.glossary import Glossary, Term
from reader.core.library import Library
from reader.core.sentences import Sentence, split_sentences
from reader.core.store import Store

TRANSLATION_OF = "translation-of"
LANGUAGE = "lang"
LANGUAGES = ("en", "ru")
#: xml:lang codes written into TMX.
TMX_LANG = {"zh": "zh-CN", "en": "en", "ru": "ru"}

Correction = tuple[tuple[int, ...], tuple[int, ...]]


class TranslationError(ReaderError):
    """A document that is not a translation, or not of the document it is paired with."""


def translation_info(document: Document) -> tuple[str, str] | None:
    """(original id, language) of a translation; None for an original."""
    original = document.extra.get(TRANSLATION_OF)
    lang = document.extra.get(LANGUAGE)
    if not original or lang not in LANGUAGES:
        return None
    return original, lang


def check_pair(original: Document, translation: Document) -> str:
    """The translation's language, or a TranslationError saying why the pair does not fit."""
    info = translation_info(translation)
    if info is None:
        raise TranslationError(
            f"{translation.id} is not a translation: its header needs "
            f"'{TRANSLATION_OF}: <document id>' and '{LANGUAGE}: en' or 'ru'"
        )
    if translation.id == original.id:  # 'translation-of' naming itself aligned a text with itself
        raise TranslationError(f"{translation.id} names itself in '{TRANSLATION_OF}'")
    if info[0] != original.id:
        raise TranslationError(
            f"{translation.id} is a translation of {info[0]}, not of {original.id}"
        )
    return info[1]


def equivalents(term: Term, lang: str) -> tuple[str, ...]:
    return term.english if lang == "en" else term.russian


@dataclass(frozen=True)
class Alignment:
    """Aligned sentences of ``original`` and ``translation``; unpaired ones have an empty side."""

    original: Document
    translation: Document
    lang: str
    source: Sequence[Sentence]
    target: Sequence[Sentence]
    beads: Sequence[Bead]
    _by_source: dict[int, Bead] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for bead in self.beads:
            for k in bead.src:
                self._by_source[k] = bead

    @property
    def pairs(self) -> list[Bead]:
        return [b for b in self.beads if b.src and b.tgt]

    def span(self, side: str, indices: Iterable[int]) -> tuple[int, int, int] | None:
        """(start, end, paragraph) covering the given sentences of one side."""
        sentences = self.source if side == "source" else self.target
        chosen = [sentences[k] for k in indices]
        if not chosen:
            return None
        return chosen[0].start, chosen[-1].end, chosen[0].paragraph

    def text(self, side: str, indices: Iterable[int]) -> str:
        found = self.span(side, indices)
        if found is None:
            return ""
        document = self.original if side == "source" else self.translation
        return document.text[found[0] : found[1]]

    def bead_at(self, offset: int) -> Bead | None:
        """The bead whose original sentences hold character ``offset`` of the original."""
        for index, sentence in enumerate(self.source):
            if sentence.start <= offset < sentence.end:
                return self._by_source.get(index)
        return None


def align_documents(
    original: Document,
    translation: Document,
    glossary: Glossary,
    corrections: Iterable[Correction] = (),
) -> Alignment:
    """Align a translation with its original, honouring the user's corrections."""
    lang = check_pair(original, translation)
    source = Side(original.text, split_sentences(original))
    target = Side(translation.text, split_sentences(translation))
    terms = [(t.hanzi, equivalents(t, lang)) for t in glossary.terms]
    anchors = build_anchors(source, target, terms, lang)
    beads = align(source, target, anchors, lang, corrections)
    return Alignment(original, translation, lang, source.sentences, target.sentences, beads)


def pairs_dict(alignment: Alignment) -> dict[str, object]:
    """The JSON of ``reader align``: paired sentences, then what was left unpaired."""

    def side(name: str, indices: tuple[int, ...]) -> dict[str, int] | None:
        found = alignment.span(name, indices)
        return (
            None if found is None else dict(zip(("start", "end", "paragraph"), found, strict=True))
        )

    return {
        "original": alignment.original.id,
        "translation": alignment.translation.id,
        "lang": alignment.lang,
        "pairs": [
            {"source": side("source", b.src), "target": side("target", b.tgt), "score": b.score}
            | ({"corrected": True} if b.fixed else {})
            for b in alignment.pairs
        ],
        "unpaired_source": [side("source", b.src) for b in alignment.beads if not b.tgt],
        "unpaired_target": [side("target", b.tgt) for b in alignment.beads if not b.src],
    }


def tmx(alignment: Alignment) -> str:
    """The aligned pairs as a TMX 1.4b translation memory (OmegaT and Trados read it)."""
    source_lang = TMX_LANG["zh"]
    target_lang = TMX_LANG[alignment.lang]
    header = (
        f'<header creationtool="Reader" creationtoolversion={quoteattr(__version__)} '
        f'segtype="sentence" o-tmf="Reader" adminlang="en" srclang="{source_lang}" '
        f'datatype="plaintext"/>'
    )
    units = []
    for bead in alignment.pairs:
        units.append(
            "    <tu>\n"
            f'      <prop type="x-document">{_xml_text(alignment.original.id)}</prop>\n'
            f'      <tuv xml:lang="{source_lang}"><seg>{_xml_text(alignment.text("source", bead.src))}</seg></tuv>\n'
            f'      <tuv xml:lang="{target_lang}"><seg>{_xml_text(alignment.text("target", bead.tgt))}</seg></tuv>\n'
            "    </tu>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        '<tmx version="1.4">\n'
        f"  {header}\n"
        "  <body>\n" + "".join(units) + "  </body>\n</tmx>\n"
    )


def _xml_text(text: str) -> str:
    """Escaped text with the characters XML 1.0 forbids dropped (they cannot be written)."""
    allowed = "".join(
        ch
        for ch in text
        if ch in "\t\n\r"
        or ("\x20" <= ch <= "\ud7ff")
        or ("\ue000" <= ch <= "\ufffd")
        or ch > "\uffff"
    )
    return escape(allowed).replace("\r", "&#13;")  # a literal CR would be read back as LF


@dataclass(frozen=True)
class Rendering:
    """How one occurrence of a term was rendered in one translation."""

    document: str
    lang: str
    text: str
    start: int
    end: int
    equivalent: str | None
    #: Where the equivalent stands in ``text`` (character offsets), when one was found.
    found: tuple[int, int] | None = None


def rendering(alignment: Alignment, term: Term | None, start: int) -> Rendering | None:
    """The aligned translation sentence of the occurrence at ``start``, and the equivalent in it."""
    bead = alignment.bead_at(start)
    if bead is None or not bead.tgt:
        return None
    found = alignment.span("target", bead.tgt)
    assert found is not None
    text = alignment.text("target", bead.tgt)
    equivalent, found_at = None, None
    if term is not None:
        for candidate in equivalents(term, alignment.lang):
            found_at = find_phrase(text, candidate, alignment.lang)
            if found_at is not None:
                equivalent = candidate
                break
    return Rendering(
        alignment.translation.id, alignment.lang, text, found[0], found[1], equivalent, found_at
    )


@dataclass(frozen=True)
class TermCheck:
    """The renderings of one glossary term across its occurrences in the original."""

    term: Term
    occurrences: int
    renderings: Counter[str]
    missing: list[tuple[int, int]]  # (start in the original, paragraph) with no equivalent found
    untranslated: int  # occurrences whose sentence has no counterpart (a partial translation)

    @property
    def inconsistent(self) -> bool:
        return len(self.renderings) > 1


def check_terms(alignment: Alignment, glossary: Glossary) -> list[TermCheck]:
    """For every glossary term of the original: which equivalents rendered it, and where none did."""
    text = alignment.original.text
    results = []
    for term in glossary.terms:
        starts = _find_all(text, term.hanzi)
        if not starts:
            continue
        renderings: Counter[str] = Counter()
        missing: list[tuple[int, int]] = []
        untranslated = 0
        for start in starts:
            found = rendering(alignment, term, start)
            if found is None:
                untranslated += 1
            elif found.equivalent is None:
                missing.append((start, alignment.original.paragraph_at(start).number))
            else:
                renderings[found.equivalent] += 1
        results.append(TermCheck(term, len(starts), renderings, missing, untranslated))
    return results


def _find_all(text: str, needle: str) -> list[int]:
    starts, at = [], text.find(needle)
    while at != -1:
        starts.append(at)
        at = text.find(needle, at + 1)
    return starts


def check_dict(alignment: Alignment, checks: list[TermCheck]) -> dict[str, object]:
    """The JSON of ``reader check``."""
    return {
        "original": alignment.original.id,
        "translation": alignment.translation.id,
        "lang": alignment.lang,
        "terms": [
            {
                "term": c.term.hanzi,
                "occurrences": c.occurrences,
                "renderings": dict(c.renderings.most_common()),
                "missing": [{"start": s, "paragraph": p} for s, p in c.missing],
                "untranslated": c.untranslated,
                "inconsistent": c.inconsistent,
            }
            for c in checks
        ],
    }


def translations_of(documents: Iterable[Document], original_id: str) -> list[Document]:
    """The documents that declare themselves translations of ``original_id``."""
    return [d for d in documents if (info := translation_info(d)) and info[0] == original_id]


class Concordance:
    """Aligned renderings for occurrences, aligning each translation once, on first need."""

    def __init__(
        self,
        documents: Sequence[Document],
        glossary: Glossary,
        corrections: CorrectionStore | None = None,
    ) -> None:
        self._documents = documents
        self._glossary = glossary
        self._corrections = corrections
        self._alignments: dict[str, list[Alignment]] = {}

    def alignments(self, original: Document) -> list[Alignment]:
        if original.id not in self._alignments:
            self._alignments[original.id] = [
                align_documents(original, t, self._glossary, self._fixed(original.id, t.id))
                for t in translations_of(self._documents, original.id)
            ]
        return self._alignments[original.id]

    def _fixed(self, original: str, translation: str) -> list[Correction]:
        return self._corrections.load(original, translation) if self._corrections else []

    def renderings(self, original: Document, term: Term | None, start: int) -> list[Rendering]:
        found = (rendering(a, term, start) for a in self.alignments(original))
        return [r for r in found if r is not None]


def rendering_dict(found: Rendering) -> dict[str, object]:
    return {
        "document": found.document,
        "lang": found.lang,
        "text": found.text,
        "start": found.start,
        "end": found.end,
        "equivalent": found.equivalent,
    }


CORRECTIONS = ("join-next", "split", "unpair", "reset")


def corrected(
    alignment: Alignment, action: str, bead: int, corrections: Sequence[Correction]
) -> list[Correction]:
    """The user's corrections after one more: join pair ``bead`` with the next, split its last
    sentence off (left unpaired, to be joined elsewhere), unpair it, or give it back to the
    automatic alignment. Corrections it overlaps are replaced."""
    if action not in CORRECTIONS or not 0 <= bead < len(alignment.beads):
        raise TranslationError(f"cannot apply correction {action!r} to pair {bead}")
    this = alignment.beads[bead]
    if action == "join-next":
        if bead + 1 >= len(alignment.beads):
            raise TranslationError("the last pair has no next pair to join")
        after = alignment.beads[bead + 1]
        added = [(this.src + after.src, this.tgt + after.tgt)]
    elif action == "split":
        if len(this.src) > 1:
            added = [(this.src[:-1], this.tgt), (this.src[-1:], ())]
        elif len(this.tgt) > 1:
            added = [(this.src, this.tgt[:-1]), ((), this.tgt[-1:])]
        else:
            raise TranslationError("a pair of one sentence on each side cannot be split")
    elif action == "unpair":
        added = [c for c in ((this.src, ()), ((), this.tgt)) if c[0] or c[1]]
    else:
        added = []
    touched_src = set(this.src) | {k for src, _ in added for k in src}
    touched_tgt = set(this.tgt) | {k for _, tgt in added for k in tgt}
    if action == "reset" and this.fixed and not (this.src and this.tgt):
        # An unpairing is two one-sided beads side by side: giving one back gives back both.
        for other in alignment.beads[max(0, bead - 1) : bead + 2]:
            if other.fixed and bool(other.src) != bool(this.src) and not (other.src and other.tgt):
                touched_src |= set(other.src)
                touched_tgt |= set(other.tgt)
    kept = [
        (src, tgt)
        for src, tgt in corrections
        if not (set(src) & touched_src or set(tgt) & touched_tgt)
    ]
    return kept + added


def translation_pairs(documents: Sequence[Document]) -> list[tuple[Document, Document]]:
    """(original, translation) for every translation whose original is in ``documents``."""
    by_id = {d.id: d for d in documents}
    pairs = []
    for document in documents:
        info = translation_info(document)
        if info is not None and info[0] in by_id:
            pairs.append((by_id[info[0]], document))
    return pairs


class CorrectionStore(Protocol):
    """Where the user's alignment corrections are kept, per (original, translation)."""

    def load(self, original: str, translation: str) -> list[Correction]: ...

    def save(self, original: str, translation: str, corrections: list[Correction]) -> None: ...


class MemoryCorrections:
    """Corrections kept for this session only (tests, and a library without a user store)."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], list[Correction]] = {}

    def load(self, original: str, translation: str) -> list[Correction]:
        return list(self._kept.get((original, translation), []))

    def save(self, original: str, translation: str, corrections: list[Correction]) -> None:
        self._kept[(original, translation)] = list(corrections)


class StoreCorrections:
    """Corrections kept in the user store: one row per (original, translation), one
    transaction per change, so a crash keeps the previous corrections or the new ones."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def load(self, original: str, translation: str) -> list[Correction]:
        rows = self.store.query(
            "SELECT corrections FROM alignment_correction WHERE original = ? AND translation = ?",
            (original, translation),
        )
        if not rows:
            return []
        try:
            raw = json.loads(str(rows[0][0]))
            return [(tuple(int(k) for k in src), tuple(int(k) for k in tgt)) for src, tgt in raw]
        except (ValueError, TypeError):
            return []  # unreadable corrections only cost the user's corrections, not the pair

    def save(self, original: str, translation: str, corrections: list[Correction]) -> None:
        data = json.dumps([[list(src), list(tgt)] for src, tgt in corrections])
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO alignment_correction VALUES (?, ?, ?, ?) "
                "ON CONFLICT (original, translation) DO UPDATE SET "
                "corrections = excluded.corrections, changed = excluded.changed",
                (original, translation, data, time.time()),
            )


def corrections_for(library: Library) -> CorrectionStore:
    """The library's user store when it has one; else corrections last for this session."""
    return StoreCorrections(library.user.store) if library.user is not None else MemoryCorrections()


def use_rendering(library: Library, hanzi: str, alignment: Alignment, equivalent: str) -> Term:
    """Make ``equivalent`` the term's first English or Russian equivalent, attested by the
    translation it was seen in (the source attests the first equivalent listed)."""
    term = library.glossary.get(hanzi)
    if term is None:
        raise TranslationError(f"{hanzi!r} is not in the glossary")
    equivalent = equivalent.strip()
    if not equivalent:
        raise TranslationError("an empty rendering cannot be an equivalent")
    translation = alignment.translation
    key = library.cite(f"{translation.title} ({translation.id}; {translation.source})")
    field = "english" if alignment.lang == "en" else "russian"
    others = tuple(e for e in equivalents(term, alignment.lang) if e != equivalent)
    return library.set_term(hanzi, {field: (equivalent, *others), f"{field}_source": key})
