"""Markdown export: front matter, highlights as block quotes, notes in their own sections.

Pure functions `data -> str`. Nothing a user wrote can break the structure: document text,
tags and titles are escaped as plain text; notes keep inline emphasis but can open no
heading, list, quote, fence, table, HTML or link.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app import __version__
from desktop_app.annotations import Annotation, Color
from desktop_app.export.citation import citation, document_number
from desktop_app.model import Document

_INLINE_PLAIN = re.compile(r"([\\`*_\[\]<>|~#&!$])")
_INLINE_NOTE = re.compile(r"([\\\[\]|~$])")
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+*=_](?=[\s\-+*=_]|$)|\d{1,9}(?=[.)])|>|`{3,}|~{3,})")


@dataclass(frozen=True, slots=True)
class DocumentAnnotations:
    """One document and the annotations to export with it."""

    doc: Document
    annotations: tuple[Annotation, ...]


def escape_inline(text: str) -> str:
    """Text as literal Markdown inside a line (no line-start handling)."""
    return _INLINE_PLAIN.sub(r"\\\1", " ".join(text.split()))


def block_safe(line: str) -> str:
    """Escape what would start a heading, list, quote, break or fence at a line start."""
    line = line.strip()
    match = _LINE_START.match(line)
    if match is None:
        return line
    head = match.group(1)
    if head[0].isdigit():
        return head + "\\" + line[len(head) :]
    return "\\" + line


def escape_plain(text: str) -> str:
    """Any text as literal Markdown inline text on one line."""
    return block_safe(escape_inline(text))


def escape_note(text: str) -> list[str]:
    """A note as Markdown paragraph lines: emphasis and code spans survive, structure not."""
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = _INLINE_NOTE.sub(r"\\\1", raw)
        line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append(block_safe(line))
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


def _quote_lines(text: str) -> list[str]:
    """A passage as a block quote: every line prefixed, paragraphs kept."""
    lines = []
    for paragraph in text.split("\n\n"):
        if lines:
            lines.append(">")
        lines.append("> " + escape_plain(paragraph))
    return lines


def _yaml(value: object) -> str:
    # JSON strings and lists are valid YAML flow scalars and sequences.
    return json.dumps(value, ensure_ascii=False)


def front_matter(fields: dict[str, object]) -> list[str]:
    """A YAML front matter block."""
    return ["---", *(f"{k}: {_yaml(v)}" for k, v in fields.items()), "---", ""]


def paragraph_and_page(doc: Document, offset: int) -> tuple[int | None, str | None]:
    """1-based paragraph number and printed page at a reading-text offset."""
    paragraph = None
    for index, block in enumerate(doc.blocks, start=1):
        if block.start <= offset <= block.end:
            paragraph = index
            break
    page = None
    for brk in doc.page_breaks:
        if brk.offset <= offset:
            page = brk.page
    if page is None and doc.page_breaks and doc.page_breaks[0].page.isdigit():
        page = str(int(doc.page_breaks[0].page) - 1)  # the page the first break ends
    return paragraph, page


def _notes_in(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """(position in the quote, note n) for footnote markers inside [start, end]."""
    found = []
    for note in doc.footnotes:
        a = note.anchor
        if a is not None and a.field == "text" and start < a.offset <= end:
            found.append((a.offset - start, note.n))
    return found


class _Footnotes:
    """Markdown footnote definitions collected while writing, in first-use order."""

    def __init__(self) -> None:
        self.labels: dict[tuple[str, int], str] = {}
        self.definitions: list[str] = []

    def ref(self, doc: Document, n: int) -> str:
        key = (doc.id, n)
        if key not in self.labels:
            number = document_number(doc) or "doc"
            label = f"d{number}-{n}"
            while label in self.labels.values():
                label += "x"
            self.labels[key] = label
            note = doc.footnote(n)
            text = escape_plain(note.text) if note else ""
            self.definitions.append(f"[^{label}]: {text}")
        return f"[^{self.labels[key]}]"


def _quote_with_markers(doc: Document, a: Annotation, notes: _Footnotes) -> list[str]:
    """The quote, with a Markdown footnote where a footnote marker sat inside it."""
    assert a.anchor is not None
    exact = a.anchor.exact
    if a.status != "anchored" or doc.text[a.anchor.start : a.anchor.end] != exact:
        return _quote_lines(exact)
    lines: list[str] = []
    for paragraph_start, paragraph in _paragraphs(exact):
        pieces, cursor = [], 0
        for at, n in _notes_in(doc, a.anchor.start, a.anchor.end):
            local = at - paragraph_start
            if 0 < local <= len(paragraph):
                pieces.append(escape_inline(paragraph[cursor:local]) + notes.ref(doc, n))
                cursor = local
        pieces.append(escape_inline(paragraph[cursor:]))
        if lines:
            lines.append(">")
        lines.append("> " + block_safe(" ".join(p for p in pieces if p)))
    return lines


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for part in text.split("\n\n"):
        out.append((at, part))
        at += len(part) + 2
    return out


def _color_label(a: Annotation, colors: dict[str, Color]) -> str:
    color = colors.get(a.color or "")
    return f"{color.label} ({color.key})" if color else (a.color or "highlight")


def _tags_line(a: Annotation) -> list[str]:
    if not a.tags:
        return []
    return ["", "Tags: " + ", ".join(escape_plain(t) for t in a.tags)]


def _note_block(a: Annotation) -> list[str]:
    lines = escape_note(a.note)
    if not lines:
        return []
    lines[0] = "**Note:** " + lines[0]
    return ["", *lines]


def _highlight(doc: Document, a: Annotation, number: int, colors: dict[str, Color],
               notes: _Footnotes) -> list[str]:  # fmt: skip
    assert a.anchor is not None
    where = []
    if a.status == "anchored":
        paragraph, page = paragraph_and_page(doc, a.anchor.start)
        if paragraph:
            where.append(f"paragraph {paragraph}")
        if page:
            where.append(f"page {page}")
    else:
        where.append("passage not found in the current text")
    heading = f"### {number}. {escape_plain(_color_label(a, colors))}"
    if where:
        heading += " — " + ", ".join(where)
    return [heading, "", *_quote_with_markers(doc, a, notes), *_tags_line(a), *_note_block(a), ""]


def _other_note(doc: Document, a: Annotation) -> list[str]:
    if a.kind == "footnote":
        note = doc.footnote(int(a.target)) if (a.target or "").isdigit() else None
        about = f"Footnote {a.target}"
        if note is not None:
            about += ": " + note.text.split("\n")[0][:80]
        heading = f"### {escape_plain(about)}"
    elif a.kind == "stub":
        who, _, number = (a.target or "").rpartition(":")
        heading = f"### Telegram No. {escape_plain(number)} ({escape_plain(who or 'unknown')})"
    else:
        heading = "### Note"
    body = _note_block(a)[1:] or ["*(empty note)*"]
    return [heading, "", *body, *_tags_line(a), ""]


_SECTIONS = (
    ("document", "Notes on the document"),
    ("footnote", "Notes on footnotes"),
    ("stub", "Notes on referenced telegrams"),
)


def _document_section(item: DocumentAnnotations, colors: dict[str, Color], notes: _Footnotes,
                      heading: str) -> list[str]:  # fmt: skip
    doc = item.doc
    lines = [f"{heading} {escape_plain(doc.title)}", ""]
    cite = escape_plain(citation(doc))
    lines += [f"*{cite}*" + (f" — <{doc.url}>" if doc.url else ""), ""]
    highlights = [a for a in item.annotations if a.kind == "highlight" and a.anchor]
    sub = "#" * (len(heading) + 1)
    if highlights:
        lines += [f"{sub} Highlights", ""]
        for number, a in enumerate(highlights, start=1):
            block = _highlight(doc, a, number, colors, notes)
            block[0] = block[0].replace("### ", f"{sub}# ", 1)
            lines += block
    for kind, title in _SECTIONS:
        chosen = [a for a in item.annotations if a.kind == kind]
        if chosen:
            lines += [f"{sub} {title}", ""]
            for a in chosen:
                block = _other_note(doc, a)
                block[0] = block[0].replace("### ", f"{sub}# ", 1)
                lines += block
    return lines


def _ordered(items: Sequence[DocumentAnnotations]) -> list[DocumentAnnotations]:
    return [
        DocumentAnnotations(i.doc, tuple(sorted(i.annotations, key=lambda a: (a.start, a.created,
                                                                              a.id))))
        for i in sorted(items, key=lambda i: i.doc.id)
    ]  # fmt: skip


def markdown(items: Sequence[DocumentAnnotations], colors: Sequence[Color],
             exported: str) -> str:  # fmt: skip
    """Markdown for one or more documents and their annotations; deterministic."""
    items = _ordered(items)
    by_key = {c.key: c for c in colors}
    notes = _Footnotes()
    tags = sorted({t for i in items for a in i.annotations for t in a.tags})
    lines: list[str] = []
    if len(items) == 1:
        doc = items[0].doc
        lines += front_matter({
            "title": doc.title, "document": document_number(doc), "volume": doc.volume,
            "sender": doc.sender, "recipient": doc.recipient, "date": doc.dateline,
            "source": doc.source_line, "citation": citation(doc), "url": doc.url,
            "tags": tags, "exported": exported, "generator": f"Dispatch Reader {__version__}",
        })  # fmt: skip
        lines += _document_section(items[0], by_key, notes, "#")
    else:
        lines += front_matter({
            "title": "Highlights and notes", "documents": [i.doc.id for i in items],
            "tags": tags, "exported": exported, "generator": f"Dispatch Reader {__version__}",
        })  # fmt: skip
        lines += ["# Highlights and notes", ""]
        for item in items:
            lines += _document_section(item, by_key, notes, "##")
    for definition in notes.definitions:  # a blank line between: readable without footnotes
        lines += [definition, ""]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
