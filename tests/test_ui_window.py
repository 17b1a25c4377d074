"""The main window with real widgets (pytest-qt, offscreen): footnotes, stubs, navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from desktop_app.controller import Controller
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.reader_view import ReaderView

SEED = "frus1945Berlinv01/d584"


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal dialogs are replaced by a list of their messages."""
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: seen.append(args[2]) or 0)
    return seen


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, tmp_path: Path, settings: QSettings, warnings: list[str]) -> MainWindow:
    controller = Controller(tmp_path / "data")
    win = MainWindow(controller, settings)
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.show_document(Controller.seed())
    win.show()
    qtbot.waitExposed(win)
    win.start_library()
    yield win
    controller.close()


def link_point(view: ReaderView, href: str) -> QPoint:
    """Viewport position of the link `href` (scrolled into view)."""
    doc = view.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                start = QTextCursor(doc)
                start.setPosition(fragment.position())
                end = QTextCursor(doc)
                end.setPosition(fragment.position() + fragment.length())
                view.setTextCursor(end)
                view.ensureCursorVisible()
                left, right = view.cursorRect(start), view.cursorRect(end)
                return QPoint((left.left() + right.left()) // 2, right.center().y())
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href}")


def click_link(qtbot, view: ReaderView, href: str) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=link_point(view, href))


def test_window_parts(window: MainWindow) -> None:
    text = window.reader.toPlainText()
    assert "No. 584" in text and "very secret".upper() not in text
    assert "No. 584 · Sato → Togo" in text
    assert "[p. 878]" in text
    assert "No. 584" in window.windowTitle()
    assert window.library_panel.model.rowCount() == 14
    assert window.annotations_dock.isVisible()


def test_click_marker_pins_the_note(qtbot, window: MainWindow) -> None:
    click_link(qtbot, window.reader, "note:6")
    popup = window.note_popup
    assert popup.isVisible() and popup.pinned
    assert "imperial conference of June 8" in popup.body.toPlainText()
    assert popup.go_button.isVisible()


def test_go_to_note_and_back(qtbot, window: MainWindow) -> None:
    bar = window.reader.verticalScrollBar()
    click_link(qtbot, window.reader, "note:1")
    before = bar.value()
    qtbot.mouseClick(window.note_popup.go_button, Qt.MouseButton.LeftButton)
    assert bar.value() > before
    window.back_action.trigger()
    assert bar.value() == before


def test_hover_preview_is_not_pinned(window: MainWindow) -> None:
    window.reader.noteHovered.emit(2, window.mapToGlobal(QPoint(300, 300)))
    assert window.note_popup.isVisible() and not window.note_popup.pinned
    window.reader.hoverLeft.emit()
    assert not window.note_popup.isVisible()


def test_stub_card_for_an_unresolved_telegram(qtbot, window: MainWindow) -> None:
    click_link(qtbot, window.reader, "tref:0")
    card = window.stub_card
    assert card.isVisible()
    assert card.title.text() == "Togo to Sato · telegram No. 890"
    assert "Printed as Document No. 580" in card.body.toPlainText()
    assert not card.open_button.isEnabled()


def test_open_on_a_resolved_stub_and_back(qtbot, window: MainWindow) -> None:
    assert window.open_document_id("frus1945Berlinv02/d1231")
    index = next(i for i, r in enumerate(window.current.telegram_refs) if r.number == "1418")
    click_link(qtbot, window.reader, f"tref:{index}")
    card = window.stub_card
    assert "In your library" in card.body.toPlainText()
    assert card.open_button.isEnabled()
    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    assert window.current.id == "frus1945Berlinv02/d1227"
    assert window.current.telegram_number == "1418"
    window.back_action.trigger()
    assert window.current.id == "frus1945Berlinv02/d1231"
    window.forward_action.trigger()
    assert window.current.id == "frus1945Berlinv02/d1227"


def test_note_link_to_a_library_document(qtbot, window: MainWindow) -> None:
    window.open_document_id("frus1945Berlinv02/d1231")
    click_link(qtbot, window.reader, "note:1")
    body = window.note_popup.body
    assert 'href="doc:frus1945Berlinv02/d1227"' in body.toHtml()
    body.anchorClicked.emit(QUrl("doc:frus1945Berlinv02/d1227"))
    assert window.current.id == "frus1945Berlinv02/d1227"
    assert not window.note_popup.isVisible()


def test_mouse_back_button(qtbot, window: MainWindow) -> None:
    window.open_document_id("frus1945v03/d812")
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.BackButton, pos=QPoint(50, 50))
    assert window.current.id == SEED


def test_library_list_opens_documents(qtbot, window: MainWindow) -> None:
    panel = window.library_panel
    row = panel.model.row_of("frus1945Malta/d475")
    index = panel.proxy.mapFromSource(panel.model.index(row))
    panel.view.scrollTo(index)
    rect = panel.view.visualRect(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current.id == "frus1945Malta/d475"
    qtbot.keyClicks(panel.filter, "Sato")
    assert 0 < panel.proxy.rowCount() < 14


def test_library_model(qtmodeltester, window: MainWindow) -> None:
    qtmodeltester.check(window.library_panel.model)


def test_find_counts_matches(qtbot, window: MainWindow) -> None:
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, "telegram")
    count = window.find_bar.count.text()
    assert count.startswith("1 of ")
    total = int(count.split(" of ")[1])
    assert total == window.reader.toPlainText().lower().count("telegram")
    window.find_bar.next()
    assert window.find_bar.count.text() == f"2 of {total}"
    window.find_bar.previous()
    window.find_bar.previous()
    assert window.find_bar.count.text() == f"{total} of {total}"


def test_zoom_is_remembered(window: MainWindow, settings: QSettings) -> None:
    size = window.reader.font().pointSizeF()
    window.zoom_in()
    window.zoom_in()
    assert window.reader.font().pointSizeF() > size
    assert int(settings.value("zoom")) == 2
    window.zoom_reset()
    assert window.reader.font().pointSizeF() == size


def test_open_file_joins_the_library(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("A note to self\n\nSomething about Urtel 264.\n", encoding="utf-8")
    assert window.open_path(path)
    assert window.library_panel.model.rowCount() == 15
    assert window.current.title == "A note to self"


def test_bad_file_dialog_keeps_everything(window: MainWindow, warnings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01" * 100)
    assert not window.open_path(bad)
    assert warnings and "binary" in warnings[0]
    assert window.current.id == SEED
    assert window.library_panel.model.rowCount() == 14


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
    assert (
        "https://example.com"
        not in window.reader.toHtml().replace("&quot;", '"').split('href="')[1:]
    )
    assert window.reader.loadResource(0, window.reader.source()) is None


def test_geometry_and_splitter_persist(qtbot, tmp_path: Path, settings: QSettings) -> None:
    controller = Controller(tmp_path / "data2")
    first = MainWindow(controller, settings)
    qtbot.addWidget(first)
    first.show_document(Controller.seed())
    first.resize(760, 560)  # the offscreen screen is 800x600; restoreGeometry clamps to it
    first.splitter.setSizes([180, 580])
    first.show()
    qtbot.waitExposed(first)
    sizes = first.splitter.sizes()
    size = first.size()
    first.close()
    second = MainWindow(controller, settings)
    qtbot.addWidget(second)
    second.show_document(Controller.seed())
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == size
    assert second.splitter.sizes()[0] == sizes[0]
    controller.close()


def test_dark_palette_rerenders_secondary_text(window: MainWindow) -> None:
    from PySide6.QtGui import QColor, QPalette

    palette = window.reader.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#a1b2c3"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    window.reader.setPalette(palette)
    assert "#a1b2c3" in window.reader.toHtml().lower()
    assert "No. 584" in window.reader.toPlainText()


def test_find_sees_through_markers_and_page_labels(qtbot, window: MainWindow) -> None:
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, "telegram No. 853, Molotov")
    assert window.find_bar.count.text() == "1 of 1"
    window.find_bar.field.setText("imperial conference of June 8")  # in a footnote
    assert window.find_bar.count.text() == "1 of 1"


def test_copy_gives_the_reading_text(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    doc = window.current
    start = doc.text.index("telegram No. 853")
    end = doc.text.index("does not show")
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.qt_position(start, start=True))
    cursor.setPosition(window.reader.qt_position(end, start=False), QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)
    window.reader.copy_text()
    assert QApplication.clipboard().text() == "telegram No. 853, Molotov"
    qtbot.keyClick(window.reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "telegram No. 853, Molotov"


def test_clicking_the_text_closes_a_card(qtbot, window: MainWindow) -> None:
    click_link(qtbot, window.reader, "tref:0")
    assert window.stub_card.isVisible()
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(60, 400))
    assert not window.stub_card.isVisible()
