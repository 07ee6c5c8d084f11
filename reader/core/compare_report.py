"""``reader compare`` without ``--json``: the comparison as plain text a person reads in a
terminal: the shared runs with their paragraphs, the paragraph links, the term table."""

from __future__ import annotations

from reader.core.compare import Comparison


def plain_text(c: Comparison) -> str:
    a, b = c.a, c.b
    lines = [
        f"{a.id} compared with {b.id}: runs of at least {c.min_run} characters",
        f"shared: {len(c.shared.runs)} runs; {c.shared.shared_chars('a')} of {len(a.text)}"
        f" characters of {a.id}, {c.shared.shared_chars('b')} of {len(b.text)} of {b.id}",
        "",
    ]
    for run in c.shared.runs:
        pa, pb = a.paragraph_at(run.a_start).number, b.paragraph_at(run.b_start).number
        lines.append(f"  {a.id} ¶{pa:<3} {b.id} ¶{pb:<3} {run.text}")
    lines += ["", f"paragraph links ({a.id} ¶ → {b.id} ¶, score = matter + wording):"]
    for link in c.links.links:
        lines.append(
            f"  ¶{link.a:<3} → ¶{link.b:<3} {link.score:.3f}"
            f"  (matter {link.matter:.3f}, wording {link.wording:.3f})"
        )
    lines.append(f"  dropped from {a.id}: {_numbers(c.links.dropped)}")
    lines.append(f"  new in {b.id}: {_numbers(c.links.new)}")
    lines += ["", f"terms (per 10,000 characters)  {a.id:>6} {b.id:>6}  rate {a.id:>6} {b.id:>6}"]
    for t in sorted(c.terms, key=lambda t: (-abs(t.change), t.term)):
        lines.append(
            f"  {t.a:>6} {t.b:>6}  {t.rate_a:>6.2f} {t.rate_b:>6.2f} {t.change:>+7.2f}  {t.term}"
        )
    return "\n".join(lines) + "\n"


def _numbers(numbers: tuple[int, ...]) -> str:
    return ", ".join(f"¶{n}" for n in numbers) or "none"
