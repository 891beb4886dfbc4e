"""Bytes to text: BOMs, UTF-16, mojibake repair, newline normalisation, binary detection."""

from __future__ import annotations

import codecs
import re

import ftfy
from ftfy.badness import is_bad

from ..errors import InputError

# Control characters other than tab, newline, carriage return and form feed mark binary data.
_BINARY_CONTROLS = frozenset(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
_SNIFF = 8192
#: Longest control string (OSC title or link, DCS ...) removed as one sequence: terminals end them
#: at BEL or ST, but an unterminated one must not swallow the rest of an article.
MAX_CONTROL_STRING = 2048
# Terminal escape sequences in article text (pasted from a terminal or log, or planted): removed
# whole, since removing only ESC would leave "[2J" behind, read as the claim "2 J". CSI (colours,
# screen clears), control strings (OSC window titles and hidden OSC 8 links, DCS, SOS, PM, APC)
# up to BEL or ST, and the short ESC forms; each in its 7-bit and C1 spelling.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    rf"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]{{0,{MAX_CONTROL_STRING}}}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# Controls left after escapes: line-like ones (VT, FF, NEL) end a line, the rest (NUL, BEL, BS,
# DEL, C1 ...) are removed: none is text, and a NUL inside a name must not cut it.
_LINE_CONTROLS = re.compile(r"[\x0b\x0c\x85]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first few KB mean the file is not text."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b in _BINARY_CONTROLS)
    return controls / len(head) > 0.05


def decode_text(data: bytes, path: str) -> str:
    """Decode article bytes to text with ``\\n`` newlines; raise InputError naming ``path``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted; anything else that is not
    valid UTF-8 is refused rather than guessed, so no text is silently corrupted. Mojibake
    (UTF-8 read as Latin-1 somewhere upstream) is repaired with ftfy.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 at byte {exc.start}", path) from None
    else:
        if looks_binary(data):
            raise InputError("binary file, not text (expected UTF-8 .txt, .md or .jsonl)", path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "re-save the file as UTF-8",
                path,
                line,
            ) from None
    return repair_text(text)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; other characters are untouched."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def repair_text(text: str) -> str:
    """Newlines normalised, a stray BOM dropped, mojibake fixed only where it is present, and
    control characters and terminal escape sequences removed (``strip_controls``).

    ftfy's full ``fix_text`` also uncurls quotes and changes widths; we only want its encoding
    repair, and only when its detector finds mojibake, so clean text keeps every character.
    Controls go last: C1 characters can be part of mojibake that ftfy repairs. This is the text
    claim-file spans and sha256 refer to, and ``check`` and the reports re-read bodies through it.
    """
    text = normalize_newlines(text).lstrip("\ufeff")
    if is_bad(text):
        text = ftfy.fix_encoding(text)
    return strip_controls(text)


def strip_controls(text: str) -> str:
    """``text`` without terminal escape sequences and C0/C1 controls (tab and newline kept; VT,
    FF and NEL become newlines). Linear time: each escape match is bounded."""
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", _LINE_CONTROLS.sub("\n", text))
