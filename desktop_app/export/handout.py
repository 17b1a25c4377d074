"""The class handout: the whole document, highlights in bold, the teacher's notes and the
document's own footnotes as numbered Markdown footnotes, header and citation on top."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.annotations import Annotation, Color
from desktop_app.export.citation import citation, document_number
from desktop_app.export.markdown import (
    DocumentAnnotations,
    block_safe,
    escape_inline,
    escape_note,
    escape_plain,
    front_matter,
)
from desktop_app.model import Document


def _events(doc: Document) -> dict[int, list[tuple[int, str]]]:
    """Text offset -> (order, markup) to insert: page labels, then footnote references."""
    events: dict[int, list[tuple[int, str]]] = {}
    for note in doc.footnotes:
        if note.anchor is not None and note.anchor.field == "text":
            events.setdefault(note.anchor.offset, []).append((1, f"[^n{note.n}]"))
    for page in doc.page_breaks:
        events.setdefault(page.offset, []).append((0, f"*\\[p. {escape_plain(page.page)}\\]* "))
    return events


def _paragraph(doc: Document, start: int, end: int, events: dict[int, list[tuple[int, str]]],
               spans: list[tuple[int, int, int | None]]) -> str:  # fmt: skip
    """One paragraph; highlighted runs in **bold**, merged where highlights touch."""
    mine = [(s, e, n) for s, e, n in spans if s < end and e > start]
    cuts = sorted({start, end, *(o for o in events if start <= o <= end),
                   *(x for s, e, _ in mine for x in (s, e) if start <= x <= end)})  # fmt: skip
    opens: dict[int, int] = {}
    closes: dict[int, list[int | None]] = {}
    for s, e, n in mine:
        opens[max(s, start)] = opens.get(max(s, start), 0) + 1
        closes.setdefault(e, []).append(n)
    depth = sum(1 for s, e, _ in mine if s < start)  # spans begun in an earlier paragraph
    # (text, bold) pieces and raw markup, in order; a sweep keeps this linear
    pieces: list[tuple[str, bool] | str] = []
    for left, right in zip(cuts, [*cuts[1:], None], strict=False):
        depth += opens.get(left, 0) - (len(closes.get(left, ())) if left != start else 0)
        if left != start or any(m.startswith("*") for _, m in events.get(left, [])):
            pieces.extend(m for _, m in sorted(events.get(left, []))
                          if left != start or m.startswith("*"))  # fmt: skip
        if right is None:
            break
        pieces.append((doc.text[left:right], depth > 0))
        pieces.extend(f"[^t{n}]" for n in closes.get(right, ()) if n is not None)
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = "".join(run)
        run.clear()
        if not text:
            return
        core = escape_inline(text)
        if not core:
            out.append(" ")
            return
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        out.append(f"{lead}**{core}**{trail}")

    for piece in pieces:
        if isinstance(piece, tuple) and piece[1]:
            run.append(piece[0])
            continue
        flush()
        if isinstance(piece, tuple):
            text = piece[0]
            core = escape_inline(text)
            lead = " " if text[:1].isspace() else ""
            trail = " " if text[-1:].isspace() and core else ""
            out.append(lead + core + trail if core else (" " if text else ""))
        else:
            out.append(piece)
    flush()
    return block_safe(re.sub(r" {2,}", " ", "".join(out)).strip())


def handout(items: Sequence[DocumentAnnotations], colors: Sequence[Color],
            exported: str) -> str:  # fmt: skip
    """A handout per document, one after another; deterministic."""
    parts = [_one(item, exported) for item in sorted(items, key=lambda i: i.doc.id)]
    return "\n\n".join(p.rstrip("\n") for p in parts) + "\n"


def _one(item: DocumentAnnotations, exported: str) -> str:
    doc = item.doc
    highlights = sorted(
        (a for a in item.annotations
         if a.kind == "highlight" and a.anchor and a.status == "anchored"),
        key=lambda a: (a.start, a.created, a.id),
    )  # fmt: skip
    teacher: list[Annotation] = []
    spans: list[tuple[int, int, int | None]] = []
    for a in highlights:
        assert a.anchor is not None
        number = None
        if a.note.strip():
            teacher.append(a)
            number = len(teacher)
        spans.append((a.anchor.start, a.anchor.end, number))
    lines = front_matter({
        "title": doc.title, "document": document_number(doc), "volume": doc.volume,
        "citation": citation(doc), "url": doc.url, "exported": exported,
    })  # fmt: skip
    lines += [f"# {escape_plain(doc.title)}", ""]
    facts = [doc.source_line, "; ".join(doc.classification) or None, doc.dateline]
    lines += [escape_plain(f) for f in facts if f] + [""]
    lines += [f"*{escape_plain(citation(doc))}*" + (f" — <{doc.url}>" if doc.url else ""), ""]
    events = _events(doc)
    for block in doc.blocks:
        lines += [_paragraph(doc, block.start, block.end, events, spans), ""]
    for note in doc.footnotes:
        lines += [f"[^n{note.n}]: {escape_plain(note.text)}", ""]
    for number, a in enumerate(teacher, start=1):
        body = " ".join(line for line in escape_note(a.note) if line)
        lines += [f"[^t{number}]: {body}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
