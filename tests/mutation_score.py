"""Mutation scores per package from mutmut's results: ``python -m tests.mutation_score reader.core``.

``make mutate`` runs mutmut over ``reader/core`` and ``reader/ui`` separately, each within a
time budget; mutants the budget did not reach are counted as "not checked" and left out of
the score, which is killed (or timed out) over checked.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

KILLED = {1, 3, 36, 37, -24, 24, 152, 255}
SURVIVED = {0}
NO_TESTS = {5, 33}


def tally(prefix: str, root: Path = Path("mutants")) -> Counter[str]:
    counts: Counter[str] = Counter()
    for meta in root.rglob("*.py.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            if not name.startswith(prefix + "."):
                continue
            if code is None:
                counts["not checked"] += 1
            elif code in KILLED:
                counts["killed"] += 1
            elif code in SURVIVED:
                counts["survived"] += 1
            elif code in NO_TESTS:
                counts["no tests"] += 1
            elif code == 34:
                counts["skipped"] += 1
            else:
                counts["suspicious"] += 1
    return counts


def main(prefix: str) -> None:
    counts = tally(prefix)
    checked = sum(counts.values()) - counts["not checked"] - counts["skipped"]
    score = 100 * counts["killed"] / checked if checked else 0.0
    detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"{prefix}: {score:.1f}% killed of {checked} checked mutants ({detail})")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        main(name)
