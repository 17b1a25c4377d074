"""The app in a real X window (xcb under Xvfb), as a user sees it: a screenshot with text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.skipif(
    shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (apt: xvfb xauth)"
)


def _ink_ratio(image: QImage) -> float:
    """Share of sampled pixels clearly darker than the page: rendered glyphs."""
    dark = total = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 128
    return dark / total


def test_real_window_screenshot_shows_the_telegram(tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", sys.executable,
         str(ROOT / "packaging" / "screenshot.py"), str(out)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "platform=xcb saved=True" in result.stdout
    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 700
    ratio = _ink_ratio(image)
    assert 0.005 < ratio < 0.5, f"ink ratio {ratio:.4f}: no rendered text?"
