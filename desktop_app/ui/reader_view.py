"""The reading pane: a QTextBrowser that follows only our own link schemes and loads nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QMouseEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QWidget

from desktop_app.model import Document
from desktop_app.render import document_html
from desktop_app.ui.safe_browser import SafeBrowser

OWN_SCHEMES = frozenset({"note", "noteback", "tref", "doc"})
MEASURE_CHARS = 78  # a comfortable line length for a serif text face
ZOOM_LIMIT = 10


class ReaderView(SafeBrowser):
    """Shows one document and turns clicks into intents.

    Signals: `noteRequested(n, point)` (a marker was clicked), `noteHovered(n, point)` and
    `hoverLeft()`, `referenceRequested(index, point)`, `noteListRequested(n)` (go to the
    note), `markerRequested(n)` (back from a note to its marker), `documentRequested(id)`,
    `backRequested()`/`forwardRequested()` (mouse side buttons), `firstPainted()`.
    """

    noteRequested = Signal(int, QPoint)
    noteHovered = Signal(int, QPoint)
    hoverLeft = Signal()
    referenceRequested = Signal(int, QPoint)
    markerRequested = Signal(int)
    documentRequested = Signal(str)
    backRequested = Signal()
    forwardRequested = Signal()
    firstPainted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.anchorClicked.connect(self._on_anchor)
        self.highlighted.connect(self._on_hover)
        self.document_model: Document | None = None
        self.zoom_steps = 0
        self._painted = False
        self._last_press = QPoint()
        self.viewport().installEventFilter(self)

    # -- content -----------------------------------------------------------------------

    def show_document(self, doc: Document) -> None:
        """Render `doc`; all its text is escaped by `document_html`."""
        self.document_model = doc
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.setHtml(document_html(doc, muted=muted))
        self._apply_measure()

    def set_zoom(self, steps: int) -> None:
        """Zoom to `steps` (0 is the default size), within limits."""
        steps = max(-ZOOM_LIMIT, min(ZOOM_LIMIT, steps))
        delta = steps - self.zoom_steps
        if delta > 0:
            self.zoomIn(delta)
        elif delta < 0:
            self.zoomOut(-delta)
        self.zoom_steps = steps
        self._apply_measure()

    def scroll_to_note(self, n: int) -> None:
        """Show note `n` of the footnote list."""
        self.scrollToAnchor(f"n{n}")

    def scroll_to_marker(self, n: int) -> None:
        """Show the marker of note `n` in the text."""
        self.scrollToAnchor(f"m{n}")

    # -- layout: a centred column of comfortable width ---------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Re-render when the system switches between light and dark palettes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.document_model is not None:
            scroll = self.verticalScrollBar().value()
            self.show_document(self.document_model)
            self.verticalScrollBar().setValue(scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_measure()

    def _apply_measure(self) -> None:
        measure = self.fontMetrics().averageCharWidth() * MEASURE_CHARS
        side = max(28, (self.viewport().width() - measure) // 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(24)
            fmt.setBottomMargin(48)
            frame.setFrameFormat(fmt)

    # -- events ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport():
            if event.type() == QEvent.Type.Paint and not self._painted:
                self._painted = True
                self.firstPainted.emit()
            elif event.type() == QEvent.Type.MouseButtonPress:
                assert isinstance(event, QMouseEvent)
                self._last_press = event.position().toPoint()
                if event.button() == Qt.MouseButton.BackButton:
                    self.backRequested.emit()
                    return True
                if event.button() == Qt.MouseButton.ForwardButton:
                    self.forwardRequested.emit()
                    return True
            elif event.type() == QEvent.Type.Leave:
                self.hoverLeft.emit()
        return super().eventFilter(watched, event)

    def _global_point(self) -> QPoint:
        return self.viewport().mapToGlobal(self._last_press)

    def _on_hover(self, url: QUrl) -> None:
        if url.scheme() == "note" and url.path().isdigit():
            local = self.viewport().mapFromGlobal(self.cursor().pos())
            self.noteHovered.emit(int(url.path()), self.viewport().mapToGlobal(local))
        else:
            self.hoverLeft.emit()

    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme not in OWN_SCHEMES:
            return
        if scheme == "doc":
            self.documentRequested.emit(url.path())
            return
        if not url.path().isdigit():
            return
        value = int(url.path())
        if scheme == "note":
            self.noteRequested.emit(value, self._global_point())
        elif scheme == "noteback":
            self.markerRequested.emit(value)
        else:
            self.referenceRequested.emit(value, self._global_point())
