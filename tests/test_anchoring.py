"""Re-anchoring on every sample under scripted edits: before, inside, after; deletions."""

from __future__ import annotations

import random

import pytest

from desktop_app.anchoring import find_quote, make_anchor, reanchor
from desktop_app.importers import parse_path
from desktop_app.paths import sample_paths

SAMPLES = [parse_path(p) for p in sample_paths()]


def _spans(text: str, count: int = 6) -> list[tuple[int, int]]:
    rng = random.Random(len(text))
    spans = []
    for _ in range(count):
        start = rng.randrange(0, max(1, len(text) - 60))
        spans.append((start, start + rng.randrange(12, 60)))
    return spans


@pytest.mark.parametrize("doc", SAMPLES, ids=lambda d: d.id)
def test_unchanged_text_keeps_positions(doc) -> None:
    for start, end in _spans(doc.text):
        anchor = make_anchor(doc.text, start, end)
        found = reanchor(anchor, doc.text)
        assert found.method == "position" and found.anchor == anchor


EDITS = {
    "insert before": lambda t, s, e: (t[:s] + "An added sentence. " + t[s:], 19),
    "insert after": lambda t, s, e: (t[:e] + " (added)" + t[e:], 0),
    "paragraph added at top": lambda t, s, e: ("A new first paragraph.\n\n" + t, 24),
    "deletion before": lambda t, s, e: (t[: max(0, s - 10)] + t[s:], -min(10, s)),
}


@pytest.mark.parametrize("doc", SAMPLES, ids=lambda d: d.id)
@pytest.mark.parametrize("edit", EDITS, ids=str)
def test_quote_is_found_again_after_edits(doc, edit: str) -> None:
    for start, end in _spans(doc.text):
        anchor = make_anchor(doc.text, start, end)
        changed, shift = EDITS[edit](doc.text, start, end)
        found = reanchor(anchor, changed)
        assert found.anchor is not None, (edit, anchor.exact)
        assert found.anchor.exact == anchor.exact
        if doc.text.count(anchor.exact) == 1:
            assert found.anchor.start == start + shift


@pytest.mark.parametrize("doc", SAMPLES[:6], ids=lambda d: d.id)
def test_changed_word_inside_is_a_fuzzy_match(doc) -> None:
    text = doc.text
    words = [i for i in range(20, len(text) - 80) if text[i] == " " and text[i + 1].isalpha()]
    start = words[len(words) // 2] + 1
    end = start + 50
    anchor = make_anchor(text, start, end)
    changed = text[: start + 10] + "XYZ" + text[start + 13 :]
    found = reanchor(anchor, changed)
    assert found.method == "fuzzy"
    assert found.anchor is not None and abs(found.anchor.start - start) <= 3
    assert abs(found.anchor.end - end) <= 3


@pytest.mark.parametrize("doc", SAMPLES[:8], ids=lambda d: d.id)
def test_insertion_inside_a_highlight_is_a_fuzzy_match(doc) -> None:
    text = doc.text
    words = [i for i in range(20, len(text) - 90) if text[i] == " " and text[i + 1].isalpha()]
    start = words[len(words) // 3] + 1
    end = start + 60
    anchor = make_anchor(text, start, end)
    changed = text[: start + 30] + "[sic] " + text[start + 30 :]
    found = reanchor(anchor, changed)
    assert found.method == "fuzzy" and found.anchor is not None
    assert abs(found.anchor.start - start) <= 3
    assert abs(found.anchor.end - (end + len("[sic] "))) <= 4


def test_reordered_paragraphs() -> None:
    doc = SAMPLES[0]
    paragraphs = doc.text.split("\n\n")
    target = paragraphs[1][10:60]
    anchor = make_anchor(doc.text, doc.text.index(target), doc.text.index(target) + len(target))
    reordered = "\n\n".join([paragraphs[1], paragraphs[0], *paragraphs[2:]])
    found = reanchor(anchor, reordered)
    assert found.anchor is not None and found.anchor.exact == target


def test_removed_passage_is_orphaned_not_dropped() -> None:
    doc = SAMPLES[0]
    start = doc.text.index("Molotov does not show")
    anchor = make_anchor(doc.text, start, start + 40)
    changed = doc.text.replace(doc.text[start - 200 : start + 400], "")
    found = reanchor(anchor, changed)
    assert found.method == "orphaned" and found.anchor is None


def test_repeated_quote_uses_context() -> None:
    text = "alpha Not printed. beta\n\ngamma Not printed. delta"
    second = text.rindex("Not printed.")
    anchor = make_anchor(text, second, second + len("Not printed."))
    changed = "new start\n\n" + text
    found = reanchor(anchor, changed)
    assert found.anchor is not None and found.anchor.start == second + len("new start\n\n")


def test_find_quote_occurrences() -> None:
    assert find_quote("a b a b a", "a", 3) == (8, 9)
    assert find_quote("a b", "c") is None
    with pytest.raises(ValueError):
        make_anchor("abc", 2, 2)
