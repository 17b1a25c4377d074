"""Every footnote and telegram reference of every bundled sample leads to its note or stub."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from desktop_app.controller import Controller
from desktop_app.paths import sample_paths
from desktop_app.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory: pytest.TempPathFactory) -> MainWindow:
    controller = Controller(tmp_path_factory.mktemp("data"))
    win = MainWindow(controller)
    win.resize(1100, 760)
    win.show_document(Controller.seed())
    win.show()
    win.start_library()
    yield win
    win.close()
    controller.close()


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_every_marker_and_reference_works(window: MainWindow, path: Path) -> None:
    doc_id = "/".join(path.stem.rsplit("-", 1))
    assert window.open_document_id(doc_id)
    assert window.current.id == doc_id
    doc = window.current
    html = window.reader.toHtml()
    at = window.mapToGlobal(QPoint(200, 200))
    for note in doc.footnotes:
        if note.anchor is not None:
            assert f'href="note:{note.n}"' in html, note.n
            window.reader.anchorClicked.emit(QUrl(f"note:{note.n}"))
            shown = " ".join(window.note_popup.body.toPlainText().split())
            assert " ".join(note.text.split()) in shown
            assert window.note_popup.isVisible()
    for index, ref in enumerate(doc.telegram_refs):
        assert f'href="tref:{index}"' in html
        window.show_stub(index, at)
        card = window.stub_card
        assert card.isVisible()
        assert card.title.text().endswith(f"telegram No. {ref.number}")
        if ref.note:
            assert doc.footnote(ref.note).text in card.body.toPlainText()


def test_drop_files_onto_the_window(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: 0)
    path = tmp_path / "dropped.txt"
    path.write_text("Dropped note\n\nSome text.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(event)
    assert window.current.title == "Dropped note"
    assert any(s.title == "Dropped note" for s in window.controller.summaries())
