"""A fast, deterministic YAML writer for claim files, byte-compatible with the round-trip dumper.

ruamel.yaml's round-trip emitter is what keeps reviewers' comments when a re-run merges into
an edited file, but it is slow (tens of milliseconds per claim file). Fresh files and files with
no human comments are written here instead, in exactly the layout ruamel produces for the same
data (block mappings, 4-space sequences with the dash at 2, flow style for spans and review
maps), so the two paths never fight over formatting. Strings are written plain only when they
are unambiguous to both YAML 1.1 and 1.2 readers; otherwise double-quoted with escapes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import yaml

_RESOLVER = yaml.resolver.Resolver()
_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`-?:")
_YAML11_WORDS = frozenset("yes no on off y n true false null ~".split())
_NUMBERISH = re.compile(r"[-+]?[\d._:]+(?:[eE][-+]?\d+)?|\d{4}-\d\d?-\d\d?.*|0[xob][\da-fA-F_]+|[-+]?\.(?:inf|nan)",
                        re.IGNORECASE)
# The replacements ruamel's emitter uses inside double quotes; matching them keeps both writers identical.
_ESCAPES = {"\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v", "\x0c": "f", "\r": "r",
            "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P"}


class Flow:
    """Marks a list or mapping to be written in flow style (``[1, 2]``, ``{a: b}``)."""

    __slots__ = ("value",)

    def __init__(self, value: list[Any] | Mapping[str, Any]) -> None:
        self.value = value


class FlowMap(dict[str, Any]):
    """A mapping written in flow style that is still a plain ``dict`` (to JSON, digests, equality)."""

    __slots__ = ()


class FlowSeq(list[Any]):
    """A list written in flow style that is still a plain ``list``."""

    __slots__ = ()


_FLOW_TYPES = (Flow, FlowMap, FlowSeq)


def _printable(ch: str) -> bool:
    code = ord(ch)
    return 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


#: A character that ``_printable`` refuses or that plain scalars cannot hold: one scan in C per
#: string rather than a Python call per character (the writer's hottest loop).
_NOT_PLAIN_CHAR = re.compile(r"[:#\ufeff\x85\u2028\u2029]|[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


#: Distinct strings whose plain/quoted verdict is remembered: claim files repeat keys, statuses,
#: outlets and speakers thousands of times, and the verdict is a pure function of the text.
_PLAIN_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_PLAIN_CACHE_SIZE)
def plain_ok(text: str, in_flow: bool = False) -> bool:
    """Can ``text`` be written unquoted so YAML 1.1 and 1.2 readers both read this same string?"""
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if _NOT_PLAIN_CHAR.search(text):
        return False
    if in_flow and not all(ch.isalnum() or ch in " _.-/'’" for ch in text):
        return False  # flow context: only words, so no reader trips over ?, commas or brackets
    if text.lower() in _YAML11_WORDS or _NUMBERISH.fullmatch(text):
        return False
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == "tag:yaml.org,2002:str")


def _quoted(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in "\"\\\x85\u2028\u2029\ufeff" or not _printable(ch):
            code = ord(ch)
            if ch in _ESCAPES:
                out.append("\\" + _ESCAPES[ch])
            elif code <= 0xFF:
                out.append(f"\\x{code:02X}")
            elif code <= 0xFFFF:
                out.append(f"\\u{code:04X}")
            else:
                out.append(f"\\U{code:08X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        sign = "-" if exponent.startswith("-") else "+"
        return f"{mantissa}e{sign}{exponent.lstrip('+-')}"
    return text if "." in text else text + ".0"


def scalar_text(value: Any, in_flow: bool = False) -> str:
    if type(value) is str:  # most values: straight to the (cached) plain-or-quoted verdict
        return value if plain_ok(value, in_flow) else _quoted(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    text = str(value)
    if plain_ok(text, in_flow):
        return text
    return _quoted(text)


def _flow(value: Any) -> str:
    if isinstance(value, Flow):
        value = value.value
    if isinstance(value, Mapping):
        items = ", ".join(f"{k}: {_flow(v) if v is not None else 'null'}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) if v is not None else "null" for v in value) + "]"
    return scalar_text(value, in_flow=True)


def _emit_mapping(mapping: Mapping[str, Any], indent: int, lines: list[str], first_prefix: str | None = None) -> None:
    pad = " " * indent
    for n, (key, value) in enumerate(mapping.items()):
        prefix = first_prefix if (n == 0 and first_prefix is not None) else pad
        _emit_entry(prefix + f"{key}:", value, indent, lines)


def _emit_entry(head: str, value: Any, indent: int, lines: list[str]) -> None:
    if isinstance(value, _FLOW_TYPES):
        lines.append(f"{head} {_flow(value)}")
    elif isinstance(value, dict | Mapping):  # dict first: the ABC check is slow
        if not value:
            lines.append(f"{head} {{}}")
        else:
            lines.append(head)
            _emit_mapping(value, indent + 2, lines)
    elif isinstance(value, list):
        if not value:
            lines.append(f"{head} []")
        else:
            lines.append(head)
            _emit_sequence(value, indent + 2, lines)
    else:
        text = scalar_text(value)
        lines.append(f"{head} {text}" if text else head)


def _emit_sequence(items: list[Any], indent: int, lines: list[str]) -> None:
    dash = " " * indent + "- "
    for item in items:
        if isinstance(item, Mapping) and not isinstance(item, _FLOW_TYPES) and item:
            _emit_mapping(item, indent + 2, lines, first_prefix=dash)
        elif isinstance(item, _FLOW_TYPES):
            lines.append(dash + _flow(item))
        else:
            text = scalar_text(item)
            lines.append(dash + text if text else dash.rstrip())


def dump_fast(doc: Mapping[str, Any], header: str = "") -> str:
    """``doc`` as YAML text; ``Flow`` wrappers, ``FlowMap`` and ``FlowSeq`` select flow style."""
    lines: list[str] = []
    _emit_mapping(doc, 0, lines)
    return header + "\n".join(lines) + "\n"


def from_commented(node: Any) -> Any:
    """A ruamel round-trip tree as plain data with ``Flow`` markers where it is in flow style."""
    kind = type(node)
    if kind in _PLAIN_SCALARS:  # most nodes: no flow lookup, no ABC isinstance (the hot path of a write)
        return node
    if isinstance(node, str):
        return str(node)
    is_map = isinstance(node, dict | Mapping)
    if not is_map and not isinstance(node, list):
        return node
    flow = getattr(getattr(node, "fa", None), "flow_style", lambda: False)()
    if is_map:
        plain_map = {str(k): from_commented(v) for k, v in node.items()}
        return Flow(plain_map) if flow else plain_map
    plain_list = [from_commented(v) for v in node]
    return Flow(plain_list) if flow else plain_list


#: Exact types ``from_commented`` returns as they are (their subclasses, ruamel's, go the long way).
_PLAIN_SCALARS = frozenset({str, int, float, bool, type(None)})
