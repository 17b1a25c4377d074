"""Compose the window: QApplication, the main window, the first document."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from desktop_app import APP_ID, APP_NAME, __version__
from desktop_app.paths import seed_path
from desktop_app.ui.main_window import MainWindow


def run_app(files: Sequence[str], *, data_dir: str | None = None) -> int:
    """Open the window on `files` (or the seed telegram) and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    window = MainWindow()
    opened = any([window.open_path(path) for path in files])
    if not opened:
        window.open_path(seed_path())
    window.show()
    return app.exec()
