"""House rules on the shape of the code, checked on the AST of every module of ``tracker/``.

* No function (or method) longer than ``MAX_FUNCTION_LINES`` lines, decorators excluded: a long
  decision function hides its order of rules; split it into well-named helpers.
* No bare numeric threshold inside a function of ``tracker/extract/``: a number the code compares
  with, slices by, or passes to a call (also as an operand of ``+``/``-`` there, as in
  ``pos - 400`` or ``k < len(toks) - 6``) must be a named module-level constant with a comment
  giving its reason. Allowed bare: 0, 1 and -1 (first, next, last, empty), regex group numbers
  (``m.group(2)``), and 2 only where it plainly means a pair: as an offset (``k + 2``, the token
  after next) or in ``>= 2`` / ``< 2`` (at least a pair). ``<= 2``, ``> 2``, ``== 2``, a slice
  ``[:-2]`` or ``f(x, 2)`` are tunings or lengths: name them (``len("’s")`` states a length).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"
MAX_FUNCTION_LINES = 60  # the house rule (STYLE.md)
EXTRACT = PACKAGE / "extract"
_BARE_OK = frozenset({0, 1, -1})
_GROUP_METHODS = frozenset({"group", "start", "end", "span"})  # regex group numbers, not thresholds


def _modules(root: Path) -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(root.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> list[tuple[str, int]]:
    """(name, lines) of each function in ``source`` longer than ``limit`` lines."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if lines > limit:
                out.append((node.name, lines))
    return out


def test_long_function_is_found() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    assert long_functions(f"def f():\n{body}\n") == [("f", MAX_FUNCTION_LINES + 1)]
    short = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES - 1))
    assert long_functions(f"def f():\n{short}\n") == []


def test_no_function_over_the_limit() -> None:
    found = [f"{path.relative_to(PACKAGE.parent)}: {name} ({lines} lines)"
             for path, _ in _modules(PACKAGE)
             for name, lines in long_functions(path.read_text(encoding="utf-8"))]
    assert found == [], f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(found)


def _number(node: ast.expr) -> float | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _number(node.operand)
        return None if inner is None else -inner
    return None


def _literals(node: ast.expr, offset: bool = False) -> Iterator[tuple[ast.expr, float, bool]]:
    """The number ``node`` is, or the numbers of the ``+``/``-`` arithmetic it is (flagged as offsets)."""
    value = _number(node)
    if value is not None:
        yield node, value, offset
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
        yield from _literals(node.left, True)
        yield from _literals(node.right, True)


def _places(node: ast.AST) -> Iterator[tuple[ast.expr, list[ast.cmpop] | None]]:
    """Where a number is a threshold: compared, a slice bound, or a call's argument."""
    if isinstance(node, ast.Compare):
        yield from ((side, node.ops) for side in (node.left, *node.comparators))
    elif isinstance(node, ast.Slice):
        yield from ((bound, None) for bound in (node.lower, node.upper, node.step) if bound is not None)
    elif isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _GROUP_METHODS:
            return
        yield from ((arg, None) for arg in (*node.args, *(k.value for k in node.keywords)))


def bare_numbers(source: str) -> list[tuple[int, float]]:
    """(line, value) of each bare numeric threshold inside the functions of ``source``."""
    found: dict[int, tuple[int, float]] = {}
    for func in ast.walk(ast.parse(source)):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            for place, ops in _places(node):
                for literal, value, offset in _literals(place):
                    pair = offset or (ops is not None and all(isinstance(o, ast.GtE | ast.Lt) for o in ops))
                    if value in _BARE_OK or (value == 2 and pair):
                        continue
                    found[id(literal)] = (literal.lineno, value)
    return sorted(found.values())


def test_bare_numbers_are_found() -> None:
    code = """
LIMIT = 8
def f(toks, pos, m):
    a = toks[:40]
    b = len(toks) - 6 > pos
    c = min(pos, pos + 300)
    d = toks[k + 2] if len(toks) >= 2 and k + 2 < len(toks) else m.group(3)
    e = len(toks) <= 2 or toks[:-2]
    return toks[:LIMIT], pos < LIMIT, toks[-1], toks[1:], a, b, c, d, e
"""
    assert [v for _, v in bare_numbers(code)] == [40, 6, 300, -2, 2]  # by line, then value


def test_no_bare_thresholds_in_extract() -> None:
    found = []
    for path, _ in _modules(EXTRACT):
        rel = path.relative_to(EXTRACT).as_posix()
        found += [f"tracker/extract/{rel}:{line}: {value:g}" for line, value in bare_numbers(path.read_text("utf-8"))]
    assert found == [], "bare numeric thresholds (name them with a reason):\n" + "\n".join(found)
