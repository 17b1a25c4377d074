"""Cards floating over the reader: a footnote's text, and a referenced telegram's stub."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.model import Footnote
from desktop_app.render import note_html
from desktop_app.stubs import Stub
from desktop_app.ui.safe_browser import SafeBrowser

CARD_WIDTH = 420


class _Card(QFrame):
    """A framed panel, a child of the window, placed next to what was clicked."""

    documentRequested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFixedWidth(CARD_WIDTH)
        self.pinned = False
        self.body = SafeBrowser(self)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.anchorClicked.connect(self._on_link)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(10, 8, 10, 8)
        self.layout_.addWidget(self.body)
        self.buttons = QHBoxLayout()
        self.layout_.addLayout(self.buttons)
        self.hide()

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "doc":
            self.documentRequested.emit(url.path())

    def place_near(self, global_point: QPoint) -> None:
        """Show just below `global_point`, kept inside the window."""
        parent = self.parentWidget()
        assert parent is not None
        # Measure a copy: the browser re-lays its own document out at its current width.
        document = self.body.document().clone(self)
        document.setTextWidth(CARD_WIDTH - 24)
        text_height = int(document.size().height()) + 8
        document.deleteLater()
        extra = sum(
            w.sizeHint().height() + 6
            for w in self.findChildren(QWidget)
            if w is not self.body and w.parent() is self and not w.isHidden()
        )
        self.setFixedHeight(min(380, text_height + extra + 20))
        local = parent.mapFromGlobal(global_point) + QPoint(0, 18)
        x = max(8, min(local.x() - 40, parent.width() - self.width() - 8))
        y = local.y()
        if y + self.height() > parent.height() - 8:
            y = max(8, local.y() - self.height() - 30)
        self.move(x, y)
        self.show()
        self.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class NotePopup(_Card):
    """A footnote: shown on hover, pinned on click; "Go to note" jumps to the list."""

    goToNoteRequested = Signal(int)
    addNoteRequested = Signal(int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.note: Footnote | None = None
        self.add_button = QPushButton("Add my note", self)
        self.add_button.clicked.connect(self._add)
        self.go_button = QPushButton("Go to note", self)
        self.go_button.clicked.connect(self._go)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.go_button)

    def _add(self) -> None:
        if self.note is not None:
            self.hide()
            self.addNoteRequested.emit(self.note.n)

    def show_note(self, note: Footnote, links: dict[str, str], at: QPoint, *, pinned: bool) -> None:
        """Fill with `note` (library documents as links) and show near `at`."""
        self.note = note
        self.pinned = pinned
        label = escape(note.printed or str(note.n))
        self.body.setHtml(f"<p><b>{label}.</b> {note_html(note, links)}</p>")
        self.go_button.setVisible(pinned)
        self.add_button.setVisible(pinned)
        self.place_near(at)

    def _go(self) -> None:
        if self.note is not None:
            self.hide()
            self.goToNoteRequested.emit(self.note.n)


class StubCard(_Card):
    """A referenced telegram: who sent it, what the note says, Open when we have it."""

    addNoteRequested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.stub: Stub | None = None
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.layout_.insertWidget(0, self.title)
        self.open_button = QPushButton("Open", self)
        self.open_button.clicked.connect(self._open)
        self.add_button = QPushButton("Add my note", self)
        self.add_button.clicked.connect(self._add)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.open_button)

    def _add(self) -> None:
        if self.stub is not None:
            self.hide()
            who = self.stub.party_key or self.stub.sender
            self.addNoteRequested.emit(f"{who}:{self.stub.number}")

    def show_stub(self, stub: Stub, target_title: str | None, at: QPoint) -> None:
        """Fill with `stub` and show near `at`."""
        self.stub = stub
        self.pinned = True
        self.title.setText(stub.heading)
        parts = []
        status = list(stub.status)
        if stub.target_id:
            status.append(f"In your library: {target_title or stub.target_id}")
        elif not status:
            status.append("Not in your library")
        parts.append("<p>" + "<br>".join(escape(s) for s in status) + "</p>")
        if stub.note_text:
            parts.append(f"<p><i>Note {stub.note_n}:</i> {escape(stub.note_text)}</p>")
        if stub.citing:
            links = "<br>".join(
                f'<a href="doc:{escape(doc_id)}">{escape(title)}</a>'
                for doc_id, title in stub.citing
            )
            parts.append(f"<p>Also cited in:<br>{links}</p>")
        self.body.setHtml("".join(parts))
        self.open_button.setEnabled(stub.target_id is not None)
        self.open_button.setToolTip(
            "" if stub.target_id else "This telegram is not in your library"
        )
        self.place_near(at)

    def _open(self) -> None:
        if self.stub is not None and self.stub.target_id:
            self.hide()
            self.documentRequested.emit(self.stub.target_id)
