"""The wheel ships the samples, and an installed copy finds them from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop_app import paths

ROOT = Path(__file__).parent.parent


def test_checkout_finds_bundled_samples() -> None:
    samples = paths.sample_paths()
    assert samples[0].name == paths.SEED_SAMPLE
    assert len(samples) >= 14
    assert paths.seed_path().is_file()


def test_data_dir_override_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"
    assert paths.data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert paths.library_path().name == "library.sqlite3"
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    assert "dispatch-reader" in str(paths.data_dir())


def test_wheel_contains_resources_and_runs_from_anywhere(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = wheels.glob("dispatch_reader-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "desktop_app/resources/samples/frus1945Berlinv01-d584.txt" in names
    assert not any(name.startswith("resources/") for name in names)

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "from desktop_app import paths; from desktop_app.importers import parse_path;"
        "print(paths.resources_dir()); print(parse_path(paths.seed_path()).id)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True,
        check=True, timeout=60,
    ).stdout.splitlines()  # fmt: skip
    assert out[0].startswith(str(target))
    assert out[1] == "frus1945Berlinv01/d584"
