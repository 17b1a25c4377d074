"""Referenced-telegram stubs: the telegram a reference names, as an entity, resolved if we can.

Pure: the library is reached through the `Lookup` protocol, so this is tested without SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol

from desktop_app.importers.notes import says_not_printed
from desktop_app.model import Document, TelegramRef
from desktop_app.parties import party_key, ref_party, short_name

# Volume hints that name another book of the same series ("Conference of Berlin, vol. i").
_SERIES = {
    "berlin": "frus1945Berlinv",
    "potsdam": "frus1945Berlinv",
    "malta": "frus1945Malta",
    "yalta": "frus1945Malta",
    "quebec, 1944": "frus1944Quebec",
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}


class Lookup(Protocol):
    """What stub resolution asks of the library."""

    def find_by_doc_number(self, volume: str, doc_number: str) -> str | None: ...
    def find_by_telegram(self, party: str, number: str) -> str | None: ...
    def citing(self, party: str, number: str) -> list[tuple[str, str]]: ...


@dataclass(frozen=True, slots=True)
class Stub:
    """What is known of a referenced telegram."""

    number: str
    sender: str
    recipient: str
    party_key: str
    note_n: int | None
    note_text: str | None
    status: tuple[str, ...]
    documents: tuple[str, ...]
    volume: str | None
    target_id: str | None
    citing: tuple[tuple[str, str], ...]

    @property
    def heading(self) -> str:
        """ "Togo to Sato · telegram No. 890"."""
        return f"{self.sender} to {self.recipient} · telegram No. {self.number}"


def resolve_volume(current: str | None, hint: str | None) -> str | None:
    """The volume a note's documents are in: ours, or the one "vol. i" etc. names."""
    if not hint:
        return current
    vol = re.search(r"\bvol(?:ume)?\.?\s+([ivxlc]+|\d+)\b", hint, re.IGNORECASE)
    if vol is None:
        return current
    token = vol.group(1).lower()
    number = int(token) if token.isdigit() else _ROMAN.get(token)
    if number is None:
        return None
    named = hint[: vol.start()].lower()
    prefix = next((p for key, p in _SERIES.items() if key in named), None)
    if prefix is None and current and not named.strip(" ,"):
        match = re.match(r"^(.*v)(\d+)$", current)
        prefix = match.group(1) if match else None
    if prefix is None:
        return None
    return f"{prefix}{number:02d}" if prefix.endswith("v") else prefix


def build_stub(doc: Document, ref: TelegramRef, lookup: Lookup) -> Stub:
    """Everything the stub card shows for reference `ref` of `doc`."""
    party = ref_party(doc, ref)
    if ref.whose == "your":
        sender, recipient = short_name(doc.recipient), short_name(doc.sender)
    elif ref.whose == "my":
        sender, recipient = short_name(doc.sender), short_name(doc.recipient)
    else:
        sender = short_name(party) if party else "unknown sender"
        others = [p for p in (doc.sender, doc.recipient) if p and p != party]
        recipient = short_name(others[0]) if party and others else "unknown recipient"
    key = party_key(party)
    if ref.note is None:
        # A later mention ("your telegram No. 891—") carries no marker: what the first
        # mention's note says holds for it too.
        for other in doc.telegram_refs:
            if (other.note and other.number == ref.number
                    and party_key(ref_party(doc, other)) == key):  # fmt: skip
                ref = replace(ref, note=other.note, documents=other.documents)
                break
    note = doc.footnote(ref.note) if ref.note else None
    status: list[str] = []
    volume = doc.volume
    if note is not None:
        volume = resolve_volume(doc.volume, note.volume_hint)
        if ref.documents:
            where = f" in {note.volume_hint}" if note.volume_hint else ""
            label = "Document No." if len(ref.documents) == 1 else "Documents Nos."
            status.append(f"Printed as {label} {' and '.join(ref.documents)}{where}")
        elif says_not_printed(note.text):
            status.append("Not printed")
        elif note.volume_hint:
            status.append(f"Printed in {note.volume_hint}")
    target = None
    if volume:
        for number in ref.documents:
            target = lookup.find_by_doc_number(volume, number)
            if target:
                break
    if target is None and key:
        target = lookup.find_by_telegram(key, ref.number)
    if target == doc.id:
        target = None
    citing = tuple(c for c in lookup.citing(key, ref.number) if c[0] != doc.id) if key else ()
    return Stub(
        number=ref.number,
        sender=sender,
        recipient=recipient,
        party_key=key,
        note_n=ref.note,
        note_text=note.text if note else None,
        status=tuple(status),
        documents=ref.documents,
        volume=volume,
        target_id=target,
        citing=citing,
    )
