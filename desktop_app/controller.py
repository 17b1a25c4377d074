"""The one place the window's intents become store operations. Pure Python, no Qt.

Widgets ask; the controller does it and tells its listeners what changed. Errors come back
as `DocumentImportError` or `StoreError` with a message for the user.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.anchoring import make_anchor
from desktop_app.annotations import Annotation, Color, Kind, new_annotation, now
from desktop_app.importers import parse_path, parse_text, read_text
from desktop_app.importers.decode import decode_text
from desktop_app.model import Document, DocumentImportError
from desktop_app.paths import library_path, sample_paths, seed_path
from desktop_app.stubs import Stub, build_stub, resolve_volume

if TYPE_CHECKING:
    from desktop_app.export.markdown import DocumentAnnotations
    from desktop_app.store.annotations import MergeResult
    from desktop_app.store.library import DocumentSummary, Library

Listener = Callable[[], None]


class Controller:
    """Opens documents, keeps the library, builds stubs; announces library changes."""

    def __init__(self, data_dir: str | Path | None = None) -> None:
        self.library_file = library_path(data_dir)
        self._library: Library | None = None
        self._library_listeners: list[Listener] = []
        self._annotation_listeners: list[Callable[[str], None]] = []

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
        held = {s.id for s in self.library.summaries()}
        for path in sample_paths():
            if "/".join(path.stem.rsplit("-", 1)) in held:
                continue  # never overwrite the user's copy (it may be a corrected re-import)
            text = read_text(path)
            items.append((parse_text(text, name=path.name), text))
        added = self.library.import_many(items, bundled=True) if items else 0
        if added:
            self._announce()
        return added

    def search(self, text: str) -> set[str]:
        """Documents matching `text` in their title, text, quotes or notes."""
        return self.library.search(text)

    def summaries(self) -> list[DocumentSummary]:
        """What the library list shows."""
        return self.library.summaries()

    # -- documents ---------------------------------------------------------------------

    def import_path(self, path: str | Path) -> Document:
        """Parse a file and add it to the library (an existing copy is updated)."""
        text = read_text(path)  # read once: parsed here, stored as the source text
        doc = parse_text(text, name=str(path))
        existing = self.library.existing_id(doc)
        if existing and existing != doc.id:
            doc = replace(doc, id=existing)  # an edited copy of a document we hold
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

    # -- annotations -------------------------------------------------------------------

    def on_annotations_changed(self, listener: Callable[[str], None]) -> None:
        """Call `listener(doc_id)` whenever a document's annotations change."""
        self._annotation_listeners.append(listener)

    def _annotations_changed(self, doc_id: str) -> None:
        for listener in self._annotation_listeners:
            listener(doc_id)

    def annotations(self, doc_id: str, *, deleted: bool = False) -> list[Annotation]:
        """A document's annotations in document order (its trash when `deleted`)."""
        return self.library.annotations.for_document(doc_id, deleted=deleted)

    def colors(self) -> list[Color]:
        """The highlight colours with the user's names."""
        return self.library.annotations.colors()

    def color_key(self, name: str) -> str:
        """A colour by key ("yellow") or by the user's name for it ("claim")."""
        for color in self.colors():
            if name.lower() in (color.key, color.label.lower()):
                return color.key
        names = ", ".join(f"{c.key} ({c.label})" for c in self.colors())
        raise ValueError(f"unknown colour {name!r}; use one of {names}")

    def rename_color(self, key: str, label: str) -> None:
        """Give a colour a new meaning."""
        self.library.annotations.rename_color(key, label)
        self._announce()

    def all_tags(self) -> list[str]:
        """Tags in use, for completion."""
        return self.library.annotations.all_tags()

    def highlight(
        self,
        doc: Document,
        start: int,
        end: int,
        *,
        color: str = "yellow",
        note: str = "",
        tags: tuple[str, ...] = (),
    ) -> Annotation:
        """Highlight doc.text[start:end] (code points); committed when it returns."""
        anchor = make_anchor(doc.text, start, end)
        annotation = new_annotation(doc.id, "highlight", anchor=anchor, color=color, note=note,
                                    tags=tags)  # fmt: skip
        return self.save(annotation)

    def add_note(
        self, doc: Document, kind: Kind, note: str, target: str | None = None
    ) -> Annotation:
        """A note on the document, a footnote (target "3") or a stub (target "sato:1418")."""
        return self.save(new_annotation(doc.id, kind, note=note, target=target))

    def save(self, annotation: Annotation) -> Annotation:
        """Store a new or edited annotation."""
        self.library.annotations.save(annotation)
        self._annotations_changed(annotation.doc_id)
        return annotation

    def trash(self, annotation_id: str) -> Annotation:
        """Move an annotation to the trash."""
        annotation = self.library.annotations.trash(annotation_id)
        self._annotations_changed(annotation.doc_id)
        return annotation

    def purge(self, annotation: Annotation) -> None:
        """Remove an annotation for good (undoing its creation)."""
        self.library.annotations.purge(annotation.id)
        self._annotations_changed(annotation.doc_id)

    def annotation(self, annotation_id: str) -> Annotation:
        """One annotation by id (KeyError when there is none)."""
        return self.library.annotations.get(annotation_id)

    def restore(self, annotation_id: str) -> Annotation:
        """Bring an annotation back from the trash."""
        annotation = self.library.annotations.restore(annotation_id)
        self._annotations_changed(annotation.doc_id)
        return annotation

    # -- export and import ---------------------------------------------------------------

    def export_scope(
        self,
        doc_ids: Sequence[str] = (),
        *,
        everything: bool = False,
        tag: str | None = None,
        color: str | None = None,
        deleted: bool = False,
    ) -> list[DocumentAnnotations]:
        """The documents and annotations an export covers.

        Named documents (all their annotations), or every document (`everything`), narrowed
        to one tag or colour when given. `deleted` adds trashed annotations (for sync files).
        """
        from desktop_app.export.markdown import DocumentAnnotations

        ids = list(doc_ids) or [s.id for s in self.summaries()]
        chosen: list[DocumentAnnotations] = []
        for doc_id in ids:
            doc = self.load(doc_id)
            if doc is None:
                raise ValueError(f"{doc_id} is not in the library")
            items = self.annotations(doc_id)
            if deleted:
                items += self.annotations(doc_id, deleted=True)
            if tag:
                items = [a for a in items if tag in a.tags]
            if color:
                items = [a for a in items if a.color == color]
            if items or (doc_ids and not (tag or color)):
                chosen.append(DocumentAnnotations(doc, tuple(items)))
        if not chosen and not everything and not doc_ids:
            raise ValueError("nothing to export")
        return chosen

    def export(
        self, fmt: str, scope: list[DocumentAnnotations], exported: str | None = None
    ) -> str:
        """Text of an export in format `fmt` (markdown, handout, jsonld)."""
        from desktop_app.export.markdown import DocumentAnnotations
        from desktop_app.export.registry import EXPORTERS
        from desktop_app.export.webannotation import to_jsonld

        if fmt not in EXPORTERS:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(EXPORTERS)}")
        stamp = exported or now()
        if fmt == "jsonld":
            live = [DocumentAnnotations(i.doc, tuple(a for a in i.annotations if not a.deleted))
                    for i in scope]  # fmt: skip
            gone = [a for i in scope for a in i.annotations if a.deleted]
            return to_jsonld(live, stamp, gone)
        live_only = [
            DocumentAnnotations(i.doc, tuple(a for a in i.annotations if not a.deleted))
            for i in scope
        ]
        return EXPORTERS[fmt][0](live_only, self.colors(), stamp)

    def import_annotations(self, path: str | Path) -> MergeResult:
        """Merge a Web Annotation file into the library (newer edit wins, by id)."""
        from desktop_app.export.webannotation import MAX_IMPORT_BYTES, from_jsonld

        path = Path(path)
        try:
            if path.stat().st_size > MAX_IMPORT_BYTES:
                raise DocumentImportError(f"{path.name} is too large to import")
            text = decode_text(path.read_bytes(), name=path.name)
        except OSError as exc:
            raise DocumentImportError(f"cannot read {path}: {exc.strerror or exc}") from exc
        incoming = from_jsonld(text)
        texts: dict[str, str] = {}
        for doc_id in {a.doc_id for a in incoming}:
            doc = self.load(doc_id)
            if doc is not None:
                texts[doc_id] = doc.text
        result = self.library.annotations.merge(incoming, texts)
        for doc_id in texts:
            self._annotations_changed(doc_id)
        return result


__all__ = ["Controller", "DocumentImportError"]
