"""The one object the window and the CLI are given: documents, glossary, words and look-ups.

Anything the window shows, the CLI can print, because both ask this object. It is cheap to
open: texts and the glossary are small; the dictionary opens its cached index on first use;
jieba is loaded only when a document's words are not in the cache.
"""

from __future__ import annotations

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
from reader.core.dictionary import Dictionary, DictionaryEntry
from reader.core.documents import Document, load_documents
from reader.core.errors import (
    EmptyQueryError,
    ReaderError,
    TermNotFoundError,
    UnknownDocumentError,
)
from reader.core.glossary import Glossary, Term, load_glossary
from reader.core.index import Corpus, Occurrences, SpanGroup, SpanOccurrences
from reader.core.orthography import spell
from reader.core.pinyin import PinyinReader, has_han, warm_pinyin
from reader.core.readings import Readings, load_readings
from reader.core.segment import (
    SegmentationRules,
    Segmenter,
    TokenList,
    jieba_version,
    load_rules,
    tokens_from_json,
    tokens_to_json,
)
from reader.core.textsearch import (
    SyllableIndex,
    TextMatches,
    char_syllables,
    find_hanzi,
    find_pinyin,
    search_kind,
)

TOKEN_CACHE_VERSION = "4"
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
    ) -> None:
        self.documents = documents
        self.glossary = glossary
        self.problems: list[ReaderError] = list(problems or [])
        self._by_id = {d.id: d for d in documents}
        self._rules = rules
        self._dictionary = dictionary or Dictionary(cache_folder=cache_folder)
        self._cache_folder = cache_folder
        self._segmenter = segmenter
        self._tokens: dict[str, TokenList] = {}
        self._term_texts = glossary.hanzi()
        self._corpus: Corpus | None = None
        self._readings = readings or Readings()
        self._syllables: dict[str, SyllableIndex] = {}
        self.pinyin_reader = PinyinReader(
            self._dictionary, {t.hanzi: t.pinyin for t in glossary.terms}, self._readings.fixed()
        )

    @classmethod
    def open(
        cls,
        texts: Path | None = None,
        glossary: Path | None = None,
        segmentation: Path | None = None,
        cache_folder: Path | None = None,
    ) -> Library:
        """Load what can be loaded; what cannot is listed in ``problems``, never raised."""
        sweep(cache_folder or cache_dir())  # temporaries of killed writers; a listdir
        documents, problems = load_documents(texts or resources.texts_dir())
        found: list[ReaderError] = list(problems)
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
        return cls(documents, terms, rules, found, readings, cache_folder=cache_folder)

    def warm_up(self) -> None:
        """Start one-time slow work on a worker thread: the dictionary index (if it is not
        cached) and pypinyin's tables, which take half a second to load on first use."""
        self._dictionary.prepare_in_background()
        threading.Thread(target=warm_pinyin, name="pinyin-tables", daemon=True).start()

    # -- documents -------------------------------------------------------------------------

    def document(self, doc_id: str) -> Document:
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise UnknownDocumentError(doc_id, list(self._by_id)) from None

    def document_ids(self) -> list[str]:
        return [d.id for d in self.documents]

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

    @staticmethod
    def _reading_inside(word: str, reading: str, offset: int, size: int) -> str | None:
        """The syllables of ``reading`` that belong to ``word[offset:offset + size]``."""
        from reader.core.orthography import syllables_of
        from reader.core.pinyin_format import join_syllables

        syllables = syllables_of(word, reading)
        if syllables is None:
            return None
        before = sum(1 for c in word[:offset] if has_han(c))
        count = sum(1 for c in word[offset : offset + size] if has_han(c))
        return join_syllables(syllables[before : before + count]) or None

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
        return Span(doc_id, start, end, term, "term")

    def terms_between(self, doc_id: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """The glossary terms that overlap ``text[start:end]``, nested ones included, sorted.

        Asked for what is on screen or under the mouse, so a document of any length costs
        only the stretch being looked at."""
        text = self.document(doc_id).text
        found = []
        for hanzi in self._term_texts:
            size = len(hanzi)
            position = text.find(hanzi, max(0, start - size + 1), end + size - 1)
            while position >= 0:
                found.append((position, position + size, hanzi))
                position = text.find(hanzi, position + size, end + size - 1)
        return sorted(found)

    # -- look-ups --------------------------------------------------------------------------

    def occurrences(self, term: str) -> Occurrences:
        """Every occurrence in every document; contexts are made as they are read."""
        if self._corpus is None:
            self._corpus = Corpus(self.documents)
        return Occurrences(self._corpus, term)

    def counts(self, term: str) -> dict[str, int]:
        """Occurrences of ``term`` per document id, counted as ``occurrences`` finds them."""
        return self.occurrences(term).counts()

    def lookup(self, term: str) -> Lookup:
        """Pinyin, definitions, equivalents and every occurrence of ``term``.

        Raises ``TermNotFoundError`` when the term is in no document, the glossary or the
        dictionary."""
        term = term.strip()
        if not term:
            raise EmptyQueryError("an empty term matches nothing; give a word to look up")
        entry = self.glossary.get(term)
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
            pinyin=self.pinyin(term),
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
        key = fingerprint(
            TOKEN_CACHE_VERSION,
            document.text,
            "\n".join(self._term_texts),
            "\n".join(self._rules.add),
            "\n".join(self._rules.split),
            jieba_version(),
            self._dictionary.fingerprint(),
        )
        path = (self._cache_folder or cache_dir()) / "tokens" / f"{document.id}-{key}.json"
        payload = load_verified(path, key)
        if payload is not None:
            try:
                return tokens_from_json(document.text, payload)
            except (ValueError, TypeError, KeyError, OverflowError, RecursionError):
                discard(path, "not a valid word list for its text")
        tokens = self._segment(document.text)
        store_verified(path, key, tokens_to_json(tokens))  # an unusable cache costs only speed
        return tokens

    def _known_word(self, word: str) -> bool:
        return word in self._dictionary.headwords()

    def _segment(self, text: str) -> TokenList:
        if self._segmenter is None:
            self._segmenter = Segmenter(self._term_texts, self._rules, known=self._known_word)
        return self._segmenter.segment(text)
