"""The HTML writer without a browser: escaping, anchors, diffs, highlights, timelines, bodies."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from tracker.report.bodies import article_body, load_bodies
from tracker.report.html import TEMPLATES, environment, render_html
from tracker.report.model import build_report
from tracker.report.view import Mark, anchor, format_value, segments, split_on, timeline, word_diff

SAFE = re.compile(r"\A[A-Za-z0-9_-]+\Z")
SMALL = Path(__file__).parent / "fixtures" / "small" / "claims"


def small() -> dict[str, Any]:
    return build_report(SMALL)


def test_anchors_are_safe_distinct_and_prefixed() -> None:
    assert anchor("abc") == "article-abc"
    assert anchor("abc", "q", "q1") == "article-abc--q-q1"
    ids = ["a b", "a-b", "a--b", "a/b", "\"><script>", "", "é", "a", "a--q-x"]
    made = {anchor(i) for i in ids} | {anchor("a", "q", "x")}
    assert len(made) == len(ids) + 1
    for value in made:
        assert SAFE.match(value) and value.startswith("article-")
        assert "--" not in value.removeprefix("article-").split("--q-")[0]


def test_word_diff_marks_insertions_and_deletions() -> None:
    assert word_diff("a b c d", "a x c d e") == [("equal", "a"), ("delete", "b"), ("insert", "x"), ("equal", "c d"),
                                                 ("insert", "e")]
    assert word_diff("same  words here", "same words\nhere") == [("equal", "same words here")]
    long = " ".join(f"w{i}" for i in range(40))
    tokens = word_diff(long, long + " more")
    assert tokens[1] == ("skip", "28 words") and tokens[-1] == ("insert", "more")


def test_segments_handle_overlaps_and_bad_spans() -> None:
    body = "He said “we have 5 boats” today."
    marks = [Mark("article-a--q-q1", "q", ((9, 24),)), Mark("article-a--c-c1", "c", ((17, 18),), "conflict"),
             Mark("article-a--q-bad", "q", ((30, 99),))]
    segs, lost = segments(body, marks)
    assert "".join(text for text, _, _ in segs) == body
    assert [(t, c) for t, c, _ in segs] == [("He said “", ""), ("we have ", "q"), ("5", "c conflict q"),
                                            (" boats", "q"), ("” today.", "")]
    assert segs[1][2] == ["article-a--q-q1"] and segs[2][2] == ["article-a--c-c1"]
    assert [m.anchor for m in lost] == ["article-a--q-bad"]


def test_timeline_places_sources_by_date() -> None:
    t = timeline([("2024-01-01", "A", "a"), ("2024-01-11", "B", "b"), ("2024-01-06", "A", "a2"), (None, "C", "c")])
    xs = [m["x"] for m in t["marks"]]
    assert xs[0] == t["left"] and xs[1] == t["right"] and xs[0] < xs[2] < xs[1] < xs[3]
    assert [m["cls"] for m in t["marks"]] == ["s0", "s1", "s0", "s2"] and t["marks"][3]["undated"]
    assert [k["text"] for k in t["ticks"]] == ["2024-01-01", "2024-01-06", "2024-01-11", "undated"]
    one = timeline([("2024-01-01", "A", "a"), ("2024-01-01", "B", "b")])
    assert one["marks"][0]["x"] == one["marks"][1]["x"] and one["marks"][0]["y"] != one["marks"][1]["y"]


def test_hedges_are_found_before_the_number() -> None:
    assert split_on("There are an estimated 5,200 troops.", "5,200") == ("There are ", "an estimated ", "5,200",
                                                                      " troops.")
    assert split_on("some 5,000 troops", "5,000") == ("", "some ", "5,000", " troops")
    assert split_on("handsome 5 men", "5") == ("handsome 5 men"[:9], "", "5", " men")
    assert split_on("no number", "7") == ("no number", "", "", "")


def test_values_are_formatted_by_kind() -> None:
    assert format_value(5200, "count") == "5,200" and format_value(2009, "year") == "2009"
    assert format_value(2.5) == "2.5" and format_value(None) == ""


def test_template_is_strict_and_autoescaped() -> None:
    env = environment()
    assert env.autoescape is True and env.undefined is jinja2.StrictUndefined
    source = re.sub(r"\{#.*?#\}", "", (TEMPLATES / "report.html.j2").read_text(encoding="utf-8"), flags=re.S)
    assert not re.search(r"\|\s*safe|<script|\son[a-z]+\s*=|javascript:|Markup", source)
    broken = small()
    del broken["summary"]["conflicts"]
    with pytest.raises(jinja2.UndefinedError):
        render_html(broken)


def test_page_is_self_contained(seed_claims: Path) -> None:
    report = build_report(seed_claims)
    page = render_html(report, load_bodies(report, seed_claims))
    for needle in ("http://", "https://", "//cdn", "src=", "url(", "@import", "<link", "<script", "@font-face"):
        assert needle not in page.lower(), needle
    assert '<meta name="viewport"' in page and "Content-Security-Policy" in page
    assert page.count('class="doc"') == len(report["articles"])
    assert page.count('<mark class="q') >= len(report["quotes"])  # every quote highlighted in its article


def test_only_anchor_links() -> None:
    page = render_html(small())
    for href in re.findall(r'href="([^"]*)"', page):
        assert href.startswith("#") and SAFE.match(href[1:]), href


TAG = re.compile(r"<[A-Za-z/!]")


def _with(text: str) -> str:
    report = copy.deepcopy(small())
    report["articles"][0]["title"] = text
    report["articles"][1]["outlet"] = text
    report["claim_groups"][0]["values"][0]["sentence"] = text
    report["speakers"][0]["speaker"] = text
    return render_html(report)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=60) | st.sampled_from(["<script>alert(1)</script>", "</td></table>", "\"'><b>"]))
def test_any_article_text_is_shown_escaped_and_adds_no_markup(text: str) -> None:
    page = _with(text)
    assert str(escape(text)) in page
    assert len(TAG.findall(page)) == len(TAG.findall(_with("plain")))


def _write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_body_is_found_from_cwd_then_the_claim_folders_parent(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    digest = _write(tmp_path / "corpus" / "arts" / "a.txt", "Body text.\n")
    folder = tmp_path / "corpus" / "claims"
    folder.mkdir()
    article = {"id": "a", "path": "arts/a.txt", "sha256": digest}
    monkeypatch.chdir(tmp_path)
    assert article_body(article, folder) == "Body text.\n"  # via the claim folder's parent
    _write(tmp_path / "arts" / "a.txt", "Body text.\n")
    (tmp_path / "corpus" / "arts" / "a.txt").unlink()
    assert article_body(article, folder) == "Body text.\n"  # via the current folder
    assert article_body({**article, "sha256": "0" * 64}, folder) is None  # changed since extraction
    assert article_body({**article, "path": "/etc/passwd"}, folder) is None
    assert article_body({"id": "a", "path": None, "sha256": digest}, folder) is None


def test_front_matter_and_jsonl_bodies(tmp_path: Path) -> None:
    _write(tmp_path / "a.md", "---\ntitle: T\n---\nThe body.\n")
    digest = hashlib.sha256(b"The body.\n").hexdigest()
    assert article_body({"path": str(tmp_path / "a.md"), "sha256": digest}, tmp_path) == "The body.\n"
    lines = [json.dumps({"id": "x", "text": "first"}), json.dumps({"id": "y", "text": "second\r\nline"})]
    _write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    second = hashlib.sha256(b"second\nline").hexdigest()
    assert article_body({"path": f"{tmp_path / 'c.jsonl'}:2", "sha256": second}, tmp_path) == "second\nline"
    assert article_body({"path": f"{tmp_path / 'c.jsonl'}:9", "sha256": second}, tmp_path) is None
    first = hashlib.sha256(b"first").hexdigest()
    report = {"articles": [{"id": "x", "path": f"{tmp_path / 'c.jsonl'}:1", "sha256": first},
                           {"id": "y", "path": f"{tmp_path / 'c.jsonl'}:2", "sha256": second}]}
    assert load_bodies(report, tmp_path) == {"x": "first", "y": "second\nline"}


def test_missing_body_lists_items_as_text() -> None:
    page = render_html(small())
    assert "Article text not available" in page
    assert 'id="article-a--q-q1"' in page and 'id="article-b--c-c2"' in page


def test_weak_disagreements_have_their_own_section() -> None:
    from tracker.report.model import build_report

    report = build_report(SMALL)
    group = dict(report["claim_groups"][0], id="cg-weak", status="to_check", verdict="conflict",
                 confidence="low", reason="weak: 4 vs 5")
    report["claim_groups"].append(group)
    page = render_html(report)
    section = page[page.index('<section id="to-check">'):]
    section = section[:section.index("</section>")]
    assert "weak: 4 vs 5" in section
    conflicts = page[page.index('<section id="conflicts">'):]
    assert "weak: 4 vs 5" not in conflicts[:conflicts.index("</section>")]


def test_an_article_without_outlet_is_named_by_its_title() -> None:
    claims = Path(__file__).parent.parent / "claims"
    page = render_html(build_report(claims), {})
    assert "004_f25f1a62b73d7b8f ·" not in page and ">004_f25f1a62b73d7b8f<" not in page
    assert "An Iraqi &#39;Terrorist&#39; Leader on The Future of &#39;Resistance&#39; T… · undated" in page
