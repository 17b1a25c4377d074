"""Plain text copied from history.state.gov (and any other plain text) to a `Document`."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.importers import markers as mk
from desktop_app.importers.header import Header, parse_header, split_parties
from desktop_app.importers.identity import Identity, identify
from desktop_app.importers.notes import documents_in_note
from desktop_app.importers.refs import find_references
from desktop_app.model import Anchor, Block, Document, Footnote, PageBreak

_NOTE_ITEM_RE = re.compile(r"^[ \t\u00a0]{1,8}(?P<n>\d{1,4})\.[ \t\u00a0]+(?P<text>\S.*)$")
_PAGE_RE = re.compile(r"\[Page\s+(?P<page>[\w–-]{1,12})\]")
_OPENING_NUMBER_RE = re.compile(r"^(?P<n>\d{1,7})\.(?=\s|$)")
_DESIGNATION_RE = re.compile(
    r"^(?P<d>(?:[A-Z][A-Za-z]+\s){0,2}[A-Z][A-Za-z]+\s?[–—-]?\s?\d{1,7}(?:[–-]\d{1,4})?)\.(?=\s|$)"
)
_NOT_DESIGNATION = frozenset(
    """
    Urtel Deptel Embtel Ourtel Reurtel Mytel Contel Circtel Re Ref Reference Your My Our See
    Paragraph Para Section Article Point Item Page Annex Enclosure Part Chapter Document
    Documents Appendix Tab Attachment Figure Table Note Vol Volume
    """.split()
)
_ELISION_RE = re.compile(r"^(?:\.\s?){3,}$|^…$")
_LIST_ITEM_RE = re.compile(r"^(?:\d{1,3}\.|\([a-z0-9]{1,3}\)|[a-z]\.)\s")
_SIGNATURE_RE = re.compile(
    r"^(?:[A-Z][\w’'.-]*|[A-Z]\.|de|van|von|der|of|the|and)(?:\s(?:[A-Z][\w’'.-]*|[A-Z]\.|de|"
    r"van|von|der|of|the|and)){0,4}$"
)


@dataclass(slots=True)
class _Segment:
    raw: str
    protected: list[tuple[int, int]]
    removals: list[tuple[int, int]]
    pages: list[tuple[str, int]]  # (page, raw offset where the page starts)
    pages_before: list[str]  # page markers on their own line just before this paragraph


def parse_text(text: str, *, name: str | None = None, fmt: str = "frus-text") -> Document:
    """Parse decoded text. FRUS copies get their full structure; other text opens as plain."""
    identity = identify(text, name)
    lines = [line.rstrip() for line in text.split("\n")]
    notes_at, note_texts = _footnote_list(lines)
    header = parse_header(lines, notes_at)
    if not header.is_frus and not note_texts:
        return _plain(lines, identity, name)
    paragraphs = _paragraph_lines(lines[header.body_start : notes_at])
    return _build(header, paragraphs, note_texts, identity, name, fmt)


def _footnote_list(lines: Sequence[str]) -> tuple[int, list[str]]:
    """Find the trailing list "  1. …", "  2. …"; return its first line and the note texts."""
    for start in range(len(lines) - 1, -1, -1):
        first = _NOTE_ITEM_RE.match(lines[start])
        if first is None or first["n"] != "1":
            continue
        notes = _read_list(lines, start)
        if notes is not None:
            return start, notes
    return len(lines), []


def _read_list(lines: Sequence[str], start: int) -> list[str] | None:
    notes: list[list[str]] = []
    for line in lines[start:]:
        item = _NOTE_ITEM_RE.match(line)
        if item and int(item["n"]) == len(notes) + 1:
            notes.append([item["text"].strip()])
        elif not line.strip():
            if notes[-1][-1]:
                notes[-1].append("")
        elif line[:1] in " \t\u00a0":
            if notes[-1][-1]:
                notes[-1][-1] += " " + line.strip()
            else:
                notes[-1][-1] = line.strip()
        else:
            return None
    return ["\n\n".join(p for p in parts if p) for parts in notes]


def _paragraph_lines(lines: Sequence[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


def _segment(raw: str) -> _Segment:
    seg = _Segment(raw, [], [], [], [])
    for m in _PAGE_RE.finditer(raw):
        a, b = m.span()
        seg.protected.append((a, b))
        if a == 0 or (raw[a - 1] == " " and (b == len(raw) or raw[b] == " ")):
            end = b + 1 if b < len(raw) and raw[b] == " " else b
            start = a - 1 if end == b and a > 0 else a
        else:
            start, end = a, b
        seg.removals.append((start, end))
        seg.pages.append((m["page"], end))
    return seg


class _Removed:
    """A segment with spans taken out, and the map from raw offsets to output offsets."""

    def __init__(self, raw: str, removals: list[tuple[int, int]]) -> None:
        spans: list[tuple[int, int]] = []
        for start, end in sorted(removals):
            if spans and start < spans[-1][1]:
                start = spans[-1][1]
            if end > start:
                spans.append((start, end))
        self.starts = [s for s, _ in spans]
        self.spans = spans
        self.removed_before: list[int] = []  # total removed length before each span
        total = 0
        pieces: list[str] = []
        pos = 0
        for start, end in spans:
            self.removed_before.append(total)
            pieces.append(raw[pos:start])
            total += end - start
            pos = end
        pieces.append(raw[pos:])
        self.text = "".join(pieces)

    def map(self, raw_offset: int) -> int:
        """Output offset of a raw offset; inside a removed span, the span's start."""
        index = bisect.bisect_right(self.starts, raw_offset) - 1
        if index < 0:
            return raw_offset
        start, end = self.spans[index]
        return (
            start - self.removed_before[index]
            if raw_offset < end
            else (raw_offset - self.removed_before[index] - (end - start))
        )


def _build(
    header: Header,
    paragraph_raws: list[str],
    note_texts: list[str],
    identity: Identity,
    name: str | None,
    fmt: str,
) -> Document:
    title_seg = _segment(header.title_line)
    date_seg = _segment(header.dateline_line or "")
    body: list[_Segment] = []
    pending_pages: list[str] = []
    for raw in paragraph_raws:
        if _PAGE_RE.fullmatch(raw):
            pending_pages.append(_PAGE_RE.fullmatch(raw)["page"])  # type: ignore[index]
            continue
        seg = _segment(raw)
        seg.pages_before = pending_pages
        pending_pages = []
        body.append(seg)

    opening = _opening(body[0].raw if body else "")
    if body and opening[2]:
        body[0].protected.append((0, opening[2]))

    segments = [title_seg, date_seg, *body]
    known = Counter(re.findall(r"\b\d{2,7}\b", " ".join([*note_texts, *paragraph_raws])))
    candidates = mk.find_candidates(
        [s.raw for s in segments],
        [s.protected for s in segments],
        title_segment=0,
        known_numbers=known,
    )
    placed = mk.align(candidates, note_texts)
    for p in placed:
        segments[p.segment].removals.append((p.option.remove_start, p.option.remove_end))

    outputs = [_Removed(s.raw, s.removals) for s in segments]
    title = outputs[0].text.strip()
    dateline = outputs[1].text.strip() or None
    text_parts: list[str] = []
    starts: list[int] = []
    page_breaks: list[PageBreak] = []
    offset = 0
    for seg, removed in zip(body, outputs[2:], strict=True):
        starts.append(offset)
        page_breaks.extend(PageBreak(page, offset) for page in seg.pages_before)
        page_breaks.extend(PageBreak(page, offset + removed.map(at)) for page, at in seg.pages)
        text_parts.append(removed.text)
        offset += len(removed.text) + 2
    reading = "\n\n".join(text_parts)
    page_breaks.extend(PageBreak(page, len(reading)) for page in pending_pages)

    anchors: dict[int, Anchor] = {}
    printed: dict[int, str] = {}
    for p in placed:
        at = outputs[p.segment].map(p.option.anchor)
        if p.segment == 0:
            anchors[p.note] = Anchor("title", min(at, len(title)))
        elif p.segment == 1:
            anchors[p.note] = Anchor("dateline", min(at, len(dateline or "")))
        else:
            anchors[p.note] = Anchor("text", starts[p.segment - 2] + at)
        printed[p.note] = p.option.printed

    named = [documents_in_note(note) for note in note_texts]
    footnotes = [
        Footnote(n, printed.get(n), note, anchors.get(n), docs.documents, docs.volume_hint)
        for n, (note, docs) in enumerate(zip(note_texts, named, strict=True), start=1)
    ]
    text_anchors = {a.offset: n for n, a in anchors.items() if a.field == "text"}
    refs = find_references(
        reading,
        text_anchors,
        {n: docs.documents for n, docs in enumerate(named, start=1)},
        {n: docs.respectively for n, docs in enumerate(named, start=1)},
    )
    blocks, signature = _blocks(text_parts, starts, opening_number=bool(opening[2]))
    sender, recipient = split_parties(title) if title else (None, None)
    return Document(
        id=identity.id,
        format=fmt,
        text=reading,
        title=title,
        volume=identity.volume,
        doc_number=header.doc_number,
        source_line=header.source_line,
        sender=sender,
        recipient=recipient,
        classification=tuple(header.classification),
        dateline=dateline,
        telegram_number=opening[0],
        opening_designation=opening[1],
        signature=signature,
        blocks=blocks,
        page_breaks=tuple(page_breaks),
        footnotes=tuple(footnotes),
        telegram_refs=tuple(refs),
        content_hash=identity.content_hash,
        source_path=name,
    )


def _opening(first: str) -> tuple[str | None, str | None, int]:
    """The telegram's own number ("1382.") or designation ("War –33556."), and its length."""
    number = _OPENING_NUMBER_RE.match(first)
    if number:
        n = number["n"]
        if n == "1":
            return None, None, 0  # paragraph 1 of a numbered text, not telegram No. 1
        return n, None, number.end()
    designation = _DESIGNATION_RE.match(first)
    if designation and designation["d"].split()[0] not in _NOT_DESIGNATION:
        return None, designation["d"], designation.end()
    return None, None, 0


def _blocks(
    parts: list[str], starts: list[int], *, opening_number: bool = False
) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """Classify paragraphs; trailing name-like lines are the signature."""
    signature_from = len(parts)
    while (
        signature_from > 1
        and len(parts) - signature_from < 3
        and _is_signature(parts[signature_from - 1])
    ):
        signature_from -= 1
    blocks = []
    for index, (part, start) in enumerate(zip(parts, starts, strict=True)):
        if index >= signature_from:
            kind = "signature"
        elif _ELISION_RE.match(part):
            kind = "elision"
        elif _LIST_ITEM_RE.match(part) and not (index == 0 and opening_number):
            kind = "list_item"
        else:
            kind = "paragraph"
        blocks.append(Block(kind, start, start + len(part)))  # type: ignore[arg-type]
    return tuple(blocks), tuple(parts[signature_from:])


def _is_signature(line: str) -> bool:
    return (
        (len(line) <= 40 and not re.search(r"\d|[\[\]:;,!?]", line) and not line.endswith("."))
        or bool(re.fullmatch(r"(?:[A-Z]\.\s?)+[A-Z][a-z]+", line))
    ) and bool(_SIGNATURE_RE.match(line))


def _plain(lines: list[str], identity: Identity, name: str | None) -> Document:
    """Not a FRUS copy: the first line is the title, blank lines separate paragraphs."""
    first = next(i for i, line in enumerate(lines) if line.strip())
    title = lines[first].strip()
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines[first + 1 :]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    reading = "\n\n".join(paragraphs)
    starts, pos = [], 0
    for part in paragraphs:
        starts.append(pos)
        pos += len(part) + 2
    blocks = tuple(
        Block("paragraph", s, s + len(p)) for s, p in zip(starts, paragraphs, strict=True)
    )
    refs = find_references(reading, {}, {})
    return Document(
        id=identity.id,
        format="plain-text",
        text=reading,
        title=title[:500],
        volume=identity.volume,
        blocks=blocks,
        telegram_refs=tuple(refs),
        content_hash=identity.content_hash,
        source_path=name,
    )
