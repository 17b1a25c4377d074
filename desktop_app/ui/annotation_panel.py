"""The side panel: a document's highlights and notes, filterable, editable in place."""

from __future__ import annotations

import bisect

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.annotations import Annotation, Color
from desktop_app.ui.qt_compat import refilter

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
COLOR_ROLE = Qt.ItemDataRole.UserRole + 3
TAGS_ROLE = Qt.ItemDataRole.UserRole + 4
Index = QModelIndex | QPersistentModelIndex
NOTE_SAVE_DELAY_MS = 400


def _title(a: Annotation) -> str:
    if a.kind == "highlight" and a.anchor is not None:
        quote = " ".join(a.anchor.exact.split())
        quote = quote if len(quote) <= 140 else quote[:139] + "…"
        return f"“{quote}”" + ("  (orphaned: passage not found)" if a.status == "orphaned" else "")
    if a.kind == "footnote":
        return f"Note on footnote {a.target}"
    if a.kind == "stub":
        return f"Note on telegram {a.target}"
    return "Note on the document"


def _haystack(a: Annotation) -> str:
    quote = a.anchor.exact if a.anchor else ""
    return f"{quote}\n{a.note}\n{' '.join(a.tags)}".lower()


def _at(keys: list[str], index: int) -> str:
    return keys[index] if 0 <= index < len(keys) else ""


class AnnotationModel(QAbstractListModel):
    """A document's annotations in document order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Annotation] = []
        self.haystacks: list[str] = []
        self.colors: dict[str, Color] = {}

    def set_items(self, items: list[Annotation], colors: list[Color]) -> None:
        """Replace the rows (and the colour names shown)."""
        self.beginResetModel()
        self.items = list(items)
        self.haystacks = [_haystack(a) for a in self.items]
        self.colors = {c.key: c for c in colors}
        self.endResetModel()

    def append(self, items: list[Annotation]) -> None:
        """Add rows at their place in document order."""
        for a in items:
            row = bisect.bisect_right([x.start for x in self.items], a.start)
            self.beginInsertRows(QModelIndex(), row, row)
            self.items.insert(row, a)
            self.haystacks.insert(row, _haystack(a))
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        a = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [_title(a)]
            if a.note:
                preview = " ".join(a.note.split())
                lines.append(preview if len(preview) <= 120 else preview[:119] + "…")
            if a.tags:
                lines.append(" ".join(f"#{t}" for t in a.tags))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole and a.color in self.colors:
            return QColor(self.colors[a.color].rgb)
        if role == Qt.ItemDataRole.ToolTipRole:
            color = self.colors.get(a.color or "")
            return f"{color.label} ({color.key})" if color else a.kind
        if role == ID_ROLE:
            return a.id
        if role == SEARCH_ROLE:
            return self.haystacks[index.row()]
        if role == COLOR_ROLE:
            return a.color or ""
        if role == TAGS_ROLE:
            return a.tags
        return None

    def row_of(self, annotation_id: str) -> int:
        """The row of an annotation, or -1."""
        return next((i for i, a in enumerate(self.items) if a.id == annotation_id), -1)


class AnnotationFilter(QSortFilterProxyModel):
    """Filter by colour, tag and text (quote, note and tags)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = ""
        self.tag = ""
        self.text = ""

    def set_filter(self, *, color: str | None = None, tag: str | None = None,
                   text: str | None = None) -> None:  # fmt: skip
        """Change any of the three filters."""

        def change() -> None:
            if color is not None:
                self.color = color
            if tag is not None:
                self.tag = tag
            if text is not None:
                self.text = text.lower().strip()

        refilter(self, change)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AnnotationModel)
        a = model.items[row]
        if self.color and a.color != self.color:
            return False
        if self.tag and self.tag not in a.tags:
            return False
        if self.text:
            return self.text in model.haystacks[row]
        return True


class _RowDelegate(QStyledItemDelegate):
    """Colour swatch, then quote, note preview and tags, one elided line each."""

    LINES = 3

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = option.fontMetrics.lineSpacing() * self.LINES + 10
        return QSize(option.rect.width() or 200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")  # option.text folds "\n"
        option.text = ""
        option.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(4, 4, -4, -4)
        color = index.data(Qt.ItemDataRole.DecorationRole)
        painter.save()
        if isinstance(color, QColor):
            painter.fillRect(QRect(rect.left(), rect.top(), 5, rect.height()), color)
        metrics = option.fontMetrics
        x = rect.left() + 11
        width = rect.width() - 11
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        for line_no, line in enumerate(text.split("\n")[: self.LINES]):
            y = rect.top() + line_no * metrics.lineSpacing()
            elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(x, y, width, metrics.lineSpacing()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             elided)  # fmt: skip
        painter.restore()


class _NoteEdit(QPlainTextEdit):
    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


class AnnotationPanel(QWidget):
    """List, filters and an editor for the selected annotation. Emits intents only."""

    revealRequested = Signal(str)
    noteEdited = Signal(str, str)
    colorChosen = Signal(str, str)
    tagsEdited = Signal(str, tuple)
    deleteRequested = Signal(str)
    documentNoteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationModel(self)
        self.proxy = AnnotationFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self._build_list()
        self._build_editor()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.filters)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.editor, 2)
        self.add_note_button = QPushButton("Add a note on this document", self)
        self.add_note_button.clicked.connect(self.documentNoteRequested)
        layout.addWidget(self.add_note_button)
        self.selected: Annotation | None = None
        self.box_keys: list[str] = []
        self._show_editor(None)

    def _build_filters(self) -> None:
        # Combo values are kept on the Python side: PySide6 6.12 drops a reference to None
        # whenever C++ hands back an empty QVariant (currentData() on an empty combo…).
        self.color_filter = QComboBox(self)
        self.color_keys: list[str] = []
        self.color_filter.currentIndexChanged.connect(
            lambda i: self.proxy.set_filter(color=_at(self.color_keys, i))
        )
        self.tag_filter = QComboBox(self)
        self.tag_keys: list[str] = []
        self.tag_filter.currentIndexChanged.connect(
            lambda i: self.proxy.set_filter(tag=_at(self.tag_keys, i))
        )
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.color_filter, 1)
        self.filters.addWidget(self.tag_filter, 1)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter highlights and notes")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_filter(text=text))

    def _build_list(self) -> None:
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        # Rows of one height (three elided lines): 10,000 of them lay out at once.
        self.view.setItemDelegate(_RowDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSpacing(1)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.clicked.connect(self._clicked)

    def _build_editor(self) -> None:
        self.editor = QWidget(self)
        self.color_box = QComboBox(self.editor)
        self.color_box.activated.connect(self._color_activated)
        self.delete_button = QPushButton("Delete", self.editor)
        self.delete_button.clicked.connect(self._delete)
        self.note_edit = _NoteEdit(self.editor)
        self.note_edit.setPlaceholderText("Note (Markdown allowed)")
        self.note_edit.textChanged.connect(self._note_changed)
        self.note_edit.focusLost.connect(self.commit_note)
        self.tags_edit = QLineEdit(self.editor)
        self.tags_edit.setPlaceholderText("Tags, separated by commas")
        self.tags_edit.editingFinished.connect(self._tags_done)
        self.tag_words = QStringListModel(self)
        completer = QCompleter(self.tag_words, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_edit.setCompleter(completer)
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.commit_note)
        top = QHBoxLayout()
        top.addWidget(QLabel("Colour:", self.editor))
        top.addWidget(self.color_box, 1)
        top.addWidget(self.delete_button)
        column = QVBoxLayout(self.editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.note_edit, 1)
        column.addWidget(self.tags_edit)

    # -- content -----------------------------------------------------------------------

    def set_annotations(
        self, items: list[Annotation], colors: list[Color], tags: list[str]
    ) -> None:
        """Show a document's annotations; keeps the selection when it still exists."""
        keep = self.selected.id if self.selected else None
        self.commit_note()
        self.model.set_items(items, colors)
        self.tag_words.setStringList(tags)
        self._fill_combos(colors, sorted({t for a in items for t in a.tags}))
        if keep and self.select(keep):
            return
        self._show_editor(None)

    def _fill_combos(self, colors: list[Color], tags: list[str]) -> None:
        for combo, keys, items, everything in (
            (self.color_filter, self.color_keys,
             [(f"{c.label} ({c.key})", c.key) for c in colors], "All colours"),
            (self.tag_filter, self.tag_keys, [(f"#{t}", t) for t in tags], "All tags"),
        ):  # fmt: skip
            current = _at(keys, combo.currentIndex())
            combo.blockSignals(True)
            combo.clear()
            keys[:] = ["", *(key for _, key in items)]
            combo.addItem(everything)
            for label, _ in items:
                combo.addItem(label)
            found = keys.index(current) if current in keys else 0
            combo.setCurrentIndex(found)
            combo.blockSignals(False)
            if current and found == 0:
                combo.currentIndexChanged.emit(0)
        labels = [f"{c.label} ({c.key})" for c in colors]
        if labels != [self.color_box.itemText(i) for i in range(self.color_box.count())]:
            self.color_box.clear()
            self.color_box.addItems(labels)
        self.box_keys = [c.key for c in colors]
        self._show_color(self.selected)

    def filter_by(self, *, color: str | None = None, tag: str | None = None) -> None:
        """Choose a colour or tag filter by key ("" for all)."""
        if color is not None and color in self.color_keys:
            self.color_filter.setCurrentIndex(self.color_keys.index(color))
        if tag is not None and tag in self.tag_keys:
            self.tag_filter.setCurrentIndex(self.tag_keys.index(tag))

    def replace_annotations(self, items: list[Annotation]) -> None:
        """Edited annotations (same ids) update their rows and the editor in place."""
        for a in items:
            row = self.model.row_of(a.id)
            if row >= 0:
                self.model.items[row] = a
                self.model.haystacks[row] = _haystack(a)
                index = self.model.index(row)
                self.model.dataChanged.emit(index, index)
            if self.selected is not None and self.selected.id == a.id:
                self._show_editor(a)
        self._tags_changed(items)

    def _tags_changed(self, items: list[Annotation]) -> None:
        self.tag_words.setStringList(
            sorted(set(self.tag_words.stringList()) | {t for a in items for t in a.tags})
        )
        in_use = sorted({t for a in self.model.items for t in a.tags})
        if in_use != self.tag_keys[1:]:
            self._fill_combos(list(self.model.colors.values()), in_use)

    def add_annotations(self, items: list[Annotation]) -> None:
        """New annotations join the list without rebuilding it."""
        self.model.append(items)
        self._tags_changed(items)

    def select(self, annotation_id: str) -> bool:
        """Make an annotation current and show it in the editor."""
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            self.proxy.set_filter(color="", tag="", text="")
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self._show_editor(self.model.items[row])
        return True

    def _show_editor(self, a: Annotation | None) -> None:
        same = a is not None and self.selected is not None and a.id == self.selected.id
        self.selected = a
        self.editor.setEnabled(a is not None)
        note = a.note if a else ""
        # Refreshing the annotation being typed in must not touch the field: resetting it
        # would move the cursor to the start and drop the field's own undo history.
        if not (same and self.note_edit.toPlainText() == note):
            self.note_edit.blockSignals(True)
            self.note_edit.setPlainText(note)
            self.note_edit.blockSignals(False)
        tags = ", ".join(a.tags) if a else ""
        if not (same and self.tags_edit.hasFocus()) and self.tags_edit.text() != tags:
            self.tags_edit.setText(tags)
        self.color_box.setEnabled(a is not None and a.kind == "highlight")
        self._show_color(a)

    def _show_color(self, a: Annotation | None) -> None:
        if a is not None and a.color in self.box_keys:
            self.color_box.setCurrentIndex(self.box_keys.index(a.color))

    # -- user actions ------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.commit_note()
        source = self.proxy.mapToSource(current)
        self._show_editor(self.model.items[source.row()] if source.isValid() else None)

    def _clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(ID_ROLE)
        if annotation_id:
            self.revealRequested.emit(annotation_id)

    def _note_changed(self) -> None:
        self.save_timer.start()

    def commit_note(self) -> None:
        """Send the note being typed now (on a pause, leaving the field, or switching)."""
        self.save_timer.stop()
        a = self.selected
        if a is not None and self.note_edit.toPlainText() != a.note:
            text = self.note_edit.toPlainText()
            self.selected = a.edited(note=text)
            self.noteEdited.emit(a.id, text)

    def _tags_done(self) -> None:
        a = self.selected
        if a is None:
            return
        tags = tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        if tags != a.tags:
            self.tagsEdited.emit(a.id, tags)

    def _color_activated(self, _index: int) -> None:
        a = self.selected
        key = _at(self.box_keys, self.color_box.currentIndex())
        if a is not None and key and key != a.color:
            self.colorChosen.emit(a.id, key)

    def _delete(self) -> None:
        if self.selected is not None:
            self.commit_note()
            self.deleteRequested.emit(self.selected.id)
