"""A document's stable identity: `<volume>/<doc-id>` when known, else a content hash."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePath

_URL_RE = re.compile(
    r"history\.state\.gov\.?/historicaldocuments/(?P<volume>[A-Za-z0-9-]+)/(?P<doc>d\d+[a-z]?)\b"
)
_FILENAME_RE = re.compile(r"^(?P<volume>[A-Za-z][A-Za-z0-9-]*?)-(?P<doc>d\d+[a-z]?)$")


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a document is: its id, and its volume and FRUS document id when known."""

    id: str
    volume: str | None
    doc_id: str | None
    content_hash: str


def content_hash(text: str) -> str:
    """SHA-256 of the decoded text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def identify(text: str, name: str | None = None) -> Identity:
    """Volume and id from a history.state.gov URL in the text, else the file name, else a hash."""
    digest = content_hash(text)
    match = _URL_RE.search(text)
    if match is None and name:
        match = _FILENAME_RE.match(PurePath(name).stem)
    if match is not None:
        volume, doc = match["volume"], match["doc"]
        return Identity(f"{volume}/{doc}", volume, doc, digest)
    return Identity(f"doc-{digest[:16]}", None, None, digest)
