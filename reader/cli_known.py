"""``reader known add|remove|list`` and ``reader coverage DOC``: the learner's known words and
how much of a document they cover. Changes go through the core (one store transaction each);
these functions only parse and print.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EXIT_OK = 0


def add_parsers(commands: Any) -> None:
    known = commands.add_parser("known", help="mark words known, unmark them, list them")
    actions = known.add_subparsers(dest="known_action", metavar="ACTION", required=True)
    for name, text in (("add", "mark WORDs known"), ("remove", "unmark WORDs")):
        action = actions.add_parser(name, help=text)
        action.add_argument("words", nargs="+", metavar="WORD")
    listing = actions.add_parser("list", help="the known words")
    listing.add_argument("--json", action="store_true")
    coverage = commands.add_parser("coverage", help="how much of a document's words are known")
    coverage.add_argument("doc", metavar="DOC", help="document id, e.g. 2025")
    coverage.add_argument("--json", action="store_true")


def _known(library: Any, args: argparse.Namespace) -> int:
    known = library.known_words
    if args.known_action == "add":
        known.add(args.words)
        print(f"marked {len(set(args.words))} known; {len(list(known))} known words in all")
    elif args.known_action == "remove":
        known.remove(args.words)
        print(f"unmarked {len(set(args.words))}; {len(list(known))} known words in all")
    elif args.json:
        _print_json(list(known))
    else:
        for word in known:
            print(word)
    return EXIT_OK


def _coverage(library: Any, args: argparse.Namespace) -> int:
    from reader.core.report import coverage_dict

    result = library.coverage(args.doc, library.known_words)
    if args.json:
        _print_json(coverage_dict(result))
        return EXIT_OK
    print(f"{args.doc}: {result.header()} ({result.known} of {result.words} running words)")
    for u in result.unknown:
        level = f"HSK {'7-9' if u.hsk == 7 else u.hsk}" if u.hsk else ""
        print(f"{u.count:>5}  {u.word}  {u.pinyin}  {level}")
    return EXIT_OK


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


HANDLERS = {"known": _known, "coverage": _coverage}
