"""The reading pane: a QTextBrowser that follows only our own link schemes and loads nothing."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop_app.model import Document
from desktop_app.render import document_html

OWN_SCHEMES = frozenset({"note", "noteback", "tref"})


class ReaderView(QTextBrowser):
    """Shows one document; emits `noteRequested(n)` and `referenceRequested(index)`."""

    noteRequested = Signal(int)
    referenceRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(24)
        self.anchorClicked.connect(self._on_anchor)
        self.document_model: Document | None = None

    def show_document(self, doc: Document) -> None:
        """Render `doc`; all its text is escaped by `document_html`."""
        self.document_model = doc
        self.setHtml(document_html(doc))

    def loadResource(self, kind: int, name: QUrl) -> object:
        """Never fetch what a document names: no files, no network, no images."""
        return None

    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme not in OWN_SCHEMES:
            return
        try:
            value = int(url.path())
        except ValueError:
            return
        if scheme == "note":
            self.scrollToAnchor(f"n{value}")
            self.noteRequested.emit(value)
        elif scheme == "noteback":
            self.scrollToAnchor(f"m{value}")
        else:
            self.referenceRequested.emit(value)
