"""The one module that knows where bundled resources and user data live."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_DIR_NAME = "dispatch-reader"
DATA_DIR_ENV = "DISPATCH_READER_DATA_DIR"
LIBRARY_FILE = "library.sqlite3"
SEED_SAMPLE = "frus1945Berlinv01-d584.txt"

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """Bundled resources: `desktop_app/resources` in a wheel, top-level `resources/` in a clone."""
    installed = _PACKAGE / "resources"
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled resources not found next to {_PACKAGE}")


def samples_dir() -> Path:
    """The bundled sample library (real FRUS documents)."""
    return resources_dir() / "samples"


def sample_paths() -> list[Path]:
    """Every bundled sample document, seed first."""
    paths = sorted(samples_dir().glob("*.txt"))
    paths.sort(key=lambda p: p.name != SEED_SAMPLE)
    return paths


def seed_path() -> Path:
    """The seed telegram the app opens on first run (FRUS 1945 Berlin I, No. 584)."""
    return samples_dir() / SEED_SAMPLE


def volumes_file() -> Path:
    """Titles of FRUS volumes by id, for citations."""
    return resources_dir() / "volumes.json"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """User data: `--data-dir`, else $DISPATCH_READER_DATA_DIR, else the platform's data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_DIR_NAME, appauthor=False)


def library_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite library file inside the data dir."""
    return data_dir(override) / LIBRARY_FILE


def config_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Settings (window geometry, zoom): beside the data when it is overridden."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return user_config_path(APP_DIR_NAME, appauthor=False)
