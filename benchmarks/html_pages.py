#!/usr/bin/env python3
"""Saved web pages: does an article give the same facts as a page as it does as text?

Each BASIL dev article (87, three outlets) and a fixed sample of GVA dev articles is written
twice into a temporary folder: as a text file (headline, blank line, paragraphs) and as a saved
news page (cookie banner, navigation, byline, share bar, related stories, a comment thread
holding quotes and figures, analytics and JSON-LD scripts, footer) with the same paragraphs.
Both go through the real ingest and extraction; the figures are the share of articles whose
page gives exactly the text file's quotes (text, speaker, kind) and figures (value, unit,
measure, surface), the quote and figure F1 over all articles, and how many comment-thread
quotes or figures leaked into extraction. None of these pages or rules were tuned on this data.

Usage: html_pages.py [EVAL_DATA_DIR] [--show N]   (N disagreeing articles printed)
Exits 1 below the floors in benchmarks/floors/html_pages.json; 0 with a message when data is absent.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from _floors import finish

from tracker.extract import extract_document
from tracker.ingest import iter_documents

ROOT = Path(__file__).resolve().parent.parent
#: GVA articles sampled (fixed hash order): with BASIL's 87 about 200 pages, a minute or two of extraction.
GVA_SAMPLE = 120
#: Planted in every page's comment thread: none of it may be extracted.
COMMENT_QUOTE = "This is a cover-up from start to finish"
COMMENT_FIGURE = "4,321"
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">
<link rel="canonical" href="https://{site}/story/{slug}">
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"event":"pageview","headline":"{title}"}});</script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}"}}</script>
</head><body>
<div class="cookie-banner"><p>We use cookies to personalise content and ads. <a href="/privacy">Learn more</a></p>
<button>Accept</button></div>
<header><a class="logo" href="/">{site}</a><nav><a href="/news">News</a> <a href="/local">Local</a>
<a href="/politics">Politics</a> <a href="/sports">Sports</a> <a href="/weather">Weather</a>
<a href="/subscribe">Subscribe</a></nav></header>
<main><article><h1>{title}</h1><div class="byline">By Staff Reporter | Updated 3 hours ago</div>
{paragraphs}
<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div></article>
<aside class="related"><h2>More from {site}</h2><ul><li><a href="/a">Police: 3 hurt in overnight crash on I-95</a></li>
<li><a href="/b">“We will rebuild,” mayor says after storm</a></li></ul></aside>
</main>
<section class="comments"><h2>12 Comments</h2>
<div class="comment"><b>truthseeker</b><p>“{comment_quote},” my neighbor said.
They had {comment_figure} officers there and nobody saw anything?</p></div>
<div class="comment"><b>jmiller</b><p>Prayers for the families.</p></div></section>
<footer><p>© {site}. All rights reserved.</p><a href="/terms">Terms</a> <a href="/contact">Contact</a></footer>
<script src="/js/app.js"></script></body></html>
"""


def articles(data: Path) -> list[tuple[str, str, list[str]]]:
    """(id, headline, paragraphs) of BASIL dev and the GVA sample."""
    out = []
    for line in (data / "basil" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        for a in json.loads(line)["articles"]:
            paragraphs = [" ".join(p) for p in a["paragraphs"][1:] if p]
            out.append((f"basil-{a['article_id']}", str(a["title"]), paragraphs))
    gva = []
    with gzip.open(data / "gva" / "dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            for a in json.loads(line)["articles"]:
                paragraphs = [p.strip() for p in a["text"].split("\n\n") if p.strip()]
                gva.append((f"gva-{a['doc_id']}", str(a.get("title") or paragraphs[0]), paragraphs))
    gva.sort(key=lambda item: hashlib.sha256(item[0].encode()).hexdigest())
    return out + gva[:GVA_SAMPLE]


def write_pair(folder: Path, aid: str, title: str, paragraphs: list[str]) -> None:
    name = hashlib.sha256(aid.encode()).hexdigest()[:16]
    (folder / "txt" / f"{name}.txt").write_text("\n\n".join([title, *paragraphs]) + "\n", encoding="utf-8")
    page = PAGE.format(title=html.escape(title), site="news.example.com", slug=name,
                       paragraphs="\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs),
                       comment_quote=COMMENT_QUOTE, comment_figure=COMMENT_FIGURE)
    (folder / "html" / f"{name}.html").write_text(page, encoding="utf-8")


def facts(folder: Path) -> dict[str, tuple[set[Any], set[Any]]]:
    out = {}
    for doc in iter_documents([folder], lambda exc: print("input problem:", exc)):
        quotes, claims = extract_document(doc)
        out[doc.article.id] = ({(q.text, q.speaker, q.kind) for q in quotes},
                               {(c.value, c.low, c.high, c.unit, c.measure, c.surface) for c in claims})
    return out


def f1(gold: int, found: int, common: int) -> float:
    return 1.0 if gold == found == 0 else round(2 * common / (gold + found), 4) if gold + found else 0.0


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("--") else ROOT.parent / "shared" / "eval-data"
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    if not (data / "basil" / "dev.jsonl").exists():
        print(f"skipped: no evaluation data at {data}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "txt").mkdir()
        (folder / "html").mkdir()
        items = articles(data)
        for aid, title, paragraphs in items:
            write_pair(folder, aid, title, paragraphs)
        text, page = facts(folder / "txt"), facts(folder / "html")
    return report(text, page, show)


def report(text: dict[str, Any], page: dict[str, Any], show: int) -> int:
    same = quotes = figures = 0
    counts = {"q": [0, 0, 0], "c": [0, 0, 0]}
    leaks = 0
    for aid, (tq, tc) in text.items():
        pq, pc = page.get(aid, (set(), set()))
        leaks += sum(COMMENT_QUOTE in q[0] for q in pq) + sum(c[5] == COMMENT_FIGURE for c in pc)
        quotes += tq == pq
        figures += tc == pc
        same += tq == pq and tc == pc
        for key, (gold, found) in (("q", (tq, pq)), ("c", (tc, pc))):
            counts[key][0] += len(gold)
            counts[key][1] += len(found)
            counts[key][2] += len(gold & found)
        if (tq != pq or tc != pc) and show > 0:
            show -= 1
            print(f"{aid}: quotes -{sorted(tq - pq)[:3]} +{sorted(pq - tq)[:3]}; "
                  f"figures -{sorted(tc - pc, key=str)[:3]} +{sorted(pc - tc, key=str)[:3]}")
    n = len(text)
    result = {"articles": n, "pages_read": len(page), "identical": round(same / n, 4),
              "same_quotes": round(quotes / n, 4), "same_figures": round(figures / n, 4),
              "quote_f1": f1(*counts["q"]), "figure_f1": f1(*counts["c"]), "comment_leaks": leaks,
              "no_comment_leak": 1.0 if leaks == 0 else 0.0}
    return finish(result, "html_pages.json", "html_pages")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
