"""The Qt binding must not drop references to None/True/False (PySide6 6.12.0 did, and the
app crashed after a few thousand calls): a guard for future upgrades."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox


def _count(value: object) -> int:
    gc.collect()
    return sys.getrefcount(value)


def test_void_and_bool_calls_keep_references(qapp) -> None:
    combo = QComboBox()
    model = QStringListModel(["a"])
    before_none, before_false = _count(None), _count(False)
    for _ in range(2000):
        combo.clear()
        combo.addItem("x")
        combo.blockSignals(False)
        model.index(0).data(Qt.ItemDataRole.UserRole + 9)
    assert _count(None) - before_none > -200
    assert _count(False) - before_false > -200
