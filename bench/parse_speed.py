"""Parse throughput on the bundled samples and on a large synthetic FRUS-style document.

Prints documents/s and MB/s (medians over repeats). Run: `python bench/parse_speed.py`.
"""

from __future__ import annotations

import argparse
import statistics
import time

from desktop_app.importers import parse_bytes
from desktop_app.paths import sample_paths


def synthetic_document(target_bytes: int) -> bytes:
    """A long telegram built from real sample paragraphs, one glued marker per paragraph."""
    paragraphs: list[str] = []
    for path in sample_paths():
        lines = path.read_text(encoding="utf-8").split("\n")
        paragraphs += [ln for ln in lines[4:] if len(ln) > 200 and not ln.startswith("  ")]
    header = "761.94/7–2145: Telegram\n\nNo. 9999\nThe Ambassador (Sato) to the Minister (Togo)\n"
    header += "very secret\n\n1500. Re your telegram No. 9131 of today.\n\n"
    body: list[str] = []
    notes: list[str] = ["Not printed."]
    size = len(header)
    n = 1
    while size < target_bytes:
        n += 1
        para = paragraphs[n % len(paragraphs)].rstrip(".") + f".{n} [Page {n}] More text."
        body.append(para)
        notes.append(f"Note {n}: see document No. {n + 100}.")
        size += len(para) + len(notes[-1]) + 8
    listing = "\n".join(f"  {i}. {t}" for i, t in enumerate(notes, start=1))
    return (header + "\n\n".join(body) + "\n\n" + listing + "\n").encode("utf-8")


def _median_seconds(data: bytes, name: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        parse_bytes(data, name)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--mb", type=float, default=4.0, help="size of the synthetic file")
    args = parser.parse_args()

    samples = [(p.name, p.read_bytes()) for p in sample_paths()]
    total_bytes = sum(len(d) for _, d in samples)
    per_round = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for name, data in samples:
            parse_bytes(data, name)
        per_round.append(time.perf_counter() - start)
    seconds = statistics.median(per_round)
    print(
        f"samples: {len(samples)} documents, {total_bytes / 1e3:.1f} kB per round; "
        f"{len(samples) / seconds:,.0f} documents/s, {total_bytes / 1e6 / seconds:.2f} MB/s"
    )

    big = synthetic_document(int(args.mb * 1e6))
    seconds = _median_seconds(big, "synthetic.txt", max(1, args.repeats // 2))
    doc = parse_bytes(big, "synthetic.txt")
    placed = sum(1 for f in doc.footnotes if f.anchor)
    print(
        f"synthetic: {len(big) / 1e6:.2f} MB, {len(doc.footnotes)} notes ({placed} placed), "
        f"{len(doc.page_breaks)} page breaks; {seconds:.2f} s, {len(big) / 1e6 / seconds:.2f} MB/s"
    )


if __name__ == "__main__":
    main()
