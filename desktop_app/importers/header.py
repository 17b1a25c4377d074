"""The header of a copied FRUS document: source line, number, title, classification, dateline."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_DOC_NUMBER_RE = re.compile(r"^No\.\s*(?P<n>\d+[A-Za-z]?)$")
_NEW_STYLE_RE = re.compile(
    r"^(?P<n>\d+)\.\s+(?P<title>(?:Telegram|Memorandum|Letter|Editorial Note|Note|Airgram|"
    r"Message|Paper|Minutes|Record|Report|Summary|Circular|Instruction|Despatch|Dispatch|"
    r"Intelligence|Special|National|Draft|Notes|Transcript|Briefing|Information|Action|"
    r"Backchannel|Research|Study|Conversation|Diary|Position|Statement|Oral|Aide-M[ée]moire|"
    r"Cable|Telegraphic|Editorial|Personal|Joint|Record|Talking Points|Analysis|Estimate|"
    r"Directive|Agreement|Communiqué|Address|Remarks|Proposal|Text|Translation|Excerpt|"
    r"Circular Telegram|Situation|Policy|Decision|Annex|Enclosure|Attachment|Telephone|"
    r"Background|Current|CIA|Central|White House|Department|Embassy|Despatch|Instructions)s?\b.*)$"
)
# Any other "57. <Kind> From/To/By/Of …" heading (not a sentence: no closing punctuation).
_NEW_STYLE_GENERIC_RE = re.compile(
    r"^(?P<n>\d+)\.\s+(?P<title>[A-Z][^.!?;:]{3,240}?\s(?:From|to|by|of|Between|With|for)\s"
    r"[^.!?;]{2,240}?)$"
)
_SOURCE_RE = re.compile(
    r"(?::\s*(?:Telegram|Airgram|Despatch|Dispatch|Instruction|Memorandum|Letter|Note|Circular"
    r"|Telegram\s*\(\w+\)|Circular telegram|Cable|Message)\b\.?\s*$"
    r"|^File No\.|^\d{3}\.\d|\bFiles?\b|\bPapers\b|\bRecords?\b|\bArchives\b|\bLot\s+\d"
    r"|^(?:Roosevelt|Truman|Eisenhower|Hopkins|Leahy|Stimson|Byrnes|Hull)\b.*:)"
)
_CLASS_WORDS = frozenset(
    """
    top secret very most strictly urgent us niact priority immediate confidential
    restricted personal and eyes only flash limited official use plain gray grey
    operational routine exclusive for the president private triple emergency sensitive
    nodis exdis limdis noforn important secret/sensitive
    """.split()
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE_RE = re.compile(
    rf"^(?:\[?[A-Z][\w’'. ()-]{{0,60}}?,\]?\s+)?\[?(?:{_MONTHS}\s+\d{{1,2}}\]?,\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}})"
)
_MARKED_CLASS_RE = re.compile(r"^([a-z][a-z .,&/’'()-]*[a-z])\d{1,3}[a-d]?$")
_RECEIVED_RE = re.compile(r"^\[(?:Received|Rec’d|Recd)\b[^\]]*\]\.?$")
_TITLE_LIKE_RE = re.compile(r"\s(?:to|From|from)\s")


@dataclass(slots=True)
class Header:
    """What the header lines say, and where the body starts."""

    body_start: int
    is_frus: bool
    source_line: str | None = None
    doc_number: str | None = None
    title_line: str = ""
    classification: list[str] = field(default_factory=list)
    dateline_line: str | None = None


def _next_nonblank(lines: Sequence[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def is_classification(line: str) -> bool:
    """Lines such as "very secret", "us urgent", "[Translation]", "TOP SECRET"."""
    line = line.strip()
    if re.fullmatch(r"\[[^\]\[]{1,80}\]", line):
        return True
    words = re.split(r"[\s,]+", line.lower().strip(" ."))
    if not line or len(words) > 8 or len(line) > 80:
        return False
    if re.fullmatch(r"[a-z][a-z .,&/’'()-]*", line):
        return True
    return all(w in _CLASS_WORDS for w in words if w)


def is_dateline(line: str) -> bool:
    """A place-and-date line: "Moscow, July 21, 1945—11 p.m.", "London, 21 March 1944."."""
    line = line.strip()
    return len(line) <= 140 and bool(_DATELINE_RE.match(line))


def looks_like_source(line: str) -> bool:
    """A FRUS source line: "761.94/7–2145: Telegram", "Leahy Papers: Telegram"."""
    line = line.strip()
    return len(line) <= 200 and bool(_SOURCE_RE.search(line))


def parse_header(lines: Sequence[str], end: int) -> Header:
    """Read the header from `lines[:end]`; `end` is where the footnote list starts."""
    i = _next_nonblank(lines, 0)
    if i >= end:
        return Header(body_start=i, is_frus=False)
    first = lines[i].strip()
    new_style = _NEW_STYLE_RE.match(first) or _NEW_STYLE_GENERIC_RE.match(first)
    if new_style:
        header = Header(body_start=i + 1, is_frus=True, doc_number=new_style["n"])
        header.title_line = new_style["title"]
        return _after_title(lines, i + 1, end, header)
    header = Header(body_start=i, is_frus=False)
    nxt = _next_nonblank(lines, i + 1)
    following = lines[nxt].strip() if nxt < end else ""
    if not _DOC_NUMBER_RE.match(first) and (
        looks_like_source(first) or _DOC_NUMBER_RE.match(following)
    ):
        header.source_line = first
        header.is_frus = True
        i = nxt
        if i >= end:
            header.body_start = i
            return header
        first = lines[i].strip()
    number = _DOC_NUMBER_RE.match(first)
    if number:
        header.doc_number = number["n"]
        header.is_frus = True
        i = _next_nonblank(lines, i + 1)
        if i >= end:
            header.body_start = i
            return header
        first = lines[i].strip()
    if not header.is_frus and not _looks_like_title(first):
        return header
    header.is_frus = True
    header.title_line = first
    return _after_title(lines, i + 1, end, header)


def _looks_like_title(line: str) -> bool:
    # "X to Y" with no sentence punctuation at the end: a FRUS heading pasted without the
    # source line. Anything else is a plain document.
    return (
        len(line) <= 300
        and bool(_TITLE_LIKE_RE.search(line))
        and not re.search(r"[.:;?!]\s*\d*$", line)
        and line[:1].isupper()
    )


def _after_title(lines: Sequence[str], i: int, end: int, header: Header) -> Header:
    """Classification lines and a dateline may follow the title, with blank lines between."""
    body_start = i
    while True:
        j = _next_nonblank(lines, i)
        if j >= end:
            break
        line = lines[j].strip()
        if header.dateline_line is None and is_dateline(line):
            header.dateline_line = line
        elif header.dateline_line is not None and _RECEIVED_RE.match(line):
            # "[Received July 22—10:30 a.m.]" belongs with the dateline it follows
            header.dateline_line += "\n" + line
        elif is_classification(line) and not line.startswith("("):
            header.classification.append(line)
        elif _MARKED_CLASS_RE.match(line) and is_classification(_MARKED_CLASS_RE.match(line)[1]):
            # "top secret1": a marker on the classification line; the line is kept without it
            # and the note, with no place in the fields we show, stays unanchored.
            header.classification.append(_MARKED_CLASS_RE.match(line)[1])  # type: ignore[index]
        else:
            break
        i = j + 1
        body_start = i
    header.body_start = body_start
    return header


_TO_BLOCKERS = frozenset(
    """
    ambassador minister assistant adviser advisor representative delegate envoy mission
    delegation counselor counsellor attaché attache aide consul chargé charge
    commissioner member observer deputy secretary liaison emissary agent
    """.split()
)


def split_parties(title: str) -> tuple[str | None, str | None]:
    """Sender and recipient from a title: "The Secretary of State to the Ambassador in Japan"."""
    from_match = re.search(r"\bFrom\s+(.+)$", title)
    body = from_match.group(1) if from_match else title
    best: tuple[int, int] | None = None
    for match in re.finditer(" to ", body):
        index = match.start()
        before = body[:index].rstrip()
        if before.count("(") != before.count(")"):
            continue  # inside parentheses
        score = 0
        if before.endswith((")", ",")):
            score += 3
        last_word = before.rsplit(" ", 1)[-1].lower()
        if last_word in _TO_BLOCKERS:
            score -= 3
        if best is None or score > best[0]:
            best = (score, index)
    if best is None:
        return None, None
    sender = body[: best[1]].strip().rstrip(",").strip()
    recipient = body[best[1] + 4 :].strip()
    return (sender or None), (recipient or None)
