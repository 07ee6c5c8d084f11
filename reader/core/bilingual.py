"""An original and its translations: aligned sentences, a bilingual concordance, a term check.

A translation is an ordinary document whose header says what it translates and in which
language (``translation-of: 2025``, ``lang: en``), so a person can read and fix it like any
text. This module puts :mod:`reader.core.align` to work on documents and the glossary, and
answers what a translator asks: which sentence renders this one, how was this term rendered
here, and where was it rendered differently or not at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from reader import __version__
from reader.core.align import Bead, Side, align, build_anchors, contains_phrase
from reader.core.documents import Document
from reader.core.errors import ReaderError
from reader.core.glossary import Glossary, Term
from reader.core.sentences import Sentence, split_sentences

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
    return escape(allowed)


@dataclass(frozen=True)
class Rendering:
    """How one occurrence of a term was rendered in one translation."""

    document: str
    lang: str
    text: str
    start: int
    end: int
    equivalent: str | None


def rendering(alignment: Alignment, term: Term | None, start: int) -> Rendering | None:
    """The aligned translation sentence of the occurrence at ``start``, and the equivalent in it."""
    bead = alignment.bead_at(start)
    if bead is None or not bead.tgt:
        return None
    found = alignment.span("target", bead.tgt)
    assert found is not None
    text = alignment.text("target", bead.tgt)
    equivalent = None
    if term is not None:
        equivalent = next(
            (
                e
                for e in equivalents(term, alignment.lang)
                if contains_phrase(text, e, alignment.lang)
            ),
            None,
        )
    return Rendering(alignment.translation.id, alignment.lang, text, found[0], found[1], equivalent)


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

    def __init__(self, documents: Sequence[Document], glossary: Glossary) -> None:
        self._documents = documents
        self._glossary = glossary
        self._alignments: dict[str, list[Alignment]] = {}

    def alignments(self, original: Document) -> list[Alignment]:
        if original.id not in self._alignments:
            self._alignments[original.id] = [
                align_documents(original, t, self._glossary)
                for t in translations_of(self._documents, original.id)
            ]
        return self._alignments[original.id]

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
