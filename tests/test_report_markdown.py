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
    assert ("| a \\| b \\*bold\\* \\_it\\_ \\[x\\](javascript:alert(1)) &lt;b&gt;&amp;amp; \\`code\\` \\~\\~s\\~\\~ |"
            in out)


def test_order_does_not_depend_on_the_order_of_the_model() -> None:
    report = build_report(SMALL)
    shuffled = copy.deepcopy(report)
    shuffled["claim_groups"].reverse()
    shuffled["quote_clusters"].reverse()
    assert render_markdown(shuffled) == render_markdown(report)
