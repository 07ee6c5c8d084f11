"""Child of the scale benchmark: print the RSS of a library holding N documents' words."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reader import resources
from reader.core.glossary import load_glossary
from reader.core.library import Library
from reader.core.segment import load_rules
from tests.benchmarks.corpus import corpus
from tests.benchmarks.stats import rss_mb


def main() -> None:
    size, cache = int(sys.argv[1]), Path(sys.argv[2])
    glossary = load_glossary(resources.resource(*resources.GLOSSARY))
    rules = load_rules(resources.resource(*resources.SEGMENTATION))
    base = rss_mb()
    documents = corpus(size)
    library = Library(documents, glossary, rules, cache_folder=cache)
    for document in documents:
        library.tokens(document.id)
    print(json.dumps({"rss_mb": round(rss_mb(), 1), "base_mb": round(base, 1)}))


if __name__ == "__main__":
    main()
