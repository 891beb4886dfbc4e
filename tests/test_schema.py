from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tracker.claimfile.schema import MODELINE, SCHEMA_FILE, allowed_keys, claim_file_schema, enum, schema_text
from tracker.cli import main
from tracker.commands.check import ARTICLE_KEYS, CLAIM_KEYS, QUOTE_KEYS, REVIEW_KEYS
from tracker.records import QUOTE_KINDS, REVIEW_STATUSES


def test_schema_command_prints_the_shipped_schema(runner: CliRunner) -> None:
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.output == schema_text()
    assert json.loads(result.output)["title"] == "tracker claim file"


def test_schema_command_writes_a_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "claims" / SCHEMA_FILE
    result = runner.invoke(main, ["schema", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == claim_file_schema()


def test_claim_files_point_editors_at_a_local_schema(seed_claims: Path) -> None:
    for path in seed_claims.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0] + "\n"
        assert first == MODELINE
        assert "://" not in first  # works offline: a path next to the claim file


def test_check_and_schema_agree_on_keys_and_values() -> None:
    assert allowed_keys("file") == ("article", "quotes", "claims", "corrections")
    assert allowed_keys("article") == ARTICLE_KEYS
    assert set(allowed_keys("quote")) == set(QUOTE_KEYS)
    assert set(allowed_keys("claim")) == set(CLAIM_KEYS)
    assert allowed_keys("review") == REVIEW_KEYS
    assert enum("quote", "kind") == QUOTE_KINDS
    assert enum("review", "status") == REVIEW_STATUSES


def test_every_seed_claim_file_validates_against_the_schema(seed_claims: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(claim_file_schema())
    for path in sorted(seed_claims.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], path


def test_schema_rejects_what_check_rejects() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(claim_file_schema())
    bad = {"article": {"id": "a", "path": "a.txt", "sha256": "0" * 64}, "quotes": [
        {"id": "q1", "text": "hi", "spans": [[0, 2]], "kind": "direct", "speker": "Bob",
         "review": {"status": "aproved"}}], "claims": [
        {"id": "c1", "value": "five", "surface": "five", "span": [0, 4]}]}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "speker" in messages and "aproved" in messages and "'five' is not of type 'number'" in messages


def test_the_repositorys_claims_folder_carries_the_current_schema() -> None:
    from helpers import ROOT

    assert (ROOT / "claims" / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()
