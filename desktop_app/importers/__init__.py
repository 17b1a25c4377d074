"""Importers: bytes or paths to a `Document`. No Qt, no SQL."""

from __future__ import annotations

from pathlib import Path

from desktop_app.importers.decode import MAX_BYTES, MIB, decode_text
from desktop_app.importers.frus_text import parse_text
from desktop_app.model import Document, DocumentImportError

__all__ = [
    "MAX_BYTES",
    "DocumentImportError",
    "parse_bytes",
    "parse_path",
    "parse_text",
    "read_text",
]


def parse_bytes(data: bytes, name: str | None = None) -> Document:
    """Parse a file's bytes; `name` (a file name) helps identify the document."""
    return parse_text(_decode(data, Path(name).name if name else "input"), name=name)


def _decode(data: bytes, label: str) -> str:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<TEI")):
        raise DocumentImportError(
            f"{label} is XML; TEI import is not available yet. Open a plain-text copy instead."
        )
    return decode_text(data, name=label)


def parse_path(path: str | Path) -> Document:
    """Read and parse a file; errors are DocumentImportError with a message for the user."""
    return parse_text(read_text(path), name=str(path))


def read_text(path: str | Path) -> str:
    """A file's decoded text (size, folder and encoding checked), for parsing and storing."""
    path = Path(path)
    try:
        if path.is_dir():
            raise DocumentImportError(f"{path} is a folder, not a document.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentImportError(
                f"{path.name} is too large ({size / MIB:.1f} MiB; documents up to "
                f"{MAX_BYTES // MIB} MiB can be opened)."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentImportError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return _decode(data, path.name)
