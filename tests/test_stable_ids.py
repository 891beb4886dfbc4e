"""Identities survive edits to the input: a reviewer's work never moves to another article."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from tracker.cli import main

TEXTS = [
    "Mayor vows to rebuild\n\nThe mayor said “we will rebuild the bridge by spring” on Monday.\n",
    "Budget approved\n\n“The budget is 5 million dollars,” said the treasurer, Ann Lee.\n",
]


def _collection(path: Path, texts: list[str]) -> None:
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")


def _confirm_first_quote(claim_file: Path) -> str:
    text = claim_file.read_text(encoding="utf-8")
    marker = "    review: {status: unreviewed, by: null, note: null}\n"
    assert marker in text
    claim_file.write_text(text.replace(marker, "    review: {status: confirmed, by: ed}\n", 1), encoding="utf-8")
    return str(yaml.safe_load(text)["quotes"][0]["id"])


def test_prepending_a_line_to_a_collection_moves_no_review(tmp_path: Path) -> None:
    runner = CliRunner()
    source, out = tmp_path / "c.jsonl", tmp_path / "claims"
    _collection(source, TEXTS)
    assert runner.invoke(main, ["extract", str(source), "--out", str(out), "-q"]).exit_code == 0
    files = sorted(p.name for p in out.glob("c-*.yaml"))
    budget = next(p for p in out.glob("c-*.yaml") if "treasurer" in p.read_text(encoding="utf-8"))
    quote_id = _confirm_first_quote(budget)

    _collection(source, ["Storm hits\n\n“It was the worst night,” said a resident.\n", *TEXTS])
    result = runner.invoke(main, ["extract", str(source), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert set(files) < {p.name for p in out.glob("c-*.yaml")}  # every old file kept its name
    data = yaml.safe_load(budget.read_text(encoding="utf-8"))
    quote = next(q for q in data["quotes"] if q["id"] == quote_id)
    assert quote["review"]["status"] == "confirmed" and not quote.get("orphaned")
    for other in out.glob("c-*.yaml"):
        assert "orphaned" not in other.read_text(encoding="utf-8")


def test_duplicate_urls_are_an_error_naming_both_lines(tmp_path: Path) -> None:
    source = tmp_path / "c.jsonl"
    source.write_text(json.dumps({"url": "https://x.org/a", "text": TEXTS[0]}) + "\n"
                      + json.dumps({"url": "https://x.org/a", "text": TEXTS[1]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(source), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 1
    assert f"{source}:2: article id 'https://x.org/a' is already used by {source}:1" in result.output
