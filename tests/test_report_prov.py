"""--format prov-json / prov-n: the seeds' provenance read back with the prov package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tracker.cli import main

FIRST, REUSER = "000_c9872250243b9f58", "001_67fd44f88288fe61"


@pytest.fixture(scope="module")
def doc(seed_claims: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from prov.model import ProvDocument

    out = tmp_path_factory.mktemp("prov") / "seeds.prov.json"
    result = CliRunner().invoke(main, ["report", str(seed_claims), "--format", "prov-json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return ProvDocument.deserialize(content=out.read_text(encoding="utf-8"), format="json")


def _attr(record: Any, name: str) -> Any:
    values = [v for k, v in record.attributes if str(k) == name]
    return values[0] if values else None


def _records(bundle: Any, kind: str) -> list[Any]:
    from prov import model as pm

    return [r for r in bundle.get_records() if isinstance(r, getattr(pm, kind))]


def _relation(record: Any, first: str, second: str) -> tuple[str, str]:
    attrs = dict((str(k), str(v)) for k, v in record.formal_attributes if v is not None)
    return attrs[first], attrs[second]


def test_dark_night_quote_in_001_is_quoted_from_000(doc: Any) -> None:
    text = {str(e.identifier): str(_attr(e, "prov:value")) for e in _records(doc, "ProvEntity")}
    quotations = [_relation(r, "prov:generatedEntity", "prov:usedEntity") for r in _records(doc, "ProvDerivation")
                  if "prov:Quotation" in {str(t) for t in r.get_asserted_types()}]
    dark = [(later, first) for later, first in quotations
            if "dark night" in text[later] and "dark night" in text[first]]
    assert any(REUSER in later and FIRST in first for later, first in dark), dark


def test_khazali_is_the_agent_of_both_appearances(doc: Any) -> None:
    text = {str(e.identifier): str(_attr(e, "prov:value")) for e in _records(doc, "ProvEntity")}
    agents: dict[str, set[str]] = {}
    for bundle in doc.bundles:
        labels = {str(a.identifier): str(_attr(a, "prov:label")) for a in _records(bundle, "ProvAgent")}
        for rel in _records(bundle, "ProvAttribution"):
            entity, agent = _relation(rel, "prov:entity", "prov:agent")
            if "dark night" in text.get(entity, ""):
                agents.setdefault(entity.split(":")[1].split(".")[0].split("_")[0], set()).add(labels[agent])
    assert agents.get("000") == {"Qais al-Khazali"} and agents.get("001") == {"Qais al-Khazali"}


def test_troop_figures_specialize_one_measure(doc: Any) -> None:
    figures = {str(e.identifier): e for e in _records(doc, "ProvEntity")
               if str(_attr(e, "tr:measure")) == "troop" and _attr(e, "tr:value") in (5000, 5200)}
    measures = {_relation(r, "prov:specificEntity", "prov:generalEntity")[1]
                for r in _records(doc, "ProvSpecialization")
                if _relation(r, "prov:specificEntity", "prov:generalEntity")[0] in figures}
    assert len(figures) >= 3 and len(measures) == 1


def test_articles_attributed_to_outlets_and_used_by_the_run(doc: Any) -> None:
    attributed = dict(_relation(r, "prov:entity", "prov:agent") for r in _records(doc, "ProvAttribution"))
    used = {_relation(r, "prov:activity", "prov:entity")[1] for r in _records(doc, "ProvUsage")}
    assert attributed[f"article:{FIRST}"] == "outlet:CNSNews.com"
    assert {f"article:{FIRST}", f"article:{REUSER}"} <= used


def test_prov_n_names_the_same_relations(runner: CliRunner, seed_claims: Path) -> None:
    result = runner.invoke(main, ["report", str(seed_claims), "--format", "prov-n"])
    assert result.exit_code == 0
    assert result.output.startswith("document\n") and result.output.rstrip().endswith("endDocument")
    quotations = [line for line in result.output.splitlines() if "prov:Quotation" in line]
    assert any(line.strip().startswith(f"wasDerivedFrom(quote:{REUSER}.") for line in quotations)
    assert "bundle account:CNSNews.com" in result.output


def test_a_figure_is_attributed_to_its_source(doc: Any) -> None:
    """000's $850 million is credited to the Pentagon's budget request (a document)."""
    values = {str(e.identifier): str(_attr(e, "prov:value")) for e in _records(doc, "ProvEntity")}
    labels = {str(a.identifier): str(_attr(a, "prov:label")) for a in _records(doc, "ProvAgent")}
    credited = {}
    for rel in _records(doc, "ProvAttribution"):
        entity, agent = _relation(rel, "prov:entity", "prov:agent")
        if entity.startswith("claim:"):
            credited[values[entity]] = (labels[agent], str(_attr(rel, "tr:attribution")))
    assert any("Pentagon" in who and how == "document" for surface, (who, how) in credited.items()
               if "850" in surface), credited


def test_the_correction_notice_influences_only_the_quote_it_amends(doc: Any) -> None:
    text = {str(e.identifier): str(_attr(e, "prov:value")) for e in _records(doc, "ProvEntity")}
    amended = [_relation(r, "prov:influencee", "prov:influencer") for r in _records(doc, "ProvInfluence")]
    targets = [text[target] for target, notice in amended if notice.startswith("correction:")]
    assert targets and all("stay" in t for t in targets), targets
