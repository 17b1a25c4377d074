"""The app in a real X window (xcb on an Xvfb server), as a user sees it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None, reason="Xvfb is not installed (apt: xvfb)"
)


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A private Xvfb server for this module's windows."""
    for number in range(140, 200):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        server = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        else:
            server.kill()
            continue
        yield f":{number}"
        server.terminate()
        server.wait(timeout=10)
        return
    pytest.fail("could not start Xvfb")


def _env(display: str, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env |= {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
    env["DISPATCH_READER_DATA_DIR"] = str(tmp_path / "data")
    return env


def _ink_ratio(image: QImage) -> float:
    """Share of sampled pixels clearly darker than the page: rendered glyphs."""
    dark = total = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 128
    return dark / total


def test_real_window_screenshot_shows_the_telegram(display: str, tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "screenshot.py"), str(out)],
        capture_output=True, text=True, env=_env(display, tmp_path), timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "platform=xcb saved=True" in result.stdout
    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 700
    ratio = _ink_ratio(image)
    assert 0.005 < ratio < 0.5, f"ink ratio {ratio:.4f}: no rendered text?"


def test_startup_trace_line(display: str, tmp_path: Path) -> None:
    env = _env(display, tmp_path) | {"DISPATCH_READER_TRACE_STARTUP": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app"], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    name, seconds = line.split()
    assert name == "first-paint"
    assert 0.0 < float(seconds) < 30.0
