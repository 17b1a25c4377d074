"""The shape of the house: pure core, Qt only in ui/ and app.py, SQL only in store/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "desktop_app"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_qt_stays_in_the_shell(path: Path) -> None:
    if _rel(path).startswith("ui/") or _rel(path) == "app.py":
        return
    assert not any(name.split(".")[0] == "PySide6" for name in _imports(path))


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_sql_stays_in_the_store(path: Path) -> None:
    if _rel(path).startswith("store/"):
        return
    assert not {"sqlite3", "sqlite_utils"} & {n.split(".")[0] for n in _imports(path)}


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_nothing_imports_the_ui_but_the_shell(path: Path) -> None:
    if _rel(path).startswith("ui/") or _rel(path) == "app.py":
        return
    assert not any(n.startswith("desktop_app.ui") for n in _imports(path))


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_modules_stay_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


def test_only_paths_knows_where_things_live() -> None:
    for path in MODULES:
        if _rel(path) == "paths.py":
            continue
        assert "platformdirs" not in {n.split(".")[0] for n in _imports(path)}, _rel(path)
