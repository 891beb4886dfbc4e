"""Every ``tracker check`` rule, by its registered failing and passing example (yamllint's way)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import ROOT

from tracker.commands.check import check_paths
from tracker.commands.check_rules import EXAMPLE_FILES, RULES, Example, Rule, rules_table


def _problems(tmp_path: Path, example: Example) -> list[tuple[str, str]]:
    """(rule, level) of every problem ``tracker check`` reports on the example's folder."""
    files = dict(EXAMPLE_FILES)
    for name, old, new in example.edits:
        assert old in files[name], f"example edit does not apply: {old!r}"
        files[name] = files[name].replace(old, new, 1)
    files.update(example.files)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [(p.rule, p.level) for p in check_paths([tmp_path / "claims"], strict=example.strict)]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_the_house_example_is_clean(tmp_path: Path) -> None:
    assert _problems(tmp_path, Example(strict=True)) == []


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_rule_fails_its_failing_example_and_passes_its_passing_one(tmp_path: Path, rule: Rule) -> None:
    (tmp_path / "fail").mkdir()
    (tmp_path / "pass").mkdir()
    assert (rule.id, rule.level) in _problems(tmp_path / "fail", rule.failing)
    assert all(found != rule.id for found, _ in _problems(tmp_path / "pass", rule.passing))


def test_every_rule_id_check_can_report_is_registered() -> None:
    """A rule id written as a string literal in ``check`` (the last argument of ``add`` or
    ``Problem``) must be in the registry; mypy checks the same through ``RuleId``."""
    source = (ROOT / "tracker" / "commands" / "check.py").read_text(encoding="utf-8")
    rule_argument = {"add": 3, "Problem": 5}  # add(node, key, message, rule), Problem(path, .., message, rule)
    used: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            at = rule_argument.get(name)
            if at is not None and len(node.args) > at and isinstance(node.args[at], ast.Constant):
                used.add(str(node.args[at].value))
    assert used and used <= set(RULES), sorted(used - set(RULES))


def test_readme_lists_every_rule() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rules_table() in readme
