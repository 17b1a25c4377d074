"""Anchors for annotations (W3C TextPositionSelector + TextQuoteSelector) and re-anchoring.

When a document's text changes (a corrected re-import), an anchor is found again: by its
offsets if the quote is still there, else by the quote and its context, else by a fuzzy
match (rapidfuzz). What cannot be found is orphaned, never dropped. Offsets are code points.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

CONTEXT = 32
FUZZY_MIN_SCORE = 80.0
Method = Literal["position", "quote", "fuzzy", "orphaned"]


@dataclass(frozen=True, slots=True)
class TextAnchor:
    """Where an annotation sits: positions plus the quote with its context."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text_hash: str


@dataclass(frozen=True, slots=True)
class Found:
    """The result of re-anchoring: the new anchor (None when orphaned) and how."""

    anchor: TextAnchor | None
    method: Method


def text_hash(text: str) -> str:
    """SHA-256 of a reading text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_anchor(text: str, start: int, end: int, digest: str | None = None) -> TextAnchor:
    """An anchor for text[start:end]; raises ValueError for an empty or invalid range."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"invalid range {start}-{end} for a text of {len(text)} characters")
    return TextAnchor(
        start,
        end,
        text[start:end],
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
        digest or text_hash(text),
    )


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The range of the `occurrence`-th (1-based) appearance of `quote` in `text`."""
    if not quote or occurrence < 1:
        return None
    at = -1
    for _ in range(occurrence):
        at = text.find(quote, at + 1)
        if at < 0:
            return None
    return at, at + len(quote)


def _context_score(text: str, start: int, end: int, anchor: TextAnchor) -> float:
    from rapidfuzz import fuzz  # imported on first use: it costs start-up time otherwise

    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    score = 0.0
    if anchor.prefix:
        score += fuzz.ratio(before[-len(anchor.prefix) :], anchor.prefix)
    if anchor.suffix:
        score += fuzz.ratio(after[: len(anchor.suffix)], anchor.suffix)
    return score


def reanchor(anchor: TextAnchor, text: str, digest: str | None = None) -> Found:
    """Find `anchor` again in a (possibly changed) text."""
    digest = digest or text_hash(text)
    if text[anchor.start : anchor.end] == anchor.exact:
        return Found(make_anchor(text, anchor.start, anchor.end, digest), "position")
    hits = []
    at = text.find(anchor.exact)
    while at >= 0 and anchor.exact:
        hits.append(at)
        at = text.find(anchor.exact, at + 1)
    if hits:
        best = max(
            hits,
            key=lambda h: (
                _context_score(text, h, h + len(anchor.exact), anchor),
                -abs(h - anchor.start),
            ),
        )
        return Found(make_anchor(text, best, best + len(anchor.exact), digest), "quote")
    return _fuzzy(anchor, text, digest)


def _fuzzy(anchor: TextAnchor, text: str, digest: str) -> Found:
    from rapidfuzz import fuzz

    if len(anchor.exact) < 4:
        return Found(None, "orphaned")
    # Align the quote with its context first (a changed word inside a short quote still
    # lines up when the words around it did not change), then the quote alone near there.
    needle = anchor.prefix + anchor.exact + anchor.suffix
    window = (0, len(text))
    wide = fuzz.partial_ratio_alignment(needle, text, score_cutoff=FUZZY_MIN_SCORE)
    if wide is not None:
        start = wide.dest_start + (len(anchor.prefix) - wide.src_start)
        end = wide.dest_end - (len(anchor.suffix) - (len(needle) - wide.src_end))
        slack = max(16, len(anchor.exact) // 4)
        window = (max(0, start - slack), min(len(text), max(end, start) + slack))
    hit = fuzz.partial_ratio_alignment(
        anchor.exact, text[window[0] : window[1]], score_cutoff=FUZZY_MIN_SCORE
    )
    if hit is None or hit.dest_end <= hit.dest_start:
        return Found(None, "orphaned")
    start, end = window[0] + hit.dest_start, window[0] + hit.dest_end
    start, end = _refine_ends(anchor.exact, text, start, end)
    return Found(make_anchor(text, start, end, digest), "fuzzy")


def _refine_ends(exact: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends to where the quote's first and last words now are: an alignment keeps
    the quote's length, so text inserted or deleted inside would shift an end."""
    from rapidfuzz import fuzz

    size = min(16, len(exact) // 3)
    if size < 4:
        return start, end
    slack = 24 + len(exact) // 2
    lo, hi = max(0, end - slack), min(len(text), end + slack)
    tail = fuzz.partial_ratio_alignment(exact[-size:], text[lo:hi], score_cutoff=FUZZY_MIN_SCORE)
    if tail is not None and lo + tail.dest_end > start:
        end = lo + tail.dest_end
    lo, hi = max(0, start - slack), min(len(text), start + slack)
    head = fuzz.partial_ratio_alignment(exact[:size], text[lo:hi], score_cutoff=FUZZY_MIN_SCORE)
    if head is not None and lo + head.dest_start < end:
        start = lo + head.dest_start
    return start, end
