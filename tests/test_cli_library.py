"""`dispatch-reader import / annotate / annotations` against a real library file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main

DATA = Path(__file__).parent / "data" / "frus-text"
SEED = "frus1945Berlinv01/d584"


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    assert main(["annotations", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_import_prints_id_and_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(DATA / "frus1945Berlinv02-d1227.txt")]) == 0
    out = capsys.readouterr().out.strip()
    doc_id, title = out.split(" ", 1)
    assert doc_id == "frus1945Berlinv02/d1227"
    assert title.startswith("The Japanese Ambassador in the Soviet Union (Sato)")


def test_annotate_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([
        "annotate", SEED, "--quote", "telegram", "--occurrence", "2", "--color", "Question",
        "--note", "Which one?", "--tag", "refs", "--tag", "sato",
    ]) == 0  # fmt: skip
    new_id = capsys.readouterr().out.strip()
    (item,) = _json(capsys, SEED)
    assert item["id"] == new_id
    assert item["color"] == "blue" and item["note"] == "Which one?"
    assert item["tags"] == ["refs", "sato"]
    assert item["quote"] == "telegram" and item["status"] == "anchored"
    assert item["end"] - item["start"] == len("telegram")
    assert set(item) >= {"id", "kind", "color", "quote", "prefix", "suffix", "start", "end",
                         "note", "tags", "status", "created", "updated"}  # fmt: skip


def test_reimport_with_edited_text_reanchors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy = tmp_path / "frus1945Berlinv01-d584.txt"
    original = (DATA / copy.name).read_text(encoding="utf-8")
    copy.write_text(original, encoding="utf-8")
    assert main(["import", str(copy)]) == 0
    quote = "Molotov does not show the least interest"
    assert main(["annotate", SEED, "--quote", quote]) == 0
    gone = "the thinking of the Soviet authorities is realistic"
    assert main(["annotate", SEED, "--quote", gone]) == 0
    capsys.readouterr()
    before = {a["quote"]: a for a in _json(capsys, SEED)}
    edited = "An editor's added paragraph.\n\n" + original
    edited = edited.replace("1382. 1.", "1382. 1. Preface.\n\n1.").replace(gone, "[deleted]")
    copy.write_text(edited, encoding="utf-8")
    assert main(["import", str(copy)]) == 0
    capsys.readouterr()
    after = {a["quote"]: a for a in _json(capsys, SEED)}
    assert after[quote]["status"] == "anchored"
    assert after[quote]["start"] > before[quote]["start"]
    assert after[gone]["status"] == "orphaned"  # kept, never dropped
    assert len(after) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["annotate", "nope/d1", "--quote", "x"], "not in the library"),
        (["annotate", SEED, "--quote", "no such words here"], "quote not found"),
        (["annotate", SEED, "--quote", "telegram", "--color", "mauve"], "unknown colour"),
        (["annotations", "nope/d1"], "not in the library"),
    ],
)
def test_errors_exit_1_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(args) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_import_bad_file_keeps_going(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["import", str(bad), str(DATA / "frus1917-d318.txt")]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("frus1917/d318 ")
    assert "empty" in captured.err


def test_export_and_import_annotations(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["annotate", SEED, "--quote", "Molotov", "--tag", "soviet", "--note", "n"]) == 0
    capsys.readouterr()
    assert main(["export", SEED, "--format", "markdown"]) == 0
    assert "> Molotov" in capsys.readouterr().out
    out = tmp_path / "all.jsonld"
    assert main(["export", "--all", "--format", "jsonld", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["total"] == 1
    assert main(["export", "--tag", "soviet", "--format", "handout"]) == 0
    assert "**Molotov**" in capsys.readouterr().out
    assert main(["export", "--color", "yellow", "--format", "markdown"]) == 0
    capsys.readouterr()
    other = tmp_path / "other-library"
    assert main(["import-annotations", str(out), "--data-dir", str(other)]) == 0
    assert capsys.readouterr().out.startswith("1 added, 0 updated, 0 unchanged, 0 skipped")


def test_export_needs_a_scope(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "markdown"]) == 1
    assert "--all" in capsys.readouterr().err
