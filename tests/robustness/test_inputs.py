"""Bad input, special files and hostile names give one line naming the file, exit 2, and
never a hang, a traceback or a damaged file. Most cases run the CLI in-process (fast); the
ones whose fault is at process level (a file-size limit, stdout on a full disk) run it in a
subprocess."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from reader.cli import main
from tests.robustness.conftest import ROOT, TERM, reader

GLOSSARY = ROOT / "resources" / "glossary.toml"
FIRST_HANZI = 'hanzi = "战略稳定"'


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one-line error of a run that must exit 2."""
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("reader: error: "), err
    return err


def _glossary(tmp_path: Path, old: str, new: str) -> Path:
    text = GLOSSARY.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "glossary.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


# -- look-up queries ------------------------------------------------------------------------


@pytest.mark.parametrize("query", [" ", "", "\t", "　"])
def test_an_empty_query_is_bad_input(capsys, query: str) -> None:
    assert "empty TERM" in refused(capsys, "lookup", query)


def test_no_query_at_all_is_bad_input(capsys) -> None:
    assert "give at least one TERM" in refused(capsys, "lookup")


def test_a_query_of_markup_is_just_not_found(capsys) -> None:
    code, _, err = run(capsys, "lookup", "<img src='file:///dev/zero'>")
    assert code == 1 and "not found" in err


# -- term lists (--from) --------------------------------------------------------------------


def test_a_term_list_with_a_bom_keeps_its_first_term(capsys, tmp_path: Path) -> None:
    terms = tmp_path / "terms.txt"
    terms.write_bytes("\ufeff战略稳定\n延伸威慑\n".encode())
    code, out, _ = run(capsys, "lookup", "--from", str(terms))
    assert code == 0 and out.startswith("战略稳定  ") and "\n延伸威慑  " in out


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: Path("/dev/zero"), "not a regular file"),
        (lambda p: (os.mkfifo(p / "fifo.txt"), p / "fifo.txt")[1], "not a regular file"),
        (lambda p: p, "is a folder"),
        (lambda p: p / "absent.txt", "file not found"),
        (lambda p: _write(p / "empty.txt", b""), "at least one TERM"),
        (lambda p: _write(p / "blank.txt", b"\n \n\t\n"), "at least one TERM"),
        (lambda p: _write(p / "latin1.txt", b"ok\n\xe9t\xe9\n"), "line 2: not valid UTF-8"),
        (lambda p: _sparse(p / "huge.txt", 300 * 1024 * 1024), "the limit is 200 MB"),
    ],
    ids=["dev-zero", "fifo", "folder", "absent", "empty", "blank", "latin-1", "huge"],
)
def test_a_bad_term_list_is_one_line(capsys, tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    assert message in refused(capsys, "lookup", "--from", str(path))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- the glossary ---------------------------------------------------------------------------


def test_a_glossary_with_a_bom_is_accepted(capsys, tmp_path: Path) -> None:
    path = tmp_path / "glossary.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GLOSSARY.read_bytes())
    code, out, _ = run(capsys, "--glossary", str(path), "lookup", TERM)
    assert code == 0 and "[glossary]" in out.splitlines()[0]


@pytest.mark.parametrize("char", ["\\u0000", "\\u0001", "\\u001b", "\\u007f", "\\uffff"])
def test_a_control_character_in_a_term_is_refused_with_file_and_line(
    capsys, tmp_path: Path, char: str
) -> None:
    path = _glossary(tmp_path, FIRST_HANZI, f'hanzi = "战略{char}稳定"')
    err = refused(capsys, "--glossary", str(path), "docs")
    assert "glossary.toml line " in err and "control character U+" in err


def test_a_control_character_in_an_equivalent_is_refused(capsys, tmp_path: Path) -> None:
    path = _glossary(tmp_path, 'english = ["strategic stability"', 'english = ["a\\u0008b"')
    assert "field 'english' holds the control character U+0008" in refused(
        capsys, "--glossary", str(path), "docs"
    )


def test_markup_in_a_glossary_stays_text_in_every_export(capsys, tmp_path: Path) -> None:
    hostile = "<b>&amp;]]></b>\\u00a0<!--x-->"
    path = _glossary(tmp_path, 'english = ["strategic stability"', f'english = ["{hostile}"')
    output = tmp_path / "out.tbx"
    code, _, _ = run(
        capsys, "--glossary", str(path), "export", "--format", "tbx", "--output", str(output)
    )
    assert code == 0
    texts = [el.text for el in ET.parse(output).iter() if el.text]
    assert "<b>&amp;]]></b>\u00a0<!--x-->" in texts


@pytest.mark.parametrize(
    "content",
    [
        "a = " + "[" * 5000 + "]" * 5000,
        "a = " + "{b = " * 3000 + "1" + "}" * 3000,
    ],
    ids=["arrays", "inline tables"],
)
def test_a_deeply_nested_glossary_is_one_line(capsys, tmp_path: Path, content: str) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(content, encoding="utf-8")
    assert "deep.toml" in refused(capsys, "--glossary", str(path), "docs")


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "folder", "huge", "binary"])
def test_a_glossary_that_is_not_a_text_file_is_one_line(capsys, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "glossary.toml"
    if kind == "dev-zero":
        path = Path("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        _sparse(path, 250 * 1024 * 1024)
    else:
        path.write_bytes(bytes(range(256)) * 4)
    assert str(path) in refused(capsys, "--glossary", str(path), "docs")


# -- the texts folder -----------------------------------------------------------------------


def test_an_empty_texts_folder_says_so(capsys, tmp_path: Path) -> None:
    assert "no texts (*.txt files) in this folder" in refused(
        capsys, "--texts", str(tmp_path), "docs"
    )


def test_a_texts_path_that_is_a_file_says_so(capsys, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    assert "texts folder not found" in refused(capsys, "--texts", str(tmp_path / "file"), "docs")


@pytest.mark.parametrize("kind", ["fifo", "folder", "huge", "link to /dev/zero", "dangling link"])
def test_a_special_file_among_the_texts_is_named_and_the_rest_opens(
    tmp_path: Path, kind: str
) -> None:
    from reader.core.library import Library

    texts = Path(shutil.copytree(ROOT / "texts", tmp_path / "texts"))
    odd = texts / "odd.txt"
    if kind == "fifo":
        os.mkfifo(odd)
    elif kind == "folder":
        odd.mkdir()
    elif kind == "huge":
        _sparse(odd, 250 * 1024 * 1024)
    elif kind == "link to /dev/zero":
        odd.symlink_to("/dev/zero")
    else:
        odd.symlink_to(tmp_path / "nowhere.txt")
    library = Library.open(texts=texts)
    assert library.document_ids() == ["2016", "2025"]
    assert [str(p.path) for p in library.problems] == [str(odd)]  # type: ignore[attr-defined]


def test_a_text_with_a_bom_and_crlf_lines_loads(tmp_path: Path) -> None:
    from reader.core.documents import load_document

    original = (ROOT / "texts" / "2016.txt").read_text(encoding="utf-8")
    copy = tmp_path / "2016.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode())
    assert load_document(copy).text == load_document(ROOT / "texts" / "2016.txt").text


# -- the other data files -------------------------------------------------------------------


@pytest.mark.parametrize("which", ["segmentation", "readings"])
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "nested", "bom", "not utf-8"])
def test_the_editable_lists_are_bounded_like_the_glossary(
    tmp_path: Path, which: str, kind: str
) -> None:
    from reader.core.errors import DataFileError
    from reader.core.reading_rules import load_readings
    from reader.core.segment import load_rules

    load = load_rules if which == "segmentation" else load_readings
    original = ROOT / "resources" / f"{which}.toml"
    path = tmp_path / f"{which}.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path = Path("/dev/zero")
    elif kind == "nested":
        path.write_text("add = " + "[" * 3000 + "]" * 3000)
    elif kind == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + original.read_bytes())
        assert load(path) == load(original)
        return
    else:
        path.write_bytes(b"add = ['\xff']")
    with pytest.raises(DataFileError, match=str(path)):
        load(path)


# -- exports --------------------------------------------------------------------------------


def _limited(max_bytes: int):  # type: ignore[no-untyped-def]
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return limit


@pytest.mark.parametrize("fmt", ["anki", "tsv", "tbx"])
def test_an_export_over_the_file_size_limit_is_an_export_error_and_keeps_the_old_file(
    built_cache: Path, tmp_path: Path, fmt: str
) -> None:
    output = tmp_path / f"out.{fmt}"
    output.write_bytes(b"saved before")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", "--format", fmt, "--output", str(output)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "READER_CACHE_DIR": str(built_cache), "TMPDIR": str(tmp_path)},
        preexec_fn=_limited(20_000),
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "cannot write export" in result.stderr
    assert result.stderr.count("\n") == 1
    assert output.read_bytes() == b"saved before"
    assert sorted(p.name for p in tmp_path.iterdir()) == [output.name]


def test_an_export_to_a_full_device_is_an_export_error(capsys) -> None:
    err = refused(capsys, "export", "--format", "tsv", "--output", "/dev/full")
    assert "cannot write export (No space left on device)" in err


def test_an_anki_export_to_a_full_device_is_an_export_error(capsys) -> None:
    assert "cannot write export" in refused(
        capsys, "export", "--format", "anki", "--output", "/dev/full"
    )


@pytest.mark.parametrize(
    "name",
    ["x" * 250 + ".tsv", "-rf.tsv", "new\nline.tsv", "空格 和 中文.tsv", ".hidden", "a;b&c|d.tsv"],
    ids=["long", "dash", "newline", "chinese", "hidden", "shell"],
)
def test_an_export_to_a_hostile_name_writes_exactly_that_file(
    capsys, tmp_path: Path, name: str
) -> None:
    code, _, _ = run(capsys, "export", "--format", "tsv", "--output", str(tmp_path / name))
    assert code == 0
    assert os.listdir(tmp_path) == [name]
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("hanzi\tpinyin")


def test_an_export_whose_folder_is_a_file_is_one_line(capsys, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("mine")
    assert "cannot write export" in refused(
        capsys, "export", "--format", "csv", "--output", str(tmp_path / "file" / "out.csv")
    )
    assert (tmp_path / "file").read_text() == "mine"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_an_export_over_a_read_only_file_is_refused(capsys, tmp_path: Path) -> None:
    output = tmp_path / "kept.tsv"
    output.write_text("mine")
    output.chmod(0o444)
    assert "read-only" in refused(capsys, "export", "--format", "tsv", "--output", str(output))
    assert output.read_text() == "mine"


def test_output_to_a_full_disk_is_one_line(built_cache: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "lookup", TERM],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "READER_CACHE_DIR": str(built_cache)},
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr == "reader: error: cannot write the output (No space left on device)\n"


def test_output_into_a_closed_pipe_is_quiet(built_cache: Path) -> None:
    result = reader("segment", "2016", cache=built_cache)
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "segment", "2016"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "READER_CACHE_DIR": str(built_cache)},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    assert process.wait(timeout=60) == 0
    with process.stderr:
        assert process.stderr.read() == b""
    assert result.stdout


def test_no_command_touches_the_network(capsys, monkeypatch, tmp_path: Path) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network call {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for argv in (
        ["docs"],
        ["lookup", TERM, "行为", "yanshen"],
        ["terms"],
        ["segment", "2025"],
        ["export", "--format", "anki", "--output", str(tmp_path / "deck.apkg")],
        ["export", "--format", "tbx", "--output", str(tmp_path / "terms.tbx")],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 0, err
