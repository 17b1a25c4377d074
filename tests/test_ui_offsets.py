"""Reading-text offsets (code points) <-> Qt positions (UTF-16) in the real reader view."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCursor

from desktop_app.importers import parse_path, parse_text
from desktop_app.paths import sample_paths
from desktop_app.ui.reader_view import Highlight, ReaderView


@pytest.fixture
def view(qtbot) -> ReaderView:
    widget = ReaderView()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    return widget


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_every_paragraph_maps_and_offsets_round_trip(view: ReaderView, path) -> None:
    doc = parse_path(path)
    view.show_document(doc)
    assert view.unmapped_paragraphs() == 0
    rng = random.Random(7)
    for _ in range(40):
        start = rng.randrange(0, len(doc.text) - 1)
        if doc.text[start] == "\n":
            continue
        position = view.qt_position(start, start=True)
        assert position is not None
        assert view.reading_offset(position) == start


def test_selection_becomes_the_reading_range(view: ReaderView) -> None:
    doc = parse_path(sample_paths()[0])
    view.show_document(doc)
    quote = "Molotov does not show the least interest"
    start = doc.text.index(quote)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(start, start=True))
    cursor.setPosition(
        view.qt_position(start + len(quote), start=False), QTextCursor.MoveMode.KeepAnchor
    )
    view.setTextCursor(cursor)
    assert view.selected_range() == (start, start + len(quote))
    assert cursor.selectedText() == quote


def test_selection_over_a_marker_and_page_label(view: ReaderView) -> None:
    doc = parse_path(sample_paths()[0])
    view.show_document(doc)
    start = doc.text.index("telegram No. 853")
    end = doc.text.index("Molotov does")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(start, start=True))
    cursor.setPosition(view.qt_position(end, start=False), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_range() == (start, end - 1)  # trailing space trimmed
    assert "[p.\u00a0878]" in cursor.selectedText()


def test_astral_characters_count_two_utf16_units(view: ReaderView) -> None:
    doc = parse_text("Title\n\nAn emoji 😀 before the word target here.\n")
    view.show_document(doc)
    start = doc.text.index("target")
    position = view.qt_position(start, start=True)
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    cursor.setPosition(position + 6, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "target"
    assert view.reading_offset(position) == start


def test_highlights_are_painted(view: ReaderView) -> None:
    doc = parse_path(sample_paths()[0])
    start = doc.text.index("Molotov")
    view.show_document(doc, [Highlight(start, start + 7, "#8ab8f0", True, "note")])
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(start, start=True) + 2)
    assert cursor.charFormat().background().color().name() == "#8ab8f0"
