"""Small dialogs: the trash, and the names of the highlight colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.annotations import Annotation, Color


class TrashDialog(QDialog):
    """Deleted annotations of a document; Restore brings one back."""

    def __init__(self, items: list[Annotation], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Trash")
        self.restored: list[str] = []
        self.list = QListWidget(self)
        for a in items:
            quote = a.anchor.exact if a.anchor else f"Note ({a.kind})"
            text = f"“{quote[:80]}”" + (f"\n{a.note[:80]}" if a.note else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.list.addItem(item)
        self.restore_button = QPushButton("Restore", self)
        self.restore_button.clicked.connect(self._restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(480, 360)

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.restored.append(item.data(Qt.ItemDataRole.UserRole))
            self.list.takeItem(self.list.row(item))


class ColorNamesDialog(QDialog):
    """What each highlight colour means to the user ("claim", "question" …)."""

    def __init__(self, colors: list[Color], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Colour names")
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for color in colors:
            field = QLineEdit(color.label, self)
            field.setMaxLength(40)
            self.fields[color.key] = field
            form.addRow(f"{color.key}:", field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def names(self) -> dict[str, str]:
        """Key -> the name typed (blank names are left out)."""
        return {k: f.text().strip() for k, f in self.fields.items() if f.text().strip()}
