"""The main window. For now: the reader pane, File → Open, and a status line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from desktop_app import APP_NAME
from desktop_app.importers import parse_path
from desktop_app.model import Document, DocumentImportError
from desktop_app.ui.reader_view import ReaderView


class MainWindow(QMainWindow):
    """One document at a time in a reading pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = ReaderView(self)
        self.setCentralWidget(self.reader)
        self.resize(980, 760)
        self._build_menus()
        self.reader.noteRequested.connect(self._show_note_status)
        self.reader.referenceRequested.connect(self._show_reference_status)
        self.current: Document | None = None

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_action = QAction("&Open…", self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._choose_file)
        file_menu.addAction(open_action)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def show_document(self, doc: Document) -> None:
        """Display `doc` and name it in the title bar."""
        self.current = doc
        self.reader.show_document(doc)
        label = f"No. {doc.doc_number} — " if doc.doc_number else ""
        self.setWindowTitle(f"{label}{doc.title} — {APP_NAME}")

    def open_path(self, path: str | Path) -> bool:
        """Parse and show a file; a bad file gets a dialog and changes nothing."""
        try:
            doc = parse_path(path)
        except DocumentImportError as exc:
            QMessageBox.warning(self, f"Cannot open {Path(path).name}", str(exc))
            return False
        self.show_document(doc)
        return True

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open document", "", "Text documents (*.txt);;All files (*)"
        )
        if path:
            self.open_path(path)

    def _show_note_status(self, n: int) -> None:
        note = self.current.footnote(n) if self.current else None
        if note:
            self.statusBar().showMessage(f"Note {note.printed or n}: {note.text}", 10000)

    def _show_reference_status(self, index: int) -> None:
        if not self.current or not 0 <= index < len(self.current.telegram_refs):
            return
        ref = self.current.telegram_refs[index]
        message = f"{ref.whose} telegram No. {ref.number}"
        if ref.note and (note := self.current.footnote(ref.note)):
            message += f" — {note.text}"
        self.statusBar().showMessage(message, 10000)
