"""The speaker table of the seeds' report lists sources only: no dates, places, fragments.

Every speaker the report lists is a speaker of the hand-written seed gold (or one of its
aliases), or a description whose head names something that speaks ("Military commanders", "the
budget overview"); never a piece of a sentence such as "Khazali’s interrogation" or "US-backed
Iraqi", which the report once listed.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from tracker.cli import main
from tracker.extract.attribution.speakers import is_source_noun, speaker_problem

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GOLD = REPO / "tests" / "gold" / "seeds.yaml"


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def _gold_names() -> set[str]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    names: set[str] = set()
    for article in gold["articles"].values():
        for quote in article.get("quotes") or []:
            for name in [quote.get("speaker"), *(quote.get("speaker_aliases") or [])]:
                if name:
                    names.add(_key(name))
    return names


def _is_source(name: str, gold: set[str]) -> bool:
    if _key(name) in gold:
        return True
    words = name.split()
    named = all(w[:1].isupper() or w.startswith(("al-", "el-", "bin")) for w in words)
    return speaker_problem(name) is None and (named or is_source_noun(words[-1].lower()))


def test_the_seed_speaker_table_lists_sources_only(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "claims"
    extracted = runner.invoke(main, ["extract", str(SEEDS), "--out", str(out)], catch_exceptions=False)
    assert extracted.exit_code == 0, extracted.output
    reported = runner.invoke(main, ["report", str(out), "--format", "json"], catch_exceptions=False)
    assert reported.exit_code == 0, reported.output
    gold = _gold_names()
    rows = json.loads(reported.stdout)["speakers"]
    names = [name for row in rows for name in row["names"] if row["speaker"]]
    assert names
    assert [n for n in names if not _is_source(n, gold)] == []
