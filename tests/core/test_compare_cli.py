"""`reader compare`: JSON a tool reads, text a person reads, an HTML report that needs nothing
from the network, and one-line errors with exit 2."""

from __future__ import annotations

import json
import re

from reader.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_runs_are_offsets_into_the_texts_and_paragraphs_as_in_lookup(capsys, library):
    code, out, _ = run(capsys, "compare", "2016", "2025", "--json")
    data = json.loads(out)
    a, b = library.document("2016"), library.document("2025")
    assert code == 0
    for run_ in data["shared"]:
        assert a.text[run_["a_start"] : run_["a_end"]] == run_["text"]
        assert b.text[run_["b_start"] : run_["b_end"]] == run_["text"]
        assert len(run_["text"]) >= 8
    code, out, _ = run(capsys, "lookup", "军备控制是加强国际安全与稳定的重要手段", "--json")
    (item,) = json.loads(out)
    where = {(o["document"], o["paragraph"]) for o in item["occurrences"]}
    assert where == {("2016", 9), ("2025", 18)}
    assert {"a": 9, "b": 18} in [{"a": p["a"], "b": p["b"]} for p in data["paragraphs"]]


def test_min_changes_the_runs(capsys):
    _, out8, _ = run(capsys, "compare", "2016", "2025", "--json")
    _, out20, _ = run(capsys, "compare", "2016", "2025", "--json", "--min", "20")
    long_runs = json.loads(out20)["shared"]
    assert 0 < len(long_runs) < len(json.loads(out8)["shared"])
    assert all(len(r["text"]) >= 20 for r in long_runs)


def test_plain_text_names_runs_links_and_terms(capsys):
    code, out, _ = run(capsys, "compare", "2016", "2025")
    assert code == 0
    assert "军备控制是加强国际安全与稳定的重要手段" in out
    assert re.search(r"¶9\s+→ ¶18\s+0\.\d+", out)
    assert "dropped from 2016:" in out and "new in 2025:" in out
    assert re.search(r"0\s+\d+\s+0\.00\s+\d+\.\d+\s+\+\d+\.\d+\s+核武器国家", out)


def test_bad_id_and_bad_min_are_one_line_errors(capsys):
    code, out, err = run(capsys, "compare", "2016", "1999")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "'1999'" in err and "2016, 2025" in err
    code, _, err = run(capsys, "compare", "2016", "2025", "--min", "0")
    assert code == 2 and err.count("\n") == 1 and "--min" in err


def test_html_report_is_self_contained_and_escaped(capsys, tmp_path, data_copy):
    text = (data_copy / "texts" / "2025.txt").read_text(encoding="utf-8")
    (data_copy / "texts" / "2025.txt").write_text(
        text + '\n<script>alert("x")</script> & 中华人民共和国和俄罗斯联邦\n', encoding="utf-8"
    )
    report = tmp_path / "out" / "report.html"
    report.parent.mkdir()
    code, out, _ = run(
        capsys,
        "--texts",
        str(data_copy / "texts"),
        "compare",
        "2016",
        "2025",
        "--html",
        str(report),
    )
    assert code == 0 and str(report) in out
    html = report.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html
    assert "<script>alert" not in html
    assert not re.search(r"""(src|href)=["']?(https?:|//)|<link|@import|url\(""", html)
    assert 'id="a-9"' in html and 'id="b-18"' in html and 'href="#b-18"' in html
    assert "军备控制是加强国际安全与稳定的重要手段</a>" in html  # shaded
    assert "核武器国家</td>" in html  # the term table


def test_html_to_a_folder_is_refused_and_leaves_nothing(capsys, tmp_path):
    code, _, err = run(capsys, "compare", "2016", "2025", "--html", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and str(tmp_path) in err
    assert list(tmp_path.iterdir()) == []
