"""Annotation records: highlights and notes. Pure: frozen dataclasses, no Qt, no SQL."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Literal

from desktop_app.anchoring import TextAnchor

Kind = Literal["highlight", "document", "footnote", "stub"]
Status = Literal["anchored", "orphaned"]
KINDS: tuple[Kind, ...] = ("highlight", "document", "footnote", "stub")


@dataclass(frozen=True, slots=True)
class Color:
    """A highlight colour: a stable key, the user's name for what it means, and its RGB."""

    key: str
    label: str
    rgb: str


DEFAULT_COLORS: tuple[Color, ...] = (
    Color("yellow", "Key passage", "#f7d94c"),
    Color("green", "Evidence", "#8fd18b"),
    Color("blue", "Question", "#8ab8f0"),
    Color("pink", "Disagree", "#f29bb7"),
    Color("purple", "Follow up", "#c3a3ec"),
)


def now() -> str:
    """Current UTC time, ISO 8601 with milliseconds (sortable as text)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class Annotation:
    """A highlight (with an optional note) or a note on a document, footnote or stub.

    `anchor` is kept even when orphaned (its quote and context say what it was on).
    `target` names the footnote (`"3"`) or stub (`"sato:1418"`) a note belongs to.
    """

    id: str
    doc_id: str
    kind: Kind
    created: str
    updated: str
    anchor: TextAnchor | None = None
    color: str | None = None
    note: str = ""
    tags: tuple[str, ...] = field(default=())
    status: Status = "anchored"
    target: str | None = None
    deleted: str | None = None

    @property
    def start(self) -> int:
        """Document order: highlights by position, notes on the document first."""
        return self.anchor.start if self.anchor else -1

    def edited(self, **changes: object) -> Annotation:
        """A copy with `changes` and a new `updated` time."""
        return replace(self, updated=now(), **changes)  # type: ignore[arg-type]


def new_annotation(
    doc_id: str,
    kind: Kind,
    *,
    anchor: TextAnchor | None = None,
    color: str | None = None,
    note: str = "",
    tags: tuple[str, ...] = (),
    target: str | None = None,
) -> Annotation:
    """A fresh annotation with a uuid and timestamps."""
    stamp = now()
    return Annotation(
        id=str(uuid.uuid4()),
        doc_id=doc_id,
        kind=kind,
        created=stamp,
        updated=stamp,
        anchor=anchor,
        color=color,
        note=note,
        tags=normalize_tags(tags),
        target=target,
    )


def normalize_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Trimmed, de-duplicated, in the order given; empty tags dropped."""
    seen: dict[str, None] = {}
    for tag in tags:
        clean = " ".join(tag.split())
        if clean:
            seen.setdefault(clean, None)
    return tuple(seen)
