"""Shared fixtures: user data always goes to a temporary folder; Qt runs offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data dir at a temp folder so no test touches real user data."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("DISPATCH_READER_DATA_DIR", str(data))
    return data


@pytest.fixture
def seed_text() -> str:
    """The seed telegram (FRUS 1945 Berlin I, No. 584) as copied from the web page."""
    return (DATA / "frus-text" / "frus1945Berlinv01-d584.txt").read_text(encoding="utf-8")
