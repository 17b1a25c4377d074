"""The only package with SQL: the library file (documents now; annotations next).

`Library` lives in `desktop_app.store.library`; importing this package stays cheap (no
sqlite-utils) so the window can start before the library opens.
"""

from __future__ import annotations

from desktop_app.store.errors import StoreError

__all__ = ["StoreError"]
