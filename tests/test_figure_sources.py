"""Who a figure comes from: the credit of each claim, its claim-file keys, review, report."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from helpers import SEEDS

from tracker.claimfile.store import claim_file
from tracker.cli import main
from tracker.extract import extract_document
from tracker.ingest import build_document, iter_documents
from tracker.match.figure_sources import sourcing
from tracker.records import Claim, FigureSource
from tracker.report.csv import render_table
from tracker.report.frame import frames
from tracker.report.html import render_html
from tracker.report.markdown import render_markdown
from tracker.report.model import build_report_from

ARTICLE = """Budget fight looms

About 300 more troops will be sent to the region next month, officials said.

According to the Pentagon, the deployment will cost $45 million.

“We have 1,200 people on the ground,” said Mayor Ana Ruiz.

A new report shows that 40 percent of the city's bridges need repair.

The middle fifth paid 8.9 percent, the agency said in a June report.

There are an estimated 5,200 troops in the country.

A 2014 Pew Research Center study found that 62 percent of adults get news from social media.
"""


def credits(text: str) -> dict[str, Claim]:
    _, claims = extract_document(build_document("t", "t.txt", text, {}))
    return {c.surface: c for c in claims}


def credit(claims: dict[str, Claim], surface: str) -> FigureSource:
    found = claims[surface].credit
    assert found is not None
    return found


def test_seed_000_figures_are_credited_as_the_issue_says() -> None:
    [doc] = list(iter_documents([SEEDS / "000_c9872250243b9f58.txt"], lambda exc: None))
    _, claims = extract_document(doc)
    by_surface = {c.surface: c.credit for c in claims}
    budget, deaths, troops = by_surface["$850 million"], by_surface["500"], by_surface["5,200"]
    assert budget is not None and deaths is not None and troops is not None
    assert (budget.attribution, budget.source, budget.cue) == ("document", "Pentagon’s budget request", "includes")
    assert budget.mention is not None and budget.mention.text == "The Pentagon’s just-released FY 2019 budget request"
    assert (deaths.attribution, deaths.source, deaths.cue) == ("reported", "Military commanders", "blamed")
    assert deaths.mention is not None and doc.body[slice(*deaths.mention.span)] == "Military commanders"
    assert (troops.attribution, troops.source, troops.mention) == ("unattributed", None, None)
    assert troops.reason  # abstains with a reason


def test_each_kind_of_credit() -> None:
    claims = credits(ARTICLE)
    anonymous = credit(claims, "300")
    assert (anonymous.attribution, anonymous.source) == ("anonymous", None)
    assert anonymous.mention is not None and anonymous.mention.text == "officials" and anonymous.reason
    according = credit(claims, "$45 million")
    assert (according.attribution, according.source) == ("according_to", "Pentagon")
    assert (credit(claims, "8.9 percent").attribution, credit(claims, "8.9 percent").source) == ("reported",
                                                                                                 "the agency")
    study = credit(claims, "62 percent")
    assert (study.attribution, study.source, study.cue) == ("document", "Pew Research Center study", "found")


def test_a_figure_in_a_direct_quote_carries_the_quote_id_and_speaker() -> None:
    quotes, claims = extract_document(build_document("t", "t.txt", ARTICLE, {}))
    found = next(c.credit for c in claims if c.surface == "1,200")
    quote = next(q for q in quotes if "1,200" in q.text)
    assert found is not None and (found.attribution, found.source, found.quote) == ("quoted", "Ana Ruiz", quote.id)


def test_thin_evidence_abstains_instead_of_naming() -> None:
    claims = credits(ARTICLE)
    unnamed = credit(claims, "40 percent")
    assert (unnamed.attribution, unnamed.source) == ("document", None)
    assert unnamed.reason is not None and "not named" in unnamed.reason
    # a name in a modifier of the figure's sentence is not its source
    other = credits("Scott Dayton, 42, of Woodbridge, Virginia, died on Nov. 24 of wounds sustained in a blast.\n")
    assert credit(other, "42").source is None and credit(other, "42").attribution == "unattributed"



CLAUSES = """Budget report

The auditors reported that the city holds $12 million in reserves; the county holds $8 million.

Revenue rose 3 percent; spending fell 2 percent, according to the treasurer.

The agency rated 40% of the claims as false, compared to 12% of Republican claims – a 3 to 1 margin.

Instead, the study -- which notes that 58 towns would owe $9 million -- was withheld.

The City Council issued a statement citing five earlier votes.

Let's say a degree will cost $160,000.

On July 6, 2015, Mayor Ana Ruiz made the following comment:

“The deficit is 14 percent of the budget.”

The problem is shown by this finding: ''27 districts reported 410 vacancies.''
"""


def test_a_sentence_opened_by_a_figure_verb_speaks_for_its_clauses() -> None:
    claims = credits(CLAUSES)
    for surface in ("$12 million", "$8 million"):
        assert (credit(claims, surface).attribution, credit(claims, surface).source) == ("reported", "The auditors")
    for surface in ("40%", "12%"):  # "Republican claims" is a noun, not Republicans speaking
        assert credit(claims, surface).source == "The agency"


def test_a_source_past_a_semicolon_credits_only_its_own_clause() -> None:
    claims = credits(CLAUSES)
    assert credit(claims, "2 percent").source == "the treasurer"
    assert credit(claims, "3 percent").attribution == "unattributed"


def test_documents_named_by_their_clause() -> None:
    claims = credits(CLAUSES)
    study = credit(claims, "$9 million")
    assert study.mention is not None and study.mention.text == "the study"  # not "Instead, the study"
    assert credit(claims, "five").source == "City Council statement"
    finding = credit(claims, "410")  # a quotation introduced by "this finding:" is the finding's
    assert finding.mention is not None and finding.mention.text == "this finding" and finding.source is None


def test_a_quote_paragraph_after_a_dated_colon_introduction_has_its_speaker() -> None:
    assert credit(credits(CLAUSES), "14 percent").source == "Ana Ruiz"


def test_lets_say_names_no_one() -> None:
    found = credit(credits(CLAUSES), "$160,000")
    assert found.source is None and found.reason

def extract_to(tmp_path: Path, text: str) -> Path:
    (tmp_path / "in").mkdir(parents=True, exist_ok=True)
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "claims")])
    assert result.exit_code == 0, result.output
    return tmp_path / "claims" / "a.yaml"


def test_claim_file_keys_and_a_corrected_source_survives_reruns(tmp_path: Path) -> None:
    path = extract_to(tmp_path, ARTICLE)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    claim = next(c for c in data["claims"] if c["surface"] == "5,200")
    assert [k for k in claim if k.startswith("source") or k in ("cue", "attribution", "quote")] == [
        "source", "source_reason", "source_mention", "cue", "attribution", "quote"]
    text = path.read_text(encoding="utf-8")
    start = text.index("surface: \"5,200\"") if "surface: \"5,200\"" in text else text.index("surface: 5,200")
    at = text.index("    source:\n", start)
    edited = text[:at] + "    source: Pentagon  # per the briefing\n" + text[at + len("    source:\n"):]
    at = edited.index("    attribution: unattributed\n", start)
    edited = edited[:at] + "    attribution: according_to\n" + edited[at + len("    attribution: unattributed\n"):]
    path.write_text(edited, encoding="utf-8")
    extract_to(tmp_path, ARTICLE)
    assert path.read_text(encoding="utf-8") == edited
    again = next(c for c in yaml.safe_load(edited)["claims"] if c["surface"] == "5,200")
    assert (again["source"], again["attribution"]) == ("Pentagon", "according_to")


def test_files_written_before_credits_take_them_without_looking_edited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = extract_to(tmp_path, ARTICLE)
    fresh = path.read_text(encoding="utf-8")
    with monkeypatch.context() as patched:  # what the version before credits wrote
        patched.setattr("tracker.extract.credit_figures", lambda body, blocks, quotes, claims: list(claims))
        path.unlink()
        old = extract_to(tmp_path, ARTICLE).read_text(encoding="utf-8")
    assert "attribution:" not in old
    # An upgrade changes the extractor version, so the cache of the patched run no longer applies.
    shutil.rmtree(path.parent / ".tracker-cache", ignore_errors=True)
    extract_to(tmp_path, ARTICLE)
    assert path.read_text(encoding="utf-8") == fresh  # credits added, nothing taken for a review


def problems(tmp_path: Path, edit: Any) -> str:
    path = extract_to(tmp_path, ARTICLE)
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    return str(result.output)


def test_check_validates_the_new_fields(tmp_path: Path) -> None:
    out = problems(tmp_path, lambda t: t.replace("attribution: unattributed", "attribution: hearsay", 1))
    assert "claim attribution 'hearsay' is not one of quoted, reported" in out
    out = problems(tmp_path, lambda t: t.replace("    quote:\n", "    quote: q0000000000\n", 1))
    assert "claim quote 'q0000000000' names no quote of this file" in out
    out = problems(tmp_path, lambda t: t.replace("source_mention: {text: officials, span: [81, 90]}",
                                                 "source_mention: {text: officials, span: [0, 9]}", 1))
    assert "span [0, 9] no longer holds 'officials'" in out
    assert "[error]" in problems(tmp_path, lambda t: t.replace("    source:\n", "    source: [a, b]\n", 1))


def _file(aid: str, values: list[tuple[float, str | None, str]]) -> Any:
    claims = [{"id": f"c{i}", "value": v, "unit": "troops", "measure": "troop", "kind": "count",
               "approximate": False, "surface": f"{int(v):,}", "span": [0, 1],
               "sentence": f"There are {int(v):,} U.S. troops in Iraq.", "source": src, "attribution": att}
              for i, (v, src, att) in enumerate(values)]
    data = {"article": {"id": aid, "path": f"{aid}.txt", "sha256": "a" * 64, "outlet": aid.upper(),
                        "published": "2019-01-0" + aid[-1]}, "quotes": [], "claims": claims}
    return claim_file(Path(f"{aid}.yaml"), data)


@pytest.mark.parametrize(("values", "kind"), [
    ([(5200, "Pentagon", "reported"), (5000, "Iraqi officials", "reported")], "between_sources"),
    ([(5200, "Pentagon", "reported"), (5000, "the Pentagon", "according_to")], "in_reporting"),
    ([(5200, None, "unattributed"), (5000, None, "unattributed")], "unsourced"),
    ([(5200, "Pentagon", "reported"), (5000, None, "unattributed")], "partly_sourced"),
])
def test_group_sourcing_labels(values: list[tuple[float, str | None, str]], kind: str) -> None:
    files = [_file(f"a{i + 1}", [v]) for i, v in enumerate(values)]
    report = build_report_from(files)
    (group,) = report["claim_groups"]
    assert group["sourcing"]["kind"] == kind
    assert len(group["sourcing"]["sources"]) == len({v[1] for v in values} - {None, "the Pentagon"})


def test_sourcing_keys_spellings_together() -> None:
    rows = [{"value": 1, "high": None, "source": "Pentagon"}, {"value": 2, "high": None, "source": "pentagon"}]
    assert sourcing(rows, str.casefold)["kind"] == "in_reporting"
    assert sourcing(rows, str)["kind"] == "between_sources"


def test_every_report_format_shows_the_credit() -> None:
    files = [_file("a1", [(5200, "Pentagon", "reported")]), _file("a2", [(5000, "Iraqi officials", "reported")])]
    report = build_report_from(files)
    assert report["claims"][0]["source"] == "Pentagon" and report["claims"][0]["attribution"] == "reported"
    md = render_markdown(report)
    assert "a disagreement between sources: Pentagon, Iraqi officials" in md and "Pentagon (reported)" in md
    assert "credited to: Pentagon (reported)" in render_html(report)
    header, row = render_table(report, "group_values").splitlines()[:2]
    assert header.endswith(",source,attribution,source_mention,quote,sourcing")
    assert row.endswith(",Pentagon,reported,,,between_sources")
    tables = frames(report)
    assert list(tables.groups["source"]) == ["Pentagon", "Iraqi officials"]
    assert list(tables.groups["sourcing"].unique()) == ["between_sources"]
    assert list(tables.claims["attribution"]) == ["reported", "reported"]


def test_diff_names_a_changed_source_but_not_a_new_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = extract_to(tmp_path / "new", ARTICLE)
    old_dir = tmp_path / "old"
    with monkeypatch.context() as patched:  # claim files written before figures were credited
        patched.setattr("tracker.extract.credit_figures", lambda body, blocks, quotes, claims: list(claims))
        extract_to(old_dir, ARTICLE)
    result = CliRunner().invoke(main, ["diff", str(old_dir / "claims"), str(path.parent)])
    assert "source" not in result.output and "attribution" not in result.output
    edited = tmp_path / "edited"
    edited.mkdir()
    text = path.read_text(encoding="utf-8").replace("source: Pentagon\n", "source: Department of Defense\n", 1)
    (edited / "a.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(path.parent), str(edited)])
    assert "source: Pentagon -> “Department of Defense”" in result.output
