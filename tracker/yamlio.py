"""YAML that humans edit and PyYAML reads back: safe loading, deterministic dumping, atomic writes.

Claim files are written with ruamel.yaml in round-trip mode so that a re-run can update a file
a reviewer has edited without losing their comments or key order. Every scalar is emitted so
that both ruamel (YAML 1.2) and PyYAML ``safe_load`` (YAML 1.1) read the same value back.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .errors import ClaimFileError

MAX_YAML_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32  # claim files nest 5 levels; the loaders recurse once per level
_OPENING = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockSequenceStartToken,
            yaml.BlockMappingStartToken)
_CLOSING = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)
_RESOLVER = yaml.resolver.Resolver()


def make_yaml() -> YAML:
    rt = YAML(typ="rt")
    rt.width = 1_000_000  # never fold long sentences: diffs stay one line per change
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.allow_unicode = True
    rt.preserve_quotes = True  # a re-run must not re-quote what it wrote
    rt.representer.add_representer(float, _represent_float)
    return rt


def _represent_float(representer: Any, value: float) -> Any:
    """Floats in the one spelling YAML 1.1 and 1.2 agree on: a dot, and a signed exponent."""
    if math.isnan(value):
        text = ".nan"
    elif math.isinf(value):
        text = ".inf" if value > 0 else "-.inf"
    else:
        text = repr(value)
        if "e" in text:
            mantissa, exponent = text.split("e")
            if "." not in mantissa:
                mantissa += ".0"
            sign = "-" if exponent.startswith("-") else "+"
            text = f"{mantissa}e{sign}{exponent.lstrip('+-')}"
        elif "." not in text:
            text += ".0"
    return representer.represent_scalar("tag:yaml.org,2002:float", text)


def scan_for_unsafe(text: str, path: str) -> None:
    """Refuse anchors, aliases and tags before anything is built from the text.

    Claim files never need them, and refusing them up front defeats alias bombs ("billion
    laughs") and object-constructing tags in linear time and constant memory.
    """
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, _OPENING):
                depth += 1
                if depth > MAX_DEPTH:  # the loaders recurse once per level
                    raise ClaimFileError(f"YAML nested more than {MAX_DEPTH} levels deep", path,
                                         token.start_mark.line + 1)
            elif isinstance(token, _CLOSING):
                depth -= 1
            if isinstance(token, yaml.AliasToken | yaml.AnchorToken):
                kind = "alias" if isinstance(token, yaml.AliasToken) else "anchor"
                raise ClaimFileError(
                    f"YAML {kind} '{token.value}' is not allowed in claim files",
                    path,
                    token.start_mark.line + 1,
                )
            if isinstance(token, yaml.TagToken):
                handle, suffix = token.value
                raise ClaimFileError(
                    f"YAML tag '{handle or ''}{suffix}' is not allowed in claim files",
                    path,
                    token.start_mark.line + 1,
                )
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, path) from None
    except yaml.YAMLError as exc:  # a ReaderError: a character YAML does not allow (control codes)
        position = getattr(exc, "position", None)
        line = text[:position].count("\n") + 1 if isinstance(position, int) else None
        raise ClaimFileError(f"malformed YAML: {str(exc).splitlines()[0]}", path, line) from None


def _syntax_error(exc: yaml.MarkedYAMLError, path: str) -> ClaimFileError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    column = f" (column {mark.column + 1})" if mark is not None else ""
    return ClaimFileError(f"malformed YAML: {exc.problem or exc.context}{column}", path, line)


def read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            raise ClaimFileError(f"file is {size} bytes; claim files are limited to {MAX_YAML_BYTES}", str(path))
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ClaimFileError("not valid UTF-8", str(path)) from None
    except OSError as exc:
        raise ClaimFileError(f"cannot read: {exc.strerror}", str(path)) from None


def load_plain(path: Path) -> Any:
    """Plain Python data from a YAML file, after the safety scan."""
    text = read_text(path)
    scan_for_unsafe(text, str(path))
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, str(path)) from None
    except (ValueError, OverflowError) as exc:  # an unquoted timestamp that is no date ("2020-13-45")
        raise ClaimFileError(f"malformed YAML: {exc} (quote dates: \"2020-01-02\")", str(path)) from None


def load_roundtrip(path: Path) -> Any:
    """A ruamel round-trip document (comments kept), after the safety scan."""
    text = read_text(path)
    scan_for_unsafe(text, str(path))
    try:
        return make_yaml().load(text)
    except RuamelError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ClaimFileError(f"malformed YAML: {getattr(exc, 'problem', exc)}", str(path),
                             mark.line + 1 if mark else None) from None
    except TypeError as exc:  # a mapping used as a key: ruamel cannot hash it
        raise ClaimFileError(f"malformed YAML: {exc} (a mapping or list used as a key)", str(path)) from None
    except (ValueError, OverflowError) as exc:  # an unquoted timestamp that is no date ("2020-13-45")
        raise ClaimFileError(f"malformed YAML: {exc} (quote dates: \"2020-01-02\")", str(path)) from None


def dump(doc: Any, header: str = "") -> str:
    buffer = io.StringIO()
    buffer.write(header)
    make_yaml().dump(doc, buffer)
    return buffer.getvalue()


def scalar(value: Any) -> Any:
    """A value both YAML 1.1 and 1.2 readers load identically."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 2**53:
            return int(value)
        return value  # represented by _represent_float below
    if isinstance(value, str):
        if _needs_quotes(value):
            return DoubleQuotedScalarString(value)
        return value
    return value


def _needs_quotes(text: str) -> bool:
    """Quote strings that some YAML reader would turn into a bool, number, date or null."""
    if text == "" or text != text.strip():
        return True
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag != "tag:yaml.org,2002:str":
        return True
    lowered = text.lower()
    return lowered in {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"} or (
        ":" in text and text.replace(":", "").replace(".", "").isdigit()
    )


def flow_seq(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def flow_map(pairs: dict[str, Any]) -> CommentedMap:
    mapping = CommentedMap(pairs)
    mapping.fa.set_flow_style()
    return mapping


def atomic_write(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` all at once (temp file, fsync, rename). Returns False if unchanged.

    A reader, or a crash at any moment, sees either the old file or the new one, never a mix.
    """
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)
    return True


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
