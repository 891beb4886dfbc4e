"""House rules on the shape of the code, checked on the AST of every module of ``tracker/``.

* No function (or method) longer than ``MAX_FUNCTION_LINES`` lines, decorators excluded: a long
  decision function hides its order of rules; split it into well-named helpers.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"
MAX_FUNCTION_LINES = 60  # the house rule (STYLE.md)


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
