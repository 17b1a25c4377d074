"""The library file: pragmas, migrations, round trips, lookups."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.controller import Controller
from desktop_app.store import StoreError
from desktop_app.store.connection import read_source_text
from desktop_app.store.library import Library
from desktop_app.store.schema import MIGRATIONS, schema_version


@pytest.fixture
def controller(tmp_path: Path) -> Controller:
    ctl = Controller(tmp_path / "data")
    ctl.ensure_samples()
    yield ctl
    ctl.close()


def test_pragmas_and_schema_version(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    conn = lib.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert schema_version(lib.db) == len(MIGRATIONS._migrations)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version(lib.db)
    lib.close()
    again = Library(tmp_path / "lib.sqlite3")  # reopening applies nothing twice
    assert schema_version(again.db) == len(MIGRATIONS._migrations)
    again.close()


def test_samples_round_trip(controller: Controller) -> None:
    summaries = controller.summaries()
    assert len(summaries) == 14 and all(s.bundled for s in summaries)
    assert controller.ensure_samples() == 0  # idempotent
    doc = controller.load("frus1945Berlinv01/d584")
    assert doc is not None
    assert doc == replace(Controller.seed(), source_path=doc.source_path)


def test_import_updates_in_place(controller: Controller, tmp_path: Path) -> None:
    path = tmp_path / "frus1945Berlinv02-d1227.txt"
    source = Path(__file__).parent / "data" / "frus-text" / path.name
    path.write_text(source.read_text(encoding="utf-8").replace("regrettable", "sad"))
    doc = controller.import_path(path)
    assert doc.id == "frus1945Berlinv02/d1227"
    assert len(controller.summaries()) == 14
    loaded = controller.load(doc.id)
    assert loaded is not None and "indeed sad" in loaded.text


def test_fast_startup_read(controller: Controller) -> None:
    got = read_source_text(controller.library_file, "frus1945Berlinv01/d584")
    assert got is not None and got[0].startswith("761.94/7–2145: Telegram")
    assert read_source_text(controller.library_file, "nope/d1") is None
    assert read_source_text(controller.library_file.parent / "missing.sqlite3", "x") is None


def test_lookups(controller: Controller) -> None:
    lib = controller.library
    assert lib.find_by_doc_number("frus1945Berlinv02", "1227") == "frus1945Berlinv02/d1227"
    assert lib.find_by_telegram("sato", "1418") == "frus1945Berlinv02/d1227"
    citing = {doc_id for doc_id, _ in lib.citing("sato", "1417")}
    assert citing == {"frus1945Berlinv02/d1227", "frus1945Berlinv02/d1231"}


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "lib.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the library"):
        Library(bad)
    assert bad.read_bytes().startswith(b"this is not sqlite")  # never deleted


def test_failed_write_leaves_nothing_half_written(controller: Controller) -> None:
    lib = controller.library
    doc = controller.load("frus1945Berlinv02/d1231")
    assert doc is not None
    lib.db.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON telegram_refs BEGIN SELECT RAISE(ABORT, 'x'); END"
    )
    with pytest.raises(StoreError):
        lib.add(doc, "changed text that must not land")
    refs = lib.db.execute(
        "SELECT count(*) FROM telegram_refs WHERE doc_id = ?", [doc.id]
    ).fetchone()[0]
    assert refs == 4
    text = lib.db.execute("SELECT source_text FROM documents WHERE id = ?", [doc.id]).fetchone()
    assert "changed text" not in text[0]


def test_database_is_plain_sqlite(controller: Controller) -> None:
    controller.close()
    conn = sqlite3.connect(controller.library_file)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 14
    conn.close()


def test_search_titles_text_and_notes(controller: Controller) -> None:
    assert "frus1945Berlinv02/d1304" in controller.search("Highhold")
    assert controller.search("stimson home") == {"frus1945Berlinv02/d1304"}
    assert controller.search("zzzz") == set()
    assert len(controller.search("")) == 14
    doc = controller.load("frus1945v03/d812")
    note = controller.highlight(doc, 0, 10, note="Xylophonic remark")
    assert controller.search("xylophonic") == {doc.id}
    controller.trash(note.id)
    assert controller.search("xylophonic") == set()
    assert controller.search('bad "query* (') is not None
