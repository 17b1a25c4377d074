"""Make a small library at every past schema version (run once per new migration).

`python tests/data/schemas/make_fixtures.py` writes library-v1.sqlite3 (after migration 1:
documents and telegram references, holding the seed telegram). Keep the files: they are
what users' libraries look like on disk.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from desktop_app.importers import parse_path
from desktop_app.parties import party_key, ref_party
from desktop_app.paths import seed_path
from desktop_app.store.connection import connect
from desktop_app.store.schema import MIGRATIONS

HERE = Path(__file__).parent


def make_v1() -> None:
    """Schema 1, with the seed telegram stored as version 1 stored it."""
    path = HERE / "library-v1.sqlite3"
    path.unlink(missing_ok=True)
    conn = connect(path)
    db = Database(conn)
    MIGRATIONS.apply(db, stop_before="m002_annotations")
    doc = parse_path(seed_path())
    db["documents"].insert({
        "id": doc.id, "format": doc.format, "volume": doc.volume, "doc_number": doc.doc_number,
        "title": doc.title, "sender": doc.sender, "recipient": doc.recipient,
        "sender_key": party_key(doc.sender), "recipient_key": party_key(doc.recipient),
        "telegram_number": doc.telegram_number, "source_name": seed_path().name,
        "source_text": seed_path().read_text(encoding="utf-8"),
        "content_hash": doc.content_hash, "bundled": 1,
        "added_at": "2026-11-25T20:00:00+00:00", "updated_at": "2026-11-25T20:00:00+00:00",
    })  # fmt: skip
    db["telegram_refs"].insert_all(
        {"doc_id": doc.id, "idx": i, "party_key": party_key(ref_party(doc, r)),
         "number": r.number, "whose": r.whose, "note": r.note}
        for i, r in enumerate(doc.telegram_refs)
    )  # fmt: skip
    db.execute("PRAGMA user_version = 1")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


if __name__ == "__main__":
    make_v1()
