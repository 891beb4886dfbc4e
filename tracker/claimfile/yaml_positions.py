"""A claim file read once, at C speed, into both readings ``tracker check`` compares, with positions.

``check`` needs every value's line and column (for ``path:line:col`` problems), the file as
YAML 1.2 readers (editors, ruamel) see it, and where PyYAML's ``safe_load`` (YAML 1.1) reads a
value differently. ruamel's round-trip parser gives the first two but is pure Python: about
19 s and 160 MB per MB of claim file, and PyYAML's pure loader as much again. Here libyaml's
event stream (when PyYAML has it) is walked once: mappings and lists carry an ``lc`` like
ruamel's (``line``, ``col``, ``key(k)``, ``item(i)``, 0-based), and each scalar is read both
ways as it arrives.

Anything unusual (a parse error, a duplicated key, a value no constructor takes, a merge key,
an anchor, alias or tag, deep nesting) returns None, and the caller falls back to the safety
scan and the ruamel reader, whose messages explain it: the fast path only reads well-formed,
plain files, and refuses an alias before anything could expand it.
"""

from __future__ import annotations

from array import array
from typing import Any, NamedTuple

import yaml

from ..ingest.safeyaml import Yaml12Loader

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: Positions are packed into one integer, line above column, and kept in a compact array: a 10 MB
#: claim file has a million of them. Columns beyond this wrap (a line that long is no claim file's).
_COLUMN_BITS = 20


_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


def _pack(at: tuple[int, int]) -> int:
    return at[0] << _COLUMN_BITS | (at[1] & _COLUMN_MASK)


def _unpack(packed: int) -> tuple[int, int]:
    return packed >> _COLUMN_BITS, packed & _COLUMN_MASK


class PositionedMap(dict[Any, Any]):
    """A mapping that knows where it starts (``line``, ``col``) and where each key is
    (``key(k)``), 0-based, as ruamel's ``lc``; ``lc`` is the mapping itself."""

    __slots__ = ("_at", "col", "line")

    def __init__(self, at: tuple[int, int]) -> None:
        super().__init__()
        self.line, self.col = at
        self._at = array("q")

    @property
    def lc(self) -> PositionedMap:
        return self

    def key(self, key: Any) -> tuple[int, int]:
        return _unpack(self._at[list(self).index(key)])


class PositionedSeq(list[Any]):
    """A list that knows where it starts and where each item is (``item(i)``), as ``PositionedMap``."""

    __slots__ = ("_at", "col", "line")

    def __init__(self, at: tuple[int, int]) -> None:
        super().__init__()
        self.line, self.col = at
        self._at = array("q")

    @property
    def lc(self) -> PositionedSeq:
        return self

    def item(self, index: int) -> tuple[int, int]:
        return _unpack(self._at[index])


class _Unusual(Exception):
    """Leave this file to the ruamel reader."""


_STR = "tag:yaml.org,2002:str"
#: Plain scalars up to this length are resolved once per file (``null``, ``unreviewed``, ``12``):
#: claim files repeat them on every record.
_CACHED_CHARS = 64
#: The same bound on nesting as the safety scan (``yaml_roundtrip.MAX_DEPTH``): deeper goes to it.
_MAX_DEPTH = 32


class _Readers:
    def __init__(self) -> None:
        self.v11 = yaml.SafeLoader("")
        self.v12 = Yaml12Loader("")
        self.cache: dict[str, tuple[Any, Any]] = {}

    def scalar(self, event: yaml.ScalarEvent, in_flow: bool) -> tuple[Any, Any]:
        if event.tag not in (None, "!") or event.anchor is not None:
            raise _Unusual
        value = event.value
        if event.style:  # quoted or a block scalar: text for every reader
            return value, value
        if in_flow and ("?" in value or ":" in value):
            raise _Unusual  # libyaml reads ``{note: why?}``; PyYAML's pure reader cannot
        cached = self.cache.get(value)
        if cached is None:
            cached = (self._construct(self.v12, value), self._construct(self.v11, value))
            if len(value) <= _CACHED_CHARS:
                self.cache[value] = cached
        return cached

    @staticmethod
    def _construct(reader: Any, value: str) -> Any:
        tag = reader.resolve(yaml.ScalarNode, value, (True, False))
        if tag == _STR:
            return value
        constructor = reader.yaml_constructors.get(tag)
        if constructor is None:
            raise _Unusual  # a merge key ``<<``, a ``=`` value
        return constructor(reader, yaml.ScalarNode(tag, value, None, None, None))


class Difference(NamedTuple):
    """A scalar YAML 1.2 and PyYAML (YAML 1.1) read differently: ``container[key]`` at ``where``."""

    container: Any
    key: Any
    where: str
    value: Any  # YAML 1.2
    other: Any  # PyYAML


class _Frame:
    """An open mapping or list: its key waiting for a value, and the 1.1 keys seen (duplicates)."""

    __slots__ = ("flow", "key", "key11", "keys11", "node", "start", "where")

    def __init__(self, node: PositionedMap | PositionedSeq, where: str, start: Any) -> None:
        self.node, self.where, self.start = node, where, start
        self.flow = bool(start.flow_style)
        self.key: Any = _NO_KEY
        self.key11: Any = _NO_KEY
        self.keys11: set[Any] = set()


_TAB_AFTER_COLON = ":\t"


def read_positioned(text: str) -> tuple[Any, list[Difference]] | None:
    """``(YAML 1.2 document with positions, where PyYAML reads a scalar differently)``, or None.

    Only the YAML 1.2 document is built; the PyYAML reading of each scalar is compared as it is
    read, so memory holds one tree. Anchors, aliases, tags and nesting deeper than ``_MAX_DEPTH``
    also give None: the event is refused before anything is built from it, and the caller's
    safety scan then names it (see the module doc).
    """
    if _TAB_AFTER_COLON in text:
        return None  # libyaml accepts a tab there, the round-trip reader that merges files does not
    readers = _Readers()
    stack: list[_Frame] = []
    result: list[Any] = []
    differences: list[Difference] = []
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.ScalarEvent):
                values = readers.scalar(event, bool(stack) and stack[-1].flow)
                _add(stack, result, differences, values, _mark(event))
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                if event.tag not in (None, "!") or event.anchor is not None or len(stack) >= _MAX_DEPTH:
                    raise _Unusual
                node: PositionedMap | PositionedSeq = (
                    PositionedMap(_mark(event)) if isinstance(event, yaml.MappingStartEvent)
                    else PositionedSeq(_mark(event)))
                stack.append(_Frame(node, _where(stack), event))
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                frame = stack.pop()
                _add(stack, result, differences, (frame.node, frame.node), _mark(frame.start))
            elif isinstance(event, yaml.AliasEvent):
                raise _Unusual
    except (_Unusual, yaml.YAMLError, ValueError, OverflowError, TypeError):
        return None
    return (result[0] if len(result) == 1 else None), differences


_NO_KEY = object()


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line, mark.column) if mark is not None else (0, 0)


def _where(stack: list[_Frame]) -> str:
    """The path of the container about to open, as ``check`` prints it (``.quotes[0].review``)."""
    if not stack:
        return ""
    parent = stack[-1]
    if isinstance(parent.node, PositionedSeq):
        return f"{parent.where}[{len(parent.node)}]"
    return f"{parent.where}.{parent.key}"


def _add(stack: list[_Frame], result: list[Any], differences: list[Difference], values: tuple[Any, Any],
         at: tuple[int, int]) -> None:
    value, other = values
    if not stack:
        result.append(value)
        return
    frame = stack[-1]
    node = frame.node
    if isinstance(node, PositionedSeq):
        if value is not other and (type(value) is not type(other) or value != other):
            differences.append(Difference(node, len(node), f"{frame.where}[{len(node)}]", value, other))
        node._at.append(_pack(at))
        node.append(value)
    elif frame.key is _NO_KEY:
        if value in node or other in frame.keys11 or other == "<<":  # raises TypeError when unhashable
            raise _Unusual
        frame.keys11.add(other)
        frame.key, frame.key11 = value, other
        node._at.append(_pack(at))
    else:
        if value is not other and (type(value) is not type(other) or value != other):
            differences.append(Difference(node, frame.key, f"{frame.where}.{frame.key}", value, other))
        node[frame.key] = value
        frame.key = frame.key11 = _NO_KEY
