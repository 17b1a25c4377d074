"""The window with real widgets (pytest-qt, offscreen): the seed shows, links are live."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from desktop_app.paths import seed_path
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.reader_view import ReaderView


@pytest.fixture
def window(qtbot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *args, **kwargs: warnings.append(args[2]) or 0
    )
    win = MainWindow()
    win.warnings = warnings  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.resize(900, 700)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(seed_path())
    return win


def _link_point(view: ReaderView, href: str) -> QPoint:
    """Viewport position of the first character of the link `href`."""
    doc = view.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position() + 1)
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
                rect = view.cursorRect(cursor)
                return QPoint(rect.left() - 2, rect.center().y())
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href}")


def test_seed_is_shown_with_header(window: MainWindow) -> None:
    text = window.reader.toPlainText()
    assert "No. 584" in text
    assert "The Japanese Ambassador in the Soviet Union (Sato)" in text
    assert "[p. 878]" in text
    assert "No. 584" in window.windowTitle()


def test_clicking_a_marker_goes_to_the_note(qtbot, window: MainWindow) -> None:
    view = window.reader
    point = _link_point(view, "note:6")
    view.verticalScrollBar().setValue(0)
    point = _link_point(view, "note:6")
    with qtbot.waitSignal(view.noteRequested, timeout=2000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [6]
    assert "imperial conference of June 8" in window.statusBar().currentMessage()


def test_clicking_a_reference_reports_the_telegram(qtbot, window: MainWindow) -> None:
    view = window.reader
    point = _link_point(view, "tref:0")
    with qtbot.waitSignal(view.referenceRequested, timeout=2000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [0]
    assert "your telegram No. 890" in window.statusBar().currentMessage()


def test_every_note_and_reference_is_a_link(window: MainWindow) -> None:
    html = window.reader.toHtml()
    doc = window.current
    assert doc is not None
    for note in doc.footnotes:
        assert f'href="note:{note.n}"' in html
    for index in range(len(doc.telegram_refs)):
        assert f'href="tref:{index}"' in html


def test_bad_file_shows_a_dialog_and_keeps_the_document(window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01" * 100)
    assert not window.open_path(bad)
    assert window.warnings and "binary" in window.warnings[0]  # type: ignore[attr-defined]
    assert "No. 584" in window.reader.toPlainText()


def test_hostile_text_is_escaped_and_loads_nothing(window: MainWindow, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        'Title <b>bold</b> <img src="file:///etc/passwd">\n\n'
        '<a href="https://example.com">click</a> <script>x</script>\n',
        encoding="utf-8",
    )
    assert window.open_path(hostile)
    text = window.reader.toPlainText()
    assert '<img src="file:///etc/passwd">' in text
    assert '<a href="https://example.com">click</a>' in text
    assert "https://example.com" not in {
        window.reader.document().begin().begin().fragment().charFormat().anchorHref()
    }
    assert window.reader.loadResource(0, window.reader.source()) is None
