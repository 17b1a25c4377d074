"""The table of exporters: format name -> (function, file suffix)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop_app.annotations import Color
from desktop_app.export.handout import handout
from desktop_app.export.markdown import DocumentAnnotations, markdown
from desktop_app.export.webannotation import to_jsonld

Exporter = Callable[[Sequence[DocumentAnnotations], Sequence[Color], str], str]

EXPORTERS: dict[str, tuple[Exporter, str]] = {
    "markdown": (markdown, ".md"),
    "handout": (handout, ".md"),
    "jsonld": (lambda items, colors, exported: to_jsonld(items, exported), ".jsonld"),
}

__all__ = ["EXPORTERS", "DocumentAnnotations", "Exporter"]
