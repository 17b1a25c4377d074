"""The window's File and Edit actions around the library: export, import, citation, trash,
colour names. A mixin of `MainWindow`, kept apart to keep each module small."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop_app.export.citation import chicago
from desktop_app.fileio import write_atomically
from desktop_app.model import DocumentImportError
from desktop_app.store import StoreError
from desktop_app.ui.dialogs import ColorNamesDialog, TrashDialog
from desktop_app.ui.export_dialog import ExportDialog

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class WindowActions(_Base):
    """Export, import, copy citation, trash and colour names for `MainWindow`."""

    def copy_citation(self) -> None:
        """Edit → Copy Citation: a Chicago-style note for the open document."""
        if self.current is None:
            return
        text = chicago(self.current)
        plain = text.replace("*", "")
        mime = QMimeData()
        mime.setText(plain)
        italic = re.sub(r"\*([^*]+)\*", r"<i>\1</i>", html.escape(text, quote=False))
        mime.setHtml(italic)
        QApplication.clipboard().setMimeData(mime)  # the clipboard takes ownership
        self.statusBar().showMessage(f"Copied: {plain}", 8000)

    def export(self) -> None:
        """File → Export…: choose format and scope, then where to write."""
        if not self.library_ready:
            return
        if self.annotation_panel is not None:
            self.annotation_panel.commit_note()
        dialog = ExportDialog(self.controller.colors(), self.controller.all_tags(),
                              self.current is not None, self)  # fmt: skip
        if not dialog.exec():
            return
        fmt, scope, value = dialog.choice()
        try:
            chosen = self.controller.export_scope(
                [self.current.id] if scope == "document" and self.current else [],
                everything=scope == "all",
                tag=value if scope == "tag" else None,
                color=value if scope == "color" else None,
                deleted=fmt == "jsonld",
            )
            text = self.controller.export(fmt, chosen)
        except (ValueError, StoreError) as exc:
            self._warn("Nothing exported", str(exc))
            return
        from desktop_app.export.registry import EXPORTERS

        suffix = EXPORTERS[fmt][1]
        stem = self.current.id.replace("/", "-") if scope == "document" and self.current else (
            "dispatch-reader-export")  # fmt: skip
        path, _ = QFileDialog.getSaveFileName(self, "Export to", stem + suffix,
                                              f"Export (*{suffix});;All files (*)")  # fmt: skip
        if not path:
            return
        try:
            write_atomically(path, text)
        except OSError as exc:
            self._warn("The export could not be written", f"{path}: {exc.strerror or exc}")
            return
        self.statusBar().showMessage(f"Exported to {path}", 8000)

    def import_annotations(self) -> None:
        """File → Import Annotations…: merge a JSON-LD file (the newer edit of each wins)."""
        if not self.library_ready:
            return
        kinds = "Web Annotation (*.jsonld *.json);;All files (*)"
        path, _ = QFileDialog.getOpenFileName(self, "Import annotations", "", kinds)
        if not path:
            return
        try:
            result = self.controller.import_annotations(path)
        except (DocumentImportError, StoreError) as exc:
            self._warn("Cannot import the annotations", str(exc))
            return
        QMessageBox.information(
            self, "Annotations imported",
            f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged"
            + (f", {result.skipped} skipped (their documents are not in your library)"
               if result.skipped else "") + ".",
        )  # fmt: skip

    def show_trash(self) -> None:
        """Edit → Trash: restore deleted highlights and notes of this document."""
        if self.current is None or not self.library_ready:
            return
        dialog = TrashDialog(self.controller.annotations(self.current.id, deleted=True), self)
        dialog.exec()
        for annotation_id in dialog.restored:
            if self.annotation_actions is not None:
                self.annotation_actions.restore(annotation_id)

    def edit_color_names(self) -> None:
        """Edit → Colour Names: what each highlight colour means."""
        if not self.library_ready:
            return
        colors = self.controller.colors()
        dialog = ColorNamesDialog(colors, self)
        if dialog.exec():
            try:
                for key, label in dialog.names().items():
                    if label != next(c.label for c in colors if c.key == key):
                        self.controller.rename_color(key, label)
            except StoreError as exc:
                self._warn("The colour names could not be saved", str(exc))
            if self.annotation_actions is not None:
                self.annotation_actions.invalidate()
                self.annotation_actions.refresh()
