"""The command line: the same library the window uses, printed as text or JSON.

With no subcommand it opens the window. Exit status: 0 success, 1 a looked-up term was found
nowhere, 2 bad input (a broken text or glossary file, an unknown document, a bad option).
Errors are one line on stderr that names the file and the problem; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader import __version__, cli_known, cli_user

EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Close reading of the 2016 and 2025 China-Russia statements on global"
        " strategic stability. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--texts", type=Path, help="folder of documents (default: the bundled texts/)"
    )
    parser.add_argument("--glossary", type=Path, help="glossary file (default: the bundled one)")
    parser.add_argument("--select", metavar="TERM", help="window: open with TERM selected")
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help="window: render, save, exit")
    parser.add_argument("--compare", action="store_true", help="window: open View › Compare")
    parser.add_argument(
        "--translations", action="store_true", help="window: open View › Translations"
    )
    parser.add_argument(
        "--size",
        type=_size,
        metavar="WxH",
        help="window: open at this size, e.g. 1366x768 (with --screenshot: the PNG's size)",
    )
    parser.add_argument(
        "--pinyin",
        choices=("off", "terms", "unknown", "all"),
        help="window: pinyin above no words, glossary terms, words not marked known, or all"
        " words (remembered)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    docs = commands.add_parser("docs", help="list the documents")
    docs.add_argument("--json", action="store_true")

    lookup = commands.add_parser("lookup", help="pinyin, definitions, equivalents, occurrences")
    lookup.add_argument("terms", nargs="*", metavar="TERM")
    lookup.add_argument(
        "--from", dest="from_file", type=Path, metavar="FILE", help="one term a line"
    )
    lookup.add_argument("--json", action="store_true")

    terms = commands.add_parser("terms", help="the glossary with counts per document")
    terms.add_argument("--json", action="store_true")
    terms.add_argument("--doc", help="only terms that stand in this document")
    cli_user.add_terms_import(terms)

    find = commands.add_parser("find", help="find text in the documents: hanzi, or pinyin")
    find.add_argument("query", metavar="QUERY", help="e.g. 领域, lingyu, ling3yu4")
    find.add_argument("--json", action="store_true")

    segment = commands.add_parser("segment", help="a document as words with pinyin")
    segment.add_argument("doc", metavar="DOC", help="document id, e.g. 2016")
    segment.add_argument("--json", action="store_true")

    align = commands.add_parser(
        "align", help="sentence alignment of a document and its translation"
    )
    align.add_argument("doc", metavar="DOC", help="the original's id, e.g. 2025")
    align.add_argument("translation", metavar="TRANSLATION", help="the translation's id")
    align.add_argument("--json", action="store_true")
    align.add_argument("--tmx", type=Path, metavar="FILE", help="write the pairs as TMX 1.4b")

    check = commands.add_parser(
        "check", help="how each glossary term was rendered in a translation"
    )
    check.add_argument("translation", metavar="TRANSLATION", help="the translation's id")
    check.add_argument("--json", action="store_true")

    compare = commands.add_parser(
        "compare", help="shared wording, paragraph links and term shift of two documents"
    )
    compare.add_argument("a", metavar="A", help="document id, e.g. 2016")
    compare.add_argument("b", metavar="B", help="document id, e.g. 2025")
    compare.add_argument(
        "--min", type=int, default=8, metavar="N", help="shortest shared run (default 8)"
    )
    compare.add_argument("--json", action="store_true")
    compare.add_argument("--html", type=Path, metavar="FILE", help="write a self-contained report")

    export = commands.add_parser("export", help="write the glossary as csv, tsv, tbx or anki")
    export.add_argument("--format", required=True, choices=("csv", "tsv", "tbx", "anki"))
    export.add_argument("--output", required=True, type=Path)
    export.add_argument("--doc", help="only terms that stand in this document")
    export.add_argument("--starred", action="store_true", help="only starred terms")
    cli_user.add_parsers(commands)
    _add_library_commands(commands)
    cli_known.add_parsers(commands)
    return parser


def _add_library_commands(commands: Any) -> None:
    imp = commands.add_parser(
        "import", help="add a statement (.txt in any encoding, .docx, .pdf, .html) to your library"
    )
    imp.add_argument("path", type=Path, metavar="PATH")
    imp.add_argument("--id", dest="doc_id", help="document id (default: its date)")
    imp.add_argument("--title", help="default: the first heading or line")
    imp.add_argument("--date", help="YYYY-MM-DD (default: from the closing line)")
    imp.add_argument("--place", help="default: from the closing line")
    imp.add_argument("--source", help="default: the file's name")
    imp.add_argument(
        "--translation-of", metavar="DOC", help="the document this file translates (with --lang)"
    )
    imp.add_argument("--lang", choices=("en", "ru"), help="the translation's language")
    imp.add_argument("--json", action="store_true")
    remove = commands.add_parser("remove", help="remove an imported document from your library")
    remove.add_argument("doc", metavar="ID")


def _size(text: str) -> tuple[int, int]:
    from reader.ui.layout import parse_size  # plain arithmetic: imports no Qt

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        try:
            from reader.ui.app import run

            return run(args)
        except KeyboardInterrupt:  # Ctrl+C before the window could take it over
            return 130
    from reader.core.errors import ReaderError

    try:
        library = _open_library(args)
        handler = {
            "docs": _docs,
            "lookup": _lookup,
            "terms": _terms,
            "segment": _segment,
            "find": _find,
            "export": _export,
            "import": _import,
            "remove": _remove,
            "align": _align,
            "check": _check,
            "compare": _compare,
            **cli_user.HANDLERS,
            **cli_known.HANDLERS,
        }[args.command]
        return handler(library, args)
    except ReaderError as exc:
        print(f"reader: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:  # Ctrl+C during a long command: no traceback
        return 130
    except BrokenPipeError:  # `reader segment 2016 | head`
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # stdout on a full disk, a closed terminal
        _silence_stdout()
        print(f"reader: error: cannot write the output ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_BAD_INPUT


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush at exit cannot fail
    again with a traceback (as the Python documentation advises for SIGPIPE)."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _open_library(args: argparse.Namespace) -> Any:
    from reader.core.library import Library

    library = Library.open(texts=args.texts, glossary=args.glossary)
    if library.problems:
        raise library.problems[0]
    for notice in library.notices:
        print(f"reader: {notice}", file=sys.stderr)
    return library


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _docs(library: Any, args: argparse.Namespace) -> int:
    from reader.core.report import document_dict

    if args.json:
        _print_json([document_dict(d) for d in library.documents])
        return EXIT_OK
    for d in library.documents:
        print(
            f"{d.id}  {d.date}  {d.place}  [{d.origin}]\n      {d.title}\n      source: {d.source}"
        )
    return EXIT_OK


def _import(library: Any, args: argparse.Namespace) -> int:
    from reader.core.importing.store import import_path
    from reader.core.report import document_dict

    document = import_path(
        library,
        args.path,
        doc_id=args.doc_id,
        title=args.title,
        date=args.date,
        place=args.place,
        source=args.source,
        translation_of=args.translation_of,
        lang=args.lang,
    )
    if args.json:
        _print_json(document_dict(document))
        return EXIT_OK
    extra = document.extra
    how = extra.get("format", "")
    if extra.get("encoding"):
        how += f", {extra['encoding']}"
    print(f"imported {args.path} ({how}) as {document.id}: {len(document.text)} characters")
    print(f"{document.id}  {document.date}  {document.place}\n      {document.title}")
    if extra.get("removed"):
        print(f"      removed by cleaning: {extra['removed']}")
    print(f"      saved in {document.path}")
    return EXIT_OK


def _remove(library: Any, args: argparse.Namespace) -> int:
    from reader.core.importing.store import remove_from_library

    document = remove_from_library(library, args.doc)
    print(f"removed {document.id} ({document.path})")
    return EXIT_OK


def _lookup(library: Any, args: argparse.Namespace) -> int:
    from reader.core.errors import DataFileError, EmptyQueryError, TermNotFoundError
    from reader.core.files import FileAccessError, read_text_bounded
    from reader.core.report import lookup_dict

    wanted = [term.strip() for term in args.terms]
    if args.from_file:
        try:
            lines = read_text_bounded(args.from_file).splitlines()
        except FileAccessError as exc:
            raise DataFileError(args.from_file, f"cannot read term list ({exc.problem})") from None
        wanted += [line.strip() for line in lines]
    if not args.from_file and any(not term for term in wanted):
        raise EmptyQueryError("lookup: an empty TERM matches nothing; give a word to look up")
    wanted = [w for w in dict.fromkeys(wanted) if w]
    if not wanted:
        raise DataFileError(args.from_file or "lookup", "give at least one TERM or --from FILE")
    found, missing = [], []
    for word in wanted:
        for query in _expand(library, word):
            try:
                found.append(library.lookup(query))
            except TermNotFoundError as exc:
                missing.append(str(exc))
    if args.json:
        _print_json(
            [
                _with_translations(library, lookup_dict(item, library.glossary, library), item)
                for item in found
            ]
        )
    else:
        for item in found:
            print(_format_lookup(library, item))
    for message in missing:
        print(f"reader: not found: {message}", file=sys.stderr)
    return EXIT_NOT_FOUND if missing else EXIT_OK


def _expand(library: Any, word: str) -> list[str]:
    """A word without Chinese characters is taken as pinyin or English and looked up in the
    glossary (``reader lookup yanshen`` finds 延伸威慑); Chinese is looked up as it stands."""
    from reader.core.pinyin import has_han

    if has_han(word):
        return [word]
    return [t.hanzi for t in library.search_terms(word)] or [word]


def _format_lookup(library: Any, item: Any) -> str:
    from reader.core.report import citation

    lines = [f"{item.term}  {item.pinyin}  [{item.source}]"]
    term = item.glossary
    if term is not None:
        lines.append(f"  category:   {term.category_label}")
        lines.append(f"  English:    {'; '.join(term.english)}")
        lines.append(f"              source: {citation(library.glossary, term.english_source)}")
        lines.append(f"  Russian:    {'; '.join(term.russian)}")
        lines.append(f"              source: {citation(library.glossary, term.russian_source)}")
        lines.append(f"  definition: {term.definition}")
        if term.note:
            lines.append(f"  usage:      {term.note}")
        if term.former_name_of:
            lines.append(f"  former name of: {term.former_name_of}")
        if term.related:
            lines.append(f"  related:    {', '.join(term.related)}")
    for entry in item.entries:
        lines.append(
            f"  CC-CEDICT:  {entry.simplified} [{entry.pinyin}] {' / '.join(entry.definitions)}"
        )
    counts = "  ".join(f"{doc}: {n}" for doc, n in item.counts.items())
    lines.append(f"  occurrences ({item.total}):  {counts}")
    placed = [library.placed(o.document, o.start, o.end) for o in item.occurrences]
    if placed:
        from reader.core.occurrence_words import describe_groups, word_groups

        groups = word_groups(item.term, (p.word for p in placed))
        lines.append(f"  words:      {describe_groups(item.term, groups)}")
    for o, where in zip(item.occurrences, placed, strict=True):
        inside = "" if where.word == o.match else f" in {where.word}"
        mark = " [traditional]" if o.script == "traditional" else ""
        lines.append(
            f"    {o.document} ¶{o.paragraph:<3} {o.left}【{o.match}】{o.right}"
            f"  ({where.pinyin}{inside}){mark}"
        )
    return "\n".join(lines) + "\n"


def _terms(library: Any, args: argparse.Namespace) -> int:
    from reader.core.export import select_terms
    from reader.core.report import term_dict

    if args.action == "import":
        return cli_user.terms_import(library, args)
    selected = select_terms(library, args.doc, args.starred)
    data = [term_dict(t, library.glossary, library.counts(t.hanzi)) for t in selected]
    if args.json:
        _print_json(data)
        return EXIT_OK
    ids = library.document_ids()
    print("  ".join(f"{i:>4}" for i in ids) + "  term")
    for row in data:
        counts = "  ".join(f"{row['counts'][i]:>4}" for i in ids)
        star = "*" if row["starred"] else " "
        print(f"{counts} {star}{row['term']}  {row['pinyin']}  — {'; '.join(row['english'])}")
    return EXIT_OK


def _find(library: Any, args: argparse.Namespace) -> int:
    """Like the window's Ctrl+F in the texts; exit 1 when the query is found nowhere."""
    from reader.core.report import occurrence_dict

    if not args.query.strip():
        raise _usage_error("find", "give a QUERY (hanzi or pinyin)")
    matches = library.find_text(args.query)
    if args.json:
        _print_json(
            {
                "query": matches.query,
                "kind": matches.kind,
                "counts": matches.counts,
                "occurrences": [occurrence_dict(o) for o in matches.occurrences],
            }
        )
    else:
        counts = "  ".join(f"{doc}: {n}" for doc, n in matches.counts.items())
        print(f"{matches.query}  [{matches.kind}]  {matches.total} found  {counts}")
        for o in matches.occurrences:
            print(f"  {o.document} ¶{o.paragraph:<3} {o.left}【{o.match}】{o.right}")
    return EXIT_OK if matches.total else EXIT_NOT_FOUND


def _usage_error(where: str, message: str) -> Exception:
    from reader.core.errors import DataFileError

    return DataFileError(where, message)


def _segment(library: Any, args: argparse.Namespace) -> int:
    from reader.core.report import tokens_dict

    library.document(args.doc)  # unknown id: a clear error before any work
    data = tokens_dict(library, args.doc, library.tokens(args.doc))
    if args.json:
        _print_json(data)
        return EXIT_OK
    for token in data["tokens"]:
        if token["text"] == "\n":
            print()
            continue
        mark = "*" if token["term"] else ""
        print(f"{token['text']}{mark}", end=f"({token['pinyin']}) " if token["pinyin"] else " ")
    print()
    return EXIT_OK


def _export(library: Any, args: argparse.Namespace) -> int:
    from reader.core.export import export

    count = export(library, args.format, args.output, args.doc, args.starred)
    print(f"wrote {count} terms to {args.output} ({args.format})")
    return EXIT_OK


def _with_translations(library: Any, data: dict[str, Any], item: Any) -> dict[str, Any]:
    """Each occurrence gains the aligned sentence of every translation of its document."""
    from reader.core.bilingual import Concordance, corrections_for, rendering_dict

    concordance = Concordance(library.documents, library.glossary, corrections_for(library))
    for occurrence in data["occurrences"]:
        original = library.document(occurrence["document"])
        found = concordance.renderings(original, item.glossary, occurrence["start"])
        occurrence["translations"] = [rendering_dict(r) for r in found]
    return data


def _align(library: Any, args: argparse.Namespace) -> int:
    from reader.core.bilingual import align_documents, corrections_for, pairs_dict, tmx
    from reader.core.files import write_file

    corrections = corrections_for(library).load(args.doc, args.translation)
    alignment = align_documents(
        library.document(args.doc),
        library.document(args.translation),
        library.glossary,
        corrections,
    )
    if args.tmx:
        write_file(args.tmx, tmx(alignment))
        print(
            f"wrote {len(alignment.pairs)} sentence pairs to {args.tmx} (TMX 1.4b)", file=sys.stderr
        )
    if args.json:
        _print_json(pairs_dict(alignment))
        return EXIT_OK
    for bead in alignment.beads:
        left = alignment.text("source", bead.src) or "—"
        right = alignment.text("target", bead.tgt) or "— (not translated)"
        where = alignment.span("source", bead.src) or alignment.span("target", bead.tgt)
        paragraph = where[2] if where else 0
        print(f"¶{paragraph:<3} {bead.score:.2f}  {left}\n           {right}\n")
    return EXIT_OK


def _check(library: Any, args: argparse.Namespace) -> int:
    from reader.core.bilingual import (
        align_documents,
        check_dict,
        check_terms,
        corrections_for,
        translation_info,
    )
    from reader.core.errors import ReaderError

    translation = library.document(args.translation)
    info = translation_info(translation)
    if info is None:
        raise ReaderError(
            f"{translation.id} is not a translation (its header names no 'translation-of' and 'lang')"
        )
    corrections = corrections_for(library).load(info[0], translation.id)
    alignment = align_documents(
        library.document(info[0]), translation, library.glossary, corrections
    )
    checks = check_terms(alignment, library.glossary)
    if args.json:
        _print_json(check_dict(alignment, checks))
        return EXIT_OK
    for c in checks:
        if not c.renderings and not c.missing:
            continue
        rendered = ", ".join(f"{e} ×{n}" for e, n in c.renderings.most_common()) or "—"
        flag = "  ⚠ rendered more than one way" if c.inconsistent else ""
        print(f"{c.term.hanzi}  {rendered}{flag}")
        for start, paragraph in c.missing:
            context = alignment.original.text[max(0, start - 8) : start + len(c.term.hanzi) + 8]
            context = context.replace("\n", " ")
            print(f"    ¶{paragraph}: no known equivalent in the aligned sentence  …{context}…")
    return EXIT_OK


def _compare(library: Any, args: argparse.Namespace) -> int:
    from reader.core.compare import compare
    from reader.core.compare_report import plain_text
    from reader.core.errors import ReaderError

    if args.min < 1:
        raise ReaderError(f"compare: --min must be at least 1, got {args.min}")
    comparison = compare(library, args.a, args.b, args.min)
    if args.html:
        from reader.core.compare_html import write_html

        write_html(comparison, args.html)
        print(f"wrote the comparison of {args.a} and {args.b} to {args.html}")
    elif args.json:
        _print_json(comparison.to_dict())
    else:
        print(plain_text(comparison), end="")
    return EXIT_OK
