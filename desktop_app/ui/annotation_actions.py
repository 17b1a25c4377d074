"""Highlighting and note-taking in the window: actions, undo/redo, the panel's intents.

Every change goes through the controller (which commits it at once) inside an undoable
command; the panel and the reader are refreshed from the store afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu

from desktop_app.anchoring import make_anchor
from desktop_app.annotations import Annotation, Color, Kind, new_annotation
from desktop_app.store import StoreError
from desktop_app.ui.reader_view import Highlight

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

NOTE_MERGE_ID = 4711


class _Step(QUndoCommand):
    """One undoable change: `do` and `undo` call the controller."""

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object],
                 merge_key: str | None = None) -> None:  # fmt: skip
        super().__init__(text)
        self.do, self.undo_fn, self.merge_key = do, undo, merge_key

    def redo(self) -> None:
        self.do()

    def undo(self) -> None:
        self.undo_fn()

    def id(self) -> int:
        return NOTE_MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing a note is one undo step per annotation, not one per pause.
        if isinstance(other, _Step) and other.merge_key and other.merge_key == self.merge_key:
            self.do = other.do
            return True
        return False


def _swatch(rgb: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(rgb))
    return QIcon(pixmap)


class AnnotationActions(QObject):
    """Owns the undo stack and turns the user's gestures into annotation changes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.panel = window.annotation_panel
        self.stack = QUndoStack(self)
        self.colors: list[Color] = []
        self._shown_doc: str | None = None
        self._wire_panel()
        self.controller.on_annotations_changed(self._changed)

    # -- wiring ------------------------------------------------------------------------

    def _wire_panel(self) -> None:
        self.panel.revealRequested.connect(self.reveal)
        self.panel.noteEdited.connect(lambda aid, text: self.edit(aid, "Edit note", note=text))
        self.panel.colorChosen.connect(lambda aid, key: self.edit(aid, "Recolour", color=key))
        self.panel.tagsEdited.connect(lambda aid, tags: self.edit(aid, "Retag", tags=tags))
        self.panel.deleteRequested.connect(self.delete)
        self.panel.documentNoteRequested.connect(lambda: self.add_note("document", None))
        reader = self.window.reader
        reader.setContextMenuPolicy(reader.contextMenuPolicy().CustomContextMenu)
        reader.customContextMenuRequested.connect(self._context_menu)

    def build_menu(self, edit_menu: QMenu) -> None:
        """Undo/Redo and the annotation entries of the Edit menu, and a Highlight menu."""
        undo = self.stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        first = edit_menu.actions()[0] if edit_menu.actions() else None
        edit_menu.insertAction(first, undo)
        edit_menu.insertAction(first, redo)
        edit_menu.insertSeparator(first)
        self.undo_action, self.redo_action = undo, redo
        self.highlight_menu = QMenu("&Highlight", self.window)
        self.window.menuBar().insertMenu(self.window.go_menu.menuAction(), self.highlight_menu)
        self._fill_highlight_menu()

    # -- refresh -----------------------------------------------------------------------

    def _changed(self, doc_id: str) -> None:
        if self.window.current is not None and doc_id == self.window.current.id:
            self.refresh()

    def refresh(self) -> None:
        """Reload the current document's annotations into the panel and the reader.

        When the only change is new annotations, they are added in place: no re-render.
        """
        doc = self.window.current
        if doc is None or not self.window.library_ready:
            return
        items = self.controller.annotations(doc.id)
        colors = self.controller.colors()
        if colors != self.colors:
            self._shown_doc = None
        shown = {a.id: a for a in self.panel.model.items}
        fresh = [a for a in items if a.id not in shown]
        changed = [a for a in items if a.id in shown and shown[a.id] != a]
        if self._shown_doc == doc.id and len(items) == len(shown) + len(fresh):
            # Only additions and in-place edits: no rebuild of the list or the text.
            if changed:
                self.panel.replace_annotations(changed)
                if any(self._painted(shown[a.id]) != self._painted(a) for a in changed):
                    self.window.reader.set_highlights(self._highlights(items))
            if fresh:
                self.panel.add_annotations(fresh)
                self.window.reader.add_highlights(self._highlights(fresh))
            return
        self._shown_doc = doc.id
        self.colors = colors
        self.panel.set_annotations(items, self.colors, self.controller.all_tags())
        self.window.reader.set_highlights(self._highlights(items))
        self._fill_highlight_menu()

    @staticmethod
    def _painted(a: Annotation) -> tuple[object, ...]:
        """What the reader shows of an annotation (a note edit changes only the tooltip)."""
        anchor = (a.anchor.start, a.anchor.end) if a.anchor else None
        return (anchor, a.color, a.status, bool(a.note), a.deleted, a.kind)

    def invalidate(self) -> None:
        """The reader re-rendered (another document, a palette change): repaint fully."""
        self._shown_doc = None

    def _highlights(self, items: list[Annotation]) -> list[Highlight]:
        rgb = {c.key: c.rgb for c in self.colors}
        labels = {c.key: c.label for c in self.colors}
        return [
            Highlight(a.anchor.start, a.anchor.end, rgb.get(a.color or "", "#f7d94c"),
                      bool(a.note), f"{labels.get(a.color or '', '')}: {a.note}".strip(": "))
            for a in items
            if a.kind == "highlight" and a.anchor is not None and a.status == "anchored"
        ]  # fmt: skip

    def _fill_highlight_menu(self) -> None:
        self.highlight_menu.clear()
        if not self.colors:
            from desktop_app.annotations import DEFAULT_COLORS

            self.colors = list(DEFAULT_COLORS)
        for index, color in enumerate(self.colors):
            action = QAction(_swatch(color.rgb), f"{color.label} ({color.key})", self.window)
            action.setShortcut(QKeySequence(str(index + 1)))
            action.setShortcutVisibleInContextMenu(True)
            action.triggered.connect(lambda _=False, i=index: self.highlight_with(i))
            self.highlight_menu.addAction(action)

    # -- gestures ----------------------------------------------------------------------

    def _run(self, step: _Step) -> None:
        try:
            self.stack.push(step)
        except StoreError as exc:
            self.window.report_error("The change could not be saved", str(exc))

    def highlight_with(self, color_index: int) -> Annotation | None:
        """Highlight the reader's selection in colour number `color_index` (0-4)."""
        doc = self.window.current
        if doc is None or not self.window.library_ready:
            return None
        selected = self.window.reader.selected_range()
        if selected is None:
            self.window.statusBar().showMessage(
                "Select a passage of the text first, then choose a colour (keys 1–5).", 5000
            )
            return None
        colors = self.colors or self.controller.colors()
        color = colors[color_index].key
        annotation = new_annotation(doc.id, "highlight", anchor=make_anchor(doc.text, *selected),
                                    color=color)  # fmt: skip
        self._create(annotation, "Highlight")
        self.panel.select(annotation.id)
        return annotation

    def add_note(self, kind: Kind, target: str | None) -> Annotation | None:
        """A note on the document, a footnote or a stub; the panel opens it for typing."""
        doc = self.window.current
        if doc is None or not self.window.library_ready:
            return None
        annotation = new_annotation(doc.id, kind, target=target)
        self._create(annotation, "Add note")
        self.panel.select(annotation.id)
        self.window.annotations_dock.show()
        self.panel.note_edit.setFocus()
        return annotation

    def _create(self, annotation: Annotation, text: str) -> None:
        self._run(_Step(text, lambda: self.controller.save(annotation),
                        lambda: self.controller.purge(annotation)))  # fmt: skip

    def edit(self, annotation_id: str, text: str, **changes: object) -> None:
        """Change note, colour or tags, undoably."""
        before = self.controller.annotation(annotation_id)
        after = before.edited(**changes)
        merge = annotation_id if "note" in changes else None
        self._run(_Step(text, lambda: self.controller.save(after),
                        lambda: self.controller.save(before), merge))  # fmt: skip

    def delete(self, annotation_id: str) -> None:
        """Move to the trash, undoably."""
        self._run(_Step("Delete", lambda: self.controller.trash(annotation_id),
                        lambda: self.controller.restore(annotation_id)))  # fmt: skip

    def restore(self, annotation_id: str) -> None:
        """Bring back from the trash, undoably."""
        self._run(_Step("Restore", lambda: self.controller.restore(annotation_id),
                        lambda: self.controller.trash(annotation_id)))  # fmt: skip

    def reveal(self, annotation_id: str) -> None:
        """Scroll to an annotation's passage and flash it."""
        a = next((x for x in self.panel.model.items if x.id == annotation_id), None)
        if a is not None and a.anchor is not None and a.status == "anchored":
            self.window.reader.reveal(a.anchor.start, a.anchor.end)

    def _context_menu(self, point: QPoint) -> None:
        reader = self.window.reader
        menu = QMenu(reader)
        copy = menu.addAction("Copy", reader.copy_text)
        copy.setEnabled(reader.textCursor().hasSelection())
        menu.addAction("Select All", reader.selectAll)
        if self.window.library_ready and reader.selected_range() is not None:
            menu.addSeparator()
            for index, color in enumerate(self.colors):
                action = menu.addAction(_swatch(color.rgb), f"Highlight: {color.label}")
                action.triggered.connect(lambda _=False, i=index: self.highlight_with(i))
        menu.addSeparator()
        menu.addAction("Add a note on this document", lambda: self.add_note("document", None))
        menu.exec(reader.viewport().mapToGlobal(point))
