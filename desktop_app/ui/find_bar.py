"""Find in document (Ctrl+F): match count, next and previous, all matches highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)


class FindBar(QWidget):
    """A bar under the reader; searches its QTextDocument."""

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in document")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.next)
        self.count = QLabel(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("↑")
        self.previous_button.setToolTip("Previous match (Shift+F3)")
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QToolButton(self)
        self.next_button.setText("↓")
        self.next_button.setToolTip("Next match (F3)")
        self.next_button.clicked.connect(self.next)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.field, self.count, self.previous_button, self.next_button, close):
            layout.addWidget(widget)
        self.hide()

    def open_bar(self) -> None:
        """Show and focus the field, searching what it holds."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search(self.field.text())

    def close_bar(self) -> None:
        """Hide and clear the highlights."""
        self.hide()
        self.view.setExtraSelections([])
        self.view.setFocus()

    def search(self, text: str) -> None:
        """Find every match of `text` (case-insensitive) and go to the first."""
        self.matches = []
        document = self.view.document()
        finder = getattr(self.view, "find_ranges", None)
        if text and finder is not None:
            for a, b in finder(text):
                cursor = QTextCursor(document)
                cursor.setPosition(a)
                cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                self.matches.append(cursor)
        elif text:
            cursor = QTextCursor(document)
            while True:
                cursor = document.find(text, cursor, QTextDocument.FindFlag(0))
                if cursor.isNull():
                    break
                self.matches.append(QTextCursor(cursor))
        self.current = 0 if self.matches else -1
        self._show()

    def next(self) -> None:
        """Go to the next match, wrapping."""
        if self.matches:
            self.current = (self.current + 1) % len(self.matches)
            self._show()

    def previous(self) -> None:
        """Go to the previous match, wrapping."""
        if self.matches:
            self.current = (self.current - 1) % len(self.matches)
            self._show()

    def _show(self) -> None:
        if not self.field.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        every = QTextCharFormat()
        every.setBackground(QColor(255, 230, 120, 140))
        this = QTextCharFormat()
        this.setBackground(QColor(255, 160, 40, 200))
        selections = []
        for index, cursor in enumerate(self.matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = this if index == self.current else every  # type: ignore[attr-defined]
            selections.append(selection)
        self.view.setExtraSelections(selections)
        if self.current >= 0:
            cursor = QTextCursor(self.matches[self.current])
            cursor.clearSelection()
            self.view.setTextCursor(cursor)
            self.view.ensureCursorVisible()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
