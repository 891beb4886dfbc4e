"""The Markdown writer: exact output on the small fixture, escaping, stable order."""

from __future__ import annotations

import copy
from pathlib import Path

from click.testing import CliRunner
from helpers import ROOT, valid_small

from tracker.cli import main
from tracker.report.markdown import render_markdown
from tracker.report.model import build_report

SMALL = ROOT / "tests" / "fixtures" / "small" / "claims"
EXPECTED = ROOT / "tests" / "fixtures" / "small" / "expected" / "report.md"


def test_markdown_exact_output() -> None:
    assert render_markdown(build_report(SMALL)) == EXPECTED.read_text(encoding="utf-8")


def test_cli_prints_the_same_markdown(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["report", str(valid_small(tmp_path)), "--format", "md"])
    assert result.exit_code == 0
    assert result.output == EXPECTED.read_text(encoding="utf-8")
    assert result.output.startswith("# Cross-source consistency report\n")


def test_article_text_cannot_make_markup_or_break_a_table() -> None:
    report = build_report(SMALL)
    member = report["quote_clusters"][0]["members"][1]
    member["text"] = "a | b\n*bold* _it_ [x](javascript:alert(1)) <b>&amp; `code` ~~s~~"
    out = render_markdown(report)
    assert ("| a \\| b \\*bold\\* \\_it\\_ \\[x\\](javascript:alert(1)) \\<b>\\&amp; \\`code\\` \\~\\~s\\~\\~ |"
            in out)
    assert "&lt;" not in out and "&gt;" not in out and "-> 15" in out  # no HTML entities in Markdown


def test_order_does_not_depend_on_the_order_of_the_model() -> None:
    report = build_report(SMALL)
    shuffled = copy.deepcopy(report)
    shuffled["claim_groups"].reverse()
    shuffled["quote_clusters"].reverse()
    assert render_markdown(shuffled) == render_markdown(report)


def test_weak_disagreements_are_listed_to_check_never_among_conflicts() -> None:
    report = build_report(SMALL)
    group = copy.deepcopy(report["claim_groups"][0])
    group.update(id="cg-weak", status="to_check", verdict="conflict", confidence="low",
                 reason="4 in A vs 5 in B; values differ")
    report["claim_groups"].append(group)
    out = render_markdown(report)
    conflicts = out[out.index("## Conflicts"):out.index("## To check")]
    to_check = out[out.index("## To check"):out.index("## Recycled")]
    assert "4 in A vs 5 in B" in to_check and "4 in A vs 5 in B" not in conflicts
    assert "cg-weak" not in out[out.index("## Consistent"):]


def test_report_wording_on_the_seeds() -> None:
    out = render_markdown(build_report(ROOT / "claims"))
    assert "**2 conflicts**" in out and "5 articles from 4 sources" in out
    assert "| 1 outlet, 2 articles |" in out  # a quote recycled by one outlet in two articles
    # The article without an outlet is named by its title, never by its id.
    assert "2010 An Iraqi 'Terrorist' Leader on The Future of 'Resistance' T… (undated)" in out
    assert "| 004\\_f25f1a62b73d7b8f |" not in out and " 004\\_f25f1a62b73d7b8f (" not in out


def test_singular_counts_and_file_names_for_untitled_articles() -> None:
    report = build_report(SMALL)
    report["summary"] = {**report["summary"], "articles": 1, "sources": 1, "conflicts": 1, "quotes": 1}
    for article in report["articles"]:
        article.update(outlet=None, title=None)
    for group in report["claim_groups"]:
        for value in group["values"]:
            value["outlet"] = None
    out = render_markdown(report)
    assert "1 article from 1 source · 1 quote in" in out and "**1 conflict**" in out
    assert "12 ≈ a.txt (2024-03-01); 15 b.txt (2024-03-04)" in out
