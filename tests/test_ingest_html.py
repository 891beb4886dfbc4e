"""Saved web pages as input: trafilatura's article, then the tracker's rules; the body is recorded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from helpers import ROOT, SEEDS

from tracker.cli import main
from tracker.extract import extract_document
from tracker.ingest import iter_documents
from tracker.ingest.html import extract_page

PAGES = ROOT / "tests" / "fixtures" / "pages"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def _facts(path: Path) -> tuple[list[Any], list[Any], Any]:
    errors: list[Any] = []
    [doc] = list(iter_documents([path], errors.append))
    assert not errors
    quotes, claims = extract_document(doc)
    return (sorted((q.text, q.speaker or "", q.kind) for q in quotes),
            sorted(repr((c.value, c.low, c.high, c.unit, c.measure, c.surface, c.counts)) for c in claims), doc)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_html_copy_of_a_seed_gives_the_same_quotes_speakers_and_figures(seed: str) -> None:
    text_quotes, text_claims, _ = _facts(SEEDS / f"{seed}.txt")
    html_quotes, html_claims, doc = _facts(PAGES / f"{seed}.html")
    assert html_quotes == text_quotes
    assert html_claims == text_claims
    assert doc.article.body == doc.body and doc.article.id == seed


def test_page_furniture_never_reaches_the_body() -> None:
    page = extract_page((PAGES / "003_1e39d45edb4f56e9.html").read_text(encoding="utf-8"), "page.html")
    for furniture in ("Accept all", "Related stories", "Sign up", "Comments", "7,500", "dark night", "gtag",
                      "Sign In / Up", "Share on X", "All rights reserved", "Elsewhere on Rudaw"):
        assert furniture not in page.body, furniture
    assert page.meta == {"title": "Iraqi militia leader wants US troops to leave", "outlet": "Rudaw",
                         "authors": ["Qassim Abdul-Zahra", "Zeina Karam"], "published": "2019-01-28",
                         "url": "https://www.rudaw.net/english/middleeast/iraq/28012019"}


def test_no_date_or_site_is_guessed_from_the_text_or_host() -> None:
    page = extract_page((PAGES / "004_f25f1a62b73d7b8f.html").read_text(encoding="utf-8"), "page.html")
    assert "published" not in page.meta and "outlet" not in page.meta  # the page states neither


def test_claim_file_records_the_body_and_check_reads_spans_against_it(runner: CliRunner, tmp_path: Path) -> None:
    pages, out = tmp_path / "pages", tmp_path / "claims"
    pages.mkdir()
    (pages / "a.html").write_bytes((PAGES / "000_c9872250243b9f58.html").read_bytes())
    assert runner.invoke(main, ["extract", str(pages), "--out", str(out), "-q"]).exit_code == 0
    claim_file = out / "a.yaml"
    data = yaml.safe_load(claim_file.read_text(encoding="utf-8"))
    body = data["article"]["body"]
    quote = data["quotes"][0]
    assert body[quote["spans"][0][0]:quote["spans"][0][1]] in quote["text"]
    assert runner.invoke(main, ["check", str(out)]).exit_code == 0
    (pages / "a.html").unlink()  # the page is gone: the recorded body still shows the spans
    html = runner.invoke(main, ["report", str(out), "--format", "html"]).output
    assert "<mark" in html and "Tillerson told an Iraq reconstruction conference" in html
    start, end = quote["spans"][0]
    text = claim_file.read_text(encoding="utf-8")
    claim_file.write_text(text.replace(f"[{start}, {end}]", f"[{start + 1}, {end + 1}]", 1), encoding="utf-8")
    result = runner.invoke(main, ["check", str(out)])
    assert "(span-text)" in result.output


def test_text_files_keep_their_claim_files_byte_for_byte(seed_claims: Path) -> None:
    assert "body:" not in (seed_claims / "000_c9872250243b9f58.yaml").read_text(encoding="utf-8")


def test_jsonl_line_with_an_html_field(runner: CliRunner, tmp_path: Path) -> None:
    html = (PAGES / "002_1dc1e192763713f9.html").read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "pages.jsonl").write_text(json.dumps({"id": "wapo-1", "html": html, "outlet": "WaPo"}) + "\n",
                                                 encoding="utf-8")
    assert runner.invoke(main, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "c"), "-q"]).exit_code == 0
    article = yaml.safe_load((tmp_path / "c" / "wapo-1.yaml").read_text(encoding="utf-8"))["article"]
    assert article["outlet"] == "WaPo" and article["published"] == "2018-08-30"  # the line's fields win
    assert article["body"].startswith("Iraqi terrorist turned politician")
    assert runner.invoke(main, ["check", str(tmp_path / "c")]).exit_code == 0


def test_a_page_without_an_article_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                                encoding="utf-8")
    (tmp_path / "in" / "ok.txt").write_text("A story.\n\n“We are fine,” said Jane Roe.\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "c"), "-q"])
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'in' / 'empty.html'}: no article text found in this web page" in result.output


def test_missing_html_extra_is_one_line(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_bytes((PAGES / "000_c9872250243b9f58.html").read_bytes())
    result = runner.invoke(main, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "c"), "-q"])
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'in' / 'a.html'}: reading a saved web page needs the 'html' extra: " \
           "pip install 'tracker[html]'" in result.output
