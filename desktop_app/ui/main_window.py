"""The main window: library on the left, the reader in the middle, notes dock on the right."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.controller import Controller
from desktop_app.model import Document, DocumentImportError
from desktop_app.navigation import History, Place
from desktop_app.store import StoreError

if TYPE_CHECKING:
    from desktop_app.ui.annotation_actions import AnnotationActions
    from desktop_app.ui.annotation_panel import AnnotationPanel
from desktop_app.ui.find_bar import FindBar
from desktop_app.ui.library_panel import LibraryPanel, document_label
from desktop_app.ui.popups import NotePopup, StubCard
from desktop_app.ui.reader_view import ReaderView
from desktop_app.ui.window_actions import WindowActions


class MainWindow(WindowActions, QMainWindow):
    """One document at a time, with its footnotes and referenced telegrams one click away."""

    documentShown = Signal(str)

    def __init__(self, controller: Controller, settings: QSettings | None = None) -> None:
        super().__init__()
        self.controller = controller
        self.settings = settings
        self.current: Document | None = None
        self.history = History()
        self.library_ready = False
        self.reader = ReaderView(self)
        self.reader.setAcceptDrops(False)
        self.find_bar = FindBar(self.reader, self)
        self.library_panel = LibraryPanel(self)
        self.note_popup = NotePopup(self)
        self.stub_card = StubCard(self)
        self.setAcceptDrops(True)
        self._build_layout()
        self._build_notes_dock()
        # The annotation panel and its actions arrive with the library, after the first
        # paint: building them first would cost start-up time for nothing to show.
        self.annotation_panel: AnnotationPanel | None = None
        self.annotation_actions: AnnotationActions | None = None
        self._build_actions()
        self._wire_reader()
        self._wire_popups()
        self.controller.on_library_changed(self.refresh_library)
        self.resize(1200, 800)
        self._restore_settings()

    # -- construction ------------------------------------------------------------------

    def _build_layout(self) -> None:
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.reader)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.library_panel)
        self.splitter.addWidget(centre)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 940])
        self.splitter.setObjectName("mainSplitter")
        self.setCentralWidget(self.splitter)
        self.library_panel.documentRequested.connect(self.open_document_id)

    def _build_notes_dock(self) -> None:
        self.annotations_dock = QDockWidget("Highlights and notes", self)
        self.annotations_dock.setObjectName("notesDock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations_dock)
        self.resizeDocks([self.annotations_dock], [300], Qt.Orientation.Horizontal)

    def _action(self, text: str, slot: object, *keys: QKeySequence | str) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("&Open…", self.choose_file, std.Open))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Export…", self.export, "Ctrl+E"))
        file_menu.addAction(self._action("&Import Annotations…", self.import_annotations))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, std.Quit))
        edit = self.menuBar().addMenu("&Edit")
        edit.addAction(self._action("&Copy", self.reader.copy_text, std.Copy))
        edit.addAction(self._action("&Find…", self.find_bar.open_bar, std.Find))
        edit.addAction(self._action("Find &Next", self.find_bar.next, "F3"))
        edit.addAction(self._action("Find &Previous", self.find_bar.previous, "Shift+F3"))
        edit.addAction(self._action("Copy C&itation", self.copy_citation, "Ctrl+Shift+C"))
        edit.addSeparator()
        edit.addAction(self._action("&Trash…", self.show_trash))
        edit.addAction(self._action("Colour &Names…", self.edit_color_names))
        view = self.menuBar().addMenu("&View")
        view.addAction(self._action("Zoom &In", self.zoom_in, "Ctrl++", "Ctrl+="))
        view.addAction(self._action("Zoom &Out", self.zoom_out, "Ctrl+-"))
        view.addAction(self._action("&Actual Size", self.zoom_reset, "Ctrl+0"))
        view.addSeparator()
        view.addAction(self.annotations_dock.toggleViewAction())
        self.go_menu = self.menuBar().addMenu("&Go")
        self.back_action = self._action("&Back", self.go_back, "Alt+Left")
        self.forward_action = self._action("&Forward", self.go_forward, "Alt+Right")
        self.go_menu.addAction(self.back_action)
        self.go_menu.addAction(self.forward_action)
        self.edit_menu = edit
        toolbar = self.addToolBar("Navigation")
        toolbar.setObjectName("navigationToolbar")
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        self._update_navigation()

    def _wire_reader(self) -> None:
        self.reader.noteRequested.connect(self.show_note)
        self.reader.noteHovered.connect(self.preview_note)
        self.reader.hoverLeft.connect(self._hide_preview)
        self.reader.referenceRequested.connect(self.show_stub)
        self.reader.markerRequested.connect(self.go_to_marker)
        self.reader.documentRequested.connect(self.open_document_id)
        self.reader.backRequested.connect(self.go_back)
        self.reader.pressed.connect(self._hide_cards)
        self.reader.forwardRequested.connect(self.go_forward)

    def _wire_popups(self) -> None:
        self.note_popup.goToNoteRequested.connect(self.go_to_note)
        self.note_popup.addNoteRequested.connect(
            lambda n: (
                self.annotation_actions and self.annotation_actions.add_note("footnote", str(n))
            )
        )
        self.stub_card.addNoteRequested.connect(
            lambda target: (
                self.annotation_actions and self.annotation_actions.add_note("stub", target)
            )
        )
        self.note_popup.documentRequested.connect(self.open_document_id)
        self.stub_card.documentRequested.connect(self.open_document_id)

    # -- documents ---------------------------------------------------------------------

    def _place(self) -> Place | None:
        if self.current is None:
            return None
        return Place(self.current.id, self.reader.verticalScrollBar().value())

    def show_document(self, doc: Document, *, record: bool = True, scroll: int = 0) -> None:
        """Display `doc`; `record` adds the visit to Back/Forward."""
        if record:
            self.history.visit(Place(doc.id), leaving=self._place())
        self._hide_cards()
        self.current = doc
        self.reader.show_document(doc)
        self.reader.verticalScrollBar().setValue(scroll)
        label = f"No. {doc.doc_number} — " if doc.doc_number else ""
        self.setWindowTitle(f"{label}{doc.title} — {APP_NAME}")
        self.library_panel.select(doc.id)
        if self.find_bar.isVisible():
            self.find_bar.search(self.find_bar.field.text())
        self._update_navigation()
        if self.settings is not None:
            self.settings.setValue("last_document", doc.id)
        if self.annotation_actions is not None:
            self.annotation_actions.invalidate()
            self.annotation_actions.refresh()
        self.documentShown.emit(doc.id)

    def open_document_id(self, doc_id: str) -> bool:
        """Open a library document by id."""
        if self.current is not None and doc_id == self.current.id:
            return True
        try:
            doc = self.controller.load(doc_id)
        except StoreError as exc:
            self._warn("Cannot open the document", str(exc))
            return False
        if doc is None:
            self._warn("Not in the library", f"{doc_id} is not in your library.")
            return False
        self.show_document(doc)
        return True

    def open_path(self, path: str | Path) -> bool:
        """Import a file into the library and show it; bad files get a dialog, nothing else."""
        try:
            doc = self.controller.import_path(path)
        except (DocumentImportError, StoreError) as exc:
            self._warn(f"Cannot open {Path(path).name}", str(exc))
            return False
        self.show_document(doc)
        return True

    def choose_file(self) -> None:
        """File → Open."""
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open documents", "", "Text documents (*.txt);;All files (*)"
        )
        for path in paths:
            self.open_path(path)

    def refresh_library(self) -> None:
        """Reload the library list from the store."""
        self.library_panel.model.set_items(self.controller.summaries())
        if self.current is not None:
            self.library_panel.select(self.current.id)

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def report_error(self, title: str, message: str) -> None:
        """Tell the user something could not be done (a dialog)."""
        self._warn(title, message)

    # -- footnotes and stubs -----------------------------------------------------------

    def _note_links(self, n: int) -> dict[str, str]:
        if self.current is None or not self.library_ready:
            return {}
        return self.controller.note_links(self.current, n)

    def show_note(self, n: int, at: QPoint) -> None:
        """A marker was clicked: pin its note next to it."""
        note = self.current.footnote(n) if self.current else None
        if note is not None:
            self.stub_card.hide()
            self.note_popup.show_note(note, self._note_links(n), at, pinned=True)

    def preview_note(self, n: int, at: QPoint) -> None:
        """The pointer rests on a marker: show its note until it leaves."""
        note = self.current.footnote(n) if self.current else None
        if note is not None and not (self.note_popup.isVisible() and self.note_popup.pinned):
            self.note_popup.show_note(note, {}, at, pinned=False)

    def _hide_preview(self) -> None:
        if self.note_popup.isVisible() and not self.note_popup.pinned:
            self.note_popup.hide()

    def _hide_cards(self) -> None:
        self.note_popup.hide()
        self.stub_card.hide()

    def show_stub(self, index: int, at: QPoint) -> None:
        """A telegram reference was clicked: show its stub card."""
        if self.current is None:
            return
        if not self.library_ready:
            self.start_library()
        stub = self.controller.stub(self.current, index)
        title = None
        if stub.target_id:
            target = next(
                (s for s in self.library_panel.model.items if s.id == stub.target_id), None
            )
            title = document_label(target).replace("\n", " — ") if target else None
        self.note_popup.hide()
        self.stub_card.show_stub(stub, title, at)

    def go_to_note(self, n: int) -> None:
        """Scroll to note `n` in the list (Back returns to where we were)."""
        if self.current is None:
            return
        self.history.visit(Place(self.current.id, anchor=f"n{n}"), leaving=self._place())
        self.reader.scroll_to_note(n)
        self._update_navigation()

    def go_to_marker(self, n: int) -> None:
        """From a note back up to its marker."""
        if self.current is None:
            return
        self.history.visit(Place(self.current.id, anchor=f"m{n}"), leaving=self._place())
        self.reader.scroll_to_marker(n)
        self._update_navigation()

    # -- history -----------------------------------------------------------------------

    def go_back(self) -> None:
        """Alt+Left, the mouse back button."""
        self._go(self.history.back(leaving=self._place()))

    def go_forward(self) -> None:
        """Alt+Right, the mouse forward button."""
        self._go(self.history.forward(leaving=self._place()))

    def _go(self, place: Place | None) -> None:
        if place is None:
            return
        if self.current is None or place.doc_id != self.current.id:
            doc = self.controller.load(place.doc_id) if self.library_ready else None
            if doc is None:
                return
            self.show_document(doc, record=False)
        self._hide_cards()
        if place.anchor:
            self.reader.scrollToAnchor(place.anchor)
        else:
            self.reader.verticalScrollBar().setValue(place.scroll)
        self._update_navigation()

    def _update_navigation(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    # -- zoom --------------------------------------------------------------------------

    def zoom_in(self) -> None:
        """Ctrl++."""
        self._zoom(self.reader.zoom_steps + 1)

    def zoom_out(self) -> None:
        """Ctrl+−."""
        self._zoom(self.reader.zoom_steps - 1)

    def zoom_reset(self) -> None:
        """Ctrl+0."""
        self._zoom(0)

    def _zoom(self, steps: int) -> None:
        self.reader.set_zoom(steps)
        if self.settings is not None:
            self.settings.setValue("zoom", self.reader.zoom_steps)

    # -- the library, opened after the first paint -------------------------------------

    def start_library(self, pending: list[str] | None = None) -> None:
        """Open the library file, add the samples, import files given on the command line."""
        if self.library_ready:
            return
        try:
            self.controller.ensure_samples()
            self.library_ready = True
            self.library_panel.searcher = self.controller.search
            self.refresh_library()
            self._build_annotations()
        except StoreError as exc:
            self._warn("The library cannot be opened", str(exc))
            return
        for path in pending or []:
            try:
                self.controller.import_path(path)
            except (DocumentImportError, StoreError) as exc:
                self._warn(f"Cannot open {Path(path).name}", str(exc))

    def _build_annotations(self) -> None:
        from desktop_app.ui.annotation_actions import AnnotationActions
        from desktop_app.ui.annotation_panel import AnnotationPanel

        if self.annotation_actions is not None:
            return
        self.annotation_panel = AnnotationPanel(self.annotations_dock)
        self.annotations_dock.setWidget(self.annotation_panel)
        self.annotation_actions = AnnotationActions(self)
        self.annotation_actions.build_menu(self.edit_menu)
        self.annotation_actions.refresh()

    # -- drag and drop, settings -------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        for path in paths:
            self.open_path(path)

    def _restore_settings(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.reader.set_zoom(int(self.settings.value("zoom", 0)))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.annotation_panel is not None:
            self.annotation_panel.commit_note()  # a note typed just now is not lost
        if self.settings is not None:
            self.settings.setValue("geometry", self.saveGeometry())
            self.settings.setValue("window_state", self.saveState())
            self.settings.setValue("splitter", self.splitter.saveState())
            self.settings.sync()
        super().closeEvent(event)
