"""Cases found by the second, independent set of hostile probes (qa-probe): each failed before
its fix. In-process through ``reader.cli.main`` (fast), with a data folder of the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from tests.robustness.conftest import ROOT

GLOSSARY = ROOT / "resources" / "glossary.toml"


@pytest.fixture(autouse=True)
def own_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one-line error of a run that must exit 2 (an uncaught exception fails the test)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("reader: error: "), err
    return err


def test_glossary_with_a_5000_digit_integer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text("x = " + "9" * 5000 + "\n" + GLOSSARY.read_text(encoding="utf-8"))
    assert str(glossary) in refused(capsys, "--glossary", str(glossary), "terms")


@pytest.mark.parametrize(
    "content", ["[" * 100_000 + "]" * 100_000, '{"version": ' + "9" * 5000 + "}"]
)
def test_data_import_of_deep_or_huge_json(
    content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.json"
    backup.write_text(content)
    err = refused(capsys, "data", "import", str(backup))
    assert str(backup) in err and "not valid JSON" in err
