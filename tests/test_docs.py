"""The README stays true: its commands, the CLI it documents, the packaging ids."""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app import APP_ID
from desktop_app.cli import SUBCOMMANDS

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\s*```sh\n(.*?)```", README, re.S)
    assert match, f"README has no {marker} block"
    return match.group(1).strip()


def test_readme_has_the_two_commands() -> None:
    run = _block_after("run-command")
    test = _block_after("test-command")
    assert run.count("\n") == 0 and "dispatch-reader" in run and "pip install ." in run
    assert test.count("\n") == 0 and "pytest" in test and ".[test]" in test


def test_every_subcommand_is_documented() -> None:
    for name in SUBCOMMANDS:
        assert f"dispatch-reader {name}" in README


def test_screenshot_exists() -> None:
    assert (ROOT / "docs" / "screenshot.png").stat().st_size > 10_000


def test_one_app_id_everywhere() -> None:
    packaging = ROOT / "packaging"
    assert (packaging / f"{APP_ID}.desktop").is_file()
    assert APP_ID in (packaging / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
