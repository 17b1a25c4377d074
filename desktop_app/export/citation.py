"""Citations: the form history.state.gov gives, and Chicago notes-bibliography."""

from __future__ import annotations

import json
import re
from functools import cache

from desktop_app.model import Document
from desktop_app.paths import volumes_file

_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
          "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]  # fmt: skip


@cache
def _titles() -> dict[str, str]:
    return dict(json.loads(volumes_file().read_text(encoding="utf-8"))["volumes"])


def volume_title(volume: str | None) -> str | None:
    """The printed title of a FRUS volume, from the bundled table or its id."""
    if not volume:
        return None
    if volume in _titles():
        return _titles()[volume]
    match = re.fullmatch(r"frus(\d{4}(?:-\d{2})?)v(\d+)", volume)
    if match:
        years = match.group(1).replace("-", "–")
        number = int(match.group(2))
        roman = _ROMAN[number] if number < len(_ROMAN) else str(number)
        return f"Foreign Relations of the United States, {years}, Volume {roman}"
    match = re.fullmatch(r"frus(\d{4})", volume)
    if match:
        return f"Foreign Relations of the United States, {match.group(1)}"
    return None


def document_number(doc: Document) -> str | None:
    """The document's number in its volume ("584")."""
    if doc.doc_number:
        return doc.doc_number
    match = re.search(r"/d(\d+)$", doc.id)
    return match.group(1) if match else None


def citation(doc: Document) -> str:
    """As history.state.gov cites it: "<volume title>, Document 584"; else the title."""
    title = volume_title(doc.volume)
    number = document_number(doc)
    if title and number:
        return f"{title}, Document {number}"
    return title or doc.title


def chicago(doc: Document) -> str:
    """A Chicago-style note for the open document (plain text; the volume title in *…*)."""
    parts = [f"“{doc.title.rstrip('.')},”"]
    if doc.telegram_number:
        parts.append(f"telegram no. {doc.telegram_number},")
    if doc.dateline:
        parts.append(doc.dateline.split("\n")[0].rstrip(".") + ",")
    title = volume_title(doc.volume)
    number = document_number(doc)
    if title:
        parts.append(f"in *{title}*,")
    if number:
        parts.append(f"doc. {number},")
    if doc.url:
        parts.append(doc.url + ".")
    text = " ".join(parts)
    return text[:-1] + "." if text.endswith(",") else text
