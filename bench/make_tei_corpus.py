"""Build an evaluation corpus from a FRUS TEI volume: one history.state.gov-style copy per document.

Usage: python bench/make_tei_corpus.py SRC.xml OUTDIR

For every `div[@type="document"]` this writes `<volume>-<doc-id>.txt`, laid out like the text
copied from a history.state.gov document page (see tests/data/frus-text/), and a `.json` with
ground truth in the same key layout as the hand-checked samples. As in those copies, the
opener's dateline is left out: a footnote whose marker sat there has no marker (`printed: null`).
Stdlib only; the XML is parsed with DTDs and entity declarations refused and no network access.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
CONTEXT = 30  # characters of `preceding_text`, as in the samples

# Elements laid out as blocks of their own (one paragraph each).
LEAF_BLOCKS = frozenset(
    "p ab head item salute seg l trailer byline docAuthor row label addrLine postscript".split()
)
# Elements that only hold blocks.
CONTAINERS = frozenset(
    "div attachment list lg opener closer table quote body floatingText listBibl address sp".split()
)
# Inline elements whose text is copied as it stands.
INLINE = frozenset(
    "hi persName placeName orgName name gloss ref date time foreign term rs q said title emph "
    "num unclear add del sic corr reg orig abbr expan cell bibl measure seg quote idno "
    "affiliation roleName geogName supplied".split()
)
# Elements with nothing to show.
SILENT = frozenset("milestone anchor index fw graphic figDesc media figure".split())
# Children that put a paragraph boundary inside an element.
BLOCKISH = frozenset("p list lg table attachment div closer opener floatingText".split())

Piece = tuple[str, str]  # ("t", text) | ("m", note key) | ("pb", page) | ("br", "")
WS = re.compile(r"[ \t\r\n]+")


def local(el: ET.Element) -> str:
    """The element's name without its namespace."""
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def parse_safely(path: Path) -> ET.Element:
    """Parse `path`, refusing DTDs and entity declarations (expat never fetches anything)."""
    data = path.read_bytes()
    if re.search(rb"<!(DOCTYPE|ENTITY)", data):
        raise SystemExit(f"{path}: refusing a document with a DTD or entity declarations")
    return ET.fromstring(data)


@dataclass
class Note:
    """One footnote of the document, in list order."""

    key: str
    printed: str
    where: str  # "title" | "text" | "dateline" | "classification" | "source" | "nested"
    el: ET.Element
    parent: str | None = None
    paragraphs: list[list[Piece]] = field(default_factory=list)


@dataclass
class Block:
    """A paragraph of the body: `kind` is para, item, sig (signature) or pb (page break)."""

    kind: str
    pieces: list[Piece]


@dataclass
class Rendered:
    """A block laid out as text, with where its markers and page breaks fell."""

    text: str
    markers: list[tuple[str, int]]
    pages: list[tuple[str, int]]


def render(pieces: list[Piece], notes: dict[str, Note], with_markers: bool = True) -> Rendered:
    """Lay out pieces: collapse whitespace, glue markers, put spaces round `[Page N]`."""
    out: list[str] = []
    markers: list[tuple[str, int]] = []
    pages: list[tuple[str, int]] = []
    pending = False
    size = 0

    def put(s: str) -> None:
        nonlocal size
        out.append(s)
        size += len(s)

    def space_if(cond: bool) -> None:
        if cond and out and not out[-1].endswith((" ", "\n")):
            put(" ")

    for kind, value in pieces:
        if kind == "t":
            for token in re.split(r"([ \t\r\n]+)", value):
                if not token:
                    continue
                if WS.fullmatch(token):
                    pending = True
                else:
                    space_if(pending)
                    pending = False
                    put(token)
        elif kind == "m":
            if with_markers:
                space_if(pending)
                pending = False
                markers.append((value, size))
                put(notes[value].printed)
        elif kind == "pb":
            space_if(True)
            pages.append((value, size))
            put(f"[Page {value}]")
            pending = True
        elif kind == "br":
            text = "".join(out).rstrip(" ")
            out, size, pending = [text], len(text), False
            put("\n")
    text = "".join(out).rstrip()
    return Rendered(text, markers, pages)


class Flow:
    """Walks mixed TEI content into blocks of pieces; notes are handed to the converter."""

    def __init__(self, conv: DocConverter, where: str, parent_note: str | None = None) -> None:
        self.conv = conv
        self.where = where
        self.parent_note = parent_note
        self.blocks: list[Block] = []
        self.cur: list[Piece] = []
        self.kind = "para"
        self.depth = 0  # > 0 while inside a paragraph-like element

    def flush(self) -> None:
        """End the current block, dropping it when it holds only whitespace."""
        if any(k != "t" or v.strip() for k, v in self.cur):
            self.blocks.append(Block(self.kind, self.cur))
        self.cur, self.kind = [], "para"

    def text(self, s: str | None) -> None:
        if s:
            self.cur.append(("t", s))

    def walk(self, el: ET.Element) -> None:
        """Content of `el` (its text and children, not its tail)."""
        self.text(el.text)
        for child in el:
            self.child(child)
            self.text(child.tail)

    def leaf(self, el: ET.Element, kind: str = "para") -> None:
        self.flush()
        self.kind = kind
        self.depth += 1
        self.walk(el)
        self.depth -= 1
        self.flush()

    def container(self, el: ET.Element) -> None:
        self.flush()
        saved, self.depth = self.depth, 0
        if local(el) == "list":
            self.list_items(el)
        else:
            self.walk(el)
        self.flush()
        self.depth = saved

    def list_items(self, el: ET.Element) -> None:
        label: list[Piece] | None = None
        for child in el:
            name = local(child)
            if name == "label":
                if label is not None:
                    self.cur += label
                    self.flush()
                label = self.conv.pieces_of(child)
            elif name == "item":
                self.flush()
                if label:
                    self.cur += [*label, ("t", " ")]
                label = None
                self.leaf_keep(child, "item")
            else:
                self.child(child)
        if label:
            self.cur += label
            self.flush()

    def leaf_keep(self, el: ET.Element, kind: str) -> None:
        """Like `leaf` but keeps what is already in the current block (a list label)."""
        self.kind = kind
        self.depth += 1
        self.walk(el)
        self.depth -= 1
        self.flush()

    def child(self, el: ET.Element) -> None:
        name = local(el)
        if name == "note":
            self.conv.note(el, self)
        elif name == "pb":
            self.page(el)
        elif name == "lb":
            one_line = not self.depth or self.where in ("title", "source")
            self.cur.append(("t", " ") if one_line else ("br", ""))
        elif name == "dateline" and local_parent(self.conv, el) != "closer":
            self.conv.drop_dateline(el)
        elif name in SILENT:
            self.conv.unmapped[name] += 1
        elif name == "choice":
            self.choice(el)
        elif name == "cell":
            self.text(" ")
            self.walk(el)
        elif name == "signed":
            self.leaf(el, "sig")
        elif name == "quote" and not has_block(el):
            if self.depth:
                self.walk(el)
            else:
                self.leaf(el)
        elif name in LEAF_BLOCKS and not (self.depth and name in INLINE):
            self.leaf(el)  # a block inside it (a quoted letter) splits it: see `container`
        elif name in CONTAINERS or has_block(el):
            self.container(el)
        else:
            if name not in INLINE:
                self.conv.unmapped[name] += 1
            self.walk(el)

    def page(self, el: ET.Element) -> None:
        n = el.get("n", "")
        if self.where == "note":
            self.conv.doubts.append(f"A page break ([Page {n}]) inside a footnote was dropped.")
        elif self.depth:
            self.cur.append(("pb", n))
        else:
            self.flush()
            self.blocks.append(Block("pb", [("pb", n)]))

    def choice(self, el: ET.Element) -> None:
        for pick in ("corr", "reg", "expan"):
            found = [c for c in el if local(c) == pick]
            if found:
                self.walk(found[0])
                return
        self.walk(el)


def has_block(el: ET.Element) -> bool:
    """Whether a paragraph boundary sits inside `el` (outside its notes)."""
    for child in el:
        name = local(child)
        if name == "note":
            continue
        if name in BLOCKISH or (name == "quote" and has_block(child)):
            return True
    return False


def local_parent(conv: DocConverter, el: ET.Element) -> str:
    parent = conv.parents.get(el)
    return local(parent) if parent is not None else ""


class DocConverter:
    """Converts one `div[@type="document"]` into the copy text and its ground truth."""

    def __init__(self, div: ET.Element, volume: str, unmapped: Counter[str]) -> None:
        self.div = div
        self.volume = volume
        self.doc_id = div.get(XML_ID, "")
        self.unmapped = unmapped
        self.parents = {c: p for p in div.iter() for c in p}
        footnote_els = [e for e in div.iter() if local(e) == "note" and is_footnote(e)]
        self.order = {id(e): i for i, e in enumerate(footnote_els)}
        self.notes: dict[str, Note] = {}
        self.doubts: list[str] = []

    # -- notes ---------------------------------------------------------------------------

    def note(self, el: ET.Element, flow: Flow) -> None:
        """A note met in running content: a footnote (marker here) or an inline editorial note."""
        if not is_footnote(el):
            if flow.depth:
                flow.walk(el)
            else:
                flow.leaf(el)
            return
        where = "nested" if flow.where == "note" else flow.where
        key = self.register(el, where, flow.parent_note)
        if where in ("title", "text", "nested"):
            flow.cur.append(("m", key))

    def register(self, el: ET.Element, where: str, parent: str | None = None) -> str:
        key = el.get(XML_ID) or f"{self.doc_id}-note{self.order[id(el)] + 1}"
        note = Note(key, el.get("n", "*"), where, el, parent)
        self.notes[key] = note
        inner = Flow(self, "note", key)
        inner.depth = 1
        inner.walk(el)
        inner.flush()
        note.paragraphs = [b.pieces for b in inner.blocks]
        return key

    def drop_dateline(self, el: ET.Element) -> None:
        """The copies lack the dateline; its footnotes keep their place but lose the marker."""
        for n in el.iter():
            if local(n) == "note" and is_footnote(n) and not self.inside_registered(n, el):
                self.register(n, "dateline")

    def inside_registered(self, n: ET.Element, top: ET.Element) -> bool:
        p = self.parents.get(n)
        while p is not None and p is not top:
            if local(p) == "note" and is_footnote(p):
                return True
            p = self.parents.get(p)
        return False

    def pieces_of(self, el: ET.Element, where: str = "text") -> list[Piece]:
        """Inline pieces of one element (title, classification line, label)."""
        flow = Flow(self, where)
        flow.depth = 1
        flow.walk(el)
        flow.flush()
        pieces: list[Piece] = []
        for block in flow.blocks:
            pieces += [("t", " "), *block.pieces] if pieces else block.pieces
        return pieces

    def ordered_notes(self) -> list[Note]:
        return sorted(self.notes.values(), key=lambda n: self.order[id(n.el)])

    # -- the document --------------------------------------------------------------------

    def header(self) -> tuple[str | None, list[Piece], list[str], Flow]:
        """Source line, title pieces, classification lines, and the body flow."""
        source: str | None = None
        title: list[Piece] = []
        classification: list[str] = []
        body = Flow(self, "text")
        seen_head = seen_opener = False
        for child in self.div:
            name = local(child)
            if name == "note" and child.get("type") == "source" and source is None:
                source = render(self.pieces_of(child, "source"), self.notes, False).text
            elif name == "head" and not seen_head:
                seen_head = True
                title = self.pieces_of(child, "title")
            elif name == "opener" and not seen_opener:
                seen_opener = True
                classification = self.opener(child, body)
            else:
                body.child(child)
            body.text(child.tail)
        body.flush()
        return source, title, classification, body

    def opener(self, el: ET.Element, body: Flow) -> list[str]:
        lines: list[str] = []
        for child in el:
            name = local(child)
            if name == "seg":
                pieces = self.pieces_of(child, "classification")
                text = render(pieces, self.notes, False).text
                lines += [line.strip() for line in text.split("\n") if line.strip()]
            elif name == "dateline":
                self.drop_dateline(child)
            else:
                body.child(child)
        return lines

    def convert(self) -> tuple[str, dict[str, object]]:
        """The copy text and its ground truth."""
        source, title_pieces, classification, body = self.header()
        return Assembler(self, source, title_pieces, classification, body.blocks).run()


def is_footnote(el: ET.Element) -> bool:
    """A numbered note (not the source note, not a printed inline note)."""
    if el.get("type") == "source" or el.get("rend") == "inline":
        return False
    return el.get("n") is not None or el.get(XML_ID) is not None


class Assembler:
    """Lays out the copy and records offsets of markers and page breaks."""

    def __init__(
        self,
        conv: DocConverter,
        source: str | None,
        title: list[Piece],
        classification: list[str],
        blocks: list[Block],
    ) -> None:
        self.conv = conv
        self.source = source
        self.title = title
        self.classification = classification
        self.blocks = blocks
        self.parts: list[str] = []
        self.size = 0
        self.markers: list[tuple[str, int, bool]] = []  # note key, offset, in title line
        self.pages: list[str] = []

    def put(self, s: str) -> None:
        self.parts.append(s)
        self.size += len(s)

    def put_rendered(self, r: Rendered, in_title: bool = False) -> None:
        self.markers += [(k, self.size + off, in_title) for k, off in r.markers]
        self.pages += [p for p, _ in r.pages]
        self.put(r.text)

    def run(self) -> tuple[str, dict[str, object]]:
        notes = self.conv.notes
        if self.source:
            self.put(self.source + "\n\n")
        number = self.conv.div.get("n")
        if number:
            self.put(f"No. {number}\n")
        title = render(self.title, notes)
        self.put_rendered(title, in_title=True)
        self.put("\n")
        for line in self.classification:
            self.put(line + "\n")
        self.put("\n")
        body_texts = []
        for i, block in enumerate(self.blocks):
            if i:
                self.put("\n\n")
            r = render(block.pieces, notes)
            body_texts.append((block.kind, r.text))
            self.put_rendered(r)
        ordered = self.conv.ordered_notes()
        note_texts = [note_text(n, notes) for n in ordered]
        if ordered:
            self.put("\n" if self.blocks and self.blocks[-1].kind == "sig" else "\n\n")
            for i, text in enumerate(note_texts, 1):
                self.put(f"  {i}. {text}\n")
        else:
            self.put("\n")
        txt = "".join(self.parts)
        truth = GroundTruth(self, txt, title, body_texts, ordered, note_texts).build()
        return txt, truth


def note_text(note: Note, notes: dict[str, Note]) -> str:
    """A footnote as the list shows it: later paragraphs after a blank line, indented 4."""
    paras = [render(p, notes).text for p in note.paragraphs]
    return "\n\n    ".join(p for p in paras if p)


PLACES = {
    "dateline": "the dateline, which this copy lacks",
    "classification": "a classification line, where this copy shows no marker",
    "source": "the source line, where this copy shows no marker",
}
DOC_RE = re.compile(r"\b[Dd]ocuments?\s+(?:Nos?\.\s*)?(\d+[a-z]?(?:(?:,|,? and)\s*\d+[a-z]?)*)")
TARGET_RE = re.compile(r"^(?P<vol>[\w-]*)#d(?P<doc>\d+\w*)$")


class GroundTruth:
    """Builds the `.json` in the layout of tests/data/frus-text/*.json."""

    def __init__(
        self,
        asm: Assembler,
        txt: str,
        title: Rendered,
        body: list[tuple[str, str]],
        ordered: list[Note],
        note_texts: list[str],
    ) -> None:
        self.asm = asm
        self.conv = asm.conv
        self.txt = txt
        self.title = title
        self.body = body
        self.ordered = ordered
        self.note_texts = note_texts

    def build(self) -> dict[str, object]:
        conv = self.conv
        n_of = {note.key: i for i, note in enumerate(self.ordered, 1)}
        markers = [self.marker(k, off, in_title, n_of) for k, off, in_title in self.asm.markers]
        by_note = {m["note"]: m for m in markers}
        footnotes = [
            self.footnote(i, note, by_note.get(i)) for i, note in enumerate(self.ordered, 1)
        ]
        missing = [f["n"] for f in footnotes if f["printed"] is None]
        for f in footnotes:
            if f["printed"] is None:
                note = self.ordered[f["n"] - 1]
                place = (
                    f"the text of note {n_of[note.parent]}"
                    if note.parent in n_of
                    else PLACES.get(note.where, note.where)
                )
                conv.doubts.append(
                    f'No marker for note {f["n"]} ("{short(f["text"])}") appears in the text; '
                    f"it sat in {place}."
                )
        signature = self.signature()
        first = next((text for kind, text in self.body if kind != "pb"), "")
        first = re.sub(r"^(\[Page [^\]]*\] ?)+", "", first)
        first_kind = next((kind for kind, _ in self.body if kind != "pb"), "")
        tel = re.match(r"(\d+)\.(?:\s|$)", first) if first_kind == "para" else None
        designation = re.match(r"((?:No\.|Number|Nr\.)\s*[–-]?\d+)\b", first)
        title_text = render(self.asm.title, conv.notes, with_markers=False).text
        return {
            "source_url": f"https://history.state.gov/historicaldocuments/{conv.volume}/"
            f"{conv.doc_id}",
            "volume": conv.volume,
            "doc_id": conv.doc_id,
            "doc_number": conv.div.get("n"),
            "file_line": self.asm.source,
            "title": title_text,
            "title_line": self.title.text,
            "subtitle": None,
            "classification": self.asm.classification,
            "telegram_number": tel.group(1) if tel else None,
            "opening_designation": designation.group(1) if designation else None,
            "signature": signature,
            "page_breaks": self.asm.pages,
            "footnotes": footnotes,
            "markers": markers,
            "telegram_refs": [],
            "telegram_refs_unchecked": True,
            "doc_refs_in_notes": self.doc_refs(),
            "doubts": conv.doubts,
            "remarks": "Generated from the TEI by bench/make_tei_corpus.py: the dateline is left "
            "out as in history.state.gov copies; telegram_refs are not derived.",
            "features": self.features(missing),
            "counts": {
                "notes": len(footnotes),
                "markers": len(markers),
                "telegram_refs": 0,
                "page_breaks": len(self.asm.pages),
                "notes_without_marker": missing,
            },
        }

    def marker(self, key: str, off: int, in_title: bool, n_of: dict[str, int]) -> dict:
        printed = self.conv.notes[key].printed
        assert self.txt[off : off + len(printed)] == printed, (self.conv.doc_id, key)
        return {
            "note": n_of[key],
            "printed": printed,
            "preceding_text": self.txt[max(0, off - CONTEXT) : off],
            "offset": off,
            "line": self.txt.count("\n", 0, off) + 1,
            "in_title_line": in_title,
        }

    def footnote(self, n: int, note: Note, marker: dict | None) -> dict:
        text = self.note_texts[n - 1]
        return {
            "n": n,
            "text": text,
            "text_normalized": WS.sub(" ", text).strip(),
            "printed": marker["printed"] if marker else None,
            "marker_context": marker["preceding_text"] + marker["printed"] if marker else None,
            "key": note.key,
        }

    def signature(self) -> list[str] | None:
        lines: list[str] = []
        for closer in (c for c in self.conv.div if local(c) == "closer"):
            for signed in (s for s in closer.iter() if local(s) == "signed"):
                text = render(self.conv.pieces_of(signed), self.conv.notes, False).text
                lines += [line.strip() for line in text.split("\n") if line.strip()]
        return lines or None

    def doc_refs(self) -> list[dict]:
        refs = []
        for i, note in enumerate(self.ordered, 1):
            docs: list[str] = []
            hint: str | None = None
            for ref in (r for r in note.el.iter() if local(r) == "ref"):
                m = TARGET_RE.match(ref.get("target", ""))
                if m:
                    docs.append(m.group("doc"))
                    if m.group("vol") and m.group("vol") != self.conv.volume:
                        hint = m.group("vol")
            if not docs:
                for m in DOC_RE.finditer(WS.sub(" ", self.note_texts[i - 1])):
                    docs += re.findall(r"\d+[a-z]?", m.group(1))
            if docs:
                refs.append(
                    {"note": i, "documents": list(dict.fromkeys(docs)), "volume_hint": hint}
                )
        return refs

    def features(self, missing: list[int]) -> list[str]:
        feats = []
        if any(in_title for _, _, in_title in self.asm.markers):
            feats.append("marker glued to the title")
        if missing:
            feats.append(f"missing marker (note {', '.join(map(str, missing))})")
        if any(kind == "pb" for kind, _ in self.body):
            feats.append("page break on its own line")
        if any(kind != "pb" and "[Page " in text for kind, text in self.body):
            feats.append("page break mid-paragraph")
        if any(kind == "item" for kind, _ in self.body):
            feats.append("numbered list items")
        if any(set(text) <= {".", " "} for _, text in self.body):
            feats.append("elision lines")
        if any(local(e) == "attachment" for e in self.conv.div.iter()):
            feats.append("attachment (enclosure)")
        printed = [n.printed for n in self.ordered]
        if len(set(printed)) < len(printed):
            feats.append("repeated printed markers")
        return feats


def short(text: str, width: int = 60) -> str:
    text = WS.sub(" ", text)
    return text if len(text) <= width else text[: width - 4] + " ..."


def documents(root: ET.Element) -> list[ET.Element]:
    return [d for d in root.iter(f"{{{TEI}}}div") if d.get("type") == "document"]


def main(argv: list[str] | None = None) -> int:
    """Convert every document of SRC into OUTDIR."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("outdir", type=Path)
    args = ap.parse_args(argv)
    root = parse_safely(args.src)
    volume = root.get(XML_ID) or args.src.stem.split("-")[0]
    args.outdir.mkdir(parents=True, exist_ok=True)
    unmapped: Counter[str] = Counter()
    docs = documents(root)
    for div in docs:
        conv = DocConverter(div, volume, unmapped)
        txt, truth = conv.convert()
        stem = f"{volume}-{conv.doc_id}"
        (args.outdir / f"{stem}.txt").write_text(txt, encoding="utf-8", newline="\n")
        (args.outdir / f"{stem}.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8", newline="\n"
        )
    print(f"wrote {len(docs)} documents to {args.outdir}")
    if unmapped:
        print(
            "elements copied as plain text or skipped: "
            + ", ".join(f"{k} ×{v}" for k, v in unmapped.most_common()),
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
