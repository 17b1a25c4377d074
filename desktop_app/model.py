"""The document model: frozen records, stdlib only.

Offsets are Python code points into the field they name (the reading text, the title or the
dateline). Qt counts UTF-16 units; the UI converts at its boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

AnchorField = Literal["title", "dateline", "text"]
Whose = Literal["my", "your", "other"]
BlockKind = Literal["paragraph", "list_item", "quote", "signature", "elision", "heading"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a footnote marker sat: the field and the offset right after the marked character."""

    field: AnchorField
    offset: int


@dataclass(frozen=True, slots=True)
class Footnote:
    """One note of the footnote list; `n` is its 1-based place in the list."""

    n: int
    printed: str | None
    text: str
    anchor: Anchor | None
    documents: tuple[str, ...] = ()
    volume_hint: str | None = None
    key: str | None = None  # TEI xml:id, when the source has one


@dataclass(frozen=True, slots=True)
class Block:
    """A run of the reading text with a structural role."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PageBreak:
    """A printed page starts at `offset` of the reading text."""

    page: str
    offset: int


@dataclass(frozen=True, slots=True)
class TelegramRef:
    """A reference in the text to a numbered telegram ("your telegram No. 890").

    `start`/`end` delimit the number itself in the reading text; `phrase_start`/`phrase_end`
    the whole phrase it was found in.
    """

    number: str
    whose: Whose
    start: int
    end: int
    phrase_start: int
    phrase_end: int
    note: int | None = None
    documents: tuple[str, ...] = ()
    correction: str | None = None
    kind: Literal["telegram", "bare", "abbrev"] = "telegram"


@dataclass(frozen=True, slots=True)
class Document:
    """One parsed document; everything the reader, the store and the exporters need."""

    id: str
    format: str
    text: str
    title: str
    volume: str | None = None
    doc_number: str | None = None
    source_line: str | None = None
    sender: str | None = None
    recipient: str | None = None
    classification: tuple[str, ...] = ()
    dateline: str | None = None
    telegram_number: str | None = None
    opening_designation: str | None = None
    signature: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    page_breaks: tuple[PageBreak, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    telegram_refs: tuple[TelegramRef, ...] = ()
    content_hash: str = ""
    source_path: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def url(self) -> str | None:
        """The history.state.gov address of the document, when its volume and id are known."""
        if self.volume and "/" in self.id:
            return f"https://history.state.gov/historicaldocuments/{self.id}"
        return None

    def footnote(self, n: int) -> Footnote | None:
        """The footnote with list number `n`, or None."""
        if 1 <= n <= len(self.footnotes):
            return self.footnotes[n - 1]
        return None


class DocumentImportError(ValueError):
    """Input that cannot be read as a document; the message is meant for the user."""
