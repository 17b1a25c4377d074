"""Annotations in the library file. Every call commits before it returns."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from desktop_app.anchoring import TextAnchor, reanchor, text_hash
from desktop_app.annotations import Annotation, Color, now
from desktop_app.store.errors import StoreError

_COLUMNS = (
    "id, doc_id, kind, color, note, start, end, exact, prefix, suffix, text_hash, status, "
    "target, created, updated, deleted"
)


_FIELDS = [f.strip() for f in _COLUMNS.split(",")]
_UPSERT = (
    f"INSERT INTO annotations ({_COLUMNS}) VALUES ({', '.join(':' + f for f in _FIELDS)}) "
    f"ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{f} = excluded.{f}" for f in _FIELDS if f != "id")
)


def _row(a: Annotation) -> dict[str, Any]:
    anchor = a.anchor
    return {
        "id": a.id,
        "doc_id": a.doc_id,
        "kind": a.kind,
        "color": a.color,
        "note": a.note,
        "start": anchor.start if anchor else None,
        "end": anchor.end if anchor else None,
        "exact": anchor.exact if anchor else None,
        "prefix": anchor.prefix if anchor else None,
        "suffix": anchor.suffix if anchor else None,
        "text_hash": anchor.text_hash if anchor else None,
        "status": a.status,
        "target": a.target,
        "created": a.created,
        "updated": a.updated,
        "deleted": a.deleted,
    }


def _annotation(row: Sequence[Any], tags: tuple[str, ...]) -> Annotation:
    (id_, doc_id, kind, color, note, start, end, exact, prefix, suffix, digest, status,
     target, created, updated, deleted) = row  # fmt: skip
    anchor = None
    if exact is not None:
        anchor = TextAnchor(start, end, exact, prefix or "", suffix or "", digest or "")
    return Annotation(
        id=id_, doc_id=doc_id, kind=kind, created=created, updated=updated, anchor=anchor,
        color=color, note=note or "", tags=tags, status=status, target=target, deleted=deleted,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What an import did."""

    added: int
    updated: int
    unchanged: int
    skipped: int


class AnnotationStore:
    """Create, edit, trash, restore, list and re-anchor annotations."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _write(self, what: str, annotations: Iterable[Annotation]) -> None:
        try:
            with self.db.atomic():
                conn = self.db.conn
                for a in annotations:
                    # Plain SQL: sqlite-utils' upsert inspects the table on every call, and a
                    # highlight must be stored within a frame.
                    conn.execute(_UPSERT, _row(a))
                    conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [a.id])
                    conn.executemany(
                        "INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)",
                        [(a.id, t) for t in a.tags],
                    )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot {what}: {exc}") from exc

    def save(self, annotation: Annotation) -> Annotation:
        """Insert or replace one annotation (with its tags) in one transaction."""
        self._write("save the annotation", [annotation])
        return annotation

    def save_many(self, annotations: Sequence[Annotation]) -> None:
        """Insert or replace several annotations in one transaction."""
        self._write(f"save {len(annotations)} annotations", annotations)

    def trash(self, annotation_id: str) -> Annotation:
        """Move to the trash (restorable)."""
        current = self.get(annotation_id)
        return self.save(current.edited(deleted=now()))

    def restore(self, annotation_id: str) -> Annotation:
        """Bring back from the trash."""
        current = self.get(annotation_id)
        return self.save(current.edited(deleted=None))

    def purge(self, annotation_id: str) -> None:
        """Remove for good (used to undo a creation; deleting goes through the trash)."""
        try:
            with self.db.atomic():
                self.db.execute(
                    "DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id]
                )
                self.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot remove the annotation: {exc}") from exc

    def get(self, annotation_id: str) -> Annotation:
        """One annotation; KeyError when there is none."""
        found = self._select("WHERE id = ?", [annotation_id])
        if not found:
            raise KeyError(annotation_id)
        return found[0]

    def for_document(self, doc_id: str, *, deleted: bool = False) -> list[Annotation]:
        """A document's annotations in document order (the trash when `deleted`)."""
        where = "WHERE doc_id = ? AND deleted IS " + ("NOT NULL" if deleted else "NULL")
        return self._select(where + " ORDER BY coalesce(start, -1), created", [doc_id])

    def trashed(self) -> list[Annotation]:
        """Everything in the trash, newest first."""
        return self._select("WHERE deleted IS NOT NULL ORDER BY deleted DESC", [])

    def all_tags(self) -> list[str]:
        """Every tag in use, for completion."""
        rows = self.db.execute("SELECT DISTINCT tag FROM annotation_tags ORDER BY tag")
        return [r[0] for r in rows.fetchall()]

    def _select(self, where: str, params: list[Any]) -> list[Annotation]:
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM annotations {where}", params).fetchall()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        tags: dict[str, list[str]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            for aid, tag in self.db.execute(
                f"SELECT annotation_id, tag FROM annotation_tags WHERE annotation_id IN ({marks})"
                " ORDER BY rowid",
                part,
            ).fetchall():
                tags.setdefault(aid, []).append(tag)
        return [_annotation(r, tuple(tags.get(r[0], ()))) for r in rows]

    def reanchor_document(self, doc_id: str, text: str) -> tuple[int, int]:
        """Find every highlight of `doc_id` again in its new text; (moved, orphaned)."""
        digest = text_hash(text)
        changed: list[Annotation] = []
        orphaned = 0
        for a in self.for_document(doc_id) + self.for_document(doc_id, deleted=True):
            if a.anchor is None or a.anchor.text_hash == digest:
                continue
            found = reanchor(a.anchor, text, digest)
            if found.anchor is None:
                orphaned += 1
                changed.append(a.edited(status="orphaned"))
            else:
                changed.append(a.edited(anchor=found.anchor, status="anchored"))
        if changed:
            self.save_many(changed)
        return len(changed) - orphaned, orphaned

    def merge(self, incoming: Sequence[Annotation], texts: dict[str, str]) -> MergeResult:
        """Bring in annotations by id, keeping the newer `updated` of each; one transaction.

        `texts` maps the library's document ids to their reading texts: an incoming anchor
        made on another text is found again in ours. Annotations of documents the library
        does not hold are skipped.
        """
        added, updated, unchanged, skipped = 0, 0, 0, 0
        to_save: list[Annotation] = []
        for a in incoming:
            if a.doc_id not in texts or not a.id:
                skipped += 1
                continue
            try:
                mine = self.get(a.id)
            except KeyError:
                mine = None
            if mine is not None and mine.updated >= a.updated:
                unchanged += 1
                continue
            text = texts[a.doc_id]
            if a.anchor is not None and a.anchor.text_hash != text_hash(text):
                found = reanchor(a.anchor, text)
                a = replace(a, anchor=found.anchor or a.anchor,
                            status="anchored" if found.anchor else "orphaned")  # fmt: skip
            to_save.append(a)
            if mine is None:
                added += 1
            else:
                updated += 1
        if to_save:
            self._write("merge the imported annotations", to_save)
        return MergeResult(added, updated, unchanged, skipped)

    # -- colours -----------------------------------------------------------------------

    def colors(self) -> list[Color]:
        """The five highlight colours with the user's names for them."""
        rows = self.db.execute("SELECT key, label, rgb FROM colors ORDER BY position").fetchall()
        return [Color(*r) for r in rows]

    def rename_color(self, key: str, label: str) -> None:
        """Give colour `key` a new meaning ("claim", "question")."""
        try:
            with self.db.atomic():
                self.db.execute("UPDATE colors SET label = ? WHERE key = ?", [label, key])
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot rename the colour: {exc}") from exc
