"""Property tests: arbitrary text never crashes the importer and offsets stay in bounds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.importers import parse_text
from desktop_app.model import Document

# Text built from the pieces real documents are made of, so the fuzzing reaches the traps.
PIECES = st.sampled_from(
    [
        "No. 584", "\n", "\n\n", "  1. ", "  2. Not printed.", "    more", "[Page 878]",
        "[Page 952]major", "telegram No. 890", " and 8911", "Urtel 264", "Your 221,",
        " December 19, 6 p.m.", "1382. ", "War –33556. ", "Churchill 1", "his1 eyes", "1a",
        "We96", " 97", "…3", "”3", ",2", ".2", "913–2 [913–1]3", "Documents Nos. 580 and 581",
        "very secret", "[Translation]", "The Secretary of State to the Ambassador (Grew)",
        "761.94/7–2145: Telegram", "Moore", " ", "x", "Repeated to London as 14.", "(1)",
    ]
)  # fmt: skip
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


def _check_offsets(doc: Document) -> None:
    fields = {"title": doc.title, "dateline": doc.dateline or "", "text": doc.text}
    for note in doc.footnotes:
        if note.anchor is not None:
            assert 0 <= note.anchor.offset <= len(fields[note.anchor.field])
    for ref in doc.telegram_refs:
        assert 0 <= ref.start < ref.end <= len(doc.text)
        assert doc.text[ref.start : ref.end] == ref.number
        assert ref.note is None or 1 <= ref.note <= len(doc.footnotes)
    for page in doc.page_breaks:
        assert 0 <= page.offset <= len(doc.text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)
    assert "[Page" not in doc.text or doc.format == "plain-text"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_structured_noise_never_crashes(text: str) -> None:
    if not text.strip():
        return
    _check_offsets(parse_text(text, name="fuzz.txt"))


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_never_crashes(text: str) -> None:
    if not text.strip():
        return
    _check_offsets(parse_text(text))
