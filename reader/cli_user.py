"""The CLI commands for what is the user's: terms, stars, notes, termbases, backups.

Kept apart from ``cli.py`` so that the shared file only wires them in: ``add_parsers`` adds
the subcommands, ``HANDLERS`` maps each to its function. Every change is one store
transaction in the core; these functions only parse and print.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0


def add_parsers(commands: Any) -> None:
    term = commands.add_parser("term", help="add, edit or remove one of your glossary terms")
    actions = term.add_subparsers(dest="term_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a term, or edit the given fields of one")
    add.add_argument("hanzi", metavar="HANZI")
    add.add_argument("--pinyin", metavar="P", help="default for a new term: the reader's pinyin")
    add.add_argument("--english", nargs="+", action="extend", metavar="E", help="equivalents")
    add.add_argument("--russian", nargs="+", action="extend", metavar="R", help="equivalents")
    add.add_argument("--definition", metavar="D")
    add.add_argument("--category", metavar="C")
    add.add_argument(
        "--source",
        metavar="S",
        help="where the equivalents given here were seen (a source key or a citation);"
        " without it they are marked unverified",
    )
    add.add_argument("--note", metavar="N")
    add.add_argument("--related", nargs="+", action="extend", metavar="HANZI")
    add.add_argument("--json", action="store_true")
    remove = actions.add_parser("remove", help="delete your term, or revert your edits")
    remove.add_argument("hanzi", metavar="HANZI")
    for name, text in (("star", "star a term"), ("unstar", "remove a term's star")):
        parser = commands.add_parser(name, help=text)
        parser.add_argument("hanzi", metavar="HANZI")
    note = commands.add_parser("note", help="set (or with empty TEXT delete) a paragraph note")
    note.add_argument("doc", metavar="DOC")
    note.add_argument("paragraph", metavar="N", type=int)
    note.add_argument("text", metavar="TEXT")
    notes = commands.add_parser("notes", help="list (or search) your paragraph notes")
    notes.add_argument("query", nargs="?", default="", metavar="TEXT", help="only notes with it")
    notes.add_argument("--json", action="store_true")
    found = commands.add_parser("candidates", help="words and phrases of DOC not yet terms")
    found.add_argument("doc", metavar="DOC")
    found.add_argument("--limit", type=int, default=30, metavar="N")
    found.add_argument("--json", action="store_true")
    data = commands.add_parser("data", help="export or import all your data as one file")
    data.add_argument("data_action", choices=("export", "import"))
    data.add_argument("file", metavar="FILE", type=Path)


def add_terms_import(terms: argparse.ArgumentParser) -> None:
    """``reader terms import FILE``: the existing ``terms`` command gains an action."""
    terms.add_argument("action", nargs="?", choices=("import",), help="import a termbase")
    terms.add_argument("file", nargs="?", type=Path, metavar="FILE")
    terms.add_argument("--on-conflict", choices=("keep", "replace"), default="keep")
    terms.add_argument(
        "--termbase-format", choices=("tbx", "csv", "tsv", "pleco"), help="default: by suffix"
    )
    terms.add_argument("--dry-run", action="store_true", help="show the preview only")
    terms.add_argument("--starred", action="store_true", help="only starred terms")


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _term(library: Any, args: argparse.Namespace) -> int:
    from reader.core.errors import ReaderError

    if args.term_action == "remove":
        result = library.remove_term(args.hanzi)
        print(f"{args.hanzi}: {result}")
        return EXIT_OK
    changes: dict[str, Any] = {}
    for name in ("pinyin", "definition", "category", "note"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    for name in ("english", "russian", "related"):
        if getattr(args, name):
            changes[name] = tuple(getattr(args, name))
    if args.source is not None:
        if not (args.english or args.russian):
            raise ReaderError("--source says where --english or --russian was seen; give one")
        key = library.cite(args.source)
        for language in ("english", "russian"):
            if getattr(args, language):
                changes[f"{language}_source"] = key
    else:
        for language in ("english", "russian"):
            if getattr(args, language):
                changes[f"{language}_source"] = "unverified"
    existed = args.hanzi.strip() in library.glossary
    term = library.set_term(args.hanzi, changes)
    if args.json:
        from reader.core.report import term_dict

        _print_json(term_dict(term, library.glossary, library.counts(term.hanzi)))
        return EXIT_OK
    counts = "  ".join(f"{d}: {n}" for d, n in library.counts(term.hanzi).items())
    verb = "edited" if existed else "added"
    print(f"{verb} {term.hanzi}  {term.pinyin}  ({term.origin})  occurrences: {counts}")
    return EXIT_OK


def _star(library: Any, args: argparse.Namespace) -> int:
    library.star(args.hanzi, args.command == "star")
    print(f"{args.hanzi}: {'starred' if args.command == 'star' else 'unstarred'}")
    return EXIT_OK


def _note(library: Any, args: argparse.Namespace) -> int:
    library.set_paragraph_note(args.doc, args.paragraph, args.text)
    print(f"{args.doc} ¶{args.paragraph}: {'note saved' if args.text.strip() else 'note deleted'}")
    return EXIT_OK


def _notes(library: Any, args: argparse.Namespace) -> int:
    query = args.query.strip().lower()
    notes = [n for n in library.all_paragraph_notes() if query in n.text.lower()]
    if args.json:
        _print_json(
            [{"document": n.document, "paragraph": n.paragraph, "text": n.text} for n in notes]
        )
        return EXIT_OK
    for n in notes:
        print(f"{n.document} ¶{n.paragraph}: {n.text}")
    return EXIT_OK


def _data(library: Any, args: argparse.Namespace) -> int:
    from reader.core.backup import read_backup, write_backup

    user = library._store()
    if args.data_action == "export":
        counts = write_backup(user, args.file)
        print(f"wrote {_describe(counts)} to {args.file}")
    else:
        counts = read_backup(user, args.file)
        library.reload_user_data()
        print(f"imported {_describe(counts)} from {args.file}")
    return EXIT_OK


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())


def terms_import(library: Any, args: argparse.Namespace) -> int:
    from reader.core.errors import ReaderError
    from reader.core.termbase import apply, preview

    if args.file is None:
        raise ReaderError("terms import: give the FILE to import")
    plan = preview(library, args.file, args.termbase_format)
    done = None if args.dry_run else apply(library, plan, args.on_conflict)
    if args.json:
        _print_json(
            {
                "file": str(args.file),
                "counts": plan.counts(),
                "skipped": plan.skipped,
                "entries": [_item_dict(item) for item in plan.items],
                "done": done,
            }
        )
        return EXIT_OK
    for item in plan.items:
        print(f"{item.status:<8} {item.hanzi}")
        for change in item.changes:
            print(
                f"           {change.field}: {_show(change.current)!s} -> {_show(change.incoming)}"
            )
    for line in plan.skipped:
        print(f"skipped  {line}")
    summary = ", ".join(f"{n} {status}" for status, n in plan.counts().items())
    print(f"{args.file}: {summary}")
    if done is not None:
        print("imported: " + ", ".join(f"{n} {what}" for what, n in done.items()))
    return EXIT_OK


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(value) or "—"
    return str(value) or "—"


def _item_dict(item: Any) -> dict[str, Any]:
    return {
        "term": item.hanzi,
        "status": item.status,
        "fields": {
            k: list(v) if isinstance(v, tuple) else v for k, v in item.incoming.fields.items()
        },
        "changes": [
            {
                "field": c.field,
                "current": list(c.current) if isinstance(c.current, tuple) else c.current,
                "incoming": list(c.incoming) if isinstance(c.incoming, tuple) else c.incoming,
                "conflict": c.conflict,
            }
            for c in item.changes
        ],
    }


def _candidates(library: Any, args: argparse.Namespace) -> int:
    from reader.core.candidates import candidates
    from reader.core.errors import ReaderError

    if args.limit < 1:  # a negative limit sliced off the end of the list and exited 0
        raise ReaderError(f"candidates: --limit must be at least 1, got {args.limit}")
    found = candidates(library, args.doc, args.limit)
    if args.json:
        _print_json(
            [
                {
                    "term": c.hanzi,
                    "pinyin": c.pinyin,
                    "count": c.count,
                    "kind": c.kind,
                    "score": round(c.score, 2),
                    "general_frequency": c.baseline,
                }
                for c in found
            ]
        )
        return EXIT_OK
    for c in found:
        print(f"{c.count:>4}  {c.hanzi}  {c.pinyin}  ({c.kind}, score {c.score:.1f})")
    return EXIT_OK


HANDLERS = {
    "candidates": _candidates,
    "term": _term,
    "star": _star,
    "unstar": _star,
    "note": _note,
    "notes": _notes,
    "data": _data,
}
