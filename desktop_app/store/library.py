"""The library: every document the user has opened, in one SQLite file.

A document is stored with its source text; the parsed `Document` is rebuilt from it on load
(parsing takes about a millisecond), and the columns stub resolution needs are kept beside.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from desktop_app.importers import parse_text
from desktop_app.model import Document
from desktop_app.parties import party_key, ref_party
from desktop_app.store.annotations import AnnotationStore
from desktop_app.store.connection import connect
from desktop_app.store.errors import StoreError
from desktop_app.store.schema import migrate


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the library list shows of a document."""

    id: str
    title: str
    volume: str | None
    doc_number: str | None
    telegram_number: str | None
    bundled: bool
    sender: str | None = None
    recipient: str | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Library:
    """Documents in the library file. All writes are committed when they return."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        try:
            self.db = Database(connect(path))
            migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the library {path}: {exc}") from exc
        self.annotations = AnnotationStore(self.db)

    def close(self) -> None:
        """Close the file."""
        self.db.close()

    def add(self, doc: Document, source_text: str, *, bundled: bool = False) -> bool:
        """Insert or update a document by id; returns True when it was new."""
        row = {
            "id": doc.id,
            "format": doc.format,
            "volume": doc.volume,
            "doc_number": doc.doc_number,
            "title": doc.title,
            "sender": doc.sender,
            "recipient": doc.recipient,
            "sender_key": party_key(doc.sender),
            "recipient_key": party_key(doc.recipient),
            "telegram_number": doc.telegram_number,
            "source_name": Path(doc.source_path).name if doc.source_path else None,
            "source_path": str(Path(doc.source_path).resolve()) if doc.source_path else None,
            "source_text": source_text,
            "content_hash": doc.content_hash,
            "bundled": int(bundled),
            "updated_at": _now(),
        }
        refs = [
            {
                "doc_id": doc.id,
                "idx": index,
                "party_key": party_key(ref_party(doc, ref)),
                "number": ref.number,
                "whose": ref.whose,
                "note": ref.note,
            }
            for index, ref in enumerate(doc.telegram_refs)
        ]
        try:
            with self.db.atomic():
                existing = self.db.execute(
                    "SELECT added_at, content_hash FROM documents WHERE id = ?", [doc.id]
                ).fetchone()
                row["added_at"] = existing[0] if existing else row["updated_at"]
                if bundled is False and existing is not None:
                    row.pop("bundled")  # a re-import keeps the sample flag as it was
                self.db.execute("DELETE FROM telegram_refs WHERE doc_id = ?", [doc.id])
                self.db["documents"].upsert(row, pk="id")
                if refs:
                    self.db["telegram_refs"].insert_all(refs, pk=("doc_id", "idx"))
                if existing is not None and existing[1] != doc.content_hash:
                    self.annotations.reanchor_document(doc.id, doc.text)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot save {doc.title!r} to the library: {exc}") from exc
        return existing is None

    def existing_id(self, doc: Document) -> str | None:
        """The id under which the library already holds this document: same id, same volume
        and document number, or the same file."""
        if self.has(doc.id):
            return doc.id
        if doc.volume and doc.doc_number:
            found = self.find_by_doc_number(doc.volume, doc.doc_number)
            if found:
                return found
        if doc.source_path:
            row = self.db.execute(
                "SELECT id FROM documents WHERE source_path = ?",
                [str(Path(doc.source_path).resolve())],
            ).fetchone()
            if row:
                return row[0]
        row = self.db.execute(  # the same text under another file name
            "SELECT id FROM documents WHERE content_hash = ?", [doc.content_hash]
        ).fetchone()
        return row[0] if row else None

    def has(self, doc_id: str) -> bool:
        """Whether the library holds `doc_id`."""
        row = self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row is not None

    def get(self, doc_id: str) -> Document | None:
        """The document, parsed from its stored text."""
        row = self.db.execute(
            "SELECT source_text, source_name FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            return None
        doc = parse_text(row[0], name=row[1])
        if doc.id != doc_id:  # stored under a name-derived id: keep the library's id
            doc = replace(doc, id=doc_id)
        return doc

    def summaries(self) -> list[DocumentSummary]:
        """Every document, by volume and document number."""
        rows = self.db.execute(
            "SELECT id, title, volume, doc_number, telegram_number, bundled, sender, recipient"
            " FROM documents"
        ).fetchall()
        items = [
            DocumentSummary(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7]) for r in rows
        ]
        return sorted(items, key=_sort_key)

    def find_by_doc_number(self, volume: str, doc_number: str) -> str | None:
        """The id of document `doc_number` of `volume`, if the library has it."""
        row = self.db.execute(
            "SELECT id FROM documents WHERE (volume = ? AND doc_number = ?) OR id = ?",
            [volume, doc_number, f"{volume}/d{doc_number}"],
        ).fetchone()
        return row[0] if row else None

    def find_by_telegram(self, party: str, number: str) -> str | None:
        """The id of `party`'s telegram No. `number`, if the library has it."""
        if not party:
            return None
        row = self.db.execute(
            "SELECT id FROM documents WHERE sender_key = ? AND telegram_number = ?",
            [party, number],
        ).fetchone()
        return row[0] if row else None

    def citing(self, party: str, number: str) -> list[tuple[str, str]]:
        """(id, title) of every document that cites `party`'s telegram `number`."""
        if not party:
            return []
        rows = self.db.execute(
            "SELECT DISTINCT d.id, d.title FROM telegram_refs r JOIN documents d "
            "ON d.id = r.doc_id WHERE r.party_key = ? AND r.number = ? ORDER BY d.id",
            [party, number],
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def search(self, text: str) -> set[str]:
        """Ids of documents whose title, text or annotations contain every word of `text`
        (prefix match, any case)."""
        words = re.findall(r"\w+", text)
        if not words:
            return {s.id for s in self.summaries()}
        query = " ".join(f'"{w}"*' for w in words)
        try:
            docs = self.db.execute(
                "SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid "
                "WHERE documents_fts MATCH ?",
                [query],
            ).fetchall()
            notes = self.db.execute(
                "SELECT a.doc_id FROM annotations_fts f JOIN annotations a ON a.rowid = f.rowid "
                "WHERE annotations_fts MATCH ? AND a.deleted IS NULL",
                [query],
            ).fetchall()
        except sqlite3.OperationalError:
            return set()
        return {r[0] for r in docs} | {r[0] for r in notes}

    def import_many(self, items: Iterable[tuple[Document, str]], *, bundled: bool) -> int:
        """Add several documents in one transaction; returns how many were new."""
        added = 0
        with self.db.atomic():
            for doc, text in items:
                added += self.add(doc, text, bundled=bundled)
        return added


def _sort_key(item: DocumentSummary) -> tuple[str, int, str]:
    number = item.doc_number or ""
    return (item.volume or "~", int(number) if number.isdigit() else 10**9, item.title)
