"""A malformed text names the file, the line and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.documents import load_document, load_documents
from reader.core.errors import DocumentFormatError

GOOD = "id: x1\ntitle: 标题\ndate: 2020-01-02\nplace: Here\nsource: test\n---\n标题\n\n正文。\n\n- 一项\n"


def write(tmp_path: Path, content: str | bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_a_well_formed_file_loads_with_offsets_into_its_text(tmp_path):
    doc = load_document(write(tmp_path, GOOD))
    assert doc.text == "标题\n正文。\n一项"
    assert [(p.number, p.kind) for p in doc.paragraphs] == [(1, "title"), (2, "body"), (3, "item")]
    assert doc.paragraph_at(doc.text.index("正")).number == 2


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        (GOOD.replace("date: 2020-01-02\n", ""), 5, "missing 'date'"),
        (GOOD.replace("2020-01-02", "2 January 2020"), 6, "not YYYY-MM-DD"),
        (GOOD.replace("place: Here", "place Here"), 4, "expected 'key: value'"),
        (GOOD.replace("---\n", ""), 6, "end it with a '---' line"),
        (GOOD.replace("---\n标题\n\n正文。\n\n- 一项\n", ""), 5, "no '---' line"),
        (GOOD.replace("id: x1", "id: has space"), 6, "id 'has space'"),
    ],
)
def test_a_malformed_header_names_file_line_and_problem(tmp_path, content, line, problem):
    path = write(tmp_path, content)
    with pytest.raises(DocumentFormatError) as info:
        load_document(path)
    message = str(info.value)
    assert message.startswith(f"{path} line {line}: ")
    assert problem in message


def test_invalid_utf8_names_the_line(tmp_path):
    path = write(tmp_path, GOOD.encode("utf-8") + b"\xff\xfe broken\n")
    with pytest.raises(DocumentFormatError, match=rf"{path} line 12: not valid UTF-8"):
        load_document(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DocumentFormatError, match="file not found"):
        load_document(tmp_path / "absent.txt")


def test_the_folder_loader_keeps_good_files_and_reports_bad_ones(tmp_path):
    write(tmp_path, GOOD, "a.txt")
    write(tmp_path, GOOD.replace("source: test\n", ""), "b.txt")
    write(tmp_path, GOOD, "c.txt")  # same id as a.txt
    documents, problems = load_documents(tmp_path)
    assert [d.id for d in documents] == ["x1"]
    assert {p.path.name for p in problems} == {"b.txt", "c.txt"}
    assert "already used" in str(next(p for p in problems if p.path.name == "c.txt"))
