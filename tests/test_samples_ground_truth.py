"""Every real FRUS sample against its hand-checked ground truth (tests/data/frus-text/*.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop_app.importers import parse_path
from desktop_app.model import Document

DATA = Path(__file__).parent / "data" / "frus-text"
SAMPLES = sorted(p.stem for p in DATA.glob("*.txt"))


def _load(stem: str) -> tuple[Document, dict]:
    return parse_path(DATA / f"{stem}.txt"), json.loads((DATA / f"{stem}.json").read_text())


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _tail(preceding: str, size: int = 10) -> str:
    """The characters just before a marker, as the reading text shows them."""
    cleaned = re.sub(r"\[Page [^\]]+\]\s?", "", preceding).rstrip()
    return cleaned[-size:]


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 14


@pytest.mark.parametrize("stem", SAMPLES)
def test_header(stem: str) -> None:
    doc, truth = _load(stem)
    assert doc.doc_number == truth["doc_number"]
    assert doc.source_line == truth["file_line"]
    assert doc.title == truth["title"]
    assert list(doc.classification) == truth["classification"]
    assert doc.telegram_number == truth["telegram_number"]
    assert doc.opening_designation == truth["opening_designation"]
    assert (list(doc.signature) or None) == truth["signature"]
    assert [p.page for p in doc.page_breaks] == truth["page_breaks"]
    assert doc.id == f"{truth['volume']}/{truth['doc_id']}"


@pytest.mark.parametrize("stem", SAMPLES)
def test_footnotes_are_tied_to_their_markers(stem: str) -> None:
    doc, truth = _load(stem)
    assert len(doc.footnotes) == len(truth["footnotes"])
    markers = {m["note"]: m for m in truth["markers"]}
    for note, expected in zip(doc.footnotes, truth["footnotes"], strict=True):
        assert _squash(note.text) == _squash(expected["text"]), note.n
        assert note.printed == expected["printed"], note.n
        marker = markers.get(note.n)
        if marker is None:
            assert note.anchor is None, f"note {note.n} must have no anchor"
            continue
        assert note.anchor is not None, f"note {note.n} lost its marker"
        field = "title" if marker["in_title_line"] else "text"
        assert note.anchor.field == field
        where = doc.title if field == "title" else doc.text
        assert where[: note.anchor.offset].endswith(_tail(marker["preceding_text"])), note.n


@pytest.mark.parametrize("stem", SAMPLES)
def test_reading_text_has_no_markers_or_page_labels(stem: str) -> None:
    doc, truth = _load(stem)
    assert "[Page" not in doc.text
    for marker in truth["markers"]:
        if marker["in_title_line"]:
            continue
        tail = _tail(marker["preceding_text"])
        glued = tail + marker["printed"]
        assert glued not in doc.text, f"marker {marker['printed']} left in the text"


@pytest.mark.parametrize("stem", SAMPLES)
def test_telegram_references(stem: str) -> None:
    doc, truth = _load(stem)
    got = [(r.number, r.whose, r.note) for r in doc.telegram_refs]
    want = [(r["number"], r["whose"], r["note"]) for r in truth["telegram_refs"]]
    assert got == want
    for ref in doc.telegram_refs:
        assert doc.text[ref.start : ref.end] == ref.number


@pytest.mark.parametrize("stem", SAMPLES)
def test_documents_named_in_notes(stem: str) -> None:
    doc, truth = _load(stem)
    for expected in truth["doc_refs_in_notes"]:
        note = doc.footnotes[expected["note"] - 1]
        assert list(note.documents) == expected["documents"]
        hint = expected["volume_hint"]
        assert note.volume_hint == hint


def test_page_break_sits_where_the_page_starts() -> None:
    doc, _ = _load("frus1945Berlinv01-d584")
    (page,) = doc.page_breaks
    assert doc.text[page.offset :].startswith("No. 853")
    malta, _ = _load("frus1945Malta-d475")
    assert malta.text[malta.page_breaks[0].offset :].startswith("major points")
    assert "following major points" in malta.text


def test_respectively_maps_documents_in_order() -> None:
    doc, _ = _load("frus1945Berlinv01-d584")
    first_two = doc.telegram_refs[:2]
    assert [(r.number, r.documents) for r in first_two] == [("890", ("580",)), ("891", ("581",))]


def test_correction_in_brackets_is_kept() -> None:
    doc, _ = _load("frus1945Berlinv02-d1227")
    ref = next(r for r in doc.telegram_refs if r.number == "913–2")
    assert ref.correction == "913–1"
    assert ref.note == 3


def test_sender_and_recipient() -> None:
    doc, _ = _load("frus1945v03-d256")
    assert doc.sender == "Mr. Harry L. Hopkins, Special Assistant to President Truman"
    assert doc.recipient == "the President"
    new_style, _ = _load("frus1964-68v14-d102")
    assert new_style.sender == "the Department of State"
    assert new_style.recipient == "the Embassy in the Soviet Union"
