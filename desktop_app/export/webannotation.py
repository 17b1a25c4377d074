"""W3C Web Annotation (JSON-LD): export, and import that round-trips without loss.

Standard parts: TextQuoteSelector + TextPositionSelector, bodies for the note (commenting)
and each tag (tagging), motivation, created/modified. What the standard has no term for
(colour, kind, status, the text hash, the trash) travels under the `dr:` prefix.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from desktop_app import __version__
from desktop_app.anchoring import TextAnchor
from desktop_app.annotations import KINDS, Annotation
from desktop_app.export.markdown import DocumentAnnotations
from desktop_app.model import DocumentImportError

FORMAT_VERSION = 1
CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"dr": "urn:dispatch-reader:terms#"}]
MAX_IMPORT_BYTES = 200 * 1024 * 1024


def _source(doc_id: str, url: str | None) -> str:
    return url or f"urn:dispatch-reader:document:{doc_id}"


def _item(a: Annotation, url: str | None) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if a.note:
        bodies.append({"type": "TextualBody", "value": a.note, "format": "text/markdown",
                       "purpose": "commenting"})  # fmt: skip
    bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in a.tags]
    target: dict[str, Any] = {"source": _source(a.doc_id, url)}
    if a.anchor is not None:
        target["selector"] = [
            {"type": "TextQuoteSelector", "exact": a.anchor.exact, "prefix": a.anchor.prefix,
             "suffix": a.anchor.suffix},
            {"type": "TextPositionSelector", "start": a.anchor.start, "end": a.anchor.end},
        ]  # fmt: skip
    motivation = "highlighting" if a.kind == "highlight" and not a.note else "commenting"
    item: dict[str, Any] = {
        "id": f"urn:uuid:{a.id}",
        "type": "Annotation",
        "motivation": motivation,
        "created": a.created,
        "modified": a.updated,
        "body": bodies,
        "target": target,
        "dr:document": a.doc_id,
        "dr:kind": a.kind,
        "dr:color": a.color,
        "dr:status": a.status,
        "dr:target": a.target,
        "dr:textHash": a.anchor.text_hash if a.anchor else None,
        "dr:deleted": a.deleted,
    }
    return item


def to_jsonld(items: Sequence[DocumentAnnotations], exported: str,
              deleted: Sequence[Annotation] = ()) -> str:  # fmt: skip
    """An AnnotationCollection of every annotation given (and trashed ones, flagged)."""
    urls = {i.doc.id: i.doc.url for i in items}
    annotations = [a for i in items for a in i.annotations] + list(deleted)
    annotations.sort(key=lambda a: (a.doc_id, a.start, a.created, a.id))
    head = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "Dispatch Reader annotations",
        "generator": f"Dispatch Reader {__version__}",
        "generated": exported,
        "dr:formatVersion": FORMAT_VERSION,
        "total": len(annotations),
    }
    # One annotation per line: readable, diffable, and written by json's C encoder.
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ',"first":{"type":"AnnotationPage",'
             '"items":[']  # fmt: skip
    items = [json.dumps(_item(a, urls.get(a.doc_id)), ensure_ascii=False) for a in annotations]
    lines.append(",\n".join(items))
    lines.append("]}}")
    return "\n".join(lines) + "\n"


def _fail(message: str) -> DocumentImportError:
    return DocumentImportError(f"not a Dispatch Reader annotation file: {message}")


def from_jsonld(text: str) -> list[Annotation]:
    """Annotations from a file written by `to_jsonld` (clear errors for anything else)."""
    if len(text) > MAX_IMPORT_BYTES:
        raise _fail("the file is too large")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(f"invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, dict) or data.get("type") != "AnnotationCollection":
        raise _fail("no AnnotationCollection")
    version = data.get("dr:formatVersion")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise _fail(f"format version {version!r} is newer than this app understands")
    page = data.get("first")
    items = page.get("items") if isinstance(page, dict) else None
    if not isinstance(items, list):
        raise _fail("no annotation page")
    return [_annotation(item, n) for n, item in enumerate(items, start=1)]


def _text(value: object, what: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _fail(f"{what} must be text")
    return value


def _annotation(item: object, n: int) -> Annotation:
    if not isinstance(item, dict):
        raise _fail(f"item {n} is not an object")
    raw_id = _text(item.get("id"), f"item {n}: id") or ""
    annotation_id = raw_id.removeprefix("urn:uuid:")
    kind = item.get("dr:kind")
    if kind not in KINDS:
        raise _fail(f"item {n}: unknown kind {kind!r}")
    note, tags = "", []
    for body in item.get("body") or []:
        if isinstance(body, dict) and body.get("purpose") == "commenting":
            note = _text(body.get("value"), f"item {n}: note") or ""
        elif isinstance(body, dict) and body.get("purpose") == "tagging":
            tags.append(_text(body.get("value"), f"item {n}: tag") or "")
    anchor = None
    target = item.get("target") if isinstance(item.get("target"), dict) else {}
    quote = position = None
    for selector in target.get("selector") or []:  # type: ignore[union-attr]
        if isinstance(selector, dict) and selector.get("type") == "TextQuoteSelector":
            quote = selector
        elif isinstance(selector, dict) and selector.get("type") == "TextPositionSelector":
            position = selector
    if quote is not None and position is not None:
        start, end = position.get("start"), position.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            raise _fail(f"item {n}: bad position")
        anchor = TextAnchor(
            start,
            end,
            _text(quote.get("exact"), "exact") or "",
            _text(quote.get("prefix", ""), "prefix") or "",
            _text(quote.get("suffix", ""), "suffix") or "",
            _text(item.get("dr:textHash", ""), "hash", optional=True) or "",
        )
    status = item.get("dr:status", "anchored")
    return Annotation(
        id=annotation_id,
        doc_id=_text(item.get("dr:document"), f"item {n}: document") or "",
        kind=kind,
        created=_text(item.get("created"), f"item {n}: created") or "",
        updated=_text(item.get("modified"), f"item {n}: modified") or "",
        anchor=anchor,
        color=_text(item.get("dr:color"), "color", optional=True),
        note=note,
        tags=tuple(tags),
        status="orphaned" if status == "orphaned" else "anchored",
        target=_text(item.get("dr:target"), "target", optional=True),
        deleted=_text(item.get("dr:deleted"), "deleted", optional=True),
    )
