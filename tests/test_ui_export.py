"""File → Export…, File → Import Annotations…, Edit → Copy Citation with real widgets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop_app.controller import Controller
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: 0)
    win = MainWindow(Controller(tmp_path / "data"))
    qtbot.addWidget(win)
    win.show_document(Controller.seed())
    win.show()
    win.start_library()
    start = win.current.text.index("Molotov")
    win.controller.highlight(win.current, start, start + 7, note="who?", tags=("soviet",))
    yield win
    win.controller.close()


def _export(window: MainWindow, monkeypatch, target: Path, fmt: int, scope: int) -> None:
    def run(dialog: ExportDialog) -> int:
        dialog.format_box.setCurrentIndex(fmt)
        dialog.scope.button(scope).setChecked(True)
        return 1

    monkeypatch.setattr(ExportDialog, "exec", run)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export()


def test_export_markdown_of_this_document(window: MainWindow, monkeypatch, tmp_path) -> None:
    target = tmp_path / "out.md"
    _export(window, monkeypatch, target, 0, 0)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ")
    assert "> Molotov" in text and "**Note:** who?" in text
    assert not list(tmp_path.glob(".dispatch-reader-*"))  # no temporary file left


def test_export_jsonld_by_tag_and_import_back(window: MainWindow, monkeypatch, tmp_path) -> None:
    target = tmp_path / "out.jsonld"
    _export(window, monkeypatch, target, 2, 2)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["total"] == 1
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]) or 0)
    window.import_annotations()
    assert shown == ["0 added, 0 updated, 1 unchanged."]


def test_export_to_an_unwritable_place_says_so(window: MainWindow, monkeypatch, tmp_path) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]) or 0)
    _export(window, monkeypatch, tmp_path / "missing-dir" / "out.md", 0, 0)
    assert said and "missing-dir" in said[0]


def test_copy_citation(window: MainWindow) -> None:
    window.copy_citation()
    text = QApplication.clipboard().text()
    assert text.startswith("“The Japanese Ambassador in the Soviet Union (Sato)")
    assert "in Foreign Relations of the United States: Diplomatic Papers, The Conference" in text
    assert "*" not in text
    assert "<i>Foreign Relations" in QApplication.clipboard().mimeData().html()
