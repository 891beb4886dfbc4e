"""No word list of ``tracker/`` duplicates another; shared English comes from ``tracker.lexicon``.

A *word list* is a module-level name bound to a literal collection of words: ``wordset("…")``,
``frozenset("…".split())``, a set, tuple or list of strings, or a dict keyed by strings. Two are
duplicates when they hold the same words, or when one spells out a whole concept of
``tracker.lexicon`` (all twelve month names, all seven weekdays, every personal title, every
article and possessive determiner) instead of importing it. Same name, different words is fine:
``_TIME_WORDS`` of dates and of clock times are two concepts. The claim-file contract's key
lists and the CLI's option values (``claimfile/``, ``commands/``, ``cli.py``) are field names, not
English, and are left to the contract's own checks.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tracker import lexicon

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"
NOT_ENGLISH = ("claimfile/", "commands/", "cli.py")  # field names and option values
MIN_WORDS = 3  # two-word tuples ("’s", "'s") are spellings, not word lists
#: The concepts a module must import rather than spell out.
SHARED = {
    "MONTH_NAMES": lexicon.MONTH_NAMES,
    "WEEKDAYS": lexicon.WEEKDAYS,
    "DETERMINERS": lexicon.DETERMINERS,
    "PERSONAL_TITLES": lexicon.PERSONAL_TITLES,
}


def _strings(nodes: list[ast.expr]) -> frozenset[str] | None:
    if all(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in nodes):
        return frozenset(str(n.value) for n in nodes if isinstance(n, ast.Constant))
    return None


def _words(node: ast.expr) -> frozenset[str] | None:
    """The words of a literal word collection, None for anything else."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1 and not node.keywords:
        arg = node.args[0]
        if node.func.id == "wordset" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            return frozenset(arg.value.split())
        if node.func.id in ("frozenset", "set", "tuple"):
            return _words(arg)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split":
        target = node.func.value
        if not node.args and isinstance(target, ast.Constant) and isinstance(target.value, str):
            return frozenset(target.value.split())
    if isinstance(node, ast.Set | ast.Tuple | ast.List):
        return _strings(node.elts)
    if isinstance(node, ast.Dict) and None not in node.keys:
        return _strings([k for k in node.keys if k is not None])
    return None


def word_lists(source: str, where: str) -> Iterator[tuple[str, frozenset[str]]]:
    """("where:NAME", words) of each module-level word list in ``source``."""
    for stmt in ast.parse(source).body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            target, value = stmt.target, stmt.value
        else:
            continue
        words = _words(value)
        if words is not None and len(words) >= MIN_WORDS:
            yield f"{where}:{target.id}", words


def duplicates(lists: list[tuple[str, frozenset[str]]]) -> list[str]:
    """Each word list equal to an earlier one, or spelling out a shared concept."""
    out = []
    seen: dict[frozenset[str], str] = {}
    for name, words in lists:
        if words in seen:
            out.append(f"{name} repeats {seen[words]}")
        seen.setdefault(words, name)
        out += [f"{name} spells out lexicon.{concept}" for concept, shared in SHARED.items()
                if shared <= words and not name.startswith("lexicon.py:")]
    return out


def _all_lists() -> list[tuple[str, frozenset[str]]]:
    rels = [path.relative_to(PACKAGE).as_posix() for path in sorted(PACKAGE.rglob("*.py"))]
    return [entry for rel in rels if not rel.startswith(NOT_ENGLISH)
            for entry in word_lists((PACKAGE / rel).read_text(encoding="utf-8"), rel)]


def test_duplicates_are_found() -> None:
    a = 'A = wordset("x y z")\nB = frozenset({"z", "y", "x"})\nC = ("x", "y")\n'
    b = 'M = wordset("january february march april may june july august september october november december")\n'
    assert duplicates([*word_lists(a, "a"), *word_lists(b, "b")]) == [
        "a:B repeats a:A", "b:M spells out lexicon.MONTH_NAMES"]


def test_lists_are_read() -> None:
    assert len(_all_lists()) > 50  # the reader still understands how the modules write their lists


def test_no_word_list_duplicates_another() -> None:
    found = duplicates(_all_lists())
    assert found == [], "word lists defined twice (import them from tracker.lexicon):\n" + "\n".join(found)


def test_one_wordset() -> None:
    """The helper word lists are written with is defined once, in ``tracker.lexicon``."""
    defined = [path.relative_to(PACKAGE).as_posix() for path in sorted(PACKAGE.rglob("*.py"))
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.FunctionDef) and node.name == "wordset"]
    assert defined == ["lexicon.py"]
