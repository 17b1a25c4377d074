"""Encodings, line ends, bad input and non-FRUS text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from desktop_app.importers import parse_bytes, parse_path
from desktop_app.importers.decode import MAX_BYTES, decode_text
from desktop_app.model import DocumentImportError

SEED_NAME = "frus1945Berlinv01-d584.txt"


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
        lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
        lambda s: s.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "crlf", "cr"],
)
def test_encodings_and_line_ends_give_the_same_document(encode, seed_text: str) -> None:
    expected = parse_bytes(seed_text.encode("utf-8"), SEED_NAME)
    doc = parse_bytes(encode(seed_text), SEED_NAME)
    assert doc == expected
    assert doc.id == "frus1945Berlinv01/d584"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding: str, seed_text: str) -> None:
    expected = parse_bytes(seed_text.encode("utf-8"), SEED_NAME)
    assert parse_bytes(seed_text.encode(encoding), SEED_NAME) == expected


def test_cp1252_fallback() -> None:
    text = "Moscow Embassy Files: Telegram\n\nThe Ambassador to the Secretary\n\n12. It’s “done”.\n"
    doc = parse_bytes(text.encode("cp1252"), "x.txt")
    assert "It’s “done”." in doc.text


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n", codecs.BOM_UTF8])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentImportError, match="empty"):
        parse_bytes(data, "empty.txt")


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 8, b"\x89PNG\r\n\x1a\n" + bytes(500), b"\x00\x01\x02abc" * 100],
)
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentImportError, match="binary"):
        parse_bytes(data, "blob.bin")


def test_broken_utf16_is_refused() -> None:
    with pytest.raises(DocumentImportError, match="utf-16"):
        parse_bytes(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "bad.txt")


def test_huge_input_is_refused_before_decoding() -> None:
    with pytest.raises(DocumentImportError, match="too large"):
        decode_text(b"a" * (MAX_BYTES + 1))


def test_xml_gets_a_clear_message() -> None:
    with pytest.raises(DocumentImportError, match="TEI"):
        parse_bytes(b"<?xml version='1.0'?><TEI/>", "vol.xml")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentImportError, match="cannot read"):
        parse_path(tmp_path / "nope.txt")
    with pytest.raises(DocumentImportError, match="folder"):
        parse_path(tmp_path)


def test_plain_text_opens_as_plain_document() -> None:
    text = "Shopping list\n\nEggs and\nflour.\n\nMilk.\n"
    doc = parse_bytes(text.encode(), "notes.txt")
    assert doc.format == "plain-text"
    assert doc.title == "Shopping list"
    assert doc.text == "Eggs and flour.\n\nMilk."
    assert [(b.start, b.end) for b in doc.blocks] == [(0, 15), (17, 22)]
    assert doc.id.startswith("doc-")


def test_identity_from_url_in_text() -> None:
    text = (
        "https://history.state.gov/historicaldocuments/frus1945Berlinv02/d1227\n\n"
        "Some text about telegrams.\n"
    )
    doc = parse_bytes(text.encode(), "whatever.txt")
    assert doc.id == "frus1945Berlinv02/d1227"
    assert doc.volume == "frus1945Berlinv02"


def test_identity_is_a_content_hash_otherwise(seed_text: str) -> None:
    a = parse_bytes(seed_text.encode(), "copy.txt")
    b = parse_bytes(seed_text.encode(), "other-name.txt")
    assert a.id == b.id and a.id.startswith("doc-") and a.volume is None


def test_frus_heading_without_source_line() -> None:
    text = (
        "The Secretary of State to the Ambassador in Japan (Grew)\n\n"
        "164. Your 264, December 19, 6 p.m.\n\nHull\n"
    )
    doc = parse_bytes(text.encode(), "t.txt")
    assert doc.format == "frus-text"
    assert doc.telegram_number == "164"
    assert doc.recipient == "the Ambassador in Japan (Grew)"
    assert [r.number for r in doc.telegram_refs] == ["264"]
    assert doc.signature == ("Hull",)
