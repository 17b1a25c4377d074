"""Small differences between the Qt versions we support (6.8 to 6.11)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel


def refilter(proxy: QSortFilterProxyModel, change: Callable[[], None]) -> None:
    """Apply `change` to a proxy's filter settings and filter its rows again."""
    if hasattr(proxy, "beginFilterChange"):  # Qt 6.10+: invalidateRowsFilter is deprecated
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        change()
        proxy.invalidateRowsFilter()
