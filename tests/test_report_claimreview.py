"""--format claimreview: schema.org Claim / ClaimReview JSON-LD with the properties Google requires."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tracker.cli import main

FIRST = "000_c9872250243b9f58"
#: Google's fact-check markup: ClaimReview requires claimReviewed, reviewRating (with alternateName) and url;
#: recommends author and itemReviewed, a Claim with author, datePublished, appearance or firstAppearance.
CLAIMREVIEW_REQUIRED = {"claimReviewed": str, "reviewRating": dict, "url": str}
CLAIM_PROPERTIES = {"text": str, "firstAppearance": dict, "appearance": list}
WORK_TYPES = {"NewsArticle", "CreativeWork", "Article"}
ISO_DAY_LENGTH = len("2018-02-14")


def _graph(runner: CliRunner, folder: Path) -> list[dict[str, Any]]:
    result = runner.invoke(main, ["report", str(folder), "--format", "claimreview"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["@context"] == "https://schema.org"
    return list(doc["@graph"])


def _valid_claim(claim: dict[str, Any]) -> None:
    assert claim["@type"] == "Claim"
    for prop, kind in CLAIM_PROPERTIES.items():
        assert isinstance(claim.get(prop), kind), (prop, claim.get("identifier"))
    if "datePublished" in claim:  # left out when the first article has no date, never guessed
        assert len(claim["datePublished"]) == ISO_DAY_LENGTH == len(claim["firstAppearance"]["datePublished"])
    for work in [claim["firstAppearance"], *claim["appearance"]]:
        assert work["@type"] in WORK_TYPES and work.get("@id")
    if "author" in claim:
        assert claim["author"]["@type"] in {"Person", "Organization"} and claim["author"]["name"]


def test_every_claim_is_valid_and_dark_night_first_appeared_in_000(runner: CliRunner, seed_claims: Path) -> None:
    graph = _graph(runner, seed_claims)
    for claim in graph:
        _valid_claim(claim)
    dark = [c for c in graph if "dark night" in c["text"] and len(c["appearance"]) > 1]
    assert dark and all(c["firstAppearance"]["identifier"] == FIRST for c in dark)
    assert dark[0]["datePublished"] == "2018-02-14"
    assert dark[0]["author"] == {"@type": "Person", "name": "Qais al-Khazali"}
    assert not [c for c in graph if c["@type"] == "ClaimReview"]  # nobody reviewed the seeds


def test_a_resolved_group_gets_a_claim_review(runner: CliRunner, seed_claims: Path, tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    shutil.copytree(seed_claims, folder)
    troop = next(c for c in _graph(runner, folder) if c["identifier"].startswith("cg-") and "troops" in c["text"])
    (folder / "_reviews.yaml").write_text(
        f"claim_groups:\n  {troop['identifier']}:\n    status: confirmed\n    by: ed\n"
        "    note: 5,000 is a rounded figure\n    resolved: estimates differ; DoD says 5,200\n", encoding="utf-8")
    reviews = [c for c in _graph(runner, folder) if c["@type"] == "ClaimReview"]
    assert len(reviews) == 1
    review = reviews[0]
    for prop, kind in CLAIMREVIEW_REQUIRED.items():
        assert isinstance(review.get(prop), kind), prop
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "estimates differ; DoD says 5,200",
                                      "ratingExplanation": "5,000 is a rounded figure"}
    assert review["author"] == {"@type": "Person", "name": "ed"}
    _valid_claim(review["itemReviewed"])
    assert review["claimReviewed"] == troop["text"]
