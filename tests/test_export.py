"""Exports: golden files, Markdown structure (markdown-it-py), hostile notes, JSON-LD round
trips and merges between diverged copies."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from desktop_app.anchoring import find_quote, make_anchor
from desktop_app.annotations import DEFAULT_COLORS, Annotation
from desktop_app.controller import Controller
from desktop_app.export.citation import chicago, citation
from desktop_app.export.handout import handout
from desktop_app.export.markdown import DocumentAnnotations, escape_note, escape_plain, markdown
from desktop_app.export.webannotation import from_jsonld, to_jsonld
from desktop_app.model import DocumentImportError

GOLDEN = Path(__file__).parent / "data" / "golden"
STAMP = "2026-11-25T12:00:00.000+00:00"
HOSTILE = [
    "# Heading\n## another",
    "- list item\n* star\n+ plus\n1. one\n2) two",
    "---\n***\n___\n===",
    "<script>alert(1)</script> <b>bold</b> &amp;",
    "``` fence\ncode\n```",
    "`back` ``double`` `unclosed",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "[[Wiki link]] [link](http://x) ![img](y.png)",
    "    four leading spaces\n\tand a tab",
    "> quote\n>> nested",
    "line one  \nline two\\",
    "[^1]: fake footnote definition",
]


def _seed_annotations() -> tuple[DocumentAnnotations, DocumentAnnotations]:
    seed = Controller.seed()
    items = []
    quotes = [
        ("Your telegrams No. 890 and 891 were received", "yellow", "Opening: Sato answers.",
         ("opening",)),
        ("Molotov does not show the least interest", "blue", "The refusal.\n\n*Key* line.",
         ("soviet", "refusal")),
        ("telegram No. 853, Molotov", "pink", "", ()),
    ]  # fmt: skip
    for n, (quote, color, note, tags) in enumerate(quotes, start=1):
        start, end = find_quote(seed.text, quote)
        items.append(Annotation(
            id=f"00000000-0000-4000-8000-00000000000{n}", doc_id=seed.id, kind="highlight",
            created=STAMP, updated=STAMP, anchor=make_anchor(seed.text, start, end),
            color=color, note=note, tags=tags,
        ))  # fmt: skip
    items.append(Annotation(id="00000000-0000-4000-8000-000000000004", doc_id=seed.id,
                            kind="document", created=STAMP, updated=STAMP,
                            note="For week 3: compare with No. 1227."))  # fmt: skip
    items.append(Annotation(id="00000000-0000-4000-8000-000000000005", doc_id=seed.id,
                            kind="footnote", target="1", created=STAMP, updated=STAMP,
                            note="Find 580 and 581."))  # fmt: skip
    items.append(Annotation(id="00000000-0000-4000-8000-000000000006", doc_id=seed.id,
                            kind="stub", target="togo:890", created=STAMP, updated=STAMP,
                            note="Togo's question."))  # fmt: skip
    return DocumentAnnotations(seed, tuple(items)), DocumentAnnotations(seed, ())


def _body(text: str) -> str:
    """The Markdown after the YAML front matter (viewers treat that block as metadata)."""
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    for line in text[4:end].splitlines():
        key, _, value = line.partition(": ")
        assert key.isidentifier()
        json.loads(value)  # every value is JSON, hence YAML
    return text[end + 5 :]


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs (UPDATE_GOLDEN=1)"


def test_markdown_golden_and_structure() -> None:
    item, _ = _seed_annotations()
    text = markdown([item], DEFAULT_COLORS, STAMP)
    _golden("seed.md", text)
    assert text == markdown([item], DEFAULT_COLORS, STAMP)  # deterministic
    tokens = MarkdownIt("commonmark").enable("table").parse(_body(text))
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings == ["h1", "h2", "h3", "h3", "h3", "h2", "h3", "h2", "h3", "h2", "h3"]
    quotes = [t for t in tokens if t.type == "blockquote_open"]
    assert len(quotes) == 3
    assert "[^d584-5]" in text and "[^d584-5]: Not printed." in text
    assert 'citation: "Foreign Relations of the United States: Diplomatic Papers, The ' in text


def test_handout_golden() -> None:
    item, _ = _seed_annotations()
    text = handout([item], DEFAULT_COLORS, STAMP)
    _golden("seed-handout.md", text)
    tokens = MarkdownIt("commonmark").parse(_body(text))
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1"]
    assert "**Molotov does not show the least interest**[^t2]" in text
    assert "[^t2]: The refusal. *Key* line." in text


def test_jsonld_golden() -> None:
    item, _ = _seed_annotations()
    _golden("seed.jsonld", to_jsonld([item], STAMP))


@pytest.mark.parametrize("note", HOSTILE)
def test_hostile_notes_cannot_break_the_structure(note: str) -> None:
    item, _ = _seed_annotations()
    hostile = [replace(a, note=note, tags=(note.split("\n")[0], "ok")) for a in item.annotations]
    text = markdown([DocumentAnnotations(item.doc, tuple(hostile))], DEFAULT_COLORS, STAMP)
    text = _body(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    kinds = {t.type for t in tokens}
    assert not kinds & {"bullet_list_open", "ordered_list_open", "hr", "html_block",
                        "fence", "code_block", "table_open"}  # fmt: skip
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings == ["h1", "h2", "h3", "h3", "h3", "h2", "h3", "h2", "h3", "h2", "h3"]
    assert len([t for t in tokens if t.type == "blockquote_open"]) == 3
    inline = [c for t in tokens if t.type == "inline" for c in (t.children or [])]
    links = [c.attrs.get("href") for c in inline if c.type == "link_open"]
    assert links == [item.doc.url]  # only the document's own address
    assert not [c for c in inline if c.type in ("html_inline", "image")]
    html = MarkdownIt("commonmark").render(text)
    assert "<script>" not in html and "<b>" not in html


def test_escaping_helpers() -> None:
    assert escape_plain("# not a heading") == "\\# not a heading"
    assert escape_plain("1. not a list") == "1\\. not a list"
    assert escape_plain("a | b [[c]]") == "a \\| b \\[\\[c\\]\\]"
    assert escape_note("<b>x</b>") == ["&lt;b&gt;x&lt;/b&gt;"]
    assert escape_note("*kept emphasis*") == ["*kept emphasis*"]


def test_citations() -> None:
    seed = Controller.seed()
    assert citation(seed) == (
        "Foreign Relations of the United States: Diplomatic Papers, The Conference of Berlin "
        "(The Potsdam Conference), 1945, Volume I, Document 584"
    )
    note = chicago(seed)
    assert note.startswith("“The Japanese Ambassador in the Soviet Union (Sato) to the ")
    assert "telegram no. 1382" in note and note.endswith("frus1945Berlinv01/d584.")


def test_jsonld_round_trip_into_a_fresh_library(tmp_path: Path) -> None:
    first = Controller(tmp_path / "one")
    first.ensure_samples()
    seed = first.load("frus1945Berlinv01/d584")
    a = first.highlight(seed, 10, 40, color="green", note="n1", tags=("x", "y"))
    b = first.add_note(seed, "stub", "a stub note", target="togo:890")
    c = first.highlight(seed, 100, 120, color="pink")
    first.trash(c.id)
    out = tmp_path / "export.jsonld"
    out.write_text(first.export("jsonld", first.export_scope([seed.id], deleted=True)))
    second = Controller(tmp_path / "two")
    second.ensure_samples()
    result = second.import_annotations(out)
    assert (result.added, result.updated, result.skipped) == (3, 0, 0)
    assert second.annotations(seed.id) == first.annotations(seed.id)
    assert second.annotations(seed.id, deleted=True) == first.annotations(seed.id, deleted=True)
    assert {x.id for x in second.annotations(seed.id)} == {a.id, b.id}
    again = second.import_annotations(out)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    first.close()
    second.close()


def test_merging_two_diverged_copies(tmp_path: Path) -> None:
    teacher = Controller(tmp_path / "teacher")
    student = Controller(tmp_path / "student")
    for c in (teacher, student):
        c.ensure_samples()
    seed = teacher.load("frus1945Berlinv01/d584")
    shared = teacher.highlight(seed, 10, 40, note="original")
    handout_file = tmp_path / "class.jsonld"
    handout_file.write_text(teacher.export("jsonld", teacher.export_scope([seed.id])))
    student.import_annotations(handout_file)
    # both edit: the student later than the teacher; each adds their own
    teacher.save(replace(shared, note="teacher edit", updated="2026-12-01T10:00:00.000+00:00"))
    student.save(replace(shared, note="student edit", updated="2026-12-02T10:00:00.000+00:00"))
    mine = student.highlight(seed, 200, 230, note="student's own")
    theirs = teacher.highlight(seed, 300, 330, note="teacher's own")
    t_file, s_file = tmp_path / "t.jsonld", tmp_path / "s.jsonld"
    t_file.write_text(teacher.export("jsonld", teacher.export_scope([seed.id])))
    s_file.write_text(student.export("jsonld", student.export_scope([seed.id])))
    teacher.import_annotations(s_file)
    student.import_annotations(t_file)
    for c in (teacher, student):
        notes = {a.id: a.note for a in c.annotations(seed.id)}
        assert notes == {shared.id: "student edit", mine.id: "student's own",
                         theirs.id: "teacher's own"}  # fmt: skip
    teacher.close()
    student.close()


def test_import_reanchors_on_an_edited_copy(tmp_path: Path) -> None:
    source = Controller(tmp_path / "a")
    source.ensure_samples()
    seed = source.load("frus1945Berlinv01/d584")
    start, end = find_quote(seed.text, "Molotov does not show the least interest")
    source.highlight(seed, start, end)
    exported = tmp_path / "x.jsonld"
    exported.write_text(source.export("jsonld", source.export_scope([seed.id])))
    target = Controller(tmp_path / "b")
    edited = tmp_path / "frus1945Berlinv01-d584.txt"
    text = (GOLDEN.parent / "frus-text" / edited.name).read_text(encoding="utf-8")
    edited.write_text(text.replace("1382. 1. Your", "1382. 1. [Added.] Your"))
    target.import_path(edited)
    target.import_annotations(exported)
    (a,) = target.annotations(seed.id)
    doc = target.load(seed.id)
    assert doc.text[a.anchor.start : a.anchor.end] == "Molotov does not show the least interest"
    assert a.anchor.start == start + len("[Added.] ")
    source.close()
    target.close()


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b'{"type": "Other"}', b"[1, 2]",
     json.dumps({"type": "AnnotationCollection", "dr:formatVersion": 99}).encode()],
)  # fmt: skip
def test_bad_annotation_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.jsonld"
    path.write_bytes(content)
    controller = Controller(tmp_path / "lib")
    with pytest.raises(DocumentImportError):
        controller.import_annotations(path)
    controller.close()


def test_from_jsonld_rejects_bad_items() -> None:
    item, _ = _seed_annotations()
    data = json.loads(to_jsonld([item], STAMP))
    data["first"]["items"][0]["dr:kind"] = "weird"
    with pytest.raises(DocumentImportError, match="unknown kind"):
        from_jsonld(json.dumps(data))
