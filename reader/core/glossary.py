"""The curated glossary: the terms of the two statements, as a translator would want them.

It lives in ``resources/glossary.toml`` so a person can edit it: ``[source.KEY]`` tables name
the documents where equivalents were seen (title, url, note), and one ``[[term]]`` table per
entry refers to them by key in ``english_source`` / ``russian_source``. The key ``"unverified"``
says that nobody has seen the equivalent in a source yet; it is shown as such, never hidden.
Two relations between entries are kept apart because a translator treats them differently:
``variant_of`` (a short form or spelling variant in use now: 军控 of 军备控制) and
``former_name_of`` (a name the thing no longer bears: 铁穹 of 美国金穹), which exports mark as
superseded rather than as a short form.
Every entry is validated on load; a problem names the file, the line of the entry, the term
and the field.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from reader.core.cache import cache_dir, fingerprint, load_verified, report_rebuilt, store_verified
from reader.core.errors import GlossaryError, ReaderError
from reader.core.files import FileAccessError, read_bounded
from reader.core.orthography import ORTHOGRAPHY_VERSION, spell
from reader.core.tomlfile import parse_toml

#: Bump when Term, Source or Glossary change shape: old cached glossaries are then ignored.
CACHE_VERSION = "2"

UNVERIFIED = "unverified"
CATEGORIES = {
    "concept": "strategic or arms-control concept",
    "principle": "principle or formula",
    "weapon": "weapon system or programme",
    "technology": "civil or dual-use technology or system",
    "treaty": "treaty, convention or legal instrument",
    "document": "statement, resolution or other document",
    "body": "body, organisation or grouping",
    "event": "conference, session or historical event",
    "place": "region or place",
    "phrase": "diplomatic set phrase",
    "actor": "state, party or actor",
}
#: The TBX-Basic picklist for partOfSpeech, so that exports validate.
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "other")
_REQUIRED_TEXT = ("hanzi", "pinyin", "definition", "category", "english_source", "russian_source")
_REQUIRED_LISTS = ("english", "russian")
_OPTIONAL_TEXT = ("note", "variant_of", "former_name_of", "pos")
_OPTIONAL_LISTS = ("related",)
_KNOWN = set(_REQUIRED_TEXT + _REQUIRED_LISTS + _OPTIONAL_TEXT + _OPTIONAL_LISTS)
_HAN = re.compile(r"[\u3400-\u9fff]")
#: Characters XML 1.0 cannot carry (so no TBX export could hold them) and no term needs.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Source:
    """A document or collection in which equivalents were seen."""

    key: str
    title: str
    url: str = ""
    note: str = ""

    def citation(self) -> str:
        return self.title + (f" <{self.url}>" if self.url else "")


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    hanzi: str
    pinyin: str
    english: tuple[str, ...]
    russian: tuple[str, ...]
    definition: str
    category: str
    english_source: str
    russian_source: str
    related: tuple[str, ...] = ()
    note: str = ""
    variant_of: str = ""
    former_name_of: str = ""
    pos: str = ""
    line: int = 0
    #: "bundled" (as in resources/glossary.toml), "edited" (a bundled entry with the user's
    #: changes laid over it) or "user" (the user's own entry); see userterms.py.
    origin: str = "bundled"

    @property
    def english_verified(self) -> bool:
        return self.english_source != UNVERIFIED

    @property
    def russian_verified(self) -> bool:
        return self.russian_source != UNVERIFIED

    @property
    def category_label(self) -> str:
        return CATEGORIES.get(self.category, self.category)


class Glossary:
    """The loaded entries, with look-ups by hanzi and a plain search over hanzi/pinyin/English."""

    def __init__(
        self,
        terms: list[Term],
        path: Path | None = None,
        sources: dict[str, Source] | None = None,
        starred: frozenset[str] = frozenset(),
    ) -> None:
        self.path = path
        self.terms: tuple[Term, ...] = tuple(terms)
        self.sources: dict[str, Source] = dict(sources or {})
        #: Hanzi the user starred (to review, to learn); kept in the user store.
        self.starred = starred
        self._by_hanzi = {t.hanzi: t for t in terms}
        self._former: dict[str, list[str]] = {}
        for t in terms:
            if t.former_name_of:
                self._former.setdefault(t.former_name_of, []).append(t.hanzi)

    def is_starred(self, hanzi: str) -> bool:
        return hanzi in self.starred

    def source(self, key: str) -> Source | None:
        """The cited source, or None for ``unverified``."""
        return self.sources.get(key)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, hanzi: object) -> bool:
        return hanzi in self._by_hanzi

    def get(self, hanzi: str) -> Term | None:
        return self._by_hanzi.get(hanzi)

    def hanzi(self) -> list[str]:
        return [t.hanzi for t in self.terms]

    def former_names(self, hanzi: str) -> list[str]:
        """Entries that record an earlier name of ``hanzi`` (铁穹 for 美国金穹)."""
        return list(self._former.get(hanzi, ()))

    def search(self, query: str) -> list[Term]:
        """Terms whose hanzi, pinyin (with or without tones, numbers or spaces), English,
        Russian or note contain ``query``; the order of the glossary is kept."""
        key = query.strip()
        if not key:
            return list(self.terms)
        folded = fold_pinyin(key)
        return [t for t in self.terms if _matches(t, key, folded)]


def _matches(term: Term, key: str, folded: str) -> bool:
    if key in term.hanzi:
        return True
    if folded and folded in fold_pinyin(term.pinyin):
        return True
    lowered = key.lower()
    if lowered in term.note.lower():
        return True
    return any(lowered in e.lower() for e in (*term.english, *term.russian))


def fold_pinyin(text: str) -> str:
    """``zhànlüè``, ``zhan4lve4``, ``Zhanlue`` and ``zhan lüe`` all fold to ``zhanlue``."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("ü", "v"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("u:", "v").replace("v", "u")
    return re.sub(r"[\s'0-9·-]+", "", plain)


def load_glossary(path: Path, cache_folder: Path | None = None) -> Glossary:
    """Read and validate the glossary file; raise ``GlossaryError`` on the first problem.

    Parsing TOML costs a tenth of a second, so a validated glossary is kept in the cache as
    JSON (data that cannot run code), keyed by a hash of the file's bytes and checked on load:
    an edited file is always parsed afresh, a damaged cache is rebuilt."""
    try:
        raw = read_bounded(path)
    except FileAccessError as exc:
        raise GlossaryError(path, exc.problem) from None
    key = fingerprint(CACHE_VERSION, ORTHOGRAPHY_VERSION, str(path), raw)
    cached = (cache_folder or cache_dir()) / f"glossary-{key}.json"
    payload = load_verified(cached, key)
    if payload is not None:
        try:
            return glossary_from_json(payload, path)
        except (ValueError, TypeError, KeyError, RecursionError):
            report_rebuilt(cached, "not a glossary")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GlossaryError(
            path, "not valid UTF-8 text", raw[: exc.start].count(b"\n") + 1
        ) from None
    glossary = parse_glossary(content, path)
    store_verified(cached, key, glossary_to_json(glossary))
    return glossary


def glossary_to_json(glossary: Glossary) -> bytes:
    data = {
        "sources": [asdict(s) for s in glossary.sources.values()],
        "terms": [asdict(t) for t in glossary.terms],
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def glossary_from_json(payload: bytes, path: Path) -> Glossary:
    """A glossary from its cached JSON; every field's type is checked (ValueError if wrong)."""
    data = json.loads(payload)
    sources = [Source(**_typed(raw, Source)) for raw in data["sources"]]
    terms = [Term(**_typed(raw, Term)) for raw in data["terms"]]
    return Glossary(terms, path, {s.key: s for s in sources})


def _typed(raw: Any, kind: type) -> dict[str, Any]:
    """``raw``'s values if they have exactly the fields of ``kind``, each of its declared type."""
    declared = {f.name: str(f.type) for f in fields(kind)}
    if not isinstance(raw, dict) or set(raw) != set(declared):
        raise ValueError("fields differ")
    values: dict[str, Any] = {}
    for name, value in raw.items():
        wanted = declared[name]
        if wanted.startswith("tuple"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(name)
            value = tuple(value)
        elif wanted == "int":
            if type(value) is not int:
                raise ValueError(name)
        elif not isinstance(value, str):
            raise ValueError(name)
        values[name] = value
    return values


def parse_glossary(content: str, path: Path) -> Glossary:
    try:
        data = parse_toml(content, path)
    except ReaderError as exc:
        line = getattr(exc, "line", None)
        raise GlossaryError(path, getattr(exc, "problem", str(exc)), line) from None
    unknown_top = set(data) - {"term", "source"}
    if unknown_top:
        raise GlossaryError(path, f"unknown top-level key(s): {', '.join(sorted(unknown_top))}")
    raw_terms = data.get("term", [])
    if not isinstance(raw_terms, list):
        raise GlossaryError(path, "'term' must be an array of tables ([[term]])")
    sources = _build_sources(data.get("source", {}), path)
    lines = _entry_lines(content)
    terms = [_build_term(raw, path, index, lines) for index, raw in enumerate(raw_terms)]
    _check_cross_references(terms, sources, path)
    return Glossary(terms, path, sources)


def _build_sources(raw: Any, path: Path) -> dict[str, Source]:
    if not isinstance(raw, dict):
        raise GlossaryError(path, "'source' must be a table of [source.KEY] tables")
    sources: dict[str, Source] = {}
    for key, table in raw.items():
        if key == UNVERIFIED:
            raise GlossaryError(path, f"source key {UNVERIFIED!r} is reserved")
        if not isinstance(table, dict) or not isinstance(table.get("title"), str):
            raise GlossaryError(path, f"source {key!r}: needs a 'title' string")
        extra = set(table) - {"title", "url", "note"}
        if extra:
            raise GlossaryError(
                path, f"source {key!r}: unknown field(s) {', '.join(sorted(extra))}"
            )
        sources[key] = Source(key, table["title"], table.get("url", ""), table.get("note", ""))
    return sources


def _build_term(raw: dict[str, Any], path: Path, index: int, lines: list[int]) -> Term:
    line = lines[index] if index < len(lines) else None
    label = f"entry {index + 1}" + (
        f" ({_visible(raw['hanzi'])})" if isinstance(raw.get("hanzi"), str) else ""
    )

    def fail(field: str, problem: str) -> GlossaryError:
        return GlossaryError(path, f"{label}: field {field!r} {problem}", line)

    for field in raw:
        if field not in _KNOWN:
            raise fail(field, "is not a known field")
    values: dict[str, Any] = {}
    for field in _REQUIRED_TEXT + _OPTIONAL_TEXT:
        value = raw.get(field, "" if field in _OPTIONAL_TEXT else None)
        if value is None:
            raise fail(field, "is missing")
        if not isinstance(value, str) or (field in _REQUIRED_TEXT and not value.strip()):
            raise fail(field, "must be a non-empty string")
        values[field] = value.strip()
    for field in _REQUIRED_LISTS + _OPTIONAL_LISTS:
        value = raw.get(field, [] if field in _OPTIONAL_LISTS else None)
        if value is None:
            raise fail(field, "is missing")
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(field, "must be a list of non-empty strings")
        if field in _REQUIRED_LISTS and not value:
            raise fail(field, "must name at least one equivalent")
        values[field] = tuple(v.strip() for v in value)
    for field, value in values.items():
        for text in value if isinstance(value, tuple) else (value,):
            bad = _NOT_IN_XML.search(text)
            if bad:
                raise fail(field, f"holds the control character U+{ord(bad.group()):04X}")
    if not _HAN.search(values["hanzi"]):
        raise fail("hanzi", "holds no Chinese characters")
    if values["category"] not in CATEGORIES:
        raise fail("category", f"must be one of {', '.join(CATEGORIES)}")
    if values["pos"] and values["pos"] not in PARTS_OF_SPEECH:
        raise fail("pos", f"must be one of {', '.join(PARTS_OF_SPEECH)}")
    # Spelt by the same step as every other reading, so a term reads the same in the
    # glossary, in the text and in the dictionary pane.
    values["pinyin"] = spell(values["hanzi"], values["pinyin"])
    return Term(line=line or 0, **values)


def _visible(text: str) -> str:
    """``text`` with control characters spelled out, fit for a one-line message."""
    return _NOT_IN_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _check_cross_references(terms: list[Term], sources: dict[str, Source], path: Path) -> None:
    known: dict[str, Term] = {}
    for term in terms:
        if term.hanzi in known:
            raise GlossaryError(path, f"term {term.hanzi!r} is listed twice", term.line)
        known[term.hanzi] = term
    for term in terms:
        for field in ("english_source", "russian_source"):
            key = getattr(term, field)
            if key != UNVERIFIED and key not in sources:
                raise GlossaryError(
                    path,
                    f"entry ({term.hanzi}): field {field!r} names source {key!r}, which has no"
                    f" [source.{key}] table (use {UNVERIFIED!r} if it is not attested)",
                    term.line,
                )
        if term.variant_of and term.former_name_of:
            raise GlossaryError(
                path,
                f"entry ({term.hanzi}): give 'variant_of' (a form in use) or 'former_name_of'"
                " (a name no longer used), not both",
                term.line,
            )
        links = (*term.related, *(x for x in (term.variant_of, term.former_name_of) if x))
        for other in links:
            if other == term.hanzi:
                raise GlossaryError(path, f"entry ({term.hanzi}): refers to itself", term.line)
            if other not in known:
                raise GlossaryError(
                    path,
                    f"entry ({term.hanzi}): refers to {other!r}, which has no entry",
                    term.line,
                )


def _entry_lines(content: str) -> list[int]:
    return [n for n, line in enumerate(content.splitlines(), 1) if line.strip() == "[[term]]"]
