"""Libraries written by every earlier schema open, migrate, and keep what they hold."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.annotations import DEFAULT_COLORS
from desktop_app.controller import Controller
from desktop_app.store.library import Library
from desktop_app.store.schema import MIGRATIONS, schema_version

FIXTURES = Path(__file__).parent / "data" / "schemas"


def test_v1_library_migrates(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-v1.sqlite3", path)
    lib = Library(path)
    assert schema_version(lib.db) == len(MIGRATIONS._migrations)
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == schema_version(lib.db)
    assert [s.id for s in lib.summaries()] == ["frus1945Berlinv01/d584"]
    assert lib.find_by_telegram("sato", "1382") == "frus1945Berlinv01/d584"
    assert [c.key for c in lib.annotations.colors()] == [c.key for c in DEFAULT_COLORS]
    assert lib.annotations.for_document("frus1945Berlinv01/d584") == []
    lib.close()


def test_v1_library_works_in_the_app(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "library-v1.sqlite3", tmp_path / "library.sqlite3")
    controller = Controller(tmp_path)
    doc = controller.load("frus1945Berlinv01/d584")
    assert doc is not None
    start = doc.text.index("Molotov")
    a = controller.highlight(doc, start, start + 7, color="green", tags=("x",))
    assert controller.annotations(doc.id) == [a]
    assert controller.ensure_samples() == 13  # the other samples join; the seed is kept
    controller.close()


def test_v1_library_is_searchable_after_migration(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-v1.sqlite3", path)
    lib = Library(path)
    assert lib.search("molotov") == {"frus1945Berlinv01/d584"}
    lib.close()
