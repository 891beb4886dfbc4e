"""Hostile and broken inputs, one by one: each gives one ``Error:`` line naming the file (and
line), a documented exit code, and the run goes on with the other files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import main

GOOD = "Headline about the city\n\nThe mayor said “we will rebuild the bridge” after 12 people were hurt.\n"


def _extract(tmp_path: Path, *extra: str) -> tuple[int, str, Path]:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "--out", str(out), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output, out


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


BILLION_LAUGHS = "".join(
    f"{k}: &{k} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
    for p, k in zip(["", "a", "b", "c", "d", "e", "f", "g"], ["a", "b", "c", "d", "e", "f", "g", "h"], strict=True)
) + "title: [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"


@pytest.mark.parametrize(("name", "content", "needle", "line"), [
    ("bomb.md", f"---\n{BILLION_LAUGHS}---\nBody text that is fine.\n", "YAML anchor ('a')", 2),
    ("obj.md", "---\ntitle: !!python/object/apply:os.system ['echo PWNED']\n---\nBody.\n", "YAML tag", 2),
    ("deep.md", "---\ntitle: " + "[" * 5000 + "\n---\nBody.\n", "nested more than", 2),
    ("broken.md", "---\ntitle: [unclosed\n---\nBody.\n", "front matter is not valid YAML", None),
    ("list.md", "---\n- a\n- b\n---\nBody.\n", "front matter must be a mapping", 1),
])
def test_hostile_front_matter(src: Path, tmp_path: Path, name: str, content: str, needle: str,
                              line: int | None) -> None:
    (src / name).write_text(content, encoding="utf-8")
    code, output, out = _extract(tmp_path)
    assert code == 1
    [error] = [ln for ln in output.splitlines() if ln.startswith("Error:")]
    where = f"{src / name}:{line}: " if line else f"{src / name}:"
    assert error.startswith(f"Error: {where}") and needle in error
    assert (out / "good.yaml").is_file()
    assert "PWNED" not in output


@pytest.mark.parametrize(("line", "needle"), [
    ("[" * 100_000, "nested too deeply"),
    (json.dumps({"id": "s", "text": "lone \ud800 surrogate"}), "unpaired surrogate"),
    ("{broken", "broken JSON"),
    (json.dumps({"id": "n", "title": "no text"}), 'missing "text"'),
    (json.dumps(["a", "list"]), "must be a JSON object"),
    (json.dumps({"text": 5}), 'missing "text"'),
    (json.dumps({"text": "   "}), 'empty "text"'),
])
def test_broken_jsonl_lines_name_file_and_line(src: Path, tmp_path: Path, line: str, needle: str) -> None:
    good = json.dumps({"id": "fine", "text": GOOD})
    (src / "c.jsonl").write_text(f"{good}\n{line}\n{good.replace('fine', 'fine2')}\n", encoding="utf-8")
    code, output, out = _extract(tmp_path)
    assert code == 1
    [error] = [ln for ln in output.splitlines() if ln.startswith("Error:")]
    assert error.startswith(f"Error: {src / 'c.jsonl'}:2: ") and needle in error
    assert {p.name for p in out.glob("*.yaml")} == {"good.yaml", "fine.yaml", "fine2.yaml"}


def test_fifo_is_skipped_not_read_forever(src: Path, tmp_path: Path) -> None:
    os.mkfifo(src / "pipe.txt")
    os.mkfifo(src / "pipe.jsonl")
    code, output, out = _extract(tmp_path)
    assert code == 1
    assert f"Error: {src / 'pipe.txt'}: not a regular file" in output
    assert f"Error: {src / 'pipe.jsonl'}: not a regular file" in output
    assert (out / "good.yaml").is_file()


def test_symlink_loop_is_reported(src: Path, tmp_path: Path) -> None:
    (src / "a.txt").symlink_to("b.txt")
    (src / "b.txt").symlink_to("a.txt")
    code, output, _ = _extract(tmp_path)
    assert code == 1 and output.count("symbolic link loop") == 2
