"""Structures the samples show only once or not at all, in small documents built like them."""

from __future__ import annotations

from desktop_app.importers import parse_text


def _doc(body: str, notes: list[str], header: str | None = None):
    header = header or (
        "740.00119 Potsdam/7–2145: Telegram\n\nNo. 1228\n"
        "The Ambassador in the Soviet Union (Harriman) to the Secretary of State\n"
        "top secret\n"
    )
    listing = "\n".join(f"  {n}. {t}" for n, t in enumerate(notes, start=1))
    return parse_text(f"{header}\n{body}\n\n{listing}\n", name="frus1945Berlinv02-d1228.txt")


def _anchor_text(doc, n: int) -> str:
    note = doc.footnote(n)
    assert note is not None and note.anchor is not None, f"note {n} has no anchor"
    field = {"title": doc.title, "dateline": doc.dateline or "", "text": doc.text}
    return field[note.anchor.field][: note.anchor.offset]


def test_dateline_with_marker_and_received_line() -> None:
    header = (
        "740.00119 Potsdam/7–2145: Telegram\n\nNo. 1228\n"
        "The Ambassador in the Soviet Union (Harriman) to the Secretary of State1\n\n"
        "Moscow, July 21, 1945—11 p.m.2\n[Received July 22—10:30 a.m.]\nsecret\n"
    )
    doc = _doc("2741. The conference opened on July 231 at Potsdam.3", ["A.", "B.", "C."], header)
    assert doc.dateline == "Moscow, July 21, 1945—11 p.m.\n[Received July 22—10:30 a.m.]"
    assert doc.classification == ("secret",)
    assert doc.footnote(2).anchor.field == "dateline"
    assert _anchor_text(doc, 2).endswith("11 p.m.")
    assert _anchor_text(doc, 1).endswith("Secretary of State")
    assert _anchor_text(doc, 3).endswith("at Potsdam.")
    assert doc.telegram_number == "2741"


def test_day_glued_to_marker_is_split_but_a_plain_date_is_not() -> None:
    doc = _doc("1. We met on July 231 and again on July 21 in Berlin.", ["Not printed."])
    assert _anchor_text(doc, 1).endswith("on July 23")
    assert "July 23 and again on July 21 in Berlin." in doc.text


def test_numbered_paragraphs_are_not_markers_nor_telegram_number() -> None:
    doc = _doc("1. First point.2\n\n2. Second point.\n\n3. Third.", ["x", "y"])
    assert doc.telegram_number is None
    assert doc.footnote(1).anchor is None
    assert _anchor_text(doc, 2).endswith("First point.")


def test_superscript_markers() -> None:
    doc = _doc("1501. Stalin agreed² and Molotov³ did not.", ["a", "b", "c"])
    assert doc.footnote(1).anchor is None
    assert _anchor_text(doc, 2).endswith("Stalin agreed")
    assert _anchor_text(doc, 3).endswith("and Molotov")
    assert "²" not in doc.text


def test_volume_running_numbers_with_a_missing_first_marker() -> None:
    doc = _doc(
        "1502. The President96 told Stalin97 of the plan. [Page 12] Repeated to London as 14.",
        ["Heading note.", "Truman.", "Marshal Stalin."],
    )
    assert doc.footnote(1).anchor is None
    assert [doc.footnote(n).printed for n in (2, 3)] == ["96", "97"]
    assert doc.text.endswith("of the plan. Repeated to London as 14.")


def test_repeated_printed_number_for_identical_notes() -> None:
    doc = _doc(
        "1503. Your telegrams Nos. 9001 and 9012 and my telegram No. 14072 arrived.3",
        ["Not printed.", "Not printed.", "Not printed.", "Document No. 1200."],
    )
    printed = [n.printed for n in doc.footnotes]
    assert printed == ["1", "2", "2", "3"]
    numbers = [(r.number, r.whose, r.note) for r in doc.telegram_refs]
    assert numbers == [("900", "your", 1), ("901", "your", 2), ("1407", "my", 3)]


def test_trap_numbers_stay_in_the_text() -> None:
    doc = _doc(
        "1504. See paragraph 2 of (1) and No. 32 of 1,000 men at 7:43 p.m.; B29 crews.1",
        ["Note."],
    )
    assert "paragraph 2 of (1) and No. 32 of 1,000 men at 7:43 p.m.; B29 crews." in doc.text
    assert _anchor_text(doc, 1).endswith("B29 crews.")


def test_multi_paragraph_note_and_page_line() -> None:
    text = (
        "Leahy Papers: Telegram\n\nNo. 5\nPresident Truman to Prime Minister Churchill\n\n"
        "12. First paragraph.1\n\n[Page 7]\n\nSecond paragraph.\n\nTruman\n"
        "  1. First para of note.\n\n    Second para of note.\n"
    )
    doc = parse_text(text, name="frus1945Berlinv01-d5.txt")
    assert doc.footnote(1).text == "First para of note.\n\nSecond para of note."
    (page,) = doc.page_breaks
    assert doc.text[page.offset :].startswith("Second paragraph.")
    assert doc.signature == ("Truman",)
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "signature"]


def test_telegram_reference_forms() -> None:
    doc = _doc(
        "1505. Reurtel 264 and Secto 12. Ourtel 7, Deptel 1102 Aug 3. Re my reply No. 1381. "
        "Department’s telegram 160, December 17, 2 p.m. Your 221 and 222 were received.1",
        ["n"],
    )
    got = [(r.number, r.whose, r.kind) for r in doc.telegram_refs]
    assert got == [
        ("264", "your", "abbrev"),
        ("12", "other", "abbrev"),
        ("7", "my", "abbrev"),
        ("1102", "other", "abbrev"),
        ("1381", "my", "telegram"),
        ("160", "other", "telegram"),
        ("221", "your", "bare"),
        ("222", "your", "bare"),
    ]


def test_possessive_that_is_not_a_reference() -> None:
    doc = _doc("1506. Your 2 telegrams and my 3 points were noted.", ["n"])
    assert doc.telegram_refs == ()


def test_a_heading_note_is_not_taken_by_a_telegram_number() -> None:
    doc = _doc(
        "1507. Re your telegram No. 8511 of today and my telegram No. 9002.",
        ["Sent via Navy channels.", "Not printed."],
    )
    assert doc.footnote(1).anchor is None
    assert [(r.number, r.note) for r in doc.telegram_refs] == [("8511", None), ("900", 2)]


def test_new_style_headings_of_other_kinds() -> None:
    for heading in (
        "36. Instructions From the Department of State to the Embassy in Moscow",
        "66. Transcript of Telephone Conversation Between President Johnson and Secretary Rusk",
        "210. Paper Prepared in the Policy Planning Council",
    ):
        doc = parse_text(f"{heading}1\n\n1. First point.\n\n  1. Source: files.\n")
        number, title = heading.split(". ", 1)
        assert (doc.doc_number, doc.title) == (number, title)
        assert doc.footnote(1).anchor.field == "title"
        assert doc.telegram_number is None  # "1." opens numbered paragraphs


def test_more_reference_forms() -> None:
    doc = _doc(
        "2345. Embtel 2300 and Moscow's 2301 and your no. 45, and London's 4567 were read. "
        "Stalin's 3 demands stand.",
        ["n"],
    )
    got = [(r.number, r.whose, r.kind) for r in doc.telegram_refs]
    assert got == [("2300", "other", "abbrev"), ("2301", "other", "bare"),
                   ("45", "your", "bare"), ("4567", "other", "bare")]  # fmt: skip


def test_abbreviated_reference_is_not_a_designation() -> None:
    doc = _doc("Deptel 1234. Text follows.", ["n"])
    assert doc.opening_designation is None
    assert [(r.number, r.kind) for r in doc.telegram_refs] == [("1234", "abbrev")]


def test_marker_on_the_classification_line() -> None:
    header = (
        "740.00119/7–145: Telegram\n\nNo. 12\n"
        "The Ambassador in the Soviet Union (Harriman) to the Secretary of State\ntop secret1\n"
    )
    doc = _doc("1234. Depcirtel 45 and text.2", ["Sent via Army channels.", "Not printed."], header)
    assert doc.classification == ("top secret",)
    assert doc.footnote(1).anchor is None
    assert _anchor_text(doc, 2).endswith("and text.")
    assert [(r.number, r.kind) for r in doc.telegram_refs] == [("45", "abbrev")]
