"""Plain-data forms of core objects, as the CLI prints them in JSON and exports write them.

One place decides field names, so ``reader lookup --json``, ``reader terms --json`` and the
exports stay consistent. These field names are documented in the README and kept stable.
"""

from __future__ import annotations

from typing import Any

from reader.core.coverage import Coverage
from reader.core.documents import Document
from reader.core.glossary import UNVERIFIED, Glossary, Term
from reader.core.hsk import hsk_level
from reader.core.index import Occurrence
from reader.core.library import Library, Lookup
from reader.core.segment import Token


def document_dict(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "date": document.date,
        "place": document.place,
        "source": document.source,
        "paragraphs": len(document.paragraphs),
        "characters": len(document.text),
        "origin": document.origin,
        **({"extra": document.extra} if document.extra else {}),
    }


def occurrence_dict(occurrence: Occurrence) -> dict[str, Any]:
    return {
        "document": occurrence.document,
        "paragraph": occurrence.paragraph,
        "start": occurrence.start,
        "end": occurrence.end,
        "context": occurrence.context,
        "left": occurrence.left,
        "right": occurrence.right,
        "script": occurrence.script,
    }


def placed_dict(library: Library, occurrence: Occurrence) -> dict[str, Any]:
    placed = library.placed(occurrence.document, occurrence.start, occurrence.end)
    return {
        "word": placed.word,
        "word_start": placed.start,
        "word_end": placed.end,
        "pinyin": placed.pinyin,
    }


def citation(glossary: Glossary, key: str) -> str:
    """The full citation of a source key, or ``unverified``."""
    source = glossary.source(key)
    return source.citation() if source else UNVERIFIED


def term_dict(term: Term, glossary: Glossary, counts: dict[str, int]) -> dict[str, Any]:
    return {
        "term": term.hanzi,
        "pinyin": term.pinyin,
        "source": "glossary",
        "english": list(term.english),
        "russian": list(term.russian),
        "definitions": [term.definition],
        "english_source": citation(glossary, term.english_source),
        "russian_source": citation(glossary, term.russian_source),
        "english_verified": term.english_verified,
        "russian_verified": term.russian_verified,
        "category": term.category,
        "part_of_speech": term.pos,
        "related": list(term.related),
        "variant_of": term.variant_of,
        "former_name_of": term.former_name_of,
        "note": term.note,
        "origin": term.origin,
        "starred": glossary.is_starred(term.hanzi),
        "counts": counts,
    }


def lookup_dict(
    lookup: Lookup, glossary: Glossary, library: Library | None = None
) -> dict[str, Any]:
    """``library`` given, each occurrence also says which word it stands in (``word``,
    ``word_start``, ``word_end``) and how it is read there (``pinyin``)."""
    if lookup.glossary is not None:
        data = term_dict(lookup.glossary, glossary, lookup.counts)
    else:
        data = {
            "term": lookup.term,
            "pinyin": lookup.pinyin,
            "source": lookup.source,
            "english": [],
            "russian": [],
            "definitions": list(lookup.definitions),
            "counts": lookup.counts,
        }
    data["dictionary"] = [
        {
            "traditional": e.traditional,
            "simplified": e.simplified,
            "pinyin": e.pinyin,
            "pinyin_numbered": e.pinyin_numbered,
            "definitions": list(e.definitions),
        }
        for e in lookup.entries
    ]
    data["hsk"] = hsk_level(lookup.term)
    data["occurrences"] = [
        {**occurrence_dict(o), **(placed_dict(library, o) if library else {})}
        for o in lookup.occurrences
    ]
    return data


def coverage_dict(coverage: Coverage) -> dict[str, Any]:
    return {
        "document": coverage.document,
        "words": coverage.words,
        "known": coverage.known,
        "percent": coverage.percent,
        "unknown": [
            {"word": u.word, "count": u.count, "pinyin": u.pinyin, "hsk": u.hsk}
            for u in coverage.unknown
        ],
    }


def tokens_dict(library: Library, doc_id: str, tokens: list[Token]) -> dict[str, Any]:
    return {
        "document": doc_id,
        "tokens": [
            {
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "pinyin": library.reading_at(doc_id, t.start) if t.text.strip() else "",
                "term": t.term,
            }
            for t in tokens
        ],
    }
