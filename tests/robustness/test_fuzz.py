"""Fuzzing the loaders of what a person edits: whatever the bytes, the answer is a document or
glossary, or a ReaderError naming the file; never another exception, never a hang. Runs are
bounded (a few hundred examples in all, no deadline) so the suite stays fast."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.documents import parse_document
from reader.core.errors import ReaderError
from reader.core.glossary import load_glossary, parse_glossary
from reader.ui.settings import DEFAULTS as SETTING_KEYS
from tests.robustness.conftest import ROOT

FAST = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = (ROOT / "texts" / "2016.txt").read_text(encoding="utf-8")
GLOSSARY = (ROOT / "resources" / "glossary.toml").read_text(encoding="utf-8")
#: The first sources and entries of the real glossary: a small valid file to mutate.
SMALL_GLOSSARY = GLOSSARY[: GLOSSARY.index("[[term]]", GLOSSARY.index("[[term]]") + 1)]


def _mutate(text: str, data: st.DataObject) -> str:
    """``text`` with a few characters replaced, inserted or deleted at random places."""
    chars = list(text)
    for _ in range(data.draw(st.integers(1, 6))):
        where = data.draw(st.integers(0, len(chars)))
        what = data.draw(st.text(max_size=4))
        how = data.draw(st.sampled_from(["insert", "replace", "delete"]))
        if how == "insert":
            chars[where:where] = list(what)
        elif how == "replace":
            chars[where : where + len(what)] = list(what)
        else:
            del chars[where : where + data.draw(st.integers(1, 50))]
    return "".join(chars)


@FAST
@given(st.text(max_size=400))
def test_any_text_is_a_document_or_a_document_error(content: str) -> None:
    try:
        document = parse_document(content, Path("fuzz.txt"))
    except ReaderError as exc:
        assert str(exc).startswith("fuzz.txt")
        return
    assert all(document.text[p.start : p.end] for p in document.paragraphs)


@FAST
@given(st.data())
def test_a_damaged_real_text_is_a_document_or_a_document_error(data: st.DataObject) -> None:
    content = _mutate(TEXT, data)
    try:
        document = parse_document(content, Path("2016.txt"))
    except ReaderError as exc:
        assert str(exc).startswith("2016.txt")
        return
    for paragraph in document.paragraphs:
        assert document.paragraph_at(paragraph.start) == paragraph


@FAST
@given(st.data())
def test_a_damaged_glossary_is_a_glossary_or_a_glossary_error(data: st.DataObject) -> None:
    content = _mutate(SMALL_GLOSSARY, data)
    try:
        glossary = parse_glossary(content, Path("glossary.toml"))
    except ReaderError as exc:
        assert str(exc).startswith("glossary.toml")
        return
    for term in glossary.terms:
        assert term.hanzi and term.english and term.russian


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_as_a_glossary_file(tmp_path_factory, raw: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "glossary.toml"
    path.write_bytes(raw)
    try:
        load_glossary(path, folder / "cache")
    except ReaderError as exc:
        assert str(exc).startswith(str(path))


@FAST
@given(
    hanzi=st.text(min_size=1, max_size=8),
    english=st.text(min_size=1, max_size=20),
    note=st.text(max_size=30),
)
def test_any_accepted_term_makes_well_formed_tbx(
    library, hanzi: str, english: str, note: str
) -> None:
    from reader.core.export import tbx
    from reader.core.library import Library

    entry = (
        "[[term]]\n"
        f'hanzi = {_toml_string("战" + hanzi)}\npinyin = "zhàn"\n'
        f'english = [{_toml_string(english)}]\nrussian = ["война"]\n'
        f'definition = "d"\ncategory = "concept"\nnote = {_toml_string(note)}\n'
        'english_source = "unverified"\nrussian_source = "unverified"\n'
    )
    try:
        glossary = parse_glossary(entry, Path("fuzz.toml"))
    except ReaderError:
        return
    small = Library(library.documents, glossary, library._rules)
    root = ET.fromstring(tbx(small, list(glossary.terms)).encode("utf-8"))
    texts = {el.text for el in root.iter()}
    assert glossary.terms[0].english[0] in texts


def test_a_carriage_return_in_an_equivalent_survives_the_tbx_round_trip(library) -> None:
    """Found by the fuzzer above: XML parsers read a literal CR back as LF."""
    from reader.core.export import tbx
    from reader.core.library import Library

    entry = (
        '[[term]]\nhanzi = "战术"\npinyin = "zhànshù"\nenglish = ["a\\rb"]\n'
        'russian = ["война"]\ndefinition = "d"\ncategory = "concept"\n'
        'english_source = "unverified"\nrussian_source = "unverified"\n'
    )
    glossary = parse_glossary(entry, Path("cr.toml"))
    assert glossary.terms[0].english[0] == "a\rb"
    small = Library(library.documents, glossary, library._rules)
    root = ET.fromstring(tbx(small, list(glossary.terms)).encode("utf-8"))
    assert "a\rb" in {el.text for el in root.iter()}


def _toml_string(text: str) -> str:
    """``text`` as a TOML basic string, every character escaped so that any may be tried."""
    return '"' + "".join(f"\\U{ord(c):08X}" for c in text) + '"'


SETTING_VALUES = st.one_of(
    st.text(max_size=40),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.lists(st.text(max_size=5), max_size=3),
    st.binary(max_size=20),
)


@FAST
@given(key=st.sampled_from(sorted(SETTING_KEYS)), value=SETTING_VALUES)
def test_any_setting_value_reads_as_a_valid_one(key: str, value: object) -> None:
    from reader.ui.settings import CHOICES, DEFAULTS, RANGES, clean

    cleaned = clean(key, value)
    assert type(cleaned) is type(DEFAULTS[key])
    if key in RANGES:
        low, high = RANGES[key]
        assert low <= cleaned <= high
    if key in CHOICES:
        assert cleaned in CHOICES[key]


@pytest.mark.qt_log_ignore(".*")
@FAST
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_settings_file_reads_as_valid_settings(tmp_path_factory, content: str) -> None:
    from reader.ui.settings import DEFAULTS, Settings

    path = tmp_path_factory.mktemp("settings") / "settings.ini"
    path.write_text("[reading]\n" + content, encoding="utf-8")
    settings = Settings(path)
    for key, default in DEFAULTS.items():
        assert type(settings.value(key)) is type(default)
