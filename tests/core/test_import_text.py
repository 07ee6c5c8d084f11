"""Importing plain text as people have it: any encoding, either line end, and honest refusals."""

from __future__ import annotations

import codecs

import pytest

from reader.core.errors import ImportFileError
from reader.core.importing import from_clipboard, read_import
from reader.core.importing.metadata import chinese_number, find_date
from tests.samples import body, han


@pytest.mark.parametrize(
    ("encoding", "bom", "reported"),
    [
        ("utf-8", b"", "UTF-8"),
        ("utf-8", codecs.BOM_UTF8, "UTF-8 with BOM"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16 LE"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 BE"),
        ("gb18030", b"", "GB18030"),
    ],
)
def test_every_encoding_keeps_every_han_character_and_is_reported(
    tmp_path, encoding, bom, reported
):
    text = body("2016").replace("\n", "\r\n")
    path = tmp_path / "statement.txt"
    path.write_bytes(bom + text.encode(encoding))
    imported = read_import(path)
    assert imported.encoding == reported
    assert han("".join(imported.paragraphs)) == han(text)
    assert not any("\r" in p for p in imported.paragraphs)
    assert (
        imported.paragraphs[0] == "中华人民共和国主席和俄罗斯联邦总统关于加强全球战略稳定的联合声明"
    )


def test_gbk_and_big5_are_detected(tmp_path):
    import opencc

    simplified = body("2025")
    traditional = opencc.OpenCC("s2tw").convert(simplified)
    (tmp_path / "gbk.txt").write_bytes(simplified.encode("gbk"))
    (tmp_path / "big5.txt").write_bytes(traditional.encode("big5", errors="ignore"))
    gbk = read_import(tmp_path / "gbk.txt")
    big5 = read_import(tmp_path / "big5.txt")
    assert gbk.encoding == "GB18030" and han("".join(gbk.paragraphs)) == han(simplified)
    assert big5.encoding.startswith("BIG5")
    expected = traditional.encode("big5", errors="ignore").decode("big5")
    assert han("".join(big5.paragraphs)) == han(expected)
    assert "戰略穩定" in "".join(big5.paragraphs)


def test_title_date_and_place_are_guessed_from_first_and_closing_lines(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text(body("2016"), encoding="utf-8")
    guess = read_import(path).guess
    assert guess.title.startswith("中华人民共和国主席和俄罗斯联邦总统")
    assert (guess.date, guess.place) == ("2016-06-25", "北京")
    path.write_text(body("2025"), encoding="utf-8")
    guess = read_import(path).guess
    assert (guess.date, guess.place) == ("2025-05-08", "莫斯科")


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("二〇一六年六月二十五日于北京", ("2016-06-25", "北京")),
        ("2025年5月8日于莫斯科", ("2025-05-08", "莫斯科")),
        ("二〇一九年六月五日於莫斯科。", ("2019-06-05", "莫斯科")),
        ("２０２２年１月３日", ("2022-01-03", "")),
        ("二〇一九年十三月五日于北京", None),
        ("没有日期的一行", None),
    ],
)
def test_closing_lines_in_both_kinds_of_numerals(line, found):
    assert find_date(line) == found


def test_chinese_numbers():
    assert [chinese_number(n) for n in ("十", "十二", "二十", "三十一", "二〇二五")] == [
        10,
        12,
        20,
        31,
        2025,
    ]


def test_clipboard_text_becomes_a_document():
    imported = from_clipboard("  标题\r\n\r\n正文。\r\n2025年5月8日于莫斯科\n")
    assert imported.paragraphs == ["标题", "正文。", "2025年5月8日于莫斯科"]
    assert imported.kind == "clipboard" and imported.guess.date == "2025-05-08"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: None, "not found"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(b"  \n\r\n"), "empty"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), "binary"),
        (lambda p: p.write_bytes(bytes(range(1, 32)) * 40), "binary"),
        (lambda p: p.write_bytes(bytes(range(128, 256)) * 20), "cannot tell the text's encoding"),
        (lambda p: p.write_bytes(codecs.BOM_UTF8 + b"\xc3\x28 ok"), "not valid UTF-8 with BOM"),
    ],
)
def test_bad_files_are_refused_with_the_file_named(tmp_path, make, problem):
    path = tmp_path / "bad.txt"
    make(path)
    with pytest.raises(ImportFileError, match=problem) as info:
        read_import(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_a_file_over_the_limit_is_refused_unread(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("战略" * 600, encoding="utf-8")
    with pytest.raises(ImportFileError, match="limit"):
        read_import(path, limit=1000)
