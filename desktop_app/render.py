"""A `Document` as HTML for Qt's rich-text view. Pure: no Qt. Every document string is escaped.

Links use our own schemes only: `note:N` (a footnote), `noteback:N` (back to its marker),
`tref:I` (the I-th telegram reference), `doc:ID` (a library document). Views follow nothing
else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from desktop_app.model import Document, Footnote
from desktop_app.parties import short_name

STYLE = """
body { font-family: 'Noto Serif', 'DejaVu Serif', 'Liberation Serif', serif; }
p { margin-top: 0; margin-bottom: 0.9em; line-height: 145%; }
.docno { color: MUTED; font-size: small; margin-bottom: 0.2em; }
.title { font-size: x-large; margin-bottom: 0.3em; }
.parties { font-style: italic; color: MUTED; }
.classification { font-variant: small-caps; letter-spacing: 1px; }
.source { color: MUTED; font-size: small; }
.page { color: MUTED; font-size: x-small; font-family: sans-serif; }
.signature { margin-left: 40%; }
.body { white-space: pre-wrap; }
a { text-decoration: none; }
.notes { font-size: small; }
"""


def _esc(text: str) -> str:
    return escape(text, quote=True)


def _inline(text: str, start: int, end: int, events: dict[int, list[str]]) -> str:
    """Escape text[start:end], inserting the pre-built HTML events at their offsets."""
    out: list[str] = []
    cursor = start
    for offset in sorted(o for o in events if start <= o <= end):
        out.append(_esc(text[cursor:offset]))
        out.extend(events[offset])
        cursor = offset
    out.append(_esc(text[cursor:end]))
    return "".join(out)


def _marker(note: Footnote) -> str:
    label = _esc(note.printed or str(note.n))
    return f'<a name="m{note.n}" href="note:{note.n}"><sup>{label}</sup></a>'


@dataclass(frozen=True, slots=True)
class ParagraphMap:
    """How a body paragraph of the reading text appears in the rendered document.

    `inserts` are the (reading offset, length) of the visible text the view adds there
    (footnote marker labels, page labels), in order.
    """

    start: int
    end: int
    rendered: str
    inserts: tuple[tuple[int, int], ...]

    def to_rendered(self, offset: int, *, after_inserts: bool) -> int:
        """Code-point offset in `rendered` of reading offset `offset` of this paragraph.

        `after_inserts` puts a position that has a marker at it after the marker (for the
        start of a highlight) rather than before it (for the end).
        """
        added = sum(n for at, n in self.inserts if at < offset or (after_inserts and at == offset))
        return offset - self.start + added

    def to_reading(self, rendered: int) -> int:
        """Reading offset of a rendered position; inside an added label, the label's place."""
        position = rendered
        for at, n in self.inserts:
            local = at - self.start
            if position <= local:
                break
            position = max(local, position - n)
        return self.start + min(position, self.end - self.start)


def _inserts(doc: Document) -> dict[int, list[tuple[str, str]]]:
    """(html, visible text) added at reading-text offsets: page labels, then markers."""
    events: dict[int, list[tuple[str, str]]] = {}
    for note in doc.footnotes:
        if note.anchor and note.anchor.field == "text":
            label = note.printed or str(note.n)
            events.setdefault(note.anchor.offset, []).append((_marker(note), label))
    for page in doc.page_breaks:
        html = f'<span class="page"> [p.&nbsp;{_esc(page.page)}] </span>'
        events.setdefault(page.offset, []).insert(0, (html, f" [p.\u00a0{page.page}] "))
    return events


def body_map(doc: Document) -> list[ParagraphMap]:
    """For every body block, its rendered text and where the view adds text to it."""
    events = _inserts(doc)
    maps = []
    for block in doc.blocks:
        offsets = sorted(o for o in events if block.start <= o <= block.end)
        inserts = tuple((o, len(v)) for o in offsets for _, v in events[o])
        pieces: list[str] = []
        cursor = block.start
        for o in offsets:
            pieces.append(doc.text[cursor:o])
            pieces.extend(v for _, v in events[o])
            cursor = o
        pieces.append(doc.text[cursor : block.end])
        maps.append(ParagraphMap(block.start, block.end, "".join(pieces), inserts))
    return maps


def document_html(doc: Document, *, muted: str = "#777777", cite: str | None = None) -> str:
    """The whole document: header, body with markers and page labels, footnote list.

    `muted` is the colour of secondary text (from the palette, so dark mode works);
    `cite` a line saying which book and document this is.
    """
    style = STYLE.replace("MUTED", _esc(muted))
    parts = [f"<html><head><style>{style}</style></head><body>"]
    parts.append(_header(doc, cite))
    events = {o: [h for h, _ in items] for o, items in _inserts(doc).items()}
    ref_ends: dict[int, list[tuple[int, int]]] = {}
    for index, ref in enumerate(doc.telegram_refs):
        ref_ends.setdefault(ref.start, []).append((index, ref.end))
    for block in doc.blocks:
        css = "signature body" if block.kind == "signature" else "body"
        body = _with_refs(doc, block.start, block.end, events, ref_ends)
        parts.append(f'<p class="{css}">{body}</p>')
    parts.append(_notes(doc))
    parts.append("</body></html>")
    return "".join(parts)


def _with_refs(
    doc: Document,
    start: int,
    end: int,
    events: dict[int, list[str]],
    ref_ends: dict[int, list[tuple[int, int]]],
) -> str:
    out: list[str] = []
    cursor = start
    for ref_start in sorted(o for o in ref_ends if start <= o < end):
        index, ref_end = ref_ends[ref_start][0]
        out.append(_inline(doc.text, cursor, ref_start, events))
        out.append(f'<a href="tref:{index}">{_esc(doc.text[ref_start:ref_end])}</a>')
        cursor = ref_end
    out.append(_inline(doc.text, cursor, end, events))
    return "".join(out)


def _header(doc: Document, cite: str | None) -> str:
    parts = []
    line = [f"No. {_esc(doc.doc_number)}"] if doc.doc_number else []
    if doc.sender and doc.recipient:
        line.append(f"{_esc(short_name(doc.sender))} → {_esc(short_name(doc.recipient))}")
    if line:
        parts.append(f'<p class="docno">{" · ".join(line)}</p>')
    title_events: dict[int, list[str]] = {}
    date_events: dict[int, list[str]] = {}
    for note in doc.footnotes:
        if note.anchor and note.anchor.field == "title":
            title_events.setdefault(note.anchor.offset, []).append(_marker(note))
        elif note.anchor and note.anchor.field == "dateline":
            date_events.setdefault(note.anchor.offset, []).append(_marker(note))
    title = _inline(doc.title, 0, len(doc.title), title_events)
    parts.append(f'<p class="title">{title}</p>')
    if doc.classification:
        lines = "<br>".join(_esc(c) for c in doc.classification)
        parts.append(f'<p class="classification">{lines}</p>')
    if doc.dateline:
        dateline = _inline(doc.dateline, 0, len(doc.dateline), date_events)
        dateline = dateline.replace("\n", "<br>")
        parts.append(f'<p class="dateline" align="right">{dateline}</p>')
    if doc.source_line:
        parts.append(f'<p class="source">{_esc(doc.source_line)}</p>')
    if cite:
        parts.append(f'<p class="source">{_esc(cite)}</p>')
    parts.append("<hr>")
    return "".join(parts)


def _notes(doc: Document) -> str:
    if not doc.footnotes:
        return ""
    items = []
    for note in doc.footnotes:
        back = f' <a href="noteback:{note.n}">↩</a>' if note.anchor else ""
        label = _esc(note.printed or str(note.n))
        text = "<br><br>".join(_esc(p) for p in note.text.split("\n\n"))
        items.append(f'<p><a name="n{note.n}"><b>{label}.</b></a> {text}{back}</p>')
    return '<hr><div class="notes">' + "".join(items) + "</div>"


def note_html(note: Footnote, links: dict[str, str]) -> str:
    """A footnote's text for the popup; "Document No. 1226" links when the library has it."""
    text = _esc(note.text)
    for number, doc_id in links.items():
        pattern = re.compile(
            rf"(\b[Dd]ocuments?\s+(?:Nos?\.\s*)?(?:\d+(?:,\s*|,?\s+(?:and|or)\s+))*){number}\b"
        )
        href = f"doc:{_esc(doc_id)}"
        text = pattern.sub(
            lambda m, h=href, n=number: f'{m.group(1)}<a href="{h}">{n}</a>', text, 1
        )
    return "<br><br>".join(text.split("\n\n"))
