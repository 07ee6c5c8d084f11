"""The comparison as one self-contained HTML file a colleague opens in any browser, offline.

Everything is inline: the style sheet, a few lines of script that draw the paragraph links in
the gutter between the two texts (without script the links are still there, as the "→ ¶n"
badges beside each paragraph), no fonts, images or requests from anywhere. All text from the
documents and the glossary is escaped.
"""

from __future__ import annotations

from bisect import bisect_right
from html import escape
from pathlib import Path

from reader.core.compare import Comparison
from reader.core.documents import Document
from reader.core.files import write_file
from reader.core.shared import SharedRun

_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
"Reader CJK SC",sans-serif;margin:1.5em;color:#222;background:#fff}
h1{font-size:1.3em;margin:0 0 .3em}h2{font-size:1.05em;margin:.2em 0 .6em}
.summary{color:#555;margin:0 0 1em}
.panes{display:grid;grid-template-columns:1fr 70px 1fr;align-items:start;position:relative}
.para{margin:0 0 .9em;padding:.3em .5em;border-left:3px solid transparent;line-height:1.75}
.para:target{background:#fff6d5}
.num{color:#888;font-size:.8em;margin-right:.4em}
.badges{font-size:.75em;color:#555;display:block}
.badges a{color:#1f5fa8;text-decoration:none;margin-right:.5em}
.new{border-left-color:#2e8b57}.dropped{border-left-color:#c0392b}
.tag{font-size:.75em;padding:0 .3em;border-radius:3px;color:#fff}
.tag.new{background:#2e8b57}.tag.dropped{background:#c0392b}
a.shared{background:#ffe08a;color:inherit;text-decoration:none;border-radius:2px}
a.shared:hover{background:#ffc93c}
#gutter{width:70px;height:100%;position:absolute;left:calc(50% - 35px);top:0;pointer-events:none}
table{border-collapse:collapse;margin-top:.5em}
td,th{padding:.15em .6em;border-bottom:1px solid #eee;text-align:right;font-size:.9em}
td.term,th.term{text-align:left}
.bar{display:inline-block;height:.55em;vertical-align:middle}
.bar.a{background:#6a8fc7}.bar.b{background:#e39a4f}
"""

_SCRIPT = """
(function(){
 const svg=document.getElementById('gutter'),box=document.querySelector('.panes');
 function draw(){
  const top=box.getBoundingClientRect().top;svg.setAttribute('height',box.offsetHeight);
  svg.innerHTML='';
  for(const l of JSON.parse(svg.dataset.links)){
   const a=document.getElementById('a-'+l[0]),b=document.getElementById('b-'+l[1]);
   if(!a||!b)continue;
   const ya=a.getBoundingClientRect().top-top+12,yb=b.getBoundingClientRect().top-top+12;
   const p=document.createElementNS('http://www.w3.org/2000/svg','path');
   p.setAttribute('d','M0 '+ya+' C35 '+ya+' 35 '+yb+' 70 '+yb);
   p.setAttribute('stroke','#1f5fa8');p.setAttribute('fill','none');
   p.setAttribute('stroke-width',1+3*l[2]);p.setAttribute('opacity',0.25+0.75*l[2]);
   svg.appendChild(p);
  }
 }
 window.addEventListener('resize',draw);draw();
})();
"""


def write_html(comparison: Comparison, path: Path) -> None:
    """Write the report to ``path`` (atomically; a failed write leaves the old file)."""
    write_file(path, comparison_html(comparison))


def comparison_html(c: Comparison) -> str:
    a, b = c.a, c.b
    links = [[link.a, link.b, link.score] for link in c.links.links]
    parts = [
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">',
        f"<title>{escape(a.id)} compared with {escape(b.id)} — Reader</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(a.id)} compared with {escape(b.id)}</h1>",
        f'<p class="summary">{_summary(c)}</p>',
        '<div class="panes">',
        _pane(c, "a"),
        f'<svg id="gutter" data-links="{escape(str(links))}"></svg><div></div>',
        _pane(c, "b"),
        "</div>",
        _term_table(c),
        f"<script>{_SCRIPT}</script></body></html>\n",
    ]
    return "".join(parts)


def _summary(c: Comparison) -> str:
    share_a = c.shared.shared_chars("a") / max(1, len(c.a.text))
    share_b = c.shared.shared_chars("b") / max(1, len(c.b.text))
    return escape(
        f"Shaded: every run of at least {c.min_run} characters, within a paragraph, that also"
        f" stands within a paragraph of the other text ({len(c.shared.runs)} runs; "
        f"{share_a:.0%} of {c.a.id}, {share_b:.0%} of {c.b.id}). Lines and → badges link the"
        f" paragraphs that take up the same matter (score 0–1); green: new, red: dropped."
    )


def _pane(c: Comparison, side: str) -> str:
    document, other = (c.a, c.b) if side == "a" else (c.b, c.a)
    spans = c.shared.a_spans if side == "a" else c.shared.b_spans
    runs = _runs_by_span(c.shared.runs, spans, side)
    unlinked = set(c.links.dropped if side == "a" else c.links.new)
    out = [f"<section><h2>{escape(document.id)} · {escape(document.title)}</h2>"]
    for paragraph in document.paragraphs:
        n = paragraph.number
        links = c.links.of_a(n) if side == "a" else c.links.of_b(n)
        kind = ("dropped" if side == "a" else "new") if n in unlinked else ""
        badges = "".join(
            f'<a href="#{"b" if side == "a" else "a"}-{link.b if side == "a" else link.a}">'
            f"→ {escape(other.id)} ¶{link.b if side == 'a' else link.a}</a>{link.score:.2f} "
            for link in links
        )
        if kind:
            badges += f'<span class="tag {kind}">{kind}</span>'
        body = _shaded(document, other, paragraph.start, paragraph.end, spans, runs, side)
        out.append(
            f'<div class="para {kind}" id="{side}-{n}"><span class="num">¶{n}</span>'
            f'{body}<span class="badges">{badges}</span></div>'
        )
    out.append("</section>")
    return "".join(out)


def _runs_by_span(
    runs: tuple[SharedRun, ...], spans: tuple[tuple[int, int], ...], side: str
) -> list[list[SharedRun]]:
    """The listed runs inside each shaded span (every run lies inside exactly one)."""
    starts = [start for start, _ in spans]
    grouped: list[list[SharedRun]] = [[] for _ in spans]
    for run in runs:
        begin = run.a_start if side == "a" else run.b_start
        grouped[bisect_right(starts, begin) - 1].append(run)
    return grouped


def _shaded(
    document: Document,
    other: Document,
    start: int,
    end: int,
    spans: tuple[tuple[int, int], ...],
    runs: list[list[SharedRun]],
    side: str,
) -> str:
    text = document.text
    out, position = [], start
    first = max(0, bisect_right(spans, (start, end)) - 1)
    for index in range(first, len(spans)):
        s, e = spans[index]
        if s >= end:
            break
        if e <= start:
            continue
        out.append(escape(text[position:s]))
        where = sorted(
            {
                other.paragraph_at(r.b_start if side == "a" else r.a_start).number
                for r in runs[index]
            }
        )
        title = f"also in {other.id} " + ", ".join(f"¶{n}" for n in where)
        target = f"{'b' if side == 'a' else 'a'}-{where[0]}" if where else ""
        out.append(
            f'<a class="shared" href="#{target}" title="{escape(title)}">{escape(text[s:e])}</a>'
        )
        position = e
    out.append(escape(text[position:end]))
    return "".join(out)


def _term_table(c: Comparison) -> str:
    top = max([t.rate_a for t in c.terms] + [t.rate_b for t in c.terms] + [1.0])
    rows = []
    for t in sorted(c.terms, key=lambda t: (-abs(t.change), t.term)):
        bar_a = f'<span class="bar a" style="width:{60 * t.rate_a / top:.1f}px"></span>'
        bar_b = f'<span class="bar b" style="width:{60 * t.rate_b / top:.1f}px"></span>'
        rows.append(
            f'<tr><td class="term">{escape(t.term)}</td><td>{t.a}</td><td>{t.b}</td>'
            f"<td>{t.rate_a:.2f}</td><td>{t.rate_b:.2f}</td><td>{t.change:+.2f}</td>"
            f'<td class="term">{bar_a}<br>{bar_b}</td></tr>'
        )
    a, b = escape(c.a.id), escape(c.b.id)
    return (
        "<section><h2>Terminology shift (glossary terms; rates per 10,000 characters)</h2>"
        f'<table><tr><th class="term">term</th><th>{a}</th><th>{b}</th><th>rate {a}</th>'
        f'<th>rate {b}</th><th>change</th><th class="term">'
        f'<span class="bar a" style="width:10px"></span> {a} '
        f'<span class="bar b" style="width:10px"></span> {b}</th></tr>'
        + "".join(rows)
        + "</table></section>"
    )
