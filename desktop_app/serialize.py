"""The stable JSON shape of a parsed document (`dispatch-reader parse FILE --json`)."""

from __future__ import annotations

from typing import Any

from desktop_app.model import Document

JSON_VERSION = 1


def document_to_json(doc: Document) -> dict[str, Any]:
    """A plain dict in the documented shape; extra keys beyond the contract are allowed."""
    return {
        "json_version": JSON_VERSION,
        "id": doc.id,
        "format": doc.format,
        "volume": doc.volume,
        "doc_number": doc.doc_number,
        "source_line": doc.source_line,
        "title": doc.title,
        "sender": doc.sender,
        "recipient": doc.recipient,
        "classification": list(doc.classification),
        "dateline": doc.dateline,
        "telegram_number": doc.telegram_number,
        "opening_designation": doc.opening_designation,
        "signature": list(doc.signature) or None,
        "url": doc.url,
        "text": doc.text,
        "page_breaks": [{"page": p.page, "offset": p.offset} for p in doc.page_breaks],
        "blocks": [{"kind": b.kind, "start": b.start, "end": b.end} for b in doc.blocks],
        "footnotes": [
            {
                "n": f.n,
                "printed": f.printed,
                "text": f.text,
                "anchor": ({"in": f.anchor.field, "offset": f.anchor.offset} if f.anchor else None),
                "documents": list(f.documents),
                "volume_hint": f.volume_hint,
            }
            for f in doc.footnotes
        ],
        "telegram_refs": [
            {
                "number": r.number,
                "whose": r.whose,
                "start": r.start,
                "end": r.end,
                "note": r.note,
                "documents": list(r.documents),
                "correction": r.correction,
                "kind": r.kind,
                "phrase_start": r.phrase_start,
                "phrase_end": r.phrase_end,
            }
            for r in doc.telegram_refs
        ],
    }
