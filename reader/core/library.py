"""The one object the window and the CLI are given: documents, glossary, words and look-ups.

Anything the window shows, the CLI can print, because both ask this object. It is cheap to
open: texts and the glossary are small; the dictionary opens its cached index on first use;
jieba is loaded only when a document's words are not in the cache.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader import resources
from reader.core.cache import (
    cache_dir,
    discard,
    fingerprint,
    load_verified,
    store_verified,
    sweep,
)
from reader.core.coverage import Coverage, KnownWords, MemoryKnownWords, coverage
from reader.core.dictionary import Dictionary, DictionaryEntry
from reader.core.documents import Document, load_documents
from reader.core.errors import (
    DocumentFormatError,
    EmptyQueryError,
    LibraryChangeError,
    ReaderError,
    TermNotFoundError,
    UnknownDocumentError,
)
from reader.core.glossary import Glossary, Term, load_glossary
from reader.core.hsk import hsk_level
from reader.core.importing.store import load_user_documents, user_documents_dir
from reader.core.index import Corpus, Occurrences, SpanGroup, SpanOccurrences
from reader.core.orthography import spell
from reader.core.pinyin import PinyinReader, has_han, warm_pinyin
from reader.core.reading_rules import Readings, load_readings
from reader.core.scripts import fold, fold_fingerprint
from reader.core.segment import (
    SegmentationRules,
    Segmenter,
    TokenList,
    jieba_version,
    load_rules,
    tokens_from_json,
    tokens_to_json,
)
from reader.core.store import Store
from reader.core.textsearch import (
    SyllableIndex,
    TextMatches,
    char_syllables,
    find_hanzi,
    find_pinyin,
    search_kind,
)
from reader.core.userterms import FieldValue, ParagraphNote, UserData, check_hanzi, merge

# 5: words cut in the text folded to simplified characters; 6: cuts follow CC-CEDICT
TOKEN_CACHE_VERSION = "6"
COUNTS_CACHE_VERSION = "1"
KEPT_COUNT_TABLES = 4
#: Occurrences grouped by word for the window only up to this many (see occurrence_words).
WORDS_LIMIT = 2000


@dataclass(frozen=True)
class Span:
    """What a click at one character selects: a glossary term, a word or the character."""

    document: str
    start: int
    end: int
    text: str
    kind: str  # "term", "word" or "char"


@dataclass
class Placed:
    """What stands at one occurrence: the word it belongs to (the segmenter's word or a
    glossary term), where that word is, and how the occurrence is read there. The reading
    is worked out when first asked for: a window groups hundreds of occurrences by word but
    shows the readings of a screenful."""

    word: str
    start: int
    end: int
    read: Callable[[], str] = field(repr=False, compare=False)

    @functools.cached_property
    def pinyin(self) -> str:
        return self.read()


@dataclass(frozen=True)
class Lookup:
    """Everything known about one term or word, as the panel and ``reader lookup`` show it."""

    term: str
    pinyin: str
    source: str  # "glossary", "cc-cedict" or "text"
    glossary: Term | None
    entries: tuple[DictionaryEntry, ...]
    occurrences: Occurrences
    #: For a word in neither the glossary nor CC-CEDICT (惯于): each character's entries.
    characters: tuple[tuple[str, tuple[DictionaryEntry, ...]], ...] = ()

    @property
    def english(self) -> tuple[str, ...]:
        return self.glossary.english if self.glossary else ()

    @property
    def russian(self) -> tuple[str, ...]:
        return self.glossary.russian if self.glossary else ()

    @property
    def definitions(self) -> tuple[str, ...]:
        if self.glossary:
            return (self.glossary.definition,)
        return tuple(sense for entry in self.entries for sense in entry.definitions)

    @property
    def counts(self) -> dict[str, int]:
        """Occurrences per document id."""
        return self.occurrences.counts()

    @property
    def total(self) -> int:
        return len(self.occurrences)


class Library:
    """Documents + glossary + dictionary + index, opened once and shared."""

    def __init__(
        self,
        documents: list[Document],
        glossary: Glossary,
        rules: SegmentationRules,
        problems: list[ReaderError] | None = None,
        readings: Readings | None = None,
        dictionary: Dictionary | None = None,
        cache_folder: Path | None = None,
        segmenter: Segmenter | None = None,
        store: Store | None = None,
        user_folder: Path | None = None,
    ) -> None:
        self.documents = documents
        self.user_folder = user_folder or user_documents_dir()
        self.bundled = glossary
        #: The user's terms, edits, stars and notes; None when the library has no store.
        self.user = UserData(store) if store is not None else None
        self.glossary = merge(glossary, self.user)
        self.problems: list[ReaderError] = list(problems or [])
        #: Things the user should be told that are not errors (a damaged store set aside).
        self.notices: list[str] = []
        self._by_id = {d.id: d for d in documents}
        self._rules = rules
        self._dictionary = dictionary or Dictionary(cache_folder=cache_folder)
        self._cache_folder = cache_folder
        self._segmenter = segmenter
        self._tokens: dict[str, TokenList] = {}
        self._folded: dict[str, str] = {}
        self._stored_counts: dict[str, dict[str, int]] | None = None
        self._term_texts = self.glossary.hanzi()
        self._corpus: Corpus | None = None
        self._readings = readings or Readings()
        self._known: KnownWords | None = None
        self._syllables: dict[str, SyllableIndex] = {}
        self.pinyin_reader = PinyinReader(
            self._dictionary, self._curated_readings(), self._readings.fixed()
        )

    @classmethod
    def open(
        cls,
        texts: Path | None = None,
        glossary: Path | None = None,
        segmentation: Path | None = None,
        cache_folder: Path | None = None,
        store: Store | None = None,
        user_data: bool = True,
        user_folder: Path | None = None,
    ) -> Library:
        """Load what can be loaded; what cannot is listed in ``problems``, never raised.

        The bundled texts come first, then the documents the user imported (``user_folder``,
        by default ``<data folder>/documents``), each group in date order. The user store is
        ``store`` or, with ``user_data``, the one in the data folder; a store that had to be
        started afresh leaves its message in ``notices``."""
        sweep(cache_folder or cache_dir())  # temporaries of killed writers; a listdir
        documents, problems = load_documents(texts or resources.texts_dir())
        found: list[ReaderError] = list(problems)
        user_folder = user_folder or user_documents_dir()
        user_documents, user_problems = load_user_documents(user_folder)
        found += user_problems
        bundled_ids = {d.id for d in documents}
        for document in user_documents:
            if document.id in bundled_ids:
                found.append(
                    DocumentFormatError(
                        document.path, f"id {document.id!r} is already used by a bundled text"
                    )
                )
            else:
                documents.append(document)
        try:
            terms = load_glossary(glossary or resources.resource(*resources.GLOSSARY), cache_folder)
        except ReaderError as exc:
            found.append(exc)
            terms = Glossary([])
        try:
            rules = load_rules(segmentation or resources.resource(*resources.SEGMENTATION))
        except ReaderError as exc:
            found.append(exc)
            rules = SegmentationRules()
        try:
            readings = load_readings(resources.resource(*resources.READINGS))
        except ReaderError as exc:
            found.append(exc)
            readings = Readings()
        if store is None and user_data:
            try:
                store = Store.open()
            except ReaderError as exc:
                found.append(exc)
        library = cls(
            documents,
            terms,
            rules,
            found,
            readings,
            cache_folder=cache_folder,
            store=store,
            user_folder=user_folder,
        )
        if store is not None and store.notice:
            library.notices.append(store.notice)
        return library

    def warm_up(self) -> None:
        """Start one-time slow work on a worker thread: the dictionary index (if it is not
        cached) and pypinyin's tables, which take half a second to load on first use."""
        self._dictionary.prepare_in_background()
        threading.Thread(target=warm_pinyin, name="pinyin-tables", daemon=True).start()
        threading.Thread(target=self.store_counts, name="glossary-counts", daemon=True).start()

    # -- documents -------------------------------------------------------------------------

    def document(self, doc_id: str) -> Document:
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise UnknownDocumentError(doc_id, list(self._by_id)) from None

    def document_ids(self) -> list[str]:
        return [d.id for d in self.documents]

    def add_document(self, document: Document) -> None:
        """Add a document (after the others); only the corpus of all texts depends on the set
        of documents, so only it is dropped. Other documents' words stay cached."""
        if document.id in self._by_id:
            raise LibraryChangeError(f"a document with id {document.id!r} is already open")
        self.documents.append(document)
        self._by_id[document.id] = document
        self._corpus = None
        self._stored_counts = None

    def remove_document(self, doc_id: str) -> None:
        """Forget a document: its words and the corpus that held its text."""
        document = self.document(doc_id)
        self.documents.remove(document)
        del self._by_id[doc_id]
        self._tokens.pop(doc_id, None)
        self._folded.pop(doc_id, None)
        self._corpus = None
        self._stored_counts = None

    # -- words -----------------------------------------------------------------------------

    def pinyin(self, word: str) -> str:
        return self.pinyin_reader.word(word)

    def reading_at(self, doc_id: str, offset: int) -> str:
        """The pinyin of the word at ``offset`` as it reads in that place: a context rule of
        ``resources/readings.toml`` when one applies (视为 … 为 wéi), else the word's own."""
        tokens = self.tokens(doc_id)
        index = tokens.index_at(offset)
        if index is None:
            return ""
        word = tokens[index].text
        if self._readings.context and not tokens[index].term:
            low, high = max(0, index - 4), min(len(tokens), index + 5)
            window = [tokens[i].text for i in range(low, high)]
            reading = self._readings.in_context(window, index - low)
            if reading is not None:
                return spell(word, reading)
        return self.pinyin(word)

    def placed(self, doc_id: str, start: int, end: int) -> Placed:
        """The word that ``text[start:end]`` stands in: the one token that covers it, else
        the shortest glossary term that does, else the string itself (a phrase across
        words). Its pinyin is the reading of those characters in that word (为 in 行为 is
        wéi, alone before 实现 wèi)."""
        text = self.document(doc_id).text
        tokens = self.tokens(doc_id)
        first, last = tokens.index_at(start), tokens.index_at(max(start, end - 1))
        if first is not None and first == last:
            token = tokens[first]
            span = (token.start, token.end)
        else:
            covering = [
                (b - a, a, b)
                for a, b, _ in self.terms_between(doc_id, start, end)
                if a <= start and end <= b
            ]
            span = min(covering)[1:] if covering else (start, end)
        word = text[span[0] : span[1]]

        def read() -> str:
            if span == (start, end):
                return self.reading_at(doc_id, start) if first == last else self.pinyin(word)
            inside = self._reading_inside(
                word, self.reading_at(doc_id, span[0]), start - span[0], end - start
            )
            return inside or self.pinyin(text[start:end])

        return Placed(word, span[0], span[1], read)

    def occurrence_words(
        self, occurrences: Occurrences, limit: int = WORDS_LIMIT
    ) -> list[list[Placed]] | None:
        """For each document's occurrences (in ``occurrences.by_document`` order), the word
        each stands in and its reading there. None past ``limit`` occurrences or documents, where placing every
        one would cost more than a click may: the window then lists them ungrouped."""
        groups = [g for g in occurrences.by_document]
        if len(occurrences) > limit or sum(1 for g in groups if len(g)) > limit // 100:
            return None
        words = []
        for group in groups:
            size = len(occurrences.term)
            doc_id = group.document.id
            words.append([self.placed(doc_id, s, s + size) for s in group.starts])
        return words

    def _reading_inside(self, word: str, reading: str, offset: int, size: int) -> str | None:
        """The syllables of ``reading`` that belong to ``word[offset:offset + size]``, spelt
        as that part is spelt on its own when its syllables are the same (全球战略稳定 inside
        全球战略稳定体系 is "quánqiú zhànlüè wěndìng", not one run of syllables)."""
        from reader.core.orthography import syllables_of
        from reader.core.pinyin_format import join_syllables

        syllables = syllables_of(word, reading)
        if syllables is None:
            return None
        before = sum(1 for c in word[:offset] if has_han(c))
        count = sum(1 for c in word[offset : offset + size] if has_han(c))
        joined = join_syllables(syllables[before : before + count])
        alone = self.pinyin(word[offset : offset + size])
        if alone and "".join(alone.replace("-", " ").split()).lower() == joined.lower():
            return alone
        return joined or None

    def tokens(self, doc_id: str) -> TokenList:
        """The document's words, from the disk cache when its inputs have not changed."""
        if doc_id not in self._tokens:
            self._tokens[doc_id] = self._cached_tokens(self.document(doc_id))
        return self._tokens[doc_id]

    def word_at(self, doc_id: str, offset: int) -> Span | None:
        """The longest glossary term covering ``offset``, else the word there, else the
        character; None outside the text or on white space."""
        document = self.document(doc_id)
        if not 0 <= offset < len(document.text) or document.text[offset].isspace():
            return None
        term = self.term_at(doc_id, offset)
        if term is not None:
            return term
        token = self.tokens(doc_id).at(offset)
        if token is not None:
            return Span(doc_id, token.start, token.end, token.text, "word")
        return Span(doc_id, offset, offset + 1, document.text[offset], "char")

    def term_at(self, doc_id: str, offset: int) -> Span | None:
        """The longest glossary term covering ``offset`` (the leftmost of equals), or None."""
        covering = self.terms_between(doc_id, offset, offset + 1)
        if not covering:
            return None
        start, end, term = max(covering, key=lambda span: (span[1] - span[0], -span[0]))
        return Span(doc_id, start, end, self.document(doc_id).text[start:end], "term")

    def terms_between(self, doc_id: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """The glossary terms that overlap ``text[start:end]``, nested ones included, sorted.

        Asked for what is on screen or under the mouse, so a document of any length costs
        only the stretch being looked at."""
        text = self.search_text(doc_id)
        found = []
        for hanzi in self._term_texts:
            size = len(hanzi)
            position = text.find(hanzi, max(0, start - size + 1), end + size - 1)
            while position >= 0:
                found.append((position, position + size, hanzi))
                position = text.find(hanzi, position + size, end + size - 1)
        return sorted(found)

    def search_text(self, doc_id: str) -> str:
        """The document's text folded to simplified characters, same length, made once: what
        terms are found and words cut in, so a traditional text reads like a simplified one."""
        if doc_id not in self._folded:
            self._folded[doc_id] = fold(self.document(doc_id).text)
        return self._folded[doc_id]

    def word_readings(self, doc_id: str) -> list[str]:
        """The reading of each of the document's tokens ("" where there is no Chinese), as
        read in its place (``reading_at``), cached between sessions (see core.readings)."""
        from reader.core.readings import cached_readings

        tokens = self.tokens(doc_id)
        words = [t.text for t in tokens]
        curated = "\n".join(f"{t.hanzi}={t.pinyin}" for t in self.glossary.terms)
        fixed = "\n".join(f"{w}={r}" for w, r in sorted(self._readings.fixed().items()))
        readings = cached_readings(doc_id, words, (curated, fixed), self.pinyin, self._cache_folder)
        # Context rules (为 wéi after 视) are applied over the cached word readings: cheap,
        # since only the few words that have rules are looked at again.
        ruled = {rule.word for rule in self._readings.context}
        for index, word in enumerate(words):
            if word in ruled and not tokens[index].term:
                readings[index] = self.reading_at(doc_id, tokens[index].start)
        return readings

    @property
    def known_words(self) -> KnownWords:
        """The words the reader marked known: in the user store, or in memory without one."""
        if self._known is None:
            from reader.core.known import StoreKnownWords

            store = self.user.store if self.user is not None else None
            self._known = StoreKnownWords(store) if store is not None else MemoryKnownWords()
        return self._known

    def hsk(self, word: str) -> int | None:
        """The word's HSK 3.0 level: 1-6, 7 for the 7-9 band, None outside the list."""
        return hsk_level(word)

    def coverage(self, doc_id: str, known: KnownWords) -> Coverage:
        """How much of the document's running words ``known`` covers (see core.coverage)."""
        tokens = self.tokens(doc_id)
        text = self.document(doc_id).text
        starts = [0, *tokens.ends[:-1]]
        words = (text[start:end] for start, end in zip(starts, tokens.ends, strict=True))
        return coverage(doc_id, words, known, self.pinyin)

    # -- the user's terms ------------------------------------------------------------------

    def _store(self) -> UserData:
        if self.user is None:
            raise ReaderError("this library was opened without a user store; nothing is saved")
        return self.user

    def set_term(self, hanzi: str, changes: dict[str, FieldValue] | None = None) -> Term:
        """Add ``hanzi`` as the user's entry, or set the given fields of an existing one
        (over a bundled entry, as edits). Takes effect at once: kept whole, counted, looked
        up. A new entry without pinyin gets the reader's pinyin, which the user can edit."""
        hanzi = check_hanzi(hanzi)
        self.set_terms([(hanzi, dict(changes or {}))])
        term = self.glossary.get(hanzi)
        assert term is not None
        return term

    def set_terms(self, items: list[tuple[str, dict[str, FieldValue]]]) -> int:
        """Many adds or edits as one change (one transaction): an import."""
        prepared: list[tuple[str, dict[str, FieldValue], bool]] = []
        for hanzi, changes in items:
            hanzi = check_hanzi(hanzi)
            fields = dict(changes)
            if self.glossary.get(hanzi) is None and not fields.get("pinyin"):
                fields["pinyin"] = self.pinyin(hanzi)
            prepared.append((hanzi, fields, hanzi not in self.bundled))
        self._store().set_many(prepared)
        self._glossary_changed()
        return len(prepared)

    def remove_term(self, hanzi: str) -> str:
        """Delete the user's entry, or revert a bundled one to as shipped.
        Returns ``"removed"``, ``"reverted"`` or ``"unchanged"``."""
        hanzi = hanzi.strip()
        if hanzi not in self.glossary:
            raise TermNotFoundError(f"{hanzi!r} is not in the glossary")
        if not self._store().remove(hanzi):
            return "unchanged"
        self._glossary_changed()
        return "reverted" if hanzi in self.bundled else "removed"

    def star(self, hanzi: str, on: bool = True) -> None:
        """Star (or unstar) a glossary term."""
        hanzi = hanzi.strip()
        if on and hanzi not in self.glossary:
            raise TermNotFoundError(f"{hanzi!r} is not in the glossary; add it first")
        self._store().set_star(hanzi, on)
        self._glossary_changed()

    def cite(self, title: str, url: str = "") -> str:
        """The source key for a citation (a known key, or the user's own source)."""
        key = self._store().cite(title, url, self.glossary.sources)
        self._glossary_changed()
        return key

    def paragraph_notes(self, doc_id: str) -> dict[int, str]:
        """Notes on the paragraphs of a document, by paragraph number."""
        self.document(doc_id)
        if self.user is None:
            return {}
        return {n.paragraph: n.text for n in self.user.paragraph_notes(doc_id)}

    def all_paragraph_notes(self) -> list[ParagraphNote]:
        return self.user.paragraph_notes() if self.user is not None else []

    def set_paragraph_note(self, doc_id: str, paragraph: int, text: str) -> None:
        """Set a paragraph's note; empty text deletes it."""
        document = self.document(doc_id)
        if not 1 <= paragraph <= len(document.paragraphs):
            raise ReaderError(
                f"{doc_id} has paragraphs 1 to {len(document.paragraphs)}, not {paragraph}"
            )
        anchor = document.paragraph_text(document.paragraphs[paragraph - 1])[:16]
        self._store().set_paragraph_note(doc_id, paragraph, anchor, text)

    def reload_user_data(self) -> None:
        """Read the store again (another Reader process, or an import, changed it)."""
        from reader.core.known import StoreKnownWords

        if isinstance(self._known, StoreKnownWords):
            self._known.reload()  # the same object: the window holds it
        self._glossary_changed()

    def _glossary_changed(self) -> None:
        """Re-merge the glossary and drop exactly what depended on it: the words of the
        documents that contain a term added or removed (made again when next asked for) and
        the readings. Counts and underlines are found afresh from the term list."""
        before = set(self._term_texts)
        self.glossary = merge(self.bundled, self.user)
        self._term_texts = self.glossary.hanzi()
        self.pinyin_reader.set_curated(self._curated_readings())
        self._syllables.clear()  # pinyin search reads words and readings: both may change
        changed = before.symmetric_difference(self._term_texts)
        if not changed:
            return
        if self._segmenter is not None:
            self._segmenter.set_terms(self._term_texts)
        for doc_id in list(self._tokens):
            text = self.search_text(doc_id)  # terms are found in the folded text
            if any(hanzi in text for hanzi in changed):
                del self._tokens[doc_id]

    def _curated_readings(self) -> dict[str, str]:
        # Spelt like every other reading (terms loaded from the glossary file already are).
        return {t.hanzi: spell(t.hanzi, t.pinyin) for t in self.glossary.terms if t.pinyin}

    # -- look-ups --------------------------------------------------------------------------

    def occurrences(self, term: str) -> Occurrences:
        """Every occurrence in every document; contexts are made as they are read."""
        if self._corpus is None:
            self._corpus = Corpus(self.documents)
        return Occurrences(self._corpus, term)

    def counts(self, term: str) -> dict[str, int]:
        """Occurrences of ``term`` per document id, counted as ``occurrences`` finds them.

        A glossary term's counts come from the stored table when the documents have not
        changed since it was made: the glossary list shows counts over the whole library at
        start-up, and fifty documents would otherwise cost a scan of all of them per row."""
        if self._stored_counts is None:
            self._stored_counts = self._load_counts()
        stored = self._stored_counts.get(term)
        if stored is not None:
            return dict(stored)
        return self.occurrences(term).counts()

    def store_counts(self) -> None:
        """Count every glossary term in every document and keep the table for the next start
        (run by ``warm_up`` on a worker thread, over a snapshot of the documents)."""
        import json

        documents = list(self.documents)
        path, key = self._counts_path(documents)
        if path.exists():
            return
        corpus = Corpus(documents)
        table = {term: Occurrences(corpus, term).counts() for term in self._term_texts}
        if store_verified(path, key, json.dumps(table, ensure_ascii=False).encode("utf-8")):
            with contextlib.suppress(OSError):  # tables of other libraries (data folders)
                tables = sorted(path.parent.glob("*.json"), key=lambda p: p.stat().st_mtime)
                for old in tables[:-KEPT_COUNT_TABLES]:
                    old.unlink()

    def _counts_path(self, documents: list[Document]) -> tuple[Path, str]:
        key = fingerprint(
            COUNTS_CACHE_VERSION,
            fold_fingerprint(),
            "\n".join(self._term_texts),
            *(f"{d.id}\x00{d.text}" for d in documents),
        )
        return (self._cache_folder or cache_dir()) / "counts" / f"{key}.json", key

    def _load_counts(self) -> dict[str, dict[str, int]]:
        import json

        path, key = self._counts_path(self.documents)
        if not path.exists():
            return {}
        payload = load_verified(path, key)
        try:
            table = json.loads(payload or b"{}")
        except ValueError:
            return {}
        ids = set(self._by_id)
        if not isinstance(table, dict) or any(
            not isinstance(c, dict) or set(c) != ids for c in table.values()
        ):
            return {}
        return table

    def lookup(self, term: str) -> Lookup:
        """Pinyin, definitions, equivalents and every occurrence of ``term``.

        Raises ``TermNotFoundError`` when the term is in no document, the glossary or the
        dictionary."""
        term = term.strip()
        if not term:
            raise EmptyQueryError("an empty term matches nothing; give a word to look up")
        entry = self.glossary.get(term) or self.glossary.get(fold(term))
        entries = tuple(self._dictionary.entries(term)) if has_han(term) else ()
        occurrences = self.occurrences(term)
        if entry is None and not entries and not len(occurrences):
            raise TermNotFoundError(f"{term!r} is not in the documents, the glossary or CC-CEDICT")
        source = "glossary" if entry else "cc-cedict" if entries else "text"
        characters: tuple[tuple[str, tuple[DictionaryEntry, ...]], ...] = ()
        if entry is None and not entries and len(term) > 1:
            characters = tuple(
                (char, tuple(self._dictionary.entries(char))) for char in term if has_han(char)
            )
        return Lookup(
            term=term,
            pinyin=self.pinyin(fold(term)),
            source=source,
            glossary=entry,
            entries=entries,
            occurrences=occurrences,
            characters=characters,
        )

    def search_terms(self, query: str) -> list[Term]:
        return self.glossary.search(query)

    def find_text(self, query: str) -> TextMatches:
        """Every place ``query`` stands in the documents: hanzi as they are written, Latin
        letters as the pinyin of consecutive characters (see ``textsearch``)."""
        query = query.strip()
        kind = search_kind(query)
        if not query:
            found = SpanOccurrences(query, [SpanGroup(d, []) for d in self.documents])
        elif kind == "pinyin":
            found = find_pinyin(self.documents, query, self._syllable_index)
        else:
            found = find_hanzi(self.documents, query)
        return TextMatches(query, kind, found)

    def _syllable_index(self, document: Document) -> SyllableIndex:
        """The document's syllables, each read as its word is read; made on the first
        pinyin search (a few hundred milliseconds for both statements), then kept."""
        index = self._syllables.get(document.id)
        if index is None:
            syllables = [""] * len(document.text)
            for token in self.tokens(document.id):
                if has_han(token.text):
                    reading = char_syllables(token.text, self.pinyin(token.text), self.pinyin)
                    syllables[token.start : token.end] = reading
            index = self._syllables[document.id] = SyllableIndex(syllables)
        return index

    # -- caching ---------------------------------------------------------------------------

    def _cached_tokens(self, document: Document) -> TokenList:
        # The words of a text depend on the bundled terms (jieba is told them) and on the
        # terms that stand in it (see Segmenter): adding a term elsewhere leaves this
        # document's cached words valid.
        present = sorted(t for t in self._term_texts if t in document.text)
        key = fingerprint(
            TOKEN_CACHE_VERSION,
            document.text,
            "\n".join(self.bundled.hanzi()),
            "\n".join(present),
            "\n".join(self._rules.add),
            "\n".join(self._rules.split),
            jieba_version(),
            fold_fingerprint(),
            self._dictionary.fingerprint(),
        )
        path = (self._cache_folder or cache_dir()) / "tokens" / f"{document.id}-{key}.json"
        payload = load_verified(path, key)
        if payload is not None:
            try:
                return tokens_from_json(document.text, payload)
            except (ValueError, TypeError, KeyError, OverflowError, RecursionError):
                discard(path, "not a valid word list for its text")
        folded = self._segment(self.search_text(document.id))  # same length, same boundaries
        tokens = TokenList(document.text, folded.ends, folded.terms)
        store_verified(path, key, tokens_to_json(tokens))  # an unusable cache costs only speed
        return tokens

    def _known_word(self, word: str) -> bool:
        return word in self._dictionary.headwords()

    def _segment(self, text: str) -> TokenList:
        if self._segmenter is None:
            self._segmenter = Segmenter(
                self._term_texts,
                self._rules,
                tuple(self.bundled.hanzi()),
                in_dictionary=self._known_word,
            )
        return self._segmenter.segment(text)
