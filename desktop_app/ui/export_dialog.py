"""File → Export…: format, scope, then a file name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.annotations import Color

FORMATS = [
    ("markdown", "Markdown notes (with citation and front matter)"),
    ("handout", "Class handout (full text, highlights, numbered notes)"),
    ("jsonld", "Web Annotation JSON-LD (to share, sync or re-import)"),
]


class ExportDialog(QDialog):
    """Choose what to export; `choice()` returns (format, scope, value)."""

    def __init__(self, colors: list[Color], tags: list[str], has_document: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Export highlights and notes")
        self.format_box = QComboBox(self)
        for _, label in FORMATS:
            self.format_box.addItem(label)
        self.scope = QButtonGroup(self)
        self.this_doc = QRadioButton("This document", self)
        self.all_docs = QRadioButton("All documents", self)
        self.by_tag = QRadioButton("Everything tagged", self)
        self.by_color = QRadioButton("Everything in colour", self)
        self.tag_box = QComboBox(self)
        self.tags = list(tags)
        self.tag_box.addItems(self.tags)
        self.color_box = QComboBox(self)
        self.colors = [c.key for c in colors]
        self.color_box.addItems([f"{c.label} ({c.key})" for c in colors])
        for index, button in enumerate((self.this_doc, self.all_docs, self.by_tag, self.by_color)):
            self.scope.addButton(button, index)
        self.this_doc.setEnabled(has_document)
        self.by_tag.setEnabled(bool(tags))
        (self.this_doc if has_document else self.all_docs).setChecked(True)
        grid = QGridLayout()
        grid.addWidget(self.this_doc, 0, 0)
        grid.addWidget(self.all_docs, 1, 0)
        grid.addWidget(self.by_tag, 2, 0)
        grid.addWidget(self.tag_box, 2, 1)
        grid.addWidget(self.by_color, 3, 0)
        grid.addWidget(self.color_box, 3, 1)
        box = QGroupBox("What", self)
        box.setLayout(grid)
        form = QFormLayout()
        form.addRow("Format:", self.format_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str, str, str | None]:
        """(format, scope "document"|"all"|"tag"|"color", the tag or colour key)."""
        fmt = FORMATS[self.format_box.currentIndex()][0]
        scope = ("document", "all", "tag", "color")[self.scope.checkedId()]
        value = None
        if scope == "tag" and self.tags:
            value = self.tags[self.tag_box.currentIndex()]
        elif scope == "color" and self.colors:
            value = self.colors[self.color_box.currentIndex()]
        return fmt, scope, value
