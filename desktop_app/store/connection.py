"""Opening the library file: the pragmas every connection gets."""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 5000


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection with WAL, synchronous=FULL, foreign keys and a busy timeout.

    Autocommit mode (isolation_level=None): sqlite-utils' `atomic()` opens explicit
    transactions, so every user action is committed when it happens.
    """
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def read_source_text(path: Path, doc_id: str) -> tuple[str, str | None] | None:
    """Fast start-up read of one stored document's text and name, without sqlite-utils.

    Returns None when the file, the table or the document is not there.
    """
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute(
                "SELECT source_text, source_name FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return (row[0], row[1]) if row else None
