"""`dispatch-reader`: no sub-command opens the window; sub-commands run headless."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from desktop_app import __version__
from desktop_app.importers import parse_path
from desktop_app.model import Document, DocumentImportError
from desktop_app.serialize import document_to_json

PROG = "dispatch-reader"
SUBCOMMANDS = ("parse", "import", "annotate", "annotations", "export", "import-annotations")


def _parse_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} parse",
        description="Parse a document and print its structure (no window, no library change).",
    )
    parser.add_argument("file", help="a plain-text FRUS document (as copied from the web page)")
    parser.add_argument("--json", action="store_true", help="print the stable JSON shape")
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Dispatch Reader: read and annotate diplomatic documents offline. "
        f"Without a sub-command it opens the window. Sub-commands: {', '.join(SUBCOMMANDS)} "
        f"(see '{PROG} SUB-COMMAND --help').",
    )
    parser.add_argument("files", nargs="*", help="documents to open in the window")
    parser.add_argument(
        "--data-dir", help="folder for the library and settings (default: platform dirs)"
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `dispatch-reader` command; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "parse":
        return _cmd_parse(_parse_parser().parse_args(args[1:]))
    if args and args[0] in SUBCOMMANDS:
        from desktop_app import cli_library

        parser = argparse.ArgumentParser(prog=PROG)
        cli_library.add_parsers(parser.add_subparsers(required=True))
        options = parser.parse_args(args)
        return int(options.run(options))
    options = _app_parser().parse_args(args)
    from desktop_app.app import run_app  # Qt is imported only when a window is wanted

    return run_app(options.files, data_dir=options.data_dir)


def _cmd_parse(options: argparse.Namespace) -> int:
    try:
        doc = parse_path(options.file)
    except DocumentImportError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    if options.json:
        data = json.dumps(document_to_json(doc), ensure_ascii=False, indent=2) + "\n"
        sys.stdout.buffer.write(data.encode("utf-8"))
        sys.stdout.flush()
    else:
        _print_summary(doc, sys.stdout)
    return 0


def _excerpt(text: str, end: int, width: int = 36) -> str:
    start = max(0, end - width)
    return ("…" if start else "") + text[start:end].replace("\n", " ")


def _print_summary(doc: Document, out: TextIO) -> None:
    """A readable account of what the importer found."""
    lines = [f"{doc.id}  ({doc.format})"]
    head = " · ".join(x for x in (doc.doc_number and f"No. {doc.doc_number}", doc.source_line) if x)
    if head:
        lines.append(head)
    lines.append(doc.title)
    if doc.sender or doc.recipient:
        lines.append(f"From: {doc.sender or '?'}  To: {doc.recipient or '?'}")
    if doc.classification:
        lines.append("Classification: " + "; ".join(doc.classification))
    if doc.dateline:
        lines.append(f"Dateline: {doc.dateline}")
    if doc.telegram_number or doc.opening_designation:
        lines.append(f"Telegram: {doc.telegram_number or doc.opening_designation}")
    if doc.signature:
        lines.append("Signed: " + " / ".join(doc.signature))
    pages = ", ".join(p.page for p in doc.page_breaks) or "none"
    lines.append(f"Text: {len(doc.text)} characters, {len(doc.blocks)} blocks; pages: {pages}")
    lines.append(f"Footnotes ({len(doc.footnotes)}):")
    for note in doc.footnotes:
        if note.anchor is None:
            where = "no marker in this copy"
        else:
            field = {"title": doc.title, "dateline": doc.dateline or "", "text": doc.text}
            where = f'after "{_excerpt(field[note.anchor.field], note.anchor.offset)}"'
        printed = note.printed or "-"
        lines.append(f"  {note.n:>3} [{printed}] {where}")
        lines.append(f"        {note.text.splitlines()[0][:100]}")
    lines.append(f"Telegram references ({len(doc.telegram_refs)}):")
    for ref in doc.telegram_refs:
        extra = f" → note {ref.note}" if ref.note else ""
        if ref.documents:
            extra += " → Document " + ", ".join(ref.documents)
        lines.append(f"  {ref.whose:>5} telegram {ref.number}{extra}")
    out.write("\n".join(lines) + "\n")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
