"""Footnote markers in copied FRUS text: find the candidates, then tie them to the notes.

Copied text loses superscripts, so a marker is a digit run glued to what precedes it
(`8911` is telegram 891 + marker 1, `Germany.2`, `We96`), or, less often, after a space
(`Churchill 1`). The printed numbers repeat when the book reused an identical note, run
through the whole volume (`96, 97`), or carry a letter (`1a`); a note whose marker sat on
a part the copy lacks has none. `align` finds the best consistent reading of all of that.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

# Strengths: how sure we are that a candidate is a marker when its number fits.
STRONG = 10.0  # glued to a letter, closing punctuation or quote: "Germany.2", "his1", "…3"
AFTER_NUMBER_PUNCT = 9.0  # "1379.2", "885,2": after a number and its punctuation
SPLIT = 8.0  # inside a digit run after a telegram number: "8911"
SPACED = 6.0  # after a space: "Arciszewski 4"
TITLE_END_SPACED = 9.5  # "Churchill 1": a title never ends in a number otherwise

# A maximal digit run and any letters glued after it ("1a" is a marker, "1st" is not).
_RUN_RE = re.compile(r"(?P<digits>[0-9]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?P<letters>[A-Za-z]*)")
_CLOSERS = set(".,;:!?)]”\"’'…")
# Words after which a digit run is a telegram number that may carry a glued marker.
_NUMBER_WORDS = frozenset(
    "No. Nos. No Nos Number Numbers number numbers telegram telegrams tel tels reply Your your "
    "My my Our our and or".split()
)
_MONTH_WORD_RE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_STOPWORDS = frozenset(
    """
    no nos number numbers paragraph paragraphs para paras page pages p pp telegram
    telegrams tel tels cable reply message despatch dispatch instruction note notes vol
    volume art article articles section sections sec chapter part point points item
    items annex appendix table line lines figure fig division divisions corps army group
    zone station route highway room box file series lot rg law act resolution res
    protocol proposal proposals clause subparagraph subpara option phase stage grade
    class type model mark mk urtel deptel embtel ourtel mytel reurtel contel circtel
    secto tosec dulte tedul polto topol delga gadel document documents doc enclosure
    annexes exhibit schedule list plan conference meeting session january february march
    april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
    sunday
    """.split()
)
_UNIT_AFTER_RE = re.compile(
    r"^\s*(?:[ap]\.\s?m\b|percent|per\b|o['’]clock|hours?\b|%|miles?\b|tons?\b|million|"
    r"billion|thousand|dollars?\b|men\b|days?\b|years?\b|months?\b|weeks?\b|:\d|[-–/]\d)",
    re.IGNORECASE,
)

_LONE_CAPITAL_RE = re.compile(r"(?:^|[^A-Za-z])[A-Z]$")
_ABBREV_BEFORE_RE = re.compile(r"\b(?:Nos?|pp?|vol|para|art|sec|Art|Vol)$")
_SPACED_FOLLOW_RE = re.compile(r"^(?:$|[\s.,;:)\]—–]|\s+[a-z])")
_PUNCT_DIGIT_RE = re.compile(r"[.,]\d")


@dataclass(frozen=True, slots=True)
class Option:
    """One reading of a candidate: the printed marker, what to remove, where it anchors."""

    printed: str
    num: int
    letter: str
    remove_start: int
    remove_end: int
    anchor: int
    weight: float


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place in segment `segment` that may hold a footnote marker."""

    segment: int
    position: int
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class Placed:
    """A marker tied to note `note` (1-based list number)."""

    note: int
    segment: int
    option: Option


def find_candidates(
    segments: Sequence[str],
    protected: Sequence[Sequence[tuple[int, int]]],
    *,
    title_segment: int | None = None,
    known_numbers: Mapping[str, int] | None = None,
) -> list[Candidate]:
    """All places in `segments` (in reading order) that could be footnote markers.

    `protected[i]` lists spans of segment i that hold no marker (page markers, the opening
    telegram number). `known_numbers` counts the numbers that stand alone in the document: a
    split of "8911" into 891 + 1 is likelier when "891" stands alone elsewhere, unlikelier when
    "8911" does.
    """
    known = known_numbers or {}
    found: list[Candidate] = []
    for index, raw in enumerate(segments):
        spans = protected[index]
        for match in _RUN_RE.finditer(raw):
            start, end = match.span()
            letters = match["letters"]
            if start == 0 or len(letters) > 1 or (letters and letters not in "abcd"):
                continue
            if spans and any(s <= start < e or s < end <= e for s, e in spans):
                continue
            options = _options(raw, match, index == title_segment, known)
            if options:
                found.append(Candidate(index, start, tuple(options)))
    return found


def _options(
    raw: str, match: re.Match[str], in_title: bool, known: Mapping[str, int]
) -> list[Option]:
    start, end = match.span()
    digits = match["digits"].translate(SUPERSCRIPTS)
    letter = match["letters"]
    if len(match["digits"]) > 8:
        return []
    printed = digits + letter
    prev = raw[start - 1]
    if len(digits) > 4 and prev != " ":
        return []
    if match["digits"][0] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
        anchor = start - 1 if prev == " " else start
        return [Option(printed, int(digits), letter, anchor, end, anchor, STRONG)]
    if prev.isalpha():
        before = raw[max(0, start - 4) : start]
        # "B29", "G2": a lone capital glued to digits is a designation, not a marker.
        if _LONE_CAPITAL_RE.search(before):
            return []
        return [Option(printed, int(digits), letter, start, end, start, STRONG)]
    if prev in _CLOSERS:
        return _after_punctuation(raw, start, end, printed, int(digits), letter)
    if prev == " ":
        return _after_space(raw, start, end, printed, int(digits), letter, in_title, known)
    return []


def _after_punctuation(
    raw: str, start: int, end: int, printed: str, num: int, letter: str
) -> list[Option]:
    prev = raw[start - 1]
    before = raw[max(0, start - 12) : start - 1]
    if _ABBREV_BEFORE_RE.search(before):
        return []  # "No.2", "p.5": a number, not a marker
    if before and before[-1].isdigit():
        if prev == ":" or (prev == "," and len(printed) == 3 and not letter):
            return []  # "7:43", "1,000"
        if prev in ".,":
            return [Option(printed, num, letter, start, end, start, AFTER_NUMBER_PUNCT)]
    return [Option(printed, num, letter, start, end, start, STRONG)]


def _after_space(
    raw: str,
    start: int,
    end: int,
    printed: str,
    num: int,
    letter: str,
    in_title: bool,
    known: Mapping[str, int],
) -> list[Option]:
    before = raw[max(0, start - 48) : start - 1]  # local context keeps parsing linear
    after = raw[end : end + 24]
    options = _splits(raw, start, end, before, letter, known)
    if len(printed) > 3 or num == 0:
        return options
    token = before.rsplit(" ", 1)[-1]
    if not token:
        return options
    bare = token.strip("().’'").rstrip(".").lower()
    capitalised = token[0].isupper() or token.endswith(")")
    if not capitalised or bare in _STOPWORDS or token[-1].isdigit():
        return options
    if after and not _SPACED_FOLLOW_RE.match(after):
        return options
    if _UNIT_AFTER_RE.match(after):
        return options
    at_end = not after.strip()
    weight = TITLE_END_SPACED if in_title and at_end else SPACED
    options.append(Option(printed, num, letter, start - 1, end, start - 1, weight))
    return options


def _splits(
    raw: str, start: int, end: int, before: str, letter: str, known: Mapping[str, int]
) -> list[Option]:
    """Read a digit run after a telegram number context as number + glued marker."""
    digits = raw[start:end].rstrip("abcd") if letter else raw[start:end]
    if (
        len(digits) < 2
        or _PUNCT_DIGIT_RE.match(raw, end)
        or _UNIT_AFTER_RE.match(raw[end : end + 24])
    ):
        return []  # "853,3": the marker follows the punctuation, not inside the number
    last = before.rsplit(" ", 1)[-1]
    month = _MONTH_WORD_RE.fullmatch(last)
    numbered = last in _NUMBER_WORDS or before.endswith(",") or last.endswith(("tel", "tels"))
    if not (month or numbered):
        return []
    options = []
    for cut in range(1, min(3, len(digits) - 1) + 1):
        prefix, suffix = digits[:-cut], digits[-cut:]
        if suffix.startswith("0") or prefix.startswith("0"):
            continue
        if month and not numbered and (int(digits) <= 31 or not 1 <= int(prefix) <= 31):
            continue  # "July 231" is July 23 + note 1; "July 21" is just a date
        at = start + len(prefix)
        weight = (
            SPLIT + (0.5 if known.get(prefix) else 0.0) - (1.0 if known.get(digits, 0) > 1 else 0.0)
        )
        options.append(Option(suffix + letter, int(suffix), letter, at, end, at, weight))
    return options


def _normal(text: str) -> str:
    return re.sub(r"[\s.]+", " ", text).strip().lower()


def align(candidates: Sequence[Candidate], notes: Sequence[str]) -> list[Placed]:
    """Tie candidates to notes: the heaviest consistent chain in reading order.

    Consistent means: notes in list order, marker positions in text order, printed numbers
    rising by one from note to note, except that they may stay the same between two
    identical notes or gain a letter (`1`, `1a`). Ties prefer printed number = list number,
    then later notes (a missing marker most often belonged to the heading).
    """
    n_notes = len(notes)
    if not n_notes or not candidates:
        return []
    normal = [_normal(t) for t in notes]
    # repeats[k] = how many steps among notes 1..k may keep the printed number.
    repeats = [0, 0]
    for k in range(2, n_notes + 1):
        repeats.append(repeats[-1] + (1 if normal[k - 1] == normal[k - 2] else 0))
    heading = [False] + [bool(_HEADING_NOTE_RE.match(t.strip())) for t in notes]
    lettered = len({o.printed for c in candidates for o in c.options if o.letter})
    width = min(repeats[-1] + lettered, 12)

    best: tuple[float, list[Placed]] = (0.0, [])
    for d0 in _start_offsets(candidates, n_notes):
        score, chain = _chain(candidates, n_notes, repeats, heading, d0, width)
        if score > best[0] + 1e-9:
            best = (score, chain)
        if d0 == 0 and len(chain) == n_notes:
            break  # every note placed with printed = list number: nothing can do better
    return best[1]


def _start_offsets(candidates: Sequence[Candidate], n_notes: int) -> list[int]:
    """Plausible values of (printed number - list number) for the first note."""
    offsets = [0]
    strong = [c for c in candidates if any(o.weight >= AFTER_NUMBER_PUNCT for o in c.options)]
    for cand in strong[:4]:
        for option in cand.options:
            for k in range(1, min(n_notes, 4) + 1):
                d = option.num - k
                if d > 0 and d not in offsets:
                    offsets.append(d)
    return offsets


# Notes about the whole message, whose marker sat on its heading or dateline: no telegram
# number split ("8911") or spaced number ("Smith 1") is read as their marker.
_HEADING_NOTE_RE = re.compile(
    r"(?:Sent (?:by|via|to|from|over|through)|Presumably sent|Transmitted|Source:|Printed from"
    r"|The (?:source )?text (?:of this|printed)|Handed to|Delivered|Drafted by|This (?:telegram|"
    r"message) was|Repeated to|Received (?:in|at|by))"
)
_EPS = 1e-4  # tie-breaker: prefer the k-th marker for the k-th note


class _MaxTree:
    """Fenwick tree over notes 1..n answering 'best chain ending at a note <= k'."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)

    def update(self, k: int, value: tuple[float, int]) -> None:
        while k <= self.size:
            if value > self.tree[k]:
                self.tree[k] = value
            k += k & -k

    def query(self, k: int) -> tuple[float, int]:
        result = (0.0, -1)
        while k > 0:
            if self.tree[k] > result:
                result = self.tree[k]
            k -= k & -k
        return result


def _chain(
    candidates: Sequence[Candidate],
    n_notes: int,
    repeats: list[int],
    heading: list[bool],
    d0: int,
    width: int,
) -> tuple[float, list[Placed]]:
    trees = {d: _MaxTree(n_notes) for d in range(d0 - width, d0 + 1)}
    nodes: list[tuple[int, int, Option, int]] = []  # (note, segment, option, back-pointer)
    best = (0.0, -1)
    letters: set[str] = set()  # each lettered marker ("1a") so far may have kept the number
    for cand in candidates:
        updates: list[tuple[int, int, float, int]] = []
        letters.update(o.printed for o in cand.options if o.letter)
        letters_seen = len(letters)
        for option in cand.options:
            extra = 1 if option.letter else 0
            for d in range(d0 - width, d0 + 1):
                k = option.num - d
                if not 1 <= k <= n_notes or d0 - d > repeats[k] + letters_seen:
                    continue
                # A chain may start here; leading notes left unmatched cost least (their
                # markers most often sat on the heading the copy lacks).
                base = (-0.5 * _EPS * (k - 1), -1)
                for d_prev in range(d, min(d0, d + repeats[k] + extra) + 1):
                    need = d_prev - d - extra
                    # latest earlier note with enough repeatable steps between it and k
                    limit = bisect.bisect_right(repeats, repeats[k] - max(need, 0), 0, k) - 1
                    limit = min(limit, k - 1)
                    if limit >= 1:
                        found = trees[d_prev].query(limit)
                        if found[1] >= 0:
                            # stored as score + EPS*k', so this charges EPS per skipped note
                            found = (found[0] - _EPS * (k - 1), found[1])
                            if found > base:
                                base = found
                gain = option.weight + (0.5 if d == 0 else 0.0)
                if heading[k] and option.weight <= SPLIT:
                    continue  # a weak reading never takes a note that belongs to a heading
                nodes.append((k, cand.segment, option, base[1]))
                updates.append((d, k, base[0] + gain, len(nodes) - 1))
        for d, k, score, node in updates:
            trees[d].update(k, (score + _EPS * k, node))
            final = (score - _EPS * (n_notes - k), node)
            if final > best:
                best = final
    chain: list[Placed] = []
    index = best[1]
    while index >= 0:
        note, segment, option, back = nodes[index]
        chain.append(Placed(note, segment, option))
        index = back
    chain.reverse()
    return best[0], chain
