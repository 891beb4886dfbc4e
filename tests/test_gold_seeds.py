"""Run the real CLI on the seed articles and hold its output to the hand-written gold.

The figures are printed (``pytest -s`` shows them; a failure shows them anyway). How quotes,
speakers, claims, clusters and groups are matched is documented in ``tests/gold_scoring.py``.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner
from gold_scoring import Scores, format_scores, load_gold, score_output

# The floors, in one place.
FLOORS: dict[str, float] = {
    "quote_precision": 0.95,
    "quote_recall": 0.95,
    "speaker_accuracy": 0.90,
    "claim_precision": 0.90,
    "claim_recall": 0.90,
}
REQUIRE_ALL_CLUSTERS = True
REQUIRE_ALL_GROUPS = True

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GOLD = REPO / "tests" / "gold" / "seeds.yaml"


def figures(s: Scores) -> dict[str, float]:
    return {
        "quote_precision": s.quotes.precision,
        "quote_recall": s.quotes.recall,
        "speaker_accuracy": s.quotes.speaker_accuracy,
        "claim_precision": s.claims.precision,
        "claim_recall": s.claims.recall,
    }


def test_seeds_meet_the_gold_floors(tmp_path: Path) -> None:
    if importlib.util.find_spec("tracker.cli") is None:
        pytest.skip("tracker.cli is not on this branch yet")
    main = importlib.import_module("tracker.cli").main

    out = tmp_path / "claims"
    runner = CliRunner()
    extracted = runner.invoke(main, ["extract", str(SEEDS), "--out", str(out)], catch_exceptions=False)
    assert extracted.exit_code == 0, extracted.output
    reported = runner.invoke(main, ["report", str(out), "--format", "json"], catch_exceptions=False)
    assert reported.exit_code == 0, reported.output

    scores = score_output(load_gold(GOLD), out, reported.stdout)
    summary = format_scores(scores)
    print(summary)

    below = {name: value for name, value in figures(scores).items() if value < FLOORS[name]}
    assert not below, f"below the floors {FLOORS}: {below}\n{summary}"
    if REQUIRE_ALL_CLUSTERS:
        assert all(r.found for r in scores.clusters), summary
    if REQUIRE_ALL_GROUPS:
        assert all(r.found for r in scores.groups), summary
