"""Compose the window: QApplication, the main window, the first document, then the library.

Start-up is tuned for a fast first paint: the first document is parsed straight from its
file (or read from the library with plain sqlite3), and the library proper (sqlite-utils,
migrations, the bundled samples) opens only after the window has painted.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app import APP_ID, APP_NAME, __version__
from desktop_app.controller import Controller
from desktop_app.importers import parse_path, parse_text
from desktop_app.model import Document, DocumentImportError
from desktop_app.paths import config_dir
from desktop_app.store.connection import read_source_text
from desktop_app.ui.main_window import MainWindow

TRACE_ENV = "DISPATCH_READER_TRACE_STARTUP"


def process_start_time() -> float:
    """When this process started (epoch seconds), from the OS; falls back to now.

    Linux: the process's start in clock ticks since boot (/proc/self/stat) against the
    uptime (/proc/uptime), both on the same clock with 10 ms resolution.
    """
    try:
        stat = Path("/proc/self/stat").read_text()
        ticks = int(stat.rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - (uptime - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.time()


def _settings(data_dir: str | None) -> QSettings:
    """Window layout, zoom, last document: INI, never pickle."""
    return QSettings(str(config_dir(data_dir) / "settings.ini"), QSettings.Format.IniFormat)


def _first_document(
    files: Sequence[str], controller: Controller, settings: QSettings
) -> tuple[Document | None, list[str]]:
    """What to show first, without opening the library; and the files still to import."""
    for index, path in enumerate(files):
        try:
            return parse_path(path), list(files[index:])
        except DocumentImportError:
            continue  # start_library() imports it again and says what is wrong
    last = settings.value("last_document")
    if isinstance(last, str) and last:
        stored = read_source_text(controller.library_file, last)
        if stored is not None:
            doc = parse_text(stored[0], name=stored[1])
            if doc.id == last:
                return doc, []
    return None, []


def create_window(
    files: Sequence[str], *, data_dir: str | None = None
) -> tuple[MainWindow, Controller, list[str]]:
    """The main window showing the first document; the library is not opened yet.

    Returns the window, its controller and the files still to import into the library.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    controller = Controller(data_dir)
    settings = _settings(data_dir)
    window = MainWindow(controller, settings)
    doc, _ = _first_document(files, controller, settings)
    window.show_document(doc or Controller.seed())
    return window, controller, list(files)


def run_app(files: Sequence[str], *, data_dir: str | None = None) -> int:
    """Open the window on `files` (or the last document, or the seed) and run the loop."""
    started = process_start_time()
    window, controller, pending = create_window(files, data_dir=data_dir)

    def after_first_paint() -> None:
        if os.environ.get(TRACE_ENV) == "1":
            print(f"first-paint {time.time() - started:.3f}", flush=True)
        QTimer.singleShot(0, lambda: window.start_library(pending))

    window.reader.firstPainted.connect(after_first_paint)
    window.show()
    try:
        return QApplication.instance().exec()  # type: ignore[union-attr]
    finally:
        controller.close()
