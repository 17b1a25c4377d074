"""Schema migrations, ordered; each runs in its own transaction (sqlite-utils Migrations)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop_app.annotations import DEFAULT_COLORS

MIGRATIONS = Migrations("dispatch-reader")


@MIGRATIONS()
def m001_documents(db: Database) -> None:
    """Documents, with the columns stub resolution looks up, and their telegram references."""
    db["documents"].create(
        {
            "id": str,
            "format": str,
            "volume": str,
            "doc_number": str,
            "title": str,
            "sender": str,
            "recipient": str,
            "sender_key": str,
            "recipient_key": str,
            "telegram_number": str,
            "source_name": str,
            "source_text": str,
            "content_hash": str,
            "bundled": int,
            "added_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"id", "title", "source_text", "content_hash"},
    )
    db["documents"].create_index(["volume", "doc_number"])
    db["documents"].create_index(["sender_key", "telegram_number"])
    db["telegram_refs"].create(
        {
            "doc_id": str,
            "idx": int,
            "party_key": str,
            "number": str,
            "whose": str,
            "note": int,
        },
        pk=("doc_id", "idx"),
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db.execute("CREATE INDEX telegram_refs_party_number ON telegram_refs (party_key, number)")


@MIGRATIONS()
def m002_annotations(db: Database) -> None:
    """Annotations with their anchors, tags, named colours; the source path of documents."""
    db["documents"].add_column("source_path", str)
    db["documents"].create_index(["source_path"])
    db["annotations"].create(
        {
            "id": str,
            "doc_id": str,
            "kind": str,
            "color": str,
            "note": str,
            "start": int,
            "end": int,
            "exact": str,
            "prefix": str,
            "suffix": str,
            "text_hash": str,
            "status": str,
            "target": str,
            "created": str,
            "updated": str,
            "deleted": str,
        },
        pk="id",
        not_null={"id", "doc_id", "kind", "created", "updated", "status"},
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db["annotations"].create_index(["doc_id", "start"])
    db["annotation_tags"].create(
        {"annotation_id": str, "tag": str},
        pk=("annotation_id", "tag"),
        foreign_keys=[("annotation_id", "annotations", "id")],
    )
    db["annotation_tags"].create_index(["tag"])
    db["colors"].create({"key": str, "label": str, "rgb": str, "position": int}, pk="key")
    db["colors"].insert_all(
        [
            {"key": c.key, "label": c.label, "rgb": c.rgb, "position": i}
            for i, c in enumerate(DEFAULT_COLORS)
        ]
    )


@MIGRATIONS()
def m003_search(db: Database) -> None:
    """FTS5 over document text and annotation text, kept current by triggers."""
    db["documents"].enable_fts(["title", "source_text"], create_triggers=True, tokenize="unicode61")
    db["annotations"].enable_fts(["exact", "note"], create_triggers=True, tokenize="unicode61")


def schema_version(db: Database) -> int:
    """How many migrations this database has applied."""
    return len(MIGRATIONS.applied(db))


def migrate(db: Database) -> None:
    """Apply pending migrations and record the count in PRAGMA user_version."""
    MIGRATIONS.apply(db)
    db.execute(f"PRAGMA user_version = {schema_version(db)}")
