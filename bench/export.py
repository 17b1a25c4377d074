"""Export speed: 10,000 annotations to Markdown, the class handout and JSON-LD (medians).

Run: `python bench/export.py`.
"""

from __future__ import annotations

import random
import statistics
import time

from desktop_app.anchoring import make_anchor
from desktop_app.annotations import DEFAULT_COLORS, new_annotation
from desktop_app.export.registry import EXPORTERS, DocumentAnnotations
from desktop_app.importers import parse_path
from desktop_app.paths import sample_paths


def _annotations(count: int) -> list[DocumentAnnotations]:
    docs = [parse_path(p) for p in sample_paths()]
    rng = random.Random(5)
    per_doc: dict[str, list] = {d.id: [] for d in docs}
    for i in range(count):
        doc = docs[i % len(docs)]
        start = rng.randrange(0, max(1, len(doc.text) - 60))
        anchor = make_anchor(doc.text, start, start + rng.randrange(5, 60))
        note = f"Note {i} with *emphasis* and a | pipe" if i % 2 else ""
        per_doc[doc.id].append(
            new_annotation(
                doc.id, "highlight", anchor=anchor, color="blue", note=note, tags=(f"t{i % 7}",)
            )
        )
    return [DocumentAnnotations(d, tuple(per_doc[d.id])) for d in docs]


def main() -> None:
    """Print the medians."""
    items = _annotations(10_000)
    for name, (function, _) in EXPORTERS.items():
        times = []
        for _ in range(5):
            began = time.perf_counter()
            text = function(items, DEFAULT_COLORS, "2026-11-25T00:00:00Z")
            times.append(time.perf_counter() - began)
        size = len(text.encode("utf-8")) / 1e6
        print(f"{name}: 10,000 annotations in {statistics.median(times):.3f} s ({size:.1f} MB)")


if __name__ == "__main__":
    main()
