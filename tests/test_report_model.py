"""The report model: contract fields kept, extensions (quotes, claims, speakers, spans) added."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from helpers import ROOT, valid_small

from tracker.cli import main
from tracker.report.model import build_report, speaker_names

SMALL = ROOT / "tests" / "fixtures" / "small" / "claims"
CONFLICTS = ROOT / "tests" / "fixtures" / "conflicts" / "claims"
ARTICLE = {"id", "path", "sha256", "title", "outlet", "authors", "published"}
MEMBER = {"quote_id", "article", "outlet", "published", "text", "speaker", "relation", "score"}
VALUE = {"claim_id", "article", "outlet", "published", "value", "approximate", "surface", "sentence"}


def test_json_keeps_the_contract_on_both_fixtures(runner: CliRunner, tmp_path: Path) -> None:
    for folder in (valid_small(tmp_path), CONFLICTS):
        result = runner.invoke(main, ["report", str(folder), "--format", "json"])
        assert result.exit_code == 0
        report = json.loads(result.output)
        assert all(set(a) >= ARTICLE for a in report["articles"])
        for c in report["quote_clusters"]:
            assert {"id", "speaker", "canonical", "first_seen", "members"} <= set(c)
            assert set(c["first_seen"]) >= {"article", "published"}
            assert all(set(m) >= MEMBER and m["relation"] in ("original", "verbatim", "fragment", "amended")
                       for m in c["members"])
        for g in report["claim_groups"]:
            assert {"id", "status", "verdict", "reason", "unit", "measure", "values"} <= set(g)
            assert g["status"] in ("conflict", "consistent") and all(set(v) >= VALUE for v in g["values"])


def test_extensions_on_the_small_fixture() -> None:
    report = build_report(SMALL)
    assert [(q["article"], q["quote_id"], q["cluster"], q["spans"]) for q in report["quotes"]] == [
        ("a", "q1", "qc-a-q1", [[10, 79]]), ("a", "q2", "qc-a-q2", [[90, 121]]),
        ("b", "q1", "qc-a-q1", [[5, 75], [80, 80]])]
    assert [(c["claim_id"], c["group"], c["value"], c["span"]) for c in report["claims"] if c["article"] == "b"] == [
        ("c1", "cg-a-c1", 15, [100, 102]), ("c2", "cg-a-c2", 1500, [120, 134]), ("c3", None, None, [140, 147])]
    assert report["quote_clusters"][0]["members"][1]["spans"] == [[5, 75], [80, 80]]
    assert report["claim_groups"][0]["values"][0]["span"] == [130, 138]
    assert report["claim_groups"][0]["values"][0]["kind"] == "count"
    assert report["speakers"] == [
        {"speaker": "Jane Roe", "quotes": 2, "articles": 2, "sources": 2, "outlets": ["Daily", "Herald"],
         "names": ["Jane Roe", "Mayor Jane Roe"], "reasons": []},
        {"speaker": None, "quotes": 1, "articles": 1, "sources": 1, "outlets": ["Daily"], "names": [],
         "reasons": []},  # the fixture predates speaker_reason
    ]
    assert report["summary"]["speakers"] == 1


def test_spellings_of_one_speaker_count_together() -> None:
    names = speaker_names(["Khazali", "Qais al-Khazali", "Qais Khazali", "Trump", "Donald Trump",
                           "Melania Trump", "President Donald Trump"])
    assert names["Khazali"] == names["Qais Khazali"] == "Qais al-Khazali"
    # one canonical name per person, without titles (a title changes with the job)
    assert names["President Donald Trump"] == "Donald Trump" and names["Melania Trump"] == "Melania Trump"
    assert names["Trump"] == "Trump"  # two Trumps are quoted: a bare surname stays apart


def test_bad_spans_in_hand_edited_files_are_dropped(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        "article: {id: x, path: x.txt, sha256: '0'}\n"
        "quotes:\n- {id: q, text: hi, spans: [[5, 2], [1, true], 'x', [0, 2]], kind: direct}\n"
        "claims:\n- {id: c, value: 3, surface: '3', span: [1], sentence: s}\n", encoding="utf-8")
    report = build_report(tmp_path)
    assert report["quotes"][0]["spans"] == [[0, 2]] and report["claims"][0]["span"] is None
