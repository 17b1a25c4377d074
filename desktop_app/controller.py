"""The one place the window's intents become store operations. Pure Python, no Qt.

Widgets ask; the controller does it and tells its listeners what changed. Errors come back
as `DocumentImportError` or `StoreError` with a message for the user.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.importers import parse_path, parse_text
from desktop_app.importers.decode import decode_text
from desktop_app.model import Document, DocumentImportError
from desktop_app.paths import library_path, sample_paths, seed_path
from desktop_app.stubs import Stub, build_stub, resolve_volume

if TYPE_CHECKING:
    from desktop_app.store.library import DocumentSummary, Library

Listener = Callable[[], None]


class Controller:
    """Opens documents, keeps the library, builds stubs; announces library changes."""

    def __init__(self, data_dir: str | Path | None = None) -> None:
        self.library_file = library_path(data_dir)
        self._library: Library | None = None
        self._library_listeners: list[Listener] = []

    # -- the library -------------------------------------------------------------------

    @property
    def library(self) -> Library:
        """The library, opened on first use (sqlite-utils is imported only then)."""
        if self._library is None:
            from desktop_app.store.library import Library

            self._library = Library(self.library_file)
        return self._library

    def close(self) -> None:
        """Close the library file."""
        if self._library is not None:
            self._library.close()
            self._library = None

    def on_library_changed(self, listener: Listener) -> None:
        """Call `listener` whenever documents join or change."""
        self._library_listeners.append(listener)

    def _announce(self) -> None:
        for listener in self._library_listeners:
            listener()

    def ensure_samples(self) -> int:
        """Put the bundled sample library into the library file; returns how many were new."""
        items = []
        for path in sample_paths():
            text = decode_text(path.read_bytes(), name=path.name)
            items.append((parse_text(text, name=path.name), text))
        added = self.library.import_many(items, bundled=True)
        if added:
            self._announce()
        return added

    def summaries(self) -> list[DocumentSummary]:
        """What the library list shows."""
        return self.library.summaries()

    # -- documents ---------------------------------------------------------------------

    def import_path(self, path: str | Path) -> Document:
        """Parse a file and add it to the library (an existing copy is updated)."""
        doc = parse_path(path)
        text = decode_text(Path(path).read_bytes(), name=Path(path).name)
        self.library.add(doc, text)
        self._announce()
        return doc

    def load(self, doc_id: str) -> Document | None:
        """A document of the library by id."""
        return self.library.get(doc_id)

    @staticmethod
    def seed() -> Document:
        """The seed telegram, parsed from the bundled file (no library needed)."""
        return parse_path(seed_path())

    # -- stubs and note links ----------------------------------------------------------

    def stub(self, doc: Document, ref_index: int) -> Stub:
        """The stub card's content for reference `ref_index` of `doc`."""
        if not 0 <= ref_index < len(doc.telegram_refs):
            raise IndexError(ref_index)
        return build_stub(doc, doc.telegram_refs[ref_index], self.library)

    def note_links(self, doc: Document, n: int) -> dict[str, str]:
        """Document numbers named in note `n` that the library holds: number -> doc id."""
        note = doc.footnote(n)
        if note is None or not note.documents:
            return {}
        volume = resolve_volume(doc.volume, note.volume_hint)
        if volume is None:
            return {}
        links = {}
        for number in note.documents:
            target = self.library.find_by_doc_number(volume, number)
            if target:
                links[number] = target
        return links


__all__ = ["Controller", "DocumentImportError"]
