"""Word, PDF and web pages, made from the project's texts: every Han character kept, in order,
furniture and boilerplate dropped and reported, and a lookup counts the imported statement."""

from __future__ import annotations

import re

import pytest

from reader.core.errors import ImportFileError
from reader.core.importing import read_import
from reader.core.importing.pdf import join
from reader.core.importing.store import import_path
from reader.core.library import Library
from tests.samples import (
    FOOTER,
    HEADLINES,
    NAVIGATION,
    PDF_HEADER,
    encrypted_pdf,
    han,
    html_page,
    paragraphs,
    write_pdf,
    write_scanned_pdf,
)


def _squash(texts: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(texts))


@pytest.fixture(scope="module")
def pdf_2016(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "GE.16-12040.pdf"
    pages = write_pdf(path, paragraphs("2016"))
    assert pages >= 3
    return path, pages


def test_pdf_paragraphs_are_rejoined_and_page_furniture_dropped(pdf_2016):
    path, pages = pdf_2016
    imported = read_import(path)
    source = paragraphs("2016")
    assert len(imported.paragraphs) == len(source)
    assert [_squash([p]) for p in imported.paragraphs] == [_squash([p]) for p in source]
    assert han("".join(imported.paragraphs)) == han("".join(source))
    assert not any("GE.16" in p for p in imported.paragraphs)
    assert (
        f"page header or footer “{' '.join(PDF_HEADER.split())}” ({pages} pages)"
        in imported.removed
    )
    assert f"page numbers ({pages} pages)" in imported.removed
    assert (imported.guess.date, imported.guess.place) == ("2016-06-25", "北京")


def test_wrapped_lines_join_by_script():
    assert join("加强全球战略", "稳定的联合声明") == "加强全球战略稳定的联合声明"
    assert join("strategic", "stability") == "strategic stability"
    assert join("strate-", "gic stability") == "strategic stability"
    assert join("Russia-", "China") == "Russia-China"  # a real hyphen stays, no space
    assert join("军事－", "政治同盟") == "军事－政治同盟"


def test_a_scanned_or_encrypted_pdf_is_refused(tmp_path):
    scanned, locked, broken = tmp_path / "scan.pdf", tmp_path / "locked.pdf", tmp_path / "x.pdf"
    write_scanned_pdf(scanned)
    locked.write_bytes(encrypted_pdf())
    broken.write_bytes(b"%PDF-1.4 but nothing else of a PDF")
    with pytest.raises(ImportFileError, match="no text layer: it needs OCR first"):
        read_import(scanned)
    with pytest.raises(ImportFileError, match="encrypted"):
        read_import(locked)
    with pytest.raises(ImportFileError, match="not a readable PDF"):
        read_import(broken)


def test_docx_paragraphs_headings_and_tables_in_order(tmp_path):
    import docx

    title, *rest = paragraphs("2025")
    document = docx.Document()
    document.add_heading(title, level=1)
    for text in rest[:5]:
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    cells = ["中方代表", "俄方代表", "战略稳定对话", "全球安全倡议"]
    for cell, text in zip((c for row in table.rows for c in row.cells), cells, strict=True):
        cell.text = text
    for text in rest[5:]:
        document.add_paragraph(text)
    path = tmp_path / "statement.docx"
    document.save(path)
    imported = read_import(path)
    assert imported.kind == "docx" and imported.guess.title == title
    assert imported.paragraphs == [title, *rest[:5], *cells, *rest[5:]]
    assert imported.guess.date == "2025-05-08"


def test_a_corrupt_docx_is_refused(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ImportFileError, match="not a Word .docx file"):
        read_import(path)


def test_web_page_keeps_the_article_and_reports_the_site_around_it(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(html_page("2025").encode("utf-8"))
    imported = read_import(path)
    assert imported.paragraphs == paragraphs("2025")
    text = "".join(imported.paragraphs)
    for boilerplate in [*NAVIGATION, *HEADLINES, FOOTER, "分享到", "统计代码"]:
        assert boilerplate not in text
    assert set(HEADLINES) <= set(imported.removed) and FOOTER in imported.removed
    assert imported.guess.title == paragraphs("2025")[0]


def test_a_web_page_in_gbk_declared_by_meta(tmp_path):
    path = tmp_path / "page.html"
    page = html_page("2016").replace('charset="utf-8"', 'charset="gbk"')
    path.write_bytes(page.encode("gbk"))
    assert han("".join(read_import(path).paragraphs)) == han("".join(paragraphs("2016")))


def test_a_web_page_without_chinese_is_refused(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><nav>Home</nav><p>Nothing here.</p></body></html>")
    with pytest.raises(ImportFileError, match="no Chinese text"):
        read_import(path)


def test_each_format_is_counted_by_lookups(tmp_path, pdf_2016):
    import docx

    library = Library.open(user_folder=tmp_path / "documents")
    expected = library.counts("战略稳定")["2016"]
    html = tmp_path / "s.html"
    html.write_text(html_page("2016"), encoding="utf-8")
    word = tmp_path / "s.docx"
    document = docx.Document()
    for text in paragraphs("2016"):
        document.add_paragraph(text)
    document.save(word)
    ids = [
        import_path(library, path, doc_id=name).id
        for name, path in (("pdf", pdf_2016[0]), ("html", html), ("docx", word))
    ]
    counts = library.counts("战略稳定")
    assert [counts[i] for i in ids] == [expected] * 3
    reopened = Library.open(user_folder=tmp_path / "documents")
    assert reopened.counts("战略稳定") == counts


def test_a_scanned_page_among_text_pages_is_reported(tmp_path, pdf_2016):
    import pypdfium2 as pdfium

    scanned, mixed = tmp_path / "scan.pdf", tmp_path / "mixed.pdf"
    write_scanned_pdf(scanned)
    document = pdfium.PdfDocument(pdf_2016[0])
    document.import_pages(pdfium.PdfDocument(scanned))
    document.save(mixed)
    imported = read_import(mixed)
    assert han("".join(imported.paragraphs)) == han("".join(paragraphs("2016")))
    assert f"no text layer on page {pdf_2016[1] + 1}: scanned? it needs OCR" in imported.removed
