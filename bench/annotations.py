"""Annotation speed, medians: create a highlight (commit + repaint), open a document that
carries 1,000 highlights, filter a panel of 10,000 annotations. Offscreen Qt, real SQLite.

Run: `QT_QPA_PLATFORM=offscreen python bench/annotations.py`.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from desktop_app.anchoring import make_anchor
from desktop_app.annotations import new_annotation
from desktop_app.controller import Controller
from desktop_app.ui.main_window import MainWindow


def _ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.1f} ms (n={len(samples)})"


def _window(data: Path) -> MainWindow:
    window = MainWindow(Controller(data))
    window.resize(1200, 800)
    window.show_document(Controller.seed())
    window.show()
    window.start_library()
    QApplication.processEvents()
    return window


def bench_create(window: MainWindow, runs: int = 40) -> list[float]:
    """Select a passage, press a colour key: commit to SQLite, refresh, repaint."""
    text = window.current.text
    rng = random.Random(1)
    times = []
    for _ in range(runs):
        start = rng.randrange(0, len(text) - 60)
        end = start + rng.randrange(10, 50)
        reader = window.reader
        cursor = QTextCursor(reader.document())
        cursor.setPosition(reader.qt_position(start, start=True))
        cursor.setPosition(reader.qt_position(end, start=False), QTextCursor.MoveMode.KeepAnchor)
        reader.setTextCursor(cursor)
        began = time.perf_counter()
        window.annotation_actions.highlight_with(rng.randrange(5))
        QApplication.processEvents()  # the repaint of what changed
        times.append(time.perf_counter() - began)
    return times


def bench_open(window: MainWindow, count: int = 1000, runs: int = 7) -> list[float]:
    """Open a document carrying `count` highlights (from another document and back)."""
    controller = window.controller
    doc = controller.load("frus1945Berlinv01/d584")
    rng = random.Random(2)
    items = []
    for i in range(count):
        start = rng.randrange(0, len(doc.text) - 40)
        anchor = make_anchor(doc.text, start, start + rng.randrange(5, 40))
        note = f"note {i}" if i % 3 == 0 else ""
        items.append(new_annotation(doc.id, "highlight", anchor=anchor, color="yellow", note=note))
    controller.library.annotations.save_many(items)
    times = []
    for _ in range(runs):
        window.open_document_id("frus1945v03/d812")
        QApplication.processEvents()
        began = time.perf_counter()
        window.open_document_id(doc.id)
        QApplication.processEvents()  # layout and first paint
        times.append(time.perf_counter() - began)
    assert window.annotation_panel.model.rowCount() >= count
    return times


def bench_filter(window: MainWindow, count: int = 10_000, runs: int = 9) -> list[float]:
    """Type into the panel's filter with `count` annotations listed."""
    doc = window.current
    rng = random.Random(3)
    words = ["molotov", "soviet", "war", "peace", "treaty", "japan", "envoy", "surrender"]
    items = []
    for i in range(count):
        start = rng.randrange(0, len(doc.text) - 40)
        anchor = make_anchor(doc.text, start, start + 30)
        note, tag = f"{rng.choice(words)} {i}", rng.choice(words)
        items.append(new_annotation(doc.id, "highlight", anchor=anchor, note=note, tags=(tag,)))
    panel = window.annotation_panel
    panel.set_annotations(items, window.controller.colors(), words)
    times = []
    for i in range(runs):
        began = time.perf_counter()
        panel.proxy.set_filter(text=words[i % len(words)])
        QApplication.processEvents()
        times.append(time.perf_counter() - began)
    panel.proxy.set_filter(text="")
    return times


def main() -> None:
    """Print the medians."""
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        window = _window(Path(tmp) / "data")
        print(f"create a highlight (commit + repaint): {_ms(bench_create(window))}")
        print(f"open a document with 1,000 highlights: {_ms(bench_open(window))}")
        print(f"filter a panel of 10,000 annotations: {_ms(bench_filter(window))}")
        window.close()
        window.controller.close()
    del app


if __name__ == "__main__":
    main()
