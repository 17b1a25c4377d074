"""Who sent a telegram: keys that match "The Japanese Ambassador … (Sato)" across documents."""

from __future__ import annotations

import re

from desktop_app.model import Document, TelegramRef

_TITLES = frozenset(
    "President Prime Premier Marshal Generalissimo General Admiral Mr. Mrs. Ambassador "
    "Chancellor King Queen Emperor Pope Foreign Commissar".split()
)
_DEPARTMENT_RE = re.compile(r"\b(?:Secretary of State|Department of State|Department)\b")
_EMBASSY_RE = re.compile(r"\b(?:Ambassador|Embassy|Chargé|Minister in|Legation)\b")


def party_key(name: str | None) -> str:
    """A matching key: the name in parentheses, a titled person's surname, else the office."""
    if not name:
        return ""
    name = re.sub(r"\s+", " ", name).strip()
    parens = re.findall(r"\(\s*([^()]+?)\s*\)", name)
    if parens:
        return parens[-1].lower()
    words = name.split(" ")
    if words[0] in _TITLES and words[-1][:1].isupper():
        return words[-1].lower().strip(".,")
    return re.sub(r"^the ", "", name.lower())


def short_name(name: str | None) -> str:
    """ "Sato" for "The Japanese Ambassador in the Soviet Union (Sato)"; else the name."""
    if not name:
        return "unknown"
    parens = re.findall(r"\(\s*([^()]+?)\s*\)", name)
    if parens:
        return parens[-1]
    return re.sub(r"^the ", "", name.strip(), flags=re.IGNORECASE)


def ref_party(doc: Document, ref: TelegramRef) -> str | None:
    """Whose series the referenced telegram belongs to: "my" is the sender's, "your" the
    recipient's; "Deptel"/"Department's" and "Embtel" name whichever party is that office."""
    if ref.whose == "my":
        return doc.sender
    if ref.whose == "your":
        return doc.recipient
    phrase = doc.text[ref.phrase_start : ref.start]
    if re.search(r"Dep(?:t|artment)|Deptel", phrase, re.IGNORECASE):
        pattern = _DEPARTMENT_RE
    elif re.search(r"Emb(?:assy|tel)", phrase, re.IGNORECASE):
        pattern = _EMBASSY_RE
    else:
        return None
    for party in (doc.sender, doc.recipient):
        if party and pattern.search(party):
            return party
    return None
