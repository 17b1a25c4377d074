"""Bytes to text: the encodings our users' files arrive in, and clear errors for the rest."""

from __future__ import annotations

import codecs
import re

from desktop_app.model import DocumentImportError

# A FRUS document is a few kilobytes (the longest are a few hundred). Past this we refuse
# rather than freeze the window for seconds: a 4 MB text already takes that long to lay out.
MAX_BYTES = 5 * 1024 * 1024
MIB = 1024 * 1024

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
            f"{name} is too large ({len(data) / MIB:.1f} MiB; documents up to "
            f"{MAX_BYTES // MIB} MiB can be opened)."
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
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise DocumentImportError(f"{name} does not look like a text document (binary data).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Windows copies of history.state.gov pages: cp1252. Its five unassigned bytes become
    # U+FFFD, which the binary check counts.
    return data.decode("cp1252", errors="replace")


_CONTROLS_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: every other byte of ASCII is zero."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_zero = sample[0::2].count(0) / len(sample[0::2])
    odd_zero = sample[1::2].count(0) / len(sample[1::2])
    for zeros, encoding in ((odd_zero, "utf-16-le"), (even_zero, "utf-16-be")):
        if zeros > 0.6 and min(even_zero, odd_zero) < 0.05:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = len(_CONTROLS_RE.findall(sample))
    replaced = sample.count("\ufffd")
    return "\x00" in sample or (controls + replaced) > max(8, len(sample) // 20)
