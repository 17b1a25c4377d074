"""Telegram references in the reading text: "your telegram No. 890", "Urtel 264"."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop_app.model import TelegramRef, Whose

_NUM = r"\d{1,6}(?:[–-]\d{1,3})?(?![\d,]\d)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    rf"(?:,?\s(?:of\s)?{_MONTH}\s\d{{1,2}}(?:,\s\d{{4}})?"
    r"(?:,?\s\d{1,2}(?::\d\d)?\s?[ap]\.\s?m\.|,?\s(?:noon|midnight))?)?"
)
_ITEM = rf"(?P<num>{_NUM})(?:\s\[(?P<corr>{_NUM})\])?{_DATE}"
_SEP = r"(?:,?\s(?:and|or)\s|,\s)(?:(?:No|Nos|Number)\.?\s)?"
_ITEM_RE = re.compile(_ITEM)
_SEP_RE = re.compile(_SEP)

_LEAD_BACK_RE = re.compile(
    r"\b(?P<lead>telegrams?|tels?|cables?|reply|replies|wires?|radios?)"
    r"\s(?:(?:No|Nos|Number|Numbers|number|numbers)\.?\s?)?$"
)
_ABBREV_BACK_RE = re.compile(
    r"\b(?P<abbr>(?i:(?:re)?(?:ur|our|my|dep|emb|con|leg|circ|cir|depcirc|depcir|mis|polad|usun|usdel|del)"
    r"tels?)|Secto|Tosec|Dulte|Tedul|Polto|Topol|Delga|Gadel|Usito|Tousi|Actel)"
    r"\s(?:No\.\s?)?$"
)
_POSSESSIVE = (
    r"(?P<poss>[Mm]y|[Yy]our|[Oo]ur|(?:Department|Dept|Embassy|Legation|Mission|Consulate"
    r"|Delegation|War Department|Navy Department|Foreign Office)[’']s)"
)
_BARE_BACK_RE = re.compile(
    rf"\b{_POSSESSIVE}\s(?:(?:[Nn]o|[Nn]os|Number|Numbers|number|numbers)\.?\s)?$"
)
# "London's 4567", "Harriman's 1234": any capitalised possessive before a telegram number.
_NAMED_BACK_RE = re.compile(r"\b(?P<poss>[A-Z][a-z]+[’']s)\s(?:[Nn]o\.\s)?$")
# After "your 264" / "my 2441": punctuation, a date, "and 265", a verb… but not a counted
# noun ("your 2 telegrams", "my 30 divisions").
_BARE_GUARD_RE = re.compile(
    rf"^(?:$|\n|\s?[,.;:)\]—–…]|\s(?:and|or|of|dated|just|which|re|regarding|concerning|"
    rf"received|to|was|has|is|in|on|from|stated|said|reported|asked|\d)\b|\s{_MONTH}\s)"
)
_COUNTED_RE = re.compile(
    r"^\s(?:telegrams|messages|cables|points|days|weeks|months|years|men|divisions|copies|"
    r"pages|times|hours|minutes|miles|tons|dollars|percent|per cent|million|thousand|billion|"
    r"items|paragraphs|questions|proposals|people|persons|planes|ships|aircraft|troops|officers|"
    r"members|letters|documents|reports|units|delegates|nations|countries|votes|of the)\b"
)
_NUMBER_START_RE = re.compile(r"(?<![\w–-])\d")
_OWNER_RE = re.compile(r"\b(?:[Mm]y|[Yy]our|[Oo]ur|[A-Z]\w*[’']s)\b")
_AFTER_PHRASE_RE = re.compile(r"[\s.,;:…)\]]{0,4}")


@dataclass(frozen=True, slots=True)
class _Head:
    start: int
    items_at: int
    whose: Whose
    kind: str


def _whose_word(word: str | None) -> Whose:
    if word is None:
        return "other"
    low = word.lower()
    if low in ("my", "our"):
        return "my"
    if low == "your":
        return "your"
    return "other"


def _owner_before(text: str, start: int) -> str | None:
    """The nearest "my"/"your"/"X's" at most three words before `start`, in the same clause."""
    window = text[max(0, start - 60) : start]
    for owner in reversed(list(_OWNER_RE.finditer(window))):
        gap = window[owner.end() :]
        if re.fullmatch(r"(?:\s[\w-]+){0,3}\s", gap):
            return owner.group(0)
    return None


def _heads(text: str) -> list[_Head]:
    """Phrases that introduce telegram numbers, found by looking back from each number."""
    heads: list[_Head] = []
    for number in _NUMBER_START_RE.finditer(text):
        at = number.start()
        base = max(0, at - 48)
        window = text[base:at]
        if m := _LEAD_BACK_RE.search(window):
            start = base + m.start()
            heads.append(_Head(start, at, _whose_word(_owner_before(text, start)), "telegram"))
        elif m := _ABBREV_BACK_RE.search(window):
            abbr = m["abbr"].lower().removeprefix("re")
            whose: Whose = (
                "your"
                if abbr.startswith("ur")
                else "my"
                if abbr.startswith(("our", "my"))
                else "other"
            )
            heads.append(_Head(base + m.start(), at, whose, "abbrev"))
        elif m := _BARE_BACK_RE.search(window):
            heads.append(_Head(base + m.start(), at, _whose_word(m["poss"]), "bare"))
        elif (m := _NAMED_BACK_RE.search(window)) and text[at : at + 2].isdigit():
            heads.append(_Head(base + m.start(), at, "other", "bare"))
    return heads


def find_references(
    text: str,
    anchors: Mapping[int, int],
    note_documents: Mapping[int, Sequence[str]],
    respectively: Mapping[int, bool] | None = None,
) -> list[TelegramRef]:
    """Every numbered telegram reference in `text`, in order.

    `anchors` maps a text offset to the note whose marker is anchored there. The note whose
    marker closes a phrase ("Nos. 1386 and 1392,2") belongs to every number in it.
    """
    refs: list[TelegramRef] = []
    taken_until = -1
    for head in _heads(text):
        if head.start < taken_until:
            continue
        items = _items(text, head)
        if not items:
            continue
        if head.kind == "bare" and not _bare_follows(text, items[0]):
            continue
        phrase_end = items[-1][2]
        taken_until = phrase_end
        shared = _note_after(text, phrase_end, anchors)
        numbered = []
        for number_span, corr, item_end in items:
            own = _note_after(text, item_end, anchors) if item_end != phrase_end else shared
            numbered.append((number_span, corr, own if own is not None else shared))
        _append(refs, text, head, numbered, phrase_end, note_documents, respectively or {})
    return refs


def _bare_follows(text: str, item: tuple[tuple[int, int], str | None, int]) -> bool:
    """Whether "your 564 …" reads as a telegram: never before a counted noun; a one-digit
    number only before punctuation, a date or a list."""
    after = text[item[2] : item[2] + 40]
    if _COUNTED_RE.match(after):
        return False
    (start, end), _, _ = item
    return end - start >= 2 or bool(_BARE_GUARD_RE.match(after))


def _items(text: str, head: _Head) -> list[tuple[tuple[int, int], str | None, int]]:
    items = []
    pos = head.items_at
    while True:
        m = _ITEM_RE.match(text, pos)
        if m is None:
            break
        items.append((m.span("num"), m["corr"], m.end()))
        sep = _SEP_RE.match(text, m.end())
        if sep is None or not _ITEM_RE.match(text, sep.end()):
            break
        if not text[sep.end() : sep.end() + 1].isdigit():
            break
        pos = sep.end()
    return items


def _note_after(text: str, end: int, anchors: Mapping[int, int]) -> int | None:
    if end in anchors:
        return anchors[end]
    gap = _AFTER_PHRASE_RE.match(text, end)
    for offset in range(gap.end(), end, -1) if gap else ():
        if offset in anchors:
            return anchors[offset]
    return None


def _append(
    refs: list[TelegramRef],
    text: str,
    head: _Head,
    numbered: list[tuple[tuple[int, int], str | None, int | None]],
    phrase_end: int,
    note_documents: Mapping[int, Sequence[str]],
    respectively: Mapping[int, bool],
) -> None:
    by_note: dict[int, list[int]] = {}
    for index, (_, _, note) in enumerate(numbered):
        if note is not None:
            by_note.setdefault(note, []).append(index)
    for index, ((start, end), corr, note) in enumerate(numbered):
        docs: tuple[str, ...] = ()
        if note is not None:
            named = tuple(note_documents.get(note, ()))
            sharing = by_note[note]
            if (len(sharing) > 1 and len(named) == len(sharing)) or (
                len(sharing) > 1 and respectively.get(note) and len(named) >= len(sharing)
            ):
                docs = (named[sharing.index(index)],)
            else:
                docs = named
        refs.append(
            TelegramRef(
                number=text[start:end],
                whose=head.whose,
                start=start,
                end=end,
                phrase_start=head.start,
                phrase_end=phrase_end,
                note=note,
                documents=docs,
                correction=corr,
                kind=head.kind,  # type: ignore[arg-type]
            )
        )
