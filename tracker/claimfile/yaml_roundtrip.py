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
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarfloat import ScalarFloat
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .. import fsio
from ..errors import ClaimFileError
from ..interrupts import deferred
from .yaml_errors import ADVICE, value_error, yaml_error
from .yaml_fast import plain_ok

MAX_YAML_BYTES = 64 * 1024 * 1024
#: A new output file's mode before the umask, as ``open()`` uses: readable by others unless the
#: user's umask says otherwise (reports are served from shared drives and web servers).
NEW_FILE_MODE = 0o666
# libyaml's C scanner and loader when PyYAML was built with it: ten times faster on claim folders.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
    # Floats read back from a file re-dump through the same spelling (ruamel's own rounds digits).
    rt.representer.add_representer(ScalarFloat, _represent_float)
    return rt


def _represent_float(representer: Any, value: float) -> Any:
    """Floats in the one spelling YAML 1.1 and 1.2 agree on: a dot, and a signed exponent."""
    if math.isnan(value):
        text = ".nan"
    elif math.isinf(value):
        text = ".inf" if value > 0 else "-.inf"
    else:
        text = repr(float(value))
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
    try:
        _scan(text, path, _SAFE_LOADER)
    except ClaimFileError:
        if _SAFE_LOADER is yaml.SafeLoader:
            raise
        _scan(text, path, yaml.SafeLoader)  # libyaml reads ahead: find the first problem in order
        raise


def _scan(text: str, path: str, loader: Any) -> None:
    depth = 0
    try:
        for token in yaml.scan(text, Loader=loader):
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
        raise yaml_error(exc, text, path) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a raw control
        line = text.count("\n", 0, exc.position) + 1
        char = chr(exc.character) if isinstance(exc.character, int) else exc.character
        raise ClaimFileError(f"malformed YAML: character {char!r} is not allowed; write it as an "
                             "escape inside double quotes", path, line) from None
    except yaml.YAMLError as exc:  # a ReaderError: a character YAML does not allow (control codes)
        position = getattr(exc, "position", None)
        where = text[:position].count("\n") + 1 if isinstance(position, int) else None
        raise ClaimFileError(f"malformed YAML: {str(exc).splitlines()[0]}", path, where) from None


def read_text(path: Path) -> str:
    """A claim file's text: a regular file inside its own folder (a committed link to ``/dev/zero``,
    a FIFO or a file elsewhere is refused), at most ``MAX_YAML_BYTES``."""
    return fsio.read_text(path, MAX_YAML_BYTES, root=path.parent, what="a claim file", error=ClaimFileError)


def load_plain(path: Path) -> Any:
    """Plain Python data from a YAML file, after the safety scan."""
    return parse_plain(read_text(path), str(path))


def parse_plain(text: str, where: str) -> Any:
    """Plain Python data from ``text`` (read from ``where``), after the safety scan; a key given
    twice in one mapping is refused, as the round-trip reader (``check``, ``extract``) refuses it."""
    scan_for_unsafe(text, where)
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.MarkedYAMLError as exc:
        raise _pyyaml_error(text, where, exc) from None
    except (ValueError, OverflowError) as exc:  # an unquoted timestamp that is no date ("2020-13-45")
        raise value_error(text, where, exc) from None


def _refuse_duplicate_keys(loader: Any, node: yaml.MappingNode, deep: bool) -> None:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            duplicate = key in seen
            seen.add(key)
        except TypeError:  # an unhashable key: PyYAML's own error follows
            continue
        if duplicate:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (keep one of them)", key_node.start_mark)


class _UniqueKeyLoader(_SAFE_LOADER):  # type: ignore[misc]
    """The safe loader, refusing duplicate keys: PyYAML would silently keep the last value."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        _refuse_duplicate_keys(self, node, deep)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


class _UniqueKeyPyLoader(yaml.SafeLoader):
    """``_UniqueKeyLoader`` in pure Python, whose error marks are the ones editors show."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        _refuse_duplicate_keys(self, node, deep)
        return super().construct_mapping(node, deep=deep)


def load_roundtrip(path: Path) -> Any:
    """A ruamel round-trip document (comments kept), after the safety scan."""
    return parse_roundtrip(read_text(path), str(path))


def parse_roundtrip(text: str, where: str) -> Any:
    """``text`` (read from ``where``) as a ruamel round-trip document, after the safety scan."""
    scan_for_unsafe(text, where)
    try:
        return make_yaml().load(text)
    except (ValueError, OverflowError) as exc:  # a value no type accepts, e.g. the date 0000-00-00
        raise value_error(text, where, exc) from None
    except RuamelError as exc:  # said as PyYAML finds it: one wording and one position everywhere
        raise _pyyaml_error(text, where, exc) from None
    except TypeError as exc:  # a mapping used as a key: ruamel cannot hash it
        raise ClaimFileError(f"malformed YAML: {exc} (a mapping or list used as a key)", where) from None


def _pyyaml_error(text: str, where: str, exc: RuamelError | yaml.MarkedYAMLError) -> ClaimFileError:
    """The syntax error in ``text`` as PyYAML's pure-Python parser places it (libyaml and ruamel
    each place some errors a line off); ruamel's own words when PyYAML reads the text."""
    try:
        yaml.load(text, Loader=_UniqueKeyPyLoader)
    except yaml.MarkedYAMLError as pyyaml_exc:
        return yaml_error(pyyaml_exc, text, where)
    except (yaml.YAMLError, ValueError, OverflowError, TypeError):
        pass
    if isinstance(exc, yaml.MarkedYAMLError):
        return yaml_error(exc, text, where)
    mark = getattr(exc, "problem_mark", None)
    return ClaimFileError(f"malformed YAML: {getattr(exc, 'problem', exc)} ({ADVICE})", where,
                          mark.line + 1 if mark else None, mark.column + 1 if mark else None)


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
        if _needs_quotes(value) or not plain_ok(value):
            return DoubleQuotedScalarString(value)
        return value
    return value


# Characters a plain scalar must not hold: YAML line breaks (NEL, LS, PS fold into spaces), the
# byte-order mark, tabs and other controls, and anything outside YAML's printable set.
_UNSAFE_PLAIN = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


#: Distinct strings whose verdict is remembered (a pure function of the text; files repeat them).
_QUOTES_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_QUOTES_CACHE_SIZE)
def _needs_quotes(text: str) -> bool:
    """Quote strings that some YAML reader would turn into a bool, number, date or null, or alter."""
    if text == "" or text != text.strip() or _UNSAFE_PLAIN.search(text):
        return True
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag != "tag:yaml.org,2002:str":
        return True
    lowered = text.lower()
    return lowered in {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"} or (
        ":" in text and text.replace(":", "").replace(".", "").isdigit()
    )


_FLOW_SAFE = re.compile(r"[^\W_][^,:?\[\]{}#\x00-\x1f]*")  # PyYAML ends a plain scalar in {...} at ,:?[]{}


def flow_scalar(value: Any) -> Any:
    """A value inside ``{...}``: strings other than plain words are double-quoted.

    Readers disagree on which indicators (``?``, ``:``, ``,``, ``#``, brackets) end a plain
    scalar in flow context, so any string holding one, or not starting with a letter or digit,
    is quoted. The rule is the fast writer's (``plain_ok`` in flow: words only), so a file it
    wrote and one the merge rewrote never differ in quoting (``’s aide`` stays plain in both).
    """
    if isinstance(value, str) and not isinstance(value, DoubleQuotedScalarString) and (
            _needs_quotes(value) or not plain_ok(value, in_flow=True)):
        return DoubleQuotedScalarString(value)
    return scalar(value)


def _requoted(value: Any, flow: bool) -> Any:
    """``value`` as it must be written for PyYAML to read what ruamel read, or None if it is fine."""
    if type(value) is str:
        # In flow, what the fast writer leaves plain (words only, ``plain_ok``) reads the same everywhere.
        return DoubleQuotedScalarString(value) if _needs_quotes(value) or (
            flow and not _FLOW_SAFE.fullmatch(value) and not plain_ok(value, in_flow=True)) else None
    if isinstance(value, bool) or value is None or type(value) in (int, float):
        return None
    if isinstance(value, int | float):  # ruamel keeps a typed number's spelling ("08", "0o17", "1_000", "1e3")
        return int(value) if isinstance(value, int) else float(value)
    return None


def requote(node: Any, flow: bool = False) -> None:
    """Rewrite values a person typed that PyYAML would read differently (``note: yes``, ``08``), or
    cannot read at all in ``{...}`` (``note: why?``), so the file keeps one meaning for every reader.

    Values tracker wrote never change: they are already written in the one spelling both agree on.
    """
    if isinstance(node, CommentedMap):
        flow = flow or bool(node.fa.flow_style())
        for key, value in node.items():
            fixed = _requoted(value, flow)
            if fixed is not None:
                node[key] = fixed
            else:
                requote(value, flow)
    elif isinstance(node, CommentedSeq):
        flow = flow or bool(node.fa.flow_style())
        for index, value in enumerate(node):
            fixed = _requoted(value, flow)
            if fixed is not None:
                node[index] = fixed
            else:
                requote(value, flow)


def check_pyyaml_reads(text: str, path: str) -> None:
    """Raise ClaimFileError unless ``yaml.safe_load`` reads ``text`` (the claim-file contract)."""
    try:
        yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        raise yaml_error(exc, text, path) from None
    except (ValueError, OverflowError) as exc:
        raise value_error(text, path, exc) from None
    except yaml.YAMLError as exc:
        raise ClaimFileError(f"malformed YAML: {exc}", path) from None


def flow_seq(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def flow_map(pairs: dict[str, Any]) -> CommentedMap:
    mapping = CommentedMap(pairs)
    mapping.fa.set_flow_style()
    return mapping


class ChangedOnDisk(ClaimFileError):
    """The file is no longer what the caller read: someone saved it meanwhile."""


#: ``expect`` value meaning "replace whatever is there" (outputs no person edits).
ANY: Any = object()


def atomic_write(path: Path, text: str, sync_dir: bool = True, expect: bytes | None = ANY) -> bool:
    """Write ``text`` to ``path`` all at once (temp file, fsync, rename). Returns False if unchanged.

    A reader, or a crash at any moment, sees either the old file or the new one, never a mix.
    With ``sync_dir=False`` the caller syncs the folder once after a batch of writes. With
    ``expect`` (the bytes read before, None for no file) the rename happens only if the file
    still holds them, checked just before it; otherwise ChangedOnDisk, and nothing is written.
    """
    data = text.encode("utf-8")
    if _holds(path, data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    with deferred():  # Ctrl-C waits until the temporary file is renamed or removed
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            # mkstemp makes 0600; a report on a shared drive or web server must be readable as open() would
            # make it (the files it replaces were, too, whatever mode an earlier run left them with)
            os.fchmod(fd, NEW_FILE_MODE & ~current_umask())
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if expect is not ANY and not _still(path, expect):
                raise ChangedOnDisk("changed on disk while it was merged", str(path))
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    if sync_dir:
        fsync_dir(path.parent)
    return True


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


def _holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data`` (read no further than that)."""
    try:
        with fsio.open_regular(path, error=ClaimFileError) as handle:
            return handle.read(len(data) + 1) == data
    except (ClaimFileError, OSError):
        return False


def _still(path: Path, expected: bytes | None) -> bool:
    """Whether ``path`` holds ``expected`` (None: does not exist)."""
    if expected is None:
        return not os.path.lexists(path)
    return _holds(path, expected)


def fsync_dir(folder: Path) -> None:
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
