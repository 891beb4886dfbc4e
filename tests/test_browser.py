"""The HTML report in a real browser: headless Chromium loads the file, we read back its DOM.

``chromium --headless --dump-dom`` prints the DOM after the page loaded and any script ran, so
a script injected through article text would show up (``document.title`` changed, elements
created). The DOM is parsed with the standard library. Screenshots go to ``tmp_path`` and, when
``TRACKER_SCREENSHOTS`` names a folder, are copied there for a human to look at.

Needs Debian's ``chromium`` package (``apt-get install -y chromium``); skipped without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, SEEDS

from tracker.cli import main
from tracker.report.display import value_text
from tracker.report.html import TITLE
from tracker.report.model import build_report
from tracker.report.view import source_names

CHROMIUM = Path(os.environ.get("TRACKER_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
FIXTURE = ROOT / "tests" / "fixtures" / "conflicts" / "claims"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SAFE_TOKEN = re.compile(r"\A[A-Za-z0-9_-]+\Z")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)),
    reason=f"headless Chromium not found at {CHROMIUM}: install Debian's 'chromium' package "
           "(apt-get install -y chromium) or set TRACKER_CHROMIUM",
)]  # slow: each test starts Chromium (5-7 s)


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if (tag is None or n.tag == tag)
                and (cls is None or cls in n.attrs.get("class", "").split())]

    def find(self, tag: str | None = None, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag} class={cls}> under <{self.tag}>"
        return found[0]

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def words(self) -> str:
        return " ".join(self.text.split())


class DomBuilder(HTMLParser):
    """A tolerant tree of Chromium's serialised DOM (which is well-formed HTML5)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def chromium(args: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    profile.mkdir()
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180, check=True)


def dump_dom(page: Path, tmp: Path) -> Node:
    result = chromium(["--dump-dom", page.resolve().as_uri()], tmp)
    builder = DomBuilder()
    builder.feed(result.stdout)
    builder.close()
    assert builder.root.find_all("body"), result.stdout[:500]
    return builder.root


def screenshot(page: Path, png: Path, size: str) -> Path:
    chromium([f"--screenshot={png}", f"--window-size={size}", "--hide-scrollbars", page.resolve().as_uri()],
             png.parent)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    keep = os.environ.get("TRACKER_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(keep) / png.name)
    return png


def render(claims: Path, out: Path) -> Path:
    result = CliRunner().invoke(main, ["report", str(claims), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def title_of(dom: Node) -> str:
    return dom.find("title").text


def cards(group: Node) -> list[tuple[str, str, str]]:
    """(source, date, value) of each value shown in a claim group."""
    out = []
    for card in group.find_all("div", "value"):
        src = card.find("p", "src")
        out.append((src.find("strong").words, src.find("time").words, card.find("span", "v").words))
    return out


def assert_links_resolve(dom: Node, scope: Node) -> None:
    ids = {n.attrs["id"]: n for n in dom.iter() if "id" in n.attrs}
    for link in scope.find_all("a"):
        href = link.attrs["href"]
        assert href.startswith("#") and href[1:] in ids, href


@pytest.fixture
def conflict_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The hand-written conflict fixture beside a copy of the seeds; run from an unrelated folder,
    so article paths (``seeds/…``) resolve against the claim folder's parent."""
    shutil.copytree(FIXTURE, tmp_path / "corpus" / "claims")
    shutil.copytree(SEEDS, tmp_path / "corpus" / "seeds")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return render(tmp_path / "corpus" / "claims", tmp_path / "conflicts.html")


def test_conflicts_show_values_side_by_side_with_sources_and_dates(conflict_report: Path, tmp_path: Path) -> None:
    dom = dump_dom(conflict_report, tmp_path)
    assert title_of(dom) == TITLE
    summary = dom.find("section")
    stats = {d.find("dt").words: d.find("dd").words for d in summary.find("dl").find_all("div")}
    assert summary.attrs["id"] == "summary"
    assert stats == {"Articles": "5", "Sources": "4", "Quotes": "2", "Quote clusters": "1", "Recycled quotes": "1",
                     "Speakers": "1", "Numeric claims": "7", "Claim groups": "2", "Conflicts": "2"}
    section = next(n for n in dom.find_all("section") if n.attrs.get("id") == "conflicts")
    groups = section.find_all("article", "conflict")
    shown = {frozenset(cards(g)) for g in groups}
    assert frozenset({("CNSNews.com", "2018-02-14", "5,200"), ("CNSNews.com", "2018-12-27", "5,000"),
                      ("Rudaw", "2019-01-28", "5,200")}) in shown
    assert frozenset({("CNSNews.com", "2018-02-14", "2010"), ("The Washington Post", "2018-08-30", "2009"),
                      ("Rudaw", "2019-01-28", "2010"),  # an outlet-less article is named by its title
                      ("An Iraqi 'Terrorist' Leader on The Future of 'Resistance' T…", "undated", "2010")}) in shown
    troops = next(g for g in groups if "5,000" in g.words)
    assert "5200 (approx.) in CNSNews.com vs 5000 (approx.) in CNSNews.com" in troops.find("p", "reason").words
    assert len(troops.find_all("span", "hedge")) == 2  # the two hedged figures are marked approximate
    assert [p.words for p in troops.find_all("p", "asw")] == [  # with the hedging words as written
        "as written: “an estimated 5,200”", "as written: “some 5,000”", "as written: “5,200”"]
    assert "there are currently some 5,000 U.S. troops in Iraq" in troops.words  # the sentence, as written
    assert len(troops.find("svg").find_all("circle")) == 3  # one point per report on the timeline
    assert_links_resolve(dom, section)
    speakers = next(n for n in dom.find_all("section") if n.attrs.get("id") == "speakers")
    rows = [[td.words for td in tr.find_all("td")] for tr in speakers.find("tbody").find_all("tr")]
    assert rows == [["Qais al-Khazali (also Khazali)", "2", "2", "1", "CNSNews.com"]]


def test_every_value_links_to_its_highlighted_place_in_the_article(conflict_report: Path, tmp_path: Path) -> None:
    dom = dump_dom(conflict_report, tmp_path)
    ids = {n.attrs["id"]: n for n in dom.iter() if "id" in n.attrs}
    section = ids["conflicts"]
    for card in section.find_all("div", "value"):
        target = ids[card.find("a").attrs["href"][1:]]
        assert target.attrs["class"] == "anchor"
        article = target.parent
        while article is not None and "doc" not in article.attrs.get("class", ""):
            article = article.parent
        assert article is not None and article.attrs["id"].startswith("article-")
        siblings = target.parent.children  # type: ignore[union-attr]
        mark = siblings[siblings.index(target) + 1]
        assert isinstance(mark, Node) and mark.tag == "mark" and "conflict" in mark.attrs["class"]
        assert mark.text == card.find("blockquote").find("mark", "c").text


def test_conflict_report_screenshots(conflict_report: Path, tmp_path: Path) -> None:
    laptop = screenshot(conflict_report, tmp_path / "conflicts-laptop.png", "1280,2400")
    phone = screenshot(conflict_report, tmp_path / "conflicts-phone.png", "390,1600")
    assert laptop.stat().st_size > 10_000 and phone.stat().st_size > 10_000


def test_seed_run_shows_the_dark_night_cluster(seed_claims: Path, tmp_path: Path) -> None:
    page = render(seed_claims, tmp_path / "seeds.html")
    screenshot(page, tmp_path / "seeds-laptop.png", "1280,2000")
    dom = dump_dom(page, tmp_path)
    assert title_of(dom) == TITLE
    recycled = next(n for n in dom.find_all("section") if n.attrs.get("id") == "recycled")
    dark = [c for c in recycled.find_all("article", "cluster") if "dark night" in c.words]
    assert dark, "no recycled quote cluster mentions the 'dark night' threat"

    def shown(cluster: Node) -> tuple[set[str], set[str]]:
        sources = {h.words.removesuffix(h.find("time").words).strip() for h in cluster.find_all("h4")}
        return sources, {t.words for t in cluster.find_all("time")}

    # Both CNSNews.com articles carry it: 2018-02-14 (first seen) and 2018-12-27.
    cluster = next((c for c in dark if "CNSNews.com" in shown(c)[0] and {"2018-02-14", "2018-12-27"} <= shown(c)[1]),
                   None)
    assert cluster is not None, [shown(c) for c in dark]
    assert "first seen in CNSNews.com, 2018-02-14" in cluster.find("p", "meta").words
    assert len(cluster.find("svg").find_all("circle")) >= 2
    # Whatever groups the extractors find on the seeds, each is shown with every source and date.
    report = build_report(seed_claims)
    names = source_names(report)
    shown_groups = {frozenset(cards(g)) for g in dom.find_all("article", "group")}
    for group in report["claim_groups"]:
        assert frozenset((v["outlet"] or names[v["article"]], v["published"] or "undated",
                          value_text({**v, "approximate": False, "bound": None}))
                         for v in group["values"]) in shown_groups
    assert_links_resolve(dom, cluster)
    # The fragment "dark night" is shown inside the original, highlighted, not as the original struck out.
    fragments = [li for li in cluster.find_all("li") if li.find_all("span", "rel-fragment")]
    assert fragments and all(li.find("mark", "fragment").words == "dark night" and not li.find_all("del")
                             and "We are people" in li.find("div", "diff").words for li in fragments)


PAYLOADS = [
    "<script>document.title='pwned'</script>",
    "<img src=x onerror=\"document.title='pwned'\">",
    "<a href=\"javascript:document.title='pwned'\">javascript:document.title='pwned'</a>",
    "</td></table></section></main><h1>broken</h1><table><tr><td>",
    "<svg onload=\"document.title='pwned'\"><style>body{display:none}</style>",
    "\" onmouseover=\"document.title='pwned'\" x=\"",
]

#: A record id carrying markup: ids go into anchors; a reference to one (ARTICLE/ID) has no spaces.
ID_PAYLOAD = "q1\"onmouseover=\"document.title='pwned'\"x=\"<b>"


def _injection_corpus(root: Path) -> Path:
    """Two articles whose titles, outlets, speakers, quotes and claims all carry payloads."""
    quote = f"We will rebuild {PAYLOADS[0]} and {PAYLOADS[1]} today, said the mayor to everyone here"
    amended = f"We will rebuild {PAYLOADS[0]} and {PAYLOADS[1]} today, said the mayor to all of you there"
    (root / "articles").mkdir(parents=True)
    (root / "claims").mkdir()
    docs = [("a1", quote, "2024-01-02", 40), ("<b id=x>a2</b>\"'", amended, "2024-01-05", 41)]
    for n, (aid, text, date, value) in enumerate(docs):
        sentence = f"About {value} {PAYLOADS[3]} people came."
        body = f"{PAYLOADS[4]} headline\n\n“{text}” {PAYLOADS[5]}\n\n{sentence}\n"
        (root / "articles" / f"a{n}.txt").write_text(body, encoding="utf-8")
        q0 = body.index(text)
        c0 = body.index(str(value))
        lines = [  # JSON strings are YAML double-quoted scalars
            "article:",
            f"  id: {json.dumps(aid)}",
            f"  path: articles/a{n}.txt",
            f"  sha256: {hashlib.sha256(body.encode('utf-8')).hexdigest()}",
            f"  title: {json.dumps(PAYLOADS[n] + ' title')}",
            f"  outlet: {json.dumps(f'Outlet {n} ' + PAYLOADS[2 + n])}",
            "  authors: []",
            f"  published: \"{date}\"",
            "quotes:",
            f"  - id: {json.dumps(ID_PAYLOAD)}",
            f"    text: {json.dumps(text)}",
            f"    spans: [[{q0}, {q0 + len(text)}]]",
            f"    speaker: {json.dumps(PAYLOADS[4])}",
            "    kind: direct",
            f"    review: {{status: unreviewed, same_as: [{json.dumps('a1/' + ID_PAYLOAD)}]}}" if n else
            "    review: {status: unreviewed}",
            "claims:",
            "  - id: c1",
            f"    value: {value}",
            "    measure: attendance",
            "    kind: count",
            "    approximate: true",
            f"    surface: \"{value}\"",
            f"    span: [{c0}, {c0 + len(str(value))}]",
            f"    sentence: {json.dumps(sentence)}",
            "    review: {status: unreviewed, same_as: [a1/c1]}" if n else "    review: {status: unreviewed}",
        ]
        (root / "claims" / f"a{n}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # A claim file pointing at a private local file: never embedded (its hash does not match).
    (root / "claims" / "a9.yaml").write_text(
        f"article: {{id: a9, path: /etc/passwd, sha256: '{'0' * 64}', title: t9}}\nquotes: []\nclaims: []\n",
        encoding="utf-8")
    return root / "claims"


def test_control_dump_dom_shows_when_a_script_runs(tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text(f"<!DOCTYPE html><title>{TITLE}</title><body>{PAYLOADS[0]}</body>", encoding="utf-8")
    assert title_of(dump_dom(page, tmp_path)) == "pwned"  # so "unchanged" below means no script ran


def test_injected_markup_is_shown_as_text_and_never_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    claims = _injection_corpus(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    page = render(claims, tmp_path / "injection.html")
    screenshot(page, tmp_path / "injection-laptop.png", "1280,2000")
    dom = dump_dom(page, tmp_path)
    assert title_of(dom) == TITLE  # no script ran
    assert len(dom.find("head").find_all("title")) == 1
    assert all(t.parent is not None and t.parent.tag == "circle" for t in dom.find("body").find_all("title"))
    for tag in ("script", "img", "iframe", "object", "embed", "form", "base", "link"):
        assert not dom.find_all(tag), f"<{tag}> element in the report"
    assert len(dom.find_all("h1")) == 1 and len(dom.find_all("main")) == 1
    assert len(dom.find_all("style")) == 1 and len(dom.find_all("svg")) == len(dom.find_all("figure"))
    for node in dom.iter():
        assert not [a for a in node.attrs if a.startswith("on")], (node.tag, node.attrs)
        if "href" in node.attrs:
            href = node.attrs["href"]
            assert href.startswith("#") and SAFE_TOKEN.match(href[1:]), href
        if "id" in node.attrs:
            assert SAFE_TOKEN.match(node.attrs["id"]), node.attrs["id"]
    text = dom.find("body").text
    for payload in PAYLOADS:
        assert payload in text, f"payload not shown as text: {payload}"
    assert "root:" not in text  # /etc/passwd was not pulled in
    # The recycled quote is shown with its diff, and the article text with the quote highlighted.
    recycled = next(n for n in dom.find_all("section") if n.attrs.get("id") == "recycled")
    assert recycled.find_all("ins") and recycled.find_all("del")
    assert any(PAYLOADS[0] in m.text for m in dom.find_all("mark", "q"))
