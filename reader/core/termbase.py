"""Termbases in: TBX, CSV/TSV with a header row, and Pleco flashcard text.

A translator arrives with a termbase made elsewhere. Reading one is separate from applying it:
:func:`read_termbase` turns the file into :class:`Incoming` entries, :func:`preview` compares
them field by field with the glossary (new, same, adds to an entry, or in conflict with it),
and :func:`apply` writes what the user chose in one store transaction.

Shapes read (element names matched without namespace, attributes case-insensitively):

* TBX 3 (ISO 30042:2019), as Reader exports it: ``conceptEntry/langSec/termSec/term``;
* TBX 2 / MARTIF, as OmegaT, Trados MultiTerm and Xbench write it:
  ``termEntry/langSet/(tig|ntig/termGrp)/term``, with ``descrip``/``descripGrp``
  (``type="definition"``, any case), ``note``, ``admin type="source"``,
  ``termNote type="partOfSpeech"`` and ``ref type="crossReference"``.

Reader's own exports also carry ``pinyin:``, ``source:``, ``category:``, ``variant of:`` and
``former name of`` notes, so that an export read back into an empty store gives back every field.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from reader.core.errors import DataFileError
from reader.core.files import read_bounded
from reader.core.glossary import CATEGORIES, PARTS_OF_SPEECH, UNVERIFIED, Source, Term
from reader.core.library import Library
from reader.core.pinyin import has_han
from reader.core.pinyin_format import join_syllables, numbered_to_marked
from reader.core.userterms import (
    FIELDS,
    LIST_FIELDS,
    FieldValue,
    TermEditError,
    check_hanzi,
    clean_fields,
)

FORMATS = ("tbx", "csv", "tsv", "pleco")
CONFLICT_CHOICES = ("keep", "replace")
_SOURCE_FIELDS = ("english_source", "russian_source")


class TermbaseError(DataFileError):
    """A termbase file that cannot be read; names the file (and line) and the problem."""


@dataclass(frozen=True)
class Incoming:
    """One entry of a termbase. Source fields hold citations (``title <url>``), not keys."""

    hanzi: str
    fields: dict[str, FieldValue]
    line: int = 0


@dataclass(frozen=True)
class FieldChange:
    field: str
    current: FieldValue
    incoming: FieldValue

    @property
    def conflict(self) -> bool:
        """True when the glossary already has a different value (not merely an empty one)."""
        return bool(self.current)


@dataclass(frozen=True)
class PreviewItem:
    hanzi: str
    status: str  # "new", "same", "adds" (fills empty fields only) or "conflict"
    incoming: Incoming
    changes: tuple[FieldChange, ...] = ()


@dataclass
class Preview:
    """What importing a termbase would do, for the CLI and the window to show."""

    path: Path
    items: list[PreviewItem]
    skipped: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {"new": 0, "same": 0, "adds": 0, "conflict": 0}
        for item in self.items:
            out[item.status] += 1
        return out


# -- reading ------------------------------------------------------------------------------


def detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".tbx", ".xml") or text.lstrip().startswith("<"):
        return "tbx"
    if suffix == ".csv":
        return "csv"
    if suffix == ".tsv":
        return "tsv"
    first = next((line for line in text.splitlines() if line.strip()), "")
    if "hanzi" in first.lower() and "\t" in first:
        return "tsv"
    return "pleco"


def read_termbase(path: Path, fmt: str | None = None) -> tuple[list[Incoming], list[str]]:
    """The entries of a termbase file, and what was skipped (with line numbers)."""
    raw = read_bounded(path)
    text = _decode(path, raw)
    fmt = fmt or detect_format(path, text)
    if fmt == "tbx":
        return _read_tbx(path, raw)
    if fmt in ("csv", "tsv"):
        return _read_delimited(path, text, "," if fmt == "csv" else "\t")
    if fmt == "pleco":
        return _read_pleco(path, text)
    raise TermbaseError(path, f"unknown termbase format {fmt!r}; choose one of {FORMATS}")


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with its BOM, as Windows tools write it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise TermbaseError(path, "not valid UTF-16 text") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TermbaseError(path, "not valid UTF-8 text", line) from None


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _kind(element: ET.Element) -> str:
    return (element.get("type") or "").strip().lower()


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _lang(element: ET.Element) -> str:
    for key, value in element.attrib.items():
        if _local(key).lower() == "lang":
            return value.strip().lower().replace("_", "-").split("-")[0]
    return ""


class _EntityDeclared(Exception):
    """An <!ENTITY> declaration: refused, so no entity is ever expanded or fetched."""

    def __init__(self, name: str, line: int) -> None:
        super().__init__(name)
        self.name, self.line = name, line


def _parse_xml(raw: bytes) -> ET.Element:
    """``raw`` parsed with entity declarations refused (billion laughs, external entities):
    expat's amplification limit alone lets a few megabytes of expansion through, and a
    termbase has no use for entities of its own. A first expat pass only looks for
    declarations (it stops at the first); ElementTree then builds the tree."""
    from xml.parsers import expat

    scan = expat.ParserCreate()

    def refuse(name: str, *_: object) -> None:
        raise _EntityDeclared(name, scan.CurrentLineNumber)

    scan.EntityDeclHandler = refuse
    scan.UnparsedEntityDeclHandler = refuse
    with contextlib.suppress(expat.ExpatError):  # ElementTree reports it, with its position
        scan.Parse(raw, True)
    return ET.fromstring(raw)  # bytes: the XML declaration names the encoding


def _read_tbx(path: Path, raw: bytes) -> tuple[list[Incoming], list[str]]:
    try:
        root = _parse_xml(raw)
    except ET.ParseError as exc:
        raise TermbaseError(path, f"not valid XML: {exc}", exc.position[0]) from None
    except _EntityDeclared as exc:
        problem = f"declares the XML entity {exc.name!r}; entities are not accepted"
        raise TermbaseError(path, problem, exc.line) from None
    entries = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    if not entries and _local(root.tag) not in ("tbx", "martif"):
        raise TermbaseError(path, f"not a TBX file (root element <{_local(root.tag)}>)")
    found: list[Incoming] = []
    skipped: list[str] = []
    for number, entry in enumerate(entries, 1):
        items = _tbx_entry(entry)
        if not items:
            skipped.append(f"entry {number} ({entry.get('id', '')}): no Chinese term")
        found.extend(items)
    return found, skipped


def _tbx_entry(entry: ET.Element) -> list[Incoming]:
    fields: dict[str, FieldValue] = {}
    chinese: list[tuple[str, dict[str, FieldValue]]] = []
    related: list[str] = []
    notes: list[str] = []
    for child in entry:
        name = _local(child.tag)
        if name == "note":
            _concept_note(_text(child), fields, notes)
        elif name in ("descrip", "descripGrp"):
            _definition(child, fields)
        elif name == "ref" and _kind(child) == "crossreference":
            related.append(_text(child))
    for section in (c for c in entry if _local(c.tag) in ("langSec", "langSet")):
        language = _lang(section)
        equivalents: list[str] = []
        for child in section:
            name = _local(child.tag)
            if name in ("descrip", "descripGrp"):
                _definition(child, fields)
            elif name in ("termSec", "tig", "ntig"):
                term, details = _term_section(child, related)
                if not term:
                    continue
                if language in ("zh", "cmn"):
                    chinese.append((term, details))
                elif language in ("en", "ru"):
                    if not equivalents and "source" in details:
                        fields[f"{_LANGS[language]}_source"] = details["source"]
                    if "pos" in details and "pos" not in fields:
                        fields["pos"] = details["pos"]
                    equivalents.append(term)
        if language in ("en", "ru") and equivalents:
            fields[_LANGS[language]] = tuple(equivalents)
    if notes:
        fields["note"] = "\n".join(notes)
    if related:
        fields["related"] = tuple(dict.fromkeys(r for r in related if r))
    out = []
    for index, (hanzi, details) in enumerate(chinese):
        own = dict(fields)
        for key in ("pinyin", "variant_of", "pos"):
            if key in details:
                own[key] = details[key]
        if index and "variant_of" not in own:
            own["variant_of"] = chinese[0][0]
        if has_han(hanzi):
            out.append(Incoming(hanzi, own))
    return out


_LANGS = {"en": "english", "ru": "russian"}


def _concept_note(text: str, fields: dict[str, FieldValue], notes: list[str]) -> None:
    match = re.fullmatch(r"category: (\w+)", text)
    former = re.fullmatch(r"former name of (\S+)", text)
    if match and match.group(1) in CATEGORIES and "category" not in fields:
        fields["category"] = match.group(1)
    elif former and has_han(former.group(1)) and "former_name_of" not in fields:
        fields["former_name_of"] = former.group(1)
    elif text:
        notes.append(text)


def _definition(element: ET.Element, fields: dict[str, FieldValue]) -> None:
    descrips = [element] if _local(element.tag) == "descrip" else element.iter()
    for descrip in descrips:
        if _local(descrip.tag) == "descrip" and _kind(descrip) == "definition":
            fields.setdefault("definition", _text(descrip))


def _term_section(section: ET.Element, related: list[str]) -> tuple[str, dict[str, FieldValue]]:
    term = ""
    details: dict[str, FieldValue] = {}
    for element in section.iter():
        name, kind, value = _local(element.tag), _kind(element), _text(element)
        if name == "term" and not term:
            term = value
        elif name == "note" and value.startswith("pinyin: "):
            details["pinyin"] = _marked(value.removeprefix("pinyin: "))
        elif name == "note" and value.startswith("source: "):
            details["source"] = value.removeprefix("source: ")
        elif name == "note" and value.startswith("variant of: "):
            details["variant_of"] = value.removeprefix("variant of: ")
        elif name == "admin" and kind == "source":
            details.setdefault("source", value)
        elif name == "termNote" and kind == "partofspeech" and value.lower() in PARTS_OF_SPEECH:
            details["pos"] = value.lower()
        elif name == "termNote" and kind == "pronunciation":
            details.setdefault("pinyin", _marked(value))
        elif name == "ref" and kind == "crossreference":
            related.append(value)
    return term, details


_NUMBERED = re.compile(r"[a-zü:v]+[1-5]", re.IGNORECASE)


def _marked(pinyin: str) -> str:
    """Tone numbers (``zhan4lve4``, ``zhan4 lu:e4``) to marks; marked pinyin as it is."""
    pinyin = pinyin.strip()
    if not re.search(r"[1-5]", pinyin):
        return pinyin
    words = []
    for word in pinyin.split():
        syllables = _NUMBERED.findall(word)
        if "".join(syllables) != word:
            words.append(word)
            continue
        words.append(join_syllables([numbered_to_marked(s) for s in syllables]))
    return " ".join(words)


_COLUMNS = {
    "hanzi": ("hanzi", "chinese", "zh", "zh-cn", "simplified", "term", "headword"),
    "pinyin": ("pinyin",),
    "english": ("english", "en", "en-us", "en-gb"),
    "russian": ("russian", "ru", "ru-ru"),
    "definition": ("definition", "meaning"),
    "note": ("note", "notes", "comment"),
    "category": ("category",),
    "english_source": ("english_source",),
    "russian_source": ("russian_source",),
    "related": ("related",),
    "pos": ("pos", "part_of_speech"),
}


def _read_delimited(path: Path, text: str, delimiter: str) -> tuple[list[Incoming], list[str]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise TermbaseError(path, "empty file; expected a header row") from None
    except csv.Error as exc:
        raise TermbaseError(path, f"not valid CSV: {exc}", 1) from None
    names = [h.strip().lower() for h in header]
    mapping: dict[int, str] = {}
    for index, name in enumerate(names):
        for target, aliases in _COLUMNS.items():
            if name in aliases and target not in mapping.values():
                mapping[index] = target
    if "hanzi" not in mapping.values():
        raise TermbaseError(path, f"no hanzi column in the header row ({', '.join(header)})", 1)
    skipped = [f"column {header[i]!r} ignored" for i in range(len(header)) if i not in mapping]
    found = []
    try:
        for row in reader:
            line = reader.line_num
            values = {mapping[i]: v.strip() for i, v in enumerate(row) if i in mapping}
            hanzi = str(values.pop("hanzi", ""))
            if not hanzi:
                continue
            if not has_han(hanzi):
                skipped.append(f"line {line}: {hanzi!r} has no Chinese characters")
                continue
            fields: dict[str, FieldValue] = {}
            for key, value in values.items():
                if not value:
                    continue
                if key in LIST_FIELDS:
                    fields[key] = tuple(v.strip() for v in value.split(";") if v.strip())
                elif key == "pinyin":
                    fields[key] = _marked(value)
                else:
                    fields[key] = value
            found.append(Incoming(hanzi, fields, line))
    except csv.Error as exc:
        raise TermbaseError(path, f"not valid CSV: {exc}", reader.line_num) from None
    return found, skipped


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _read_pleco(path: Path, text: str) -> tuple[list[Incoming], list[str]]:
    """Pleco's flashcard export: ``headword[traditional]<TAB>pinyin<TAB>definition`` a line,
    ``//`` lines naming categories. Pleco's formatting marks (private-use characters) are
    dropped; its definition is a dictionary gloss, so it goes to ``definition``."""
    found, skipped = [], []
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("//"):
            continue
        parts = line.split("\t")
        headword = parts[0].split("[")[0].strip()
        if not has_han(headword):
            skipped.append(f"line {line_number}: {headword!r} has no Chinese characters")
            continue
        fields: dict[str, FieldValue] = {}
        if len(parts) > 1 and parts[1].strip():
            fields["pinyin"] = _marked(parts[1])
        if len(parts) > 2:
            definition = " ".join(_PRIVATE_USE.sub(" ", "\t".join(parts[2:])).split())
            if definition:
                fields["definition"] = definition
        found.append(Incoming(headword, fields, line_number))
    if not found and not skipped:
        raise TermbaseError(path, "no entries found (expected Pleco flashcard text)")
    return found, skipped


# -- comparing and applying ---------------------------------------------------------------


def _current_value(library: Library, term: Term, name: str) -> FieldValue:
    value: FieldValue = getattr(term, name)
    if name in _SOURCE_FIELDS:
        source = library.glossary.source(str(value))
        return source.citation() if source else UNVERIFIED
    return value


def preview(library: Library, path: Path, fmt: str | None = None) -> Preview:
    """Read ``path`` and compare each entry with the glossary, field by field."""
    incoming, skipped = read_termbase(path, fmt)
    merged: dict[str, Incoming] = {}
    for item in incoming:  # a hanzi twice in one file: the later fields win, the rest stay
        earlier = merged.get(item.hanzi)
        merged[item.hanzi] = (
            Incoming(item.hanzi, {**earlier.fields, **item.fields}, earlier.line)
            if earlier
            else item
        )
    items = []
    for item in merged.values():
        try:  # checked here, not at the write: a bad row is skipped with its line, and a
            # control character never reaches the preview printed to the terminal
            check_hanzi(item.hanzi)
            clean_fields(item.fields)
        except TermEditError as exc:
            skipped.append(f"line {item.line}: {_visible(item.hanzi)}: {_visible(str(exc))}")
            continue
        term = library.glossary.get(item.hanzi)
        if term is None:
            items.append(PreviewItem(item.hanzi, "new", item))
            continue
        changes = []
        for name in FIELDS:
            if name not in item.fields:
                continue
            new, old = item.fields[name], _current_value(library, term, name)
            if name in _SOURCE_FIELDS and new == UNVERIFIED:
                continue  # "not attested" never replaces a citation
            if new != old and new:
                changes.append(FieldChange(name, "" if old == UNVERIFIED else old, new))
        status = (
            "same" if not changes else "conflict" if any(c.conflict for c in changes) else "adds"
        )
        items.append(PreviewItem(item.hanzi, status, item, tuple(changes)))
    return Preview(path, items, skipped)


def _visible(text: str) -> str:
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def apply(
    library: Library,
    plan: Preview,
    on_conflict: str = "keep",
    skip: frozenset[str] = frozenset(),
    replace: frozenset[str] = frozenset(),
) -> dict[str, int]:
    """Write the preview into the user store in one transaction. ``keep``: entries in
    conflict keep the user's values (only empty fields are filled); ``replace``: the
    termbase's values win. Entry by entry, as the window's preview lets the user choose:
    hanzi in ``skip`` are not imported, conflicts in ``replace`` take the termbase's values
    whatever ``on_conflict`` says. Returns counts of what was done."""
    if on_conflict not in CONFLICT_CHOICES:
        raise TermbaseError(plan.path, f"--on-conflict must be one of {CONFLICT_CHOICES}")
    writes: list[tuple[str, dict[str, FieldValue]]] = []
    done = {"added": 0, "updated": 0, "kept": 0, "same": 0, "skipped": 0}
    for item in plan.items:
        if item.hanzi in skip and item.status != "same":
            done["skipped"] += 1
        elif item.status == "new":
            writes.append((item.hanzi, source_keys(library, item.incoming.fields)))
            done["added"] += 1
        elif item.status == "same":
            done["same"] += 1
        else:
            theirs = on_conflict == "replace" or item.hanzi in replace
            chosen = [c for c in item.changes if theirs or not c.conflict]
            if chosen:
                fields = {c.field: c.incoming for c in chosen}
                writes.append((item.hanzi, source_keys(library, fields)))
                done["updated"] += 1
            if len(chosen) < len(item.changes):
                done["kept"] += 1
    if writes:
        library.set_terms(writes)
    return done


def source_keys(library: Library, fields: dict[str, FieldValue]) -> dict[str, FieldValue]:
    """The fields with each source citation (``title <url>``) replaced by its source key,
    the user's own source created when the citation is new."""
    out = dict(fields)
    for name in _SOURCE_FIELDS:
        citation = str(out.get(name, ""))
        if not citation:
            continue
        known = _source_by_citation(library, citation)
        if known is not None:
            out[name] = known.key
        else:
            match = re.fullmatch(r"(.*?)\s*<([^<>\s]+)>", citation)
            title, url = (match.group(1), match.group(2)) if match else (citation, "")
            out[name] = library.cite(title, url)
    return out


def _source_by_citation(library: Library, citation: str) -> Source | None:
    for source in library.glossary.sources.values():
        if citation in (source.citation(), source.key):
            return source
    return None
