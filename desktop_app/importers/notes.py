"""What a footnote says of other documents: "Documents Nos. 580 and 581, respectively."."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_LIST = r"\d+(?:(?:,\s*(?:and\s+|or\s+)?|,?\s+(?:and|or)\s+)\d+)*"
_DOCS_RE = re.compile(
    rf"\b[Dd]ocuments?\s+(?:(?:No|Nos|Number|Numbers)\.?\s*)?(?P<nums>{_NUMBER_LIST})"
)
_VOL_RE = re.compile(r"\b(?:vol|Vol|volume|Volume)\.?\s+(?:[ivxlcIVXLC]+|\d+)\b")
_DATEISH_RE = re.compile(
    r"^(?:dated\b|of\s|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
)
_NOT_PRINTED_RE = re.compile(r"\bnot printed\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NoteDocuments:
    """The document numbers a note names, in order, and the volume they are in if not ours."""

    documents: tuple[str, ...]
    volume_hint: str | None
    respectively: bool


def documents_in_note(text: str) -> NoteDocuments:
    """Find "Document(s) No(s). …" in a note, with a hint such as "vol. i" for other volumes."""
    documents: list[str] = []
    volume_hint: str | None = None
    for match in _DOCS_RE.finditer(text):
        documents.extend(re.findall(r"\d+", match["nums"]))
        if volume_hint is None:
            volume_hint = _volume_hint(text, match.end())
    respectively = bool(re.search(r"\brespectively\b", text))
    return NoteDocuments(tuple(documents), volume_hint, respectively)


def _volume_hint(text: str, start: int) -> str | None:
    """The clause naming another volume after a document number, within the same sentence."""
    sentence_end = _sentence_end(text, start)
    vol = _VOL_RE.search(text, start, sentence_end)
    if vol is None:
        return None
    segments = [s.strip() for s in text[start : vol.end()].split(",")]
    last = re.sub(r"^(?:printed|see|in|printed in)\s+(?:in\s+)?", "", segments[-1]).strip()
    if re.fullmatch(r"(?:vol|Vol|volume|Volume)\.?\s+\S+", last) and len(segments) >= 2:
        previous = segments[-2]
        if previous and previous[0].isupper() and not _DATEISH_RE.match(previous):
            return f"{previous}, {last}"
    return last or None


def _sentence_end(text: str, start: int) -> int:
    # A period ends the sentence unless it belongs to an abbreviation such as "vol." or "No.".
    for match in re.finditer(r"\.(?:\s|$)", text[start:]):
        before = text[: start + match.start()]
        if re.search(r"\b(?:vol|Vol|No|Nos|p|pp|ibid|i\.\s?e|e\.\s?g|[A-Z])$", before):
            continue
        return start + match.end()
    return len(text)


def says_not_printed(text: str) -> bool:
    """True when a note says the document it describes is not printed."""
    return bool(_NOT_PRINTED_RE.search(text))
