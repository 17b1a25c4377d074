"""Score the plain-text importer against hand-checked and TEI-derived ground truth.

Usage: python bench/accuracy.py [FOLDER ...] [--cmd "dispatch-reader"] [-v]

Every `*.txt` with a sibling `.json` in the folders (default: tests/data/frus-text and
bench/corpus/tei-derived) is parsed with `<cmd> parse FILE --json` and scored: footnotes placed
right, header fields, telegram-reference precision/recall/F1, and crashes. Prints one line per
document and totals per folder and overall. Always exits 0: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = (ROOT / "tests/data/frus-text", ROOT / "bench/corpus/tei-derived")
TAIL = 12  # characters of the marker's left context that must end the text before the anchor
WINDOW = 60  # characters of the copy read before a marker
PAGE_RE = re.compile(r"\[Page [^\]]*\]")
WS_RE = re.compile(r"\s+")
FIELDS = ("doc_number", "source_line", "title", "classification", "telegram_number", "signature")

Json = dict[str, Any]


def norm(s: object) -> str:
    """Whitespace collapsed to single spaces, ends stripped; None becomes ''."""
    return WS_RE.sub(" ", s).strip() if isinstance(s, str) else ""


def clean(s: str) -> str:
    """Text with `[Page N]` markers removed and whitespace runs collapsed (a trailing one kept)."""
    return WS_RE.sub(" ", PAGE_RE.sub(" ", s)).lstrip()


@dataclass
class Score:
    """What one document (or a total) scored."""

    notes: int = 0
    notes_right: int = 0
    anchors_right: int = 0
    texts_right: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    fields_right: Counter[str] = field(default_factory=Counter)
    ref_tp: int = 0
    ref_pred: int = 0
    ref_gold: int = 0
    refs_checked: int = 0
    docs: int = 0
    crashes: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Accumulate another score into this one (problems are not carried)."""
        for name in (
            "notes",
            "notes_right",
            "anchors_right",
            "texts_right",
            "ref_tp",
            "ref_pred",
            "ref_gold",
            "refs_checked",
            "docs",
            "crashes",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.fields.update(other.fields)
        self.fields_right.update(other.fields_right)


# -- the parser ------------------------------------------------------------------------------


def default_command() -> list[str]:
    """`dispatch-reader` when installed, else the CLI module run with this interpreter."""
    exe = shutil.which("dispatch-reader")
    local = Path(sys.executable).parent / "dispatch-reader"
    if exe or local.exists():
        return [exe or str(local)]
    return [sys.executable, "-m", "desktop_app.cli"]


def run_parser(cmd: list[str], path: Path, timeout: float) -> tuple[Json | None, str | None]:
    """The parser's JSON for `path`, or None and why it failed."""
    try:
        proc = subprocess.run(
            [*cmd, "parse", str(path), "--json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            cwd=ROOT,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"{type(exc).__name__}: {exc}"
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no stderr)"])[-1]
        return None, f"exit {proc.returncode}: {last[:160]}"
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        return None, f"output is not JSON: {exc}"
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict):
        return None, "output is not a JSON object"
    return data, None


# -- footnotes -------------------------------------------------------------------------------


def body_start(gold: Json, txt: str) -> int:
    """Offset in the copy where the body begins: after the blank line that follows the title."""
    title_line = gold.get("title_line") or ""
    at = txt.find(title_line) if title_line else -1
    if at < 0:
        return 0
    gap = txt.find("\n\n", at + len(title_line) - 1)
    return gap + 2 if gap >= 0 else 0


def expected_context(gold: Json, txt: str, marker: Json) -> str:
    """The marker's left context in its own field, cleaned of page markers and other markers."""
    off = marker["offset"]
    pre = marker.get("preceding_text") or ""
    if txt[off - len(pre) : off] == pre:  # read a wider window from the copy itself
        if marker.get("in_title_line"):
            floor = txt.rfind("\n", 0, off) + 1
        else:
            floor = body_start(gold, txt)
            floor = floor if floor <= off else 0
        start = max(floor, off - WINDOW, 0)
        window = txt[start:off]
    else:  # the .txt and .json disagree: trust the .json
        start, window = off - len(pre), pre
        if marker.get("in_title_line"):
            window = window[window.rfind("\n") + 1 :]
            start = off - len(window)
    chars = list(window)
    for other in gold.get("markers", []):
        if other is marker:
            continue
        a, b = other["offset"], other["offset"] + len(other.get("printed") or "")
        for i in range(max(a, start), min(b, off)):
            chars[i - start] = " "
    return clean("".join(chars))


def anchor_ok(
    gold: Json, txt: str, marker: Json | None, anchor: object, fields: dict[str, str]
) -> tuple[bool, str]:
    """Whether the parser put the note's anchor where the marker was, and why not.

    `fields` maps an anchor field ("title", "text") to the parser's string for it.
    """
    if marker is None:
        return anchor is None, "" if anchor is None else f"anchor {anchor} for a missing marker"
    if not isinstance(anchor, dict):
        return False, "no anchor"
    want = "title" if marker.get("in_title_line") else "text"
    if anchor.get("in") != want:
        return False, f"anchor in {anchor.get('in')!r}, expected {want!r}"
    field_text = fields[want]
    offset = anchor.get("offset")
    if not isinstance(offset, int) or not 0 <= offset <= len(field_text):
        return False, f"anchor offset {offset!r} outside the {want}"
    expected = expected_context(gold, txt, marker)
    got = clean(field_text[:offset])
    tail = expected.rstrip()[-TAIL:]
    # A marker set off by a space may be anchored before or after that space; otherwise
    # an anchor that runs on into following whitespace is in the wrong place.
    spaced_ok = expected.endswith(" ") or not got.endswith(" ")
    if spaced_ok and (got.rstrip().endswith(tail) if tail else got.strip() == ""):
        return True, ""
    return False, f"anchor after …{got[-TAIL:]!r}, expected after …{expected[-TAIL:]!r}"


def score_footnotes(gold: Json, txt: str, parsed: Json, score: Score) -> None:
    """Footnotes right: anchor presence/field/place and text, note by note."""
    listed = parsed.get("footnotes") or []
    if not isinstance(listed, list):
        score.problems.append(f"footnotes is a {type(listed).__name__}, not a list")
        listed = []
    by_n = {f.get("n"): f for f in listed if isinstance(f, dict)}
    markers = {m["note"]: m for m in gold.get("markers", [])}
    fields = {name: parsed.get(name) or "" for name in ("title", "text")}
    for note in gold.get("footnotes", []):
        n = note["n"]
        score.notes += 1
        got = by_n.get(n)
        if got is None:
            score.problems.append(f"note {n}: missing from the parser's list")
            continue
        placed, why = anchor_ok(gold, txt, markers.get(n), got.get("anchor"), fields)
        same_text = norm(got.get("text")) == norm(note["text"])
        score.anchors_right += placed
        score.texts_right += same_text
        score.notes_right += placed and same_text
        if not placed:
            score.problems.append(f"note {n}: {why}")
        if not same_text:
            score.problems.append(f"note {n}: text {norm(got.get('text'))[:60]!r}")
    extra = len(by_n.keys() - {f["n"] for f in gold.get("footnotes", [])})
    if extra:
        score.problems.append(f"{extra} footnote(s) the ground truth does not have")


# -- header fields and references ------------------------------------------------------------


def lines(value: object) -> list[str]:
    """A list of strings (or None) normalised for comparison; None and [] are the same."""
    return [norm(v) for v in value] if isinstance(value, list) else []


COMPARE: dict[str, tuple[str, Callable[[object], object]]] = {
    "doc_number": ("doc_number", lambda v: norm(str(v)) if v is not None else ""),
    "source_line": ("file_line", norm),
    "title": ("title", norm),
    "classification": ("classification", lines),
    "telegram_number": ("telegram_number", lambda v: norm(str(v)) if v is not None else ""),
    "signature": ("signature", lines),
}


def score_fields(gold: Json, parsed: Json, score: Score) -> None:
    """Header fields: each compared after normalisation."""
    for name in FIELDS:
        gold_key, fix = COMPARE[name]
        score.fields[name] += 1
        want, got = fix(gold.get(gold_key)), fix(parsed.get(name))
        if want == got:
            score.fields_right[name] += 1
        else:
            score.problems.append(f"{name}: got {got!r}, expected {want!r}")


def ref_key(ref: Json) -> tuple[str, str, object]:
    """What a telegram reference is matched on."""
    return norm(str(ref.get("number"))), norm(ref.get("whose")), ref.get("note")


def score_refs(gold: Json, parsed: Json, score: Score) -> None:
    """Telegram references matched on (number, whose, note) as multisets."""
    if gold.get("telegram_refs_unchecked"):
        return
    want = Counter(ref_key(r) for r in gold.get("telegram_refs", []))
    got = Counter(ref_key(r) for r in parsed.get("telegram_refs") or [] if isinstance(r, dict))
    score.refs_checked += 1
    score.ref_tp += sum((want & got).values())
    score.ref_pred += sum(got.values())
    score.ref_gold += sum(want.values())
    for k in got - want:
        score.problems.append(f"telegram ref {k} not in the ground truth")
    for k in want - got:
        score.problems.append(f"telegram ref {k} missed")


def score_document(gold: Json, txt: str, parsed: Json | None, error: str | None) -> Score:
    """Everything for one document; a crash scores zero but still counts."""
    score = Score(docs=1)
    if parsed is not None:
        try:
            score_footnotes(gold, txt, parsed, score)
            score_fields(gold, parsed, score)
            score_refs(gold, parsed, score)
            return score
        except (TypeError, KeyError, AttributeError, ValueError) as exc:
            error = f"unexpected JSON shape: {type(exc).__name__}: {exc}"
    score = Score(docs=1, crashes=1, problems=[error or "crash"])
    score.notes = len(gold.get("footnotes", []))
    for name in FIELDS:
        score.fields[name] += 1
    if not gold.get("telegram_refs_unchecked"):
        score.refs_checked = 1
        score.ref_gold = len(gold.get("telegram_refs", []))
    return score


# -- the report ------------------------------------------------------------------------------


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f}%)" if b else f"{a}/{b}"


def prf(s: Score) -> str:
    if not s.refs_checked:
        return f"n/a (all {s.docs} docs unchecked)"
    p = s.ref_tp / s.ref_pred if s.ref_pred else 0.0
    r = s.ref_tp / s.ref_gold if s.ref_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return (
        f"P {p:.2f} R {r:.2f} F1 {f1:.2f} (tp {s.ref_tp}, predicted {s.ref_pred}, "
        f"gold {s.ref_gold}; {s.refs_checked} docs checked, "
        f"{s.docs - s.refs_checked} unchecked)"
    )


def doc_line(name: str, s: Score) -> str:
    fields = sum(s.fields_right.values())
    refs = f"{s.ref_tp}/{s.ref_pred}/{s.ref_gold}" if s.refs_checked else "-"
    status = "CRASH" if s.crashes else ("ok" if not s.problems else f"{len(s.problems)} issue(s)")
    return (
        f"{name:<34} notes {s.notes_right:>2}/{s.notes:<2} anchor {s.anchors_right:>2}"
        f" text {s.texts_right:>2}  fields {fields}/{sum(s.fields.values())}"
        f"  refs {refs:<8} {status}"
    )


def totals(label: str, s: Score) -> list[str]:
    fields = ", ".join(f"{n} {s.fields_right[n]}/{s.fields[n]}" for n in FIELDS)
    return [
        f"== {label}: {s.docs} documents",
        f"  footnotes placed right: {pct(s.notes_right, s.notes)}"
        f"  [anchor {s.anchors_right}, text {s.texts_right}]",
        f"  header fields: {pct(sum(s.fields_right.values()), sum(s.fields.values()))}",
        f"    {fields}",
        f"  telegram refs: {prf(s)}",
        f"  crashes: {s.crashes}/{s.docs}",
    ]


def pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(txt, json) pairs of a folder, in a natural order."""

    def natural(p: Path) -> list[object]:
        return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", p.stem)]

    return [
        (t, t.with_suffix(".json"))
        for t in sorted(folder.glob("*.txt"), key=natural)
        if t.with_suffix(".json").exists()
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the parser over every corpus document and print the report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=list(DEFAULT_FOLDERS))
    ap.add_argument(
        "--cmd", help="parser command (default: dispatch-reader, else python -m desktop_app.cli)"
    )
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every problem")
    args = ap.parse_args(argv)
    cmd = shlex.split(args.cmd) if args.cmd else default_command()
    print(f"parser: {' '.join(cmd)} parse FILE --json")
    grand = Score()
    reports: list[str] = []
    for folder in args.folders:
        if not folder.is_dir():
            print(f"skipping {folder}: not a folder")
            continue
        sub = Score()
        print(f"\n# {folder}")
        for txt_path, json_path in pairs(folder):
            gold = json.loads(json_path.read_text(encoding="utf-8"))
            txt = txt_path.read_text(encoding="utf-8")
            parsed, error = run_parser(cmd, txt_path, args.timeout)
            s = score_document(gold, txt, parsed, error)
            print(doc_line(txt_path.stem, s))
            if args.verbose or s.crashes:
                for problem in s.problems if args.verbose else s.problems[:1]:
                    print(f"    - {problem}")
            sub.add(s)
        reports += totals(
            str(folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder), sub
        )
        grand.add(sub)
    print()
    print("\n".join([*reports, *totals("all", grand)]))
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # a report never fails the caller
        print(f"accuracy.py: {type(exc).__name__}: {exc}", file=sys.stderr)
    sys.exit(0)
