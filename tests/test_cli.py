"""The `dispatch-reader` command, run as a user runs it (a real subprocess) and in-process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main

DATA = Path(__file__).parent / "data" / "frus-text"
SEED = DATA / "frus1945Berlinv01-d584.txt"
CONTRACT_KEYS = {
    "id", "format", "volume", "doc_number", "source_line", "title", "sender", "recipient",
    "classification", "dateline", "telegram_number", "signature", "text", "page_breaks",
    "footnotes", "telegram_refs",
}  # fmt: skip


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_parse_json_from_another_directory(tmp_path: Path) -> None:
    result = _run("parse", str(SEED), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data.keys() >= CONTRACT_KEYS
    assert data["id"] == "frus1945Berlinv01/d584"
    assert data["telegram_number"] == "1382"
    first = data["footnotes"][0]
    assert first["anchor"]["in"] == "text"
    assert data["text"][: first["anchor"]["offset"]].endswith("telegrams No. 890 and 891")
    assert first["documents"] == ["580", "581"]
    ref = data["telegram_refs"][0]
    assert ref == ref | {"number": "890", "whose": "your", "note": 1, "documents": ["580"]}
    assert data["text"][ref["start"] : ref["end"]] == "890"


def test_footnote_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(DATA / "frus1945Berlinv01-d17.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    notes = data["footnotes"]
    assert [n["anchor"] and n["anchor"]["in"] for n in notes] == ["title", None, "text"]
    assert set(notes[0]) >= {"n", "printed", "text", "anchor", "documents", "volume_hint"}
    assert notes[2]["documents"] == ["16"]


def test_parse_summary_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "frus1945Berlinv01/d584" in out
    assert "Footnotes (6):" in out
    assert "your telegram 890 → note 1 → Document 580" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02" * 50, "binary"), (b"<?xml version='1.0'?><x/>", "TEI")],
)
def test_bad_input_one_line_on_stderr(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = _run("parse", str(bad), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_missing_file_is_an_error() -> None:
    result = _run("parse", "/no/such/file.txt")
    assert result.returncode == 1
    assert "cannot read" in result.stderr


def test_version_and_help() -> None:
    assert "dispatch-reader" in _run("--version").stdout
    assert "--json" in _run("parse", "--help").stdout
