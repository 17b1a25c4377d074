"""The library list: every document, filterable, as a Qt model/view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from desktop_app.parties import short_name
from desktop_app.ui.qt_compat import refilter

if TYPE_CHECKING:  # the library module loads sqlite-utils; the list only needs the type
    from desktop_app.store.library import DocumentSummary

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def document_label(item: DocumentSummary) -> str:
    """ "No. 1227 · Sato → Togo · tel. 1418" over the title: the four Sato–Togo telegrams
    share a title."""
    first = [f"No. {item.doc_number}"] if item.doc_number else []
    if item.sender and item.recipient:
        first.append(f"{short_name(item.sender)} → {short_name(item.recipient)}")
    if item.telegram_number:
        first.append(f"tel. {item.telegram_number}")
    if not first:
        return item.title
    return " · ".join(first) + "\n" + item.title


class LibraryModel(QAbstractListModel):
    """Document summaries, one row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[DocumentSummary] = []

    def set_items(self, items: list[DocumentSummary]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return document_label(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.id}\n{item.title}\n{document_label(item)}"
        if role == DOC_ID_ROLE:
            return item.id
        return None

    def row_of(self, doc_id: str) -> int:
        """The row of `doc_id`, or -1."""
        return next((i for i, item in enumerate(self.items) if item.id == doc_id), -1)


class _IdFilter(QSortFilterProxyModel):
    """Shows the documents whose ids a search returned (all when there is no search)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ids: set[str] | None = None

    def set_ids(self, ids: set[str] | None) -> None:
        """Filter to `ids`; None shows everything."""
        refilter(self, lambda: setattr(self, "ids", ids))

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if self.ids is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        return model.items[row].id in self.ids


class LibraryPanel(QWidget):
    """A filter box over the document list; emits `documentRequested(id)`."""

    documentRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = _IdFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Search titles, text and notes")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.searcher: Callable[[str], set[str]] | None = None
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)

    def _filter_changed(self, text: str) -> None:
        if not text.strip():
            self.proxy.set_ids(None)
        elif self.searcher is not None:
            self.proxy.set_ids(self.searcher(text))
        else:
            words = text.lower().split()
            self.proxy.set_ids({i.id for i in self.model.items
                                if all(w in i.title.lower() for w in words)})  # fmt: skip

    def _activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ID_ROLE)
        if doc_id:
            self.documentRequested.emit(doc_id)

    def select(self, doc_id: str) -> None:
        """Mark `doc_id` as the current row."""
        row = self.model.row_of(doc_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row))
            self.view.setCurrentIndex(index)
