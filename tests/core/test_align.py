"""Sentence alignment of the 2025 statement with partial translations written for these tests."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.align import Side, align
from reader.core.bilingual import (
    Concordance,
    TranslationError,
    align_documents,
    check_terms,
    pairs_dict,
    tmx,
)
from reader.core.documents import load_document
from reader.core.sentences import Sentence

DATA = Path(__file__).resolve().parent.parent / "data" / "translations"


@pytest.fixture(scope="module")
def english():  # type: ignore[no-untyped-def]
    return load_document(DATA / "2025-en-partial.txt")


@pytest.fixture(scope="module")
def russian():  # type: ignore[no-untyped-def]
    return load_document(DATA / "2025-ru-partial.txt")


def _beads(alignment):  # type: ignore[no-untyped-def]
    return [(b.src, b.tgt) for b in alignment.beads]


def test_partial_english_aligns_sentence_by_sentence_and_leaves_the_rest_unpaired(
    library, english
) -> None:  # type: ignore[no-untyped-def]
    alignment = align_documents(library.document("2025"), english, library.glossary)
    beads = _beads(alignment)
    assert beads[:9] == [
        ((0,), (0,)),  # title
        ((1,), (1,)),
        ((2,), (2,)),
        ((3, 4), (3,)),  # two sentences merged in the translation
        ((5,), (4,)),
        ((6,), ()),  # the omitted sentence stays unpaired
        ((7,), (5,)),
        ((8,), (6,)),  # paragraph 5 split in the translation
        ((9,), (7,)),
    ]
    rest = beads[9:]
    assert rest and all(tgt == () for _, tgt in rest)
    assert sorted(k for b in alignment.beads for k in b.src) == list(range(len(alignment.source)))


def test_partial_russian_aligns_one_to_one(library, russian) -> None:  # type: ignore[no-untyped-def]
    alignment = align_documents(library.document("2025"), russian, library.glossary)
    assert _beads(alignment)[:5] == [((k,), (k,)) for k in range(5)]
    assert all(not b.tgt for b in alignment.beads[5:])


def test_json_pairs_carry_offsets_and_paragraphs_as_lookup_does(library, english) -> None:  # type: ignore[no-untyped-def]
    original = library.document("2025")
    data = pairs_dict(align_documents(original, english, library.glossary))
    first = data["pairs"][1]
    assert first["source"]["paragraph"] == 2 and first["target"]["paragraph"] == 2
    assert original.text[first["source"]["start"] : first["source"]["end"]].startswith(
        "在第二次世界大战"
    )
    assert english.text[first["target"]["start"] : first["target"]["end"]].startswith(
        "On the occasion"
    )
    assert data["unpaired_target"] == []
    assert len(data["unpaired_source"]) > 40


def test_a_correction_wins_over_the_automatic_alignment(library, english) -> None:  # type: ignore[no-untyped-def]
    # The user pairs sentence 6 (left out by the translator) with translation sentence 5.
    alignment = align_documents(
        library.document("2025"), english, library.glossary, corrections=[((6, 7), (5,))]
    )
    beads = _beads(alignment)
    assert ((6, 7), (5,)) in beads
    assert all(b.fixed == ((b.src, b.tgt) == ((6, 7), (5,))) for b in alignment.beads)
    assert beads[:5] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3, 4), (3,)), ((5,), (4,))]


def test_wrong_pairs_are_refused(library, english) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TranslationError, match="not of 2016"):
        align_documents(library.document("2016"), english, library.glossary)
    with pytest.raises(TranslationError, match="is not a translation"):
        align_documents(library.document("2016"), library.document("2025"), library.glossary)


def test_lengths_alone_recover_a_shuffled_free_alignment() -> None:
    """Synthetic pairs: a translation 3x as long with noise, merged and dropped sentences."""
    rng = random.Random(7)
    src_text, tgt_text, src, tgt, expected = "", "", [], [], []
    for k in range(60):
        n = rng.randint(15, 90)
        s = Sentence(len(src_text), len(src_text) + n, 1)
        src_text += "字" * n
        src.append(s)
        if k % 17 == 5:
            expected.append(((k,), ()))
            continue
        m = int(n * 3 * rng.uniform(0.85, 1.15))
        tgt.append(Sentence(len(tgt_text), len(tgt_text) + m, 1))
        tgt_text += "a" * m
        expected.append(((k,), (len(tgt) - 1,)))
    beads = align(Side(src_text, src), Side(tgt_text, tgt), lang="en")
    got = [(b.src, b.tgt) for b in beads]
    correct = len(set(got) & set(expected))
    assert correct >= 0.9 * len(expected)


def test_tmx_is_valid_tmx_14b(library, english) -> None:  # type: ignore[no-untyped-def]
    etree = pytest.importorskip("lxml.etree")
    alignment = align_documents(library.document("2025"), english, library.glossary)
    document = etree.fromstring(tmx(alignment).encode("utf-8"))
    assert etree.DTD(str(DATA / "tmx14-subset.dtd")).validate(document)
    units = document.findall("body/tu")
    assert len(units) == len(alignment.pairs) == 8
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    first = [(tuv.get(xml_lang), tuv.findtext("seg")) for tuv in units[1].findall("tuv")]
    assert first[0][0] == "zh-CN" and first[0][1].startswith("在第二次世界大战胜利")
    assert first[1][0] == "en" and first[1][1].startswith("On the occasion of the 80th")


def test_term_check_finds_renderings_and_gaps(library, english) -> None:  # type: ignore[no-untyped-def]
    alignment = align_documents(library.document("2025"), english, library.glossary)
    checks = {c.term.hanzi: c for c in check_terms(alignment, library.glossary)}
    # Plural equivalents find singular uses: "dangerous miscalculations" in "… miscalculation."
    assert checks["危险误判"].renderings and not checks["危险误判"].missing
    # "the Parties" is not among the glossary's equivalents of 双方: each place is reported.
    assert "the Parties" not in library.glossary.get("双方").english
    assert len(checks["双方"].missing) == 6
    stability = checks["全球战略稳定"]
    assert stability.renderings == {"global strategic stability": 3}
    assert stability.untranslated == stability.occurrences - 3
    assert not stability.inconsistent


def test_concordance_gives_each_occurrence_its_aligned_sentence(library, english) -> None:  # type: ignore[no-untyped-def]
    original = library.document("2025")
    concordance = Concordance([original, english], library.glossary)
    term = library.glossary.get("核冲突")
    start = original.text.index("核冲突")
    (found,) = concordance.renderings(original, term, start)
    assert found.document == english.id and found.equivalent == "nuclear conflict"
    assert english.text[found.start : found.end] == found.text
    assert "risk of nuclear conflict" in found.text


def test_cli_align_check_and_lookup_with_translations(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    root = Path(__file__).resolve().parents[2]
    for source in [*(root / "texts").glob("*.txt"), DATA / "2025-en-partial.txt"]:
        (texts / source.name).write_bytes(source.read_bytes())

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", "--texts", str(texts), *args],
            capture_output=True,
            text=True,
            check=False,
        )

    aligned = run("align", "2025", "2025-en-test", "--json", "--tmx", str(tmp_path / "out.tmx"))
    assert aligned.returncode == 0, aligned.stderr
    assert len(json.loads(aligned.stdout)["pairs"]) == 8
    assert (tmp_path / "out.tmx").read_text(encoding="utf-8").count("<tu>") == 8

    looked = run("lookup", "核冲突", "--json")
    (occurrence,) = json.loads(looked.stdout)[0]["occurrences"]
    (translation,) = occurrence["translations"]
    assert translation["equivalent"] == "nuclear conflict" and translation["lang"] == "en"

    checked = run("check", "2025-en-test", "--json")
    terms = {t["term"]: t for t in json.loads(checked.stdout)["terms"]}
    # The test translation says "the Parties"; the glossary's equivalent of 双方 is another.
    assert [m["paragraph"] for m in terms["双方"]["missing"]][:2] == [2, 2]
    assert terms["全球战略稳定"]["renderings"] == {"global strategic stability": 3}

    wrong = run("align", "2016", "2025-en-test")
    assert (
        wrong.returncode == 2 and "not of 2016" in wrong.stderr and "Traceback" not in wrong.stderr
    )


def test_corrections_kept_in_the_user_store_survive_a_restart(tmp_path: Path, english) -> None:  # type: ignore[no-untyped-def]
    from reader.core.bilingual import StoreCorrections, corrected
    from reader.core.library import Library
    from reader.core.store import Store

    store = Store.open(tmp_path / "reader.sqlite3")
    library = Library.open(store=store)
    original = library.document("2025")
    first = align_documents(original, english, library.glossary)
    fixed = corrected(first, "unpair", 1, [])
    StoreCorrections(store).save("2025", english.id, fixed)
    store.close()
    reopened = StoreCorrections(Store.open(tmp_path / "reader.sqlite3"))
    again = align_documents(original, english, library.glossary, reopened.load("2025", english.id))
    assert ((1,), ()) in [(b.src, b.tgt) for b in again.beads if b.fixed]
    assert ((), (1,)) in [(b.src, b.tgt) for b in again.beads if b.fixed]


def test_using_a_rendering_makes_it_the_attested_first_equivalent(tmp_path: Path, english) -> None:  # type: ignore[no-untyped-def]
    from reader.core.bilingual import use_rendering
    from reader.core.library import Library
    from reader.core.store import Store

    library = Library.open(store=Store.open(tmp_path / "reader.sqlite3"))
    alignment = align_documents(library.document("2025"), english, library.glossary)
    before = library.glossary.get("双方")
    term = use_rendering(library, "双方", alignment, "the Parties")
    assert term.english[0] == "the Parties"
    assert set(before.english) <= set(term.english)
    assert term.english_verified
    assert english.id in library.glossary.source(term.english_source).citation()
    checks = {c.term.hanzi: c for c in check_terms(alignment, library.glossary)}
    assert checks["双方"].renderings["the Parties"] == 6 and not checks["双方"].missing


def test_import_a_translation_and_align_it(tmp_path: Path) -> None:
    body = (DATA / "2025-en-partial.txt").read_text(encoding="utf-8").split("---\n", 1)[1]
    source = tmp_path / "opening in English.txt"
    source.write_text(body, encoding="utf-8")
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path / "data")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", *args],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )

    imported = run("import", str(source), "--translation-of", "2025", "--lang", "en", "--json")
    assert imported.returncode == 0, imported.stderr
    document = json.loads(imported.stdout)
    assert document["extra"]["translation-of"] == "2025" and document["extra"]["lang"] == "en"
    assert document["date"] == "2025-05-08"  # the original's, as the file names none
    aligned = run("align", "2025", document["id"], "--json")
    assert len(json.loads(aligned.stdout)["pairs"]) == 8
    again = run("import", str(source), "--translation-of", document["id"], "--lang", "en")
    assert again.returncode == 2 and "itself a translation" in again.stderr
    lone = run("import", str(source), "--lang", "ru")
    assert lone.returncode == 2 and "--translation-of" in lone.stderr
    unknown = run("import", str(source), "--translation-of", "1999", "--lang", "en")
    assert unknown.returncode == 2 and "no document with id '1999'" in unknown.stderr
    for result in (again, lone, unknown):
        assert "Traceback" not in result.stderr
