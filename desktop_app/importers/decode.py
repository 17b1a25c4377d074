"""Bytes to text: the encodings our users' files arrive in, and clear errors for the rest."""

from __future__ import annotations

import codecs
import re

from desktop_app.model import DocumentImportError

# A FRUS document is a few kilobytes; a whole TEI volume is tens of megabytes. Past this we
# refuse rather than freeze the window.
MAX_BYTES = 64 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes, *, name: str = "input") -> str:
    """Decode a text file: UTF-8 (BOM or not), UTF-16/32 with BOM, else cp1252.

    Line ends become "\\n". Raises DocumentImportError for empty, binary or huge input.
    """
    if len(data) > MAX_BYTES:
        raise DocumentImportError(
            f"{name} is too large ({len(data) / 1e6:.1f} MB; the limit is "
            f"{MAX_BYTES // (1024 * 1024)} MB)."
        )
    text = _decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentImportError(f"{name} is empty: there is no text to read.")
    if _looks_binary(text):
        raise DocumentImportError(f"{name} does not look like a text document (binary data).")
    return text


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentImportError(
                    f"{name} starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} ({exc.reason} at byte {exc.start + len(bom)})."
                ) from exc
    if b"\x00" in data[:4096]:
        raise DocumentImportError(f"{name} does not look like a text document (binary data).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Windows copies of history.state.gov pages: cp1252. Its five unassigned bytes become
    # U+FFFD, which the binary check counts.
    return data.decode("cp1252", errors="replace")


_CONTROLS_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = len(_CONTROLS_RE.findall(sample))
    replaced = sample.count("\ufffd")
    return "\x00" in sample or (controls + replaced) > max(8, len(sample) // 20)
