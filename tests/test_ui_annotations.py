"""Highlighting and notes with real widgets: select, highlight, note, tag, filter, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from desktop_app.controller import Controller
from desktop_app.ui.main_window import MainWindow

QUOTE = "Molotov does not show the least interest"


def _make(qtbot, data: Path) -> MainWindow:
    controller = Controller(data)
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(controller, settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show_document(Controller.seed())
    win.show()
    qtbot.waitExposed(win)
    win.start_library()
    return win


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: 0)
    win = _make(qtbot, tmp_path / "data")
    yield win
    win.controller.close()


def _select(window: MainWindow, quote: str) -> tuple[int, int]:
    text = window.current.text
    start = text.index(quote)
    end = start + len(quote)
    reader = window.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.qt_position(start, start=True))
    cursor.setPosition(reader.qt_position(end, start=False), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    reader.setFocus()
    return start, end


def _stored(window: MainWindow):
    return window.controller.annotations(window.current.id)


def test_select_highlight_note_tag_filter_undo_redo(qtbot, window: MainWindow) -> None:
    start, end = _select(window, QUOTE)
    qtbot.keyClick(window.reader, Qt.Key.Key_3)  # third colour
    (a,) = _stored(window)
    assert (a.anchor.start, a.anchor.end, a.color) == (start, end, "blue")
    panel = window.annotation_panel
    assert panel.model.rowCount() == 1 and panel.selected.id == a.id
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.qt_position(start, start=True) + 3)
    assert cursor.charFormat().background().color().name() == "#8ab8f0"

    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "Soviet *refusal*")
    panel.commit_note()
    assert _stored(window)[0].note == "Soviet *refusal*"
    panel.tags_edit.setText("soviet, refusal")
    panel.tags_edit.editingFinished.emit()
    assert _stored(window)[0].tags == ("soviet", "refusal")

    _select(window, "the Imperial Conference")
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert panel.model.rowCount() == 2
    panel.search.setText("refusal")
    assert panel.proxy.rowCount() == 1
    panel.search.clear()
    panel.filter_by(color="yellow")
    assert panel.proxy.rowCount() == 1
    panel.filter_by(color="")
    panel.filter_by(tag="soviet")
    assert panel.proxy.rowCount() == 1
    panel.filter_by(tag="")
    assert panel.proxy.rowCount() == 2

    stack = window.annotation_actions.stack
    stack.undo()  # second highlight
    assert len(_stored(window)) == 1
    stack.undo()  # tags
    assert _stored(window)[0].tags == ()
    stack.undo()  # note
    assert _stored(window)[0].note == ""
    stack.redo()
    stack.redo()
    stack.redo()
    assert len(_stored(window)) == 2
    assert _stored(window)[0].tags == ("soviet", "refusal")


def test_recolour_delete_trash_restore(qtbot, window: MainWindow) -> None:
    _select(window, QUOTE)
    window.annotation_actions.highlight_with(0)
    (a,) = _stored(window)
    window.annotation_actions.edit(a.id, "Recolour", color="pink")
    assert _stored(window)[0].color == "pink"
    window.annotation_panel.delete_button.click()
    assert _stored(window) == []
    trashed = window.controller.annotations(window.current.id, deleted=True)
    assert [t.id for t in trashed] == [a.id]
    window.annotation_actions.stack.undo()
    assert [x.id for x in _stored(window)] == [a.id]
    window.annotation_actions.stack.redo()
    window.annotation_actions.restore(a.id)
    assert _stored(window)[0].color == "pink"


def test_notes_on_document_footnote_and_stub(window: MainWindow) -> None:
    actions = window.annotation_actions
    actions.add_note("document", None)
    window.note_popup.note = window.current.footnote(1)
    window.note_popup.add_button.click()
    window.show_stub(0, window.mapToGlobal(window.rect().center()))
    window.stub_card.add_button.click()
    kinds = sorted((a.kind, a.target) for a in _stored(window))
    assert kinds == [("document", None), ("footnote", "1"), ("stub", "togo:890")]
    titles = [window.annotation_panel.model.data(window.annotation_panel.model.index(i))
              for i in range(3)]  # fmt: skip
    assert any("Note on footnote 1" in t for t in titles)


def test_no_selection_explains_itself(window: MainWindow) -> None:
    cursor = window.reader.textCursor()
    cursor.clearSelection()
    window.reader.setTextCursor(cursor)
    assert window.annotation_actions.highlight_with(0) is None
    assert "Select a passage" in window.statusBar().currentMessage()


def test_colour_names_are_the_users(window: MainWindow) -> None:
    window.controller.rename_color("yellow", "claim")
    window.annotation_actions.refresh()
    labels = [a.text() for a in window.annotation_actions.highlight_menu.actions()]
    assert labels[0].startswith("claim")


def test_data_survives_closing_and_reopening(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: 0)
    data = tmp_path / "data"
    first = _make(qtbot, data)
    _select(first, QUOTE)
    first.annotation_actions.highlight_with(1)
    first.annotation_panel.note_edit.setPlainText("typed just before closing")
    first.close()  # no pause, no focus change: the close still saves it
    first.controller.close()
    second = _make(qtbot, data)
    (a,) = second.controller.annotations(second.current.id)
    assert a.note == "typed just before closing" and a.anchor.exact == QUOTE
    assert second.annotation_panel.model.rowCount() == 1
    second.controller.close()


def test_annotation_model(qtmodeltester, window: MainWindow) -> None:
    _select(window, QUOTE)
    window.annotation_actions.highlight_with(0)
    window.annotation_actions.add_note("document", None)
    qtmodeltester.check(window.annotation_panel.model)
    qtmodeltester.check(window.annotation_panel.proxy)


def test_pausing_while_typing_a_note_keeps_the_cursor(qtbot, window: MainWindow) -> None:
    _select(window, QUOTE)
    window.annotation_actions.highlight_with(2)
    panel = window.annotation_panel
    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "First thought")
    panel.save_timer.timeout.emit()  # the pause: saved, the panel refreshed
    qtbot.keyClicks(panel.note_edit, ", second thought")
    panel.commit_note()
    assert panel.note_edit.toPlainText() == "First thought, second thought"
    assert _stored(window)[0].note == "First thought, second thought"
    panel.note_edit.undo()  # the field's own undo history survived the save
    assert panel.note_edit.toPlainText() != "First thought, second thought"


def test_reveal_shows_the_whole_passage(window: MainWindow) -> None:
    start, end = _select(window, "I beg for your understanding")
    window.annotation_actions.highlight_with(0)
    window.reader.verticalScrollBar().setValue(0)
    (a,) = _stored(window)
    window.annotation_actions.reveal(a.id)
    reader = window.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.qt_position(start, start=True))
    top = reader.cursorRect(cursor).top()
    cursor.setPosition(reader.qt_position(end, start=False))
    bottom = reader.cursorRect(cursor).bottom()
    assert top >= 0 and bottom <= reader.viewport().height()  # all of it in view


def test_editor_shows_the_highlights_colour_after_retagging(window: MainWindow) -> None:
    _select(window, QUOTE)
    a = window.annotation_actions.highlight_with(1)  # green
    panel = window.annotation_panel
    panel.tags_edit.setText("new, tags")
    panel.tags_edit.editingFinished.emit()
    assert panel.box_keys[panel.color_box.currentIndex()] == "green" == a.color
