"""Store errors, importable without loading sqlite-utils (the window needs them at start)."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The library file could not be opened or written; the message is for the user."""
