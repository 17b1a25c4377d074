"""Headless library sub-commands: import, annotate, annotations."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop_app.anchoring import find_quote
from desktop_app.annotations import Annotation
from desktop_app.controller import Controller
from desktop_app.fileio import write_atomically
from desktop_app.model import DocumentImportError
from desktop_app.store import StoreError

PROG = "dispatch-reader"


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the library sub-commands on `sub`."""
    imp = sub.add_parser("import", help="add documents to the library (updates in place)")
    imp.add_argument("files", nargs="+")
    imp.set_defaults(run=cmd_import)

    ann = sub.add_parser("annotate", help="highlight a quote in a library document")
    ann.add_argument("doc_id")
    ann.add_argument("--quote", required=True, help="the exact text to highlight")
    ann.add_argument("--occurrence", type=int, default=1, help="which appearance (1-based)")
    ann.add_argument("--color", default="yellow", help="colour key or its name, e.g. yellow")
    ann.add_argument("--note", default="")
    ann.add_argument("--tag", action="append", default=[], help="repeat for several tags")
    ann.set_defaults(run=cmd_annotate)

    lst = sub.add_parser("annotations", help="list a document's annotations")
    lst.add_argument("doc_id")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(run=cmd_annotations)

    exp = sub.add_parser("export", help="export annotations (Markdown, handout, JSON-LD)")
    exp.add_argument("doc_ids", nargs="*", metavar="DOC_ID")
    which = exp.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every document with annotations")
    which.add_argument("--tag", help="only annotations with this tag")
    which.add_argument("--color", help="only annotations of this colour (key or name)")
    exp.add_argument("--format", required=True, choices=["markdown", "handout", "jsonld"])
    exp.add_argument("-o", "--output", help="file to write (default: standard output)")
    exp.set_defaults(run=cmd_export)

    imp_ann = sub.add_parser("import-annotations", help="merge a JSON-LD annotation file")
    imp_ann.add_argument("file")
    imp_ann.set_defaults(run=cmd_import_annotations)

    for parser in (imp, ann, lst, exp, imp_ann):
        parser.add_argument("--data-dir", help="where the library lives")


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def cmd_import(options: argparse.Namespace) -> int:
    """One line per document: its id, then its title."""
    controller = Controller(options.data_dir)
    status = 0
    try:
        for path in options.files:
            try:
                doc = controller.import_path(path)
            except DocumentImportError as exc:
                status = _fail(str(exc))
                continue
            print(f"{doc.id} {doc.title}")
    except StoreError as exc:
        return _fail(str(exc))
    finally:
        controller.close()
    return status


def cmd_annotate(options: argparse.Namespace) -> int:
    """Print the new annotation's id."""
    controller = Controller(options.data_dir)
    try:
        controller.ensure_samples()
        doc = controller.load(options.doc_id)
        if doc is None:
            return _fail(f"{options.doc_id} is not in the library (see '{PROG} import')")
        span = find_quote(doc.text, options.quote, options.occurrence)
        if span is None:
            return _fail(f"quote not found (occurrence {options.occurrence}): {options.quote!r}")
        color = controller.color_key(options.color)
        annotation = controller.highlight(
            doc, *span, color=color, note=options.note, tags=tuple(options.tag)
        )
        print(annotation.id)
        return 0
    except (StoreError, ValueError) as exc:
        return _fail(str(exc))
    finally:
        controller.close()


def annotation_json(a: Annotation) -> dict[str, Any]:
    """The stable JSON shape of one annotation."""
    anchor = a.anchor
    return {
        "id": a.id,
        "doc_id": a.doc_id,
        "kind": a.kind,
        "color": a.color,
        "quote": anchor.exact if anchor else None,
        "prefix": anchor.prefix if anchor else None,
        "suffix": anchor.suffix if anchor else None,
        "start": anchor.start if anchor else None,
        "end": anchor.end if anchor else None,
        "note": a.note,
        "tags": list(a.tags),
        "status": a.status,
        "target": a.target,
        "created": a.created,
        "updated": a.updated,
    }


def cmd_annotations(options: argparse.Namespace) -> int:
    """A document's annotations, readable or as JSON."""
    controller = Controller(options.data_dir)
    try:
        controller.ensure_samples()
        if controller.load(options.doc_id) is None:
            return _fail(f"{options.doc_id} is not in the library")
        items = controller.annotations(options.doc_id)
        labels = {c.key: c.label for c in controller.colors()}
    except StoreError as exc:
        return _fail(str(exc))
    finally:
        controller.close()
    if options.json:
        data = json.dumps([annotation_json(a) for a in items], ensure_ascii=False, indent=2)
        sys.stdout.buffer.write((data + "\n").encode("utf-8"))
        sys.stdout.flush()
        return 0
    for a in items:
        quote = a.anchor.exact if a.anchor else ""
        color = f"{a.color} ({labels.get(a.color or '', '')})" if a.color else a.kind
        tags = f"  #{' #'.join(a.tags)}" if a.tags else ""
        orphan = "  [orphaned]" if a.status == "orphaned" else ""
        print(f"{a.id}  {color}{orphan}{tags}\n  “{quote}”")
        if a.note:
            print("  " + a.note.replace("\n", "\n  "))
    return 0


def cmd_export(options: argparse.Namespace) -> int:
    """Write the export to -o FILE or standard output."""
    controller = Controller(options.data_dir)
    try:
        controller.ensure_samples()
        if not (options.doc_ids or options.all or options.tag or options.color):
            return _fail("name documents, or use --all, --tag or --color")
        color = controller.color_key(options.color) if options.color else None
        scope = controller.export_scope(
            options.doc_ids, everything=options.all, tag=options.tag, color=color,
            deleted=options.format == "jsonld",
        )  # fmt: skip
        text = controller.export(options.format, scope)
    except (StoreError, ValueError) as exc:
        return _fail(str(exc))
    finally:
        controller.close()
    if options.output:
        try:
            write_atomically(options.output, text)
        except OSError as exc:
            return _fail(f"cannot write {options.output}: {exc.strerror or exc}")
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    return 0


def cmd_import_annotations(options: argparse.Namespace) -> int:
    """Merge a file; print what happened."""
    controller = Controller(options.data_dir)
    try:
        controller.ensure_samples()
        result = controller.import_annotations(options.file)
    except (StoreError, DocumentImportError) as exc:
        return _fail(str(exc))
    finally:
        controller.close()
    print(
        f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged, "
        f"{result.skipped} skipped (document not in the library)"
    )
    return 0
