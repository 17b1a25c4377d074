"""The only package with SQL: the library file (documents now; annotations next)."""

from __future__ import annotations

from desktop_app.store.library import DocumentSummary, Library, StoreError

__all__ = ["DocumentSummary", "Library", "StoreError"]
