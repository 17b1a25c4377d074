"""The reading pane: a QTextBrowser that follows only our own link schemes and loads nothing."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.export.citation import citation
from desktop_app.model import Document
from desktop_app.render import body_map, document_html
from desktop_app.ui.safe_browser import SafeBrowser

OWN_SCHEMES = frozenset({"note", "noteback", "tref", "doc"})


@dataclass(frozen=True, slots=True)
class Highlight:
    """What the view paints for one highlight."""

    start: int
    end: int
    rgb: str
    has_note: bool = False
    tooltip: str = ""


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


MEASURE_CHARS = 78  # a comfortable line length for a serif text face
ZOOM_LIMIT = 10


class ReaderView(SafeBrowser):
    """Shows one document and turns clicks into intents.

    Signals: `noteRequested(n, point)` (a marker was clicked), `noteHovered(n, point)` and
    `hoverLeft()`, `referenceRequested(index, point)`, `noteListRequested(n)` (go to the
    note), `markerRequested(n)` (back from a note to its marker), `documentRequested(id)`,
    `backRequested()`/`forwardRequested()` (mouse side buttons), `firstPainted()`,
    `pressed()` (any click in the text: floating cards close).
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
    pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.anchorClicked.connect(self._on_anchor)
        self.highlighted.connect(self._on_hover)
        self.document_model: Document | None = None
        self.highlights: list[Highlight] = []
        self._maps: list = []
        self._starts: list[int] = []
        self._positions: list[int | None] = []
        self._block_index: dict[int, int] = {}
        self.zoom_steps = 0
        self._painted = False
        self._last_press = QPoint()
        self.viewport().installEventFilter(self)

    # -- content -----------------------------------------------------------------------

    def show_document(self, doc: Document, highlights: Sequence[Highlight] = ()) -> None:
        """Render `doc` (all its text escaped by `document_html`) with its highlights."""
        self.document_model = doc
        self.highlights = list(highlights)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        cite = citation(doc) if doc.volume else None
        if cite and doc.url:
            cite += " · " + doc.url.removeprefix("https://")
        self.setHtml(document_html(doc, muted=muted, cite=cite))
        self._index_body(doc)
        self._paint_highlights()
        self._apply_measure()

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Repaint the highlights, keeping the scroll position."""
        if self.document_model is None:
            return
        scroll = self.verticalScrollBar().value()
        self.show_document(self.document_model, highlights)
        self.verticalScrollBar().setValue(scroll)

    # -- reading-text offsets (code points) <-> Qt positions (UTF-16) ------------------

    def _index_body(self, doc: Document) -> None:
        self._maps = body_map(doc)
        self._starts = [m.start for m in self._maps]
        self._positions: list[int | None] = []
        block = self.document().begin()
        for pmap in self._maps:
            probe = block
            while probe.isValid() and probe.text() != pmap.rendered:
                probe = probe.next()
            if probe.isValid():
                self._positions.append(probe.position())
                block = probe.next()
            else:
                self._positions.append(None)
        self._block_index = {p: i for i, p in enumerate(self._positions) if p is not None}

    def unmapped_paragraphs(self) -> int:
        """Body paragraphs not found in the rendered document (0 unless something is off)."""
        return sum(1 for p in self._positions if p is None)

    def qt_position(self, offset: int, *, start: bool) -> int | None:
        """The Qt position of reading offset `offset`."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0 or self._positions[index] is None:
            return None
        pmap = self._maps[index]
        if offset > pmap.end:
            if not start or index + 1 >= len(self._maps):
                offset = pmap.end
            else:
                return self.qt_position(self._maps[index + 1].start, start=True)
        local = pmap.to_rendered(offset, after_inserts=start)
        return self._positions[index] + _utf16_len(pmap.rendered[:local])  # type: ignore[operator]

    def reading_offset(self, position: int) -> int | None:
        """The reading offset at Qt position `position`, or None outside the body text."""
        block = self.document().findBlock(position)
        index = self._block_index.get(block.position())
        if index is None:
            return None
        pmap = self._maps[index]
        units = position - block.position()
        local = len(pmap.rendered.encode("utf-16-le")[: units * 2].decode("utf-16-le", "ignore"))
        return pmap.to_reading(local)

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as a reading-text range, or None when it is not in the body."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.reading_offset(cursor.selectionStart())
        end = self.reading_offset(cursor.selectionEnd())
        if start is None or end is None:
            return None
        text = self.document_model.text if self.document_model else ""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def add_highlights(self, items: Sequence[Highlight]) -> None:
        """Paint new highlights without re-rendering (only their lines repaint)."""
        self.highlights.extend(items)
        self._paint(items)

    def find_ranges(self, needle: str) -> list[tuple[int, int]]:
        """Qt ranges of every case-insensitive match: in the body by its reading text (so
        markers and page labels in between do not get in the way), elsewhere as shown."""
        if not needle or self.document_model is None:
            return []
        found: list[tuple[int, int]] = []
        pattern = re.compile(re.escape(needle), re.IGNORECASE)
        for match in pattern.finditer(self.document_model.text):
            a = self.qt_position(match.start(), start=True)
            b = self.qt_position(match.end(), start=False)
            if a is not None and b is not None and b > a:
                found.append((a, b))
        document = self.document()
        cursor = QTextCursor(document)
        while True:
            cursor = document.find(needle, cursor)
            if cursor.isNull():
                break
            if document.findBlock(cursor.selectionStart()).position() not in self._block_index:
                found.append((cursor.selectionStart(), cursor.selectionEnd()))
        return sorted(found)

    def copy_text(self) -> None:
        """Copy what the document says: in the body, the reading text without the view's
        marker numbers and page labels; elsewhere, what is shown."""
        selected = self.selected_range()
        if selected is None or self.document_model is None:
            self.copy()
            return
        QApplication.clipboard().setText(self.document_model.text[selected[0] : selected[1]])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_text()
            return
        super().keyPressEvent(event)

    def _paint_highlights(self) -> None:
        self._paint(self.highlights)

    def _paint(self, items: Sequence[Highlight]) -> None:
        if not items:
            return
        batch = QTextCursor(self.document())
        batch.beginEditBlock()  # one relayout for all of them
        try:
            self._merge_formats(items)
        finally:
            batch.endEditBlock()

    def _merge_formats(self, items: Sequence[Highlight]) -> None:
        for item in items:
            a = self.qt_position(item.start, start=True)
            b = self.qt_position(item.end, start=False)
            if a is None or b is None or b <= a:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            color = QColor(item.rgb)
            color.setAlpha(150)
            fmt.setBackground(color)
            if item.has_note:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setToolTip(item.tooltip)
            cursor.mergeCharFormat(fmt)

    def reveal(self, start: int, end: int) -> None:
        """Scroll to a passage and select it briefly (a flash)."""
        a = self.qt_position(start, start=True)
        b = self.qt_position(end, start=False)
        if a is None or b is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        # Put the passage's first line a third of the way down, so all of it shows.
        top = QTextCursor(self.document())
        top.setPosition(a)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(top).top() - self.viewport().height() // 3)
        QTimer.singleShot(700, self._end_flash)

    def _end_flash(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

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
            self.set_highlights(self.highlights)

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
                self.pressed.emit()
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
