"""Time every report writer on a synthetic model with 10,000 claims.

The model has the contract's shape and realistic proportions: 500 articles from 60 outlets over
two years, 10,000 claims of which about half fall in 1,500 cross-article groups (a quarter of
them conflicts), 4,000 quotes in clusters of which 400 are recycled across 2-4 articles (some
amended), and a body per article (about 7,000 characters) holding every item at its span.

Prints one line per format (size in characters of output, rows for pandas), then one JSON
line; exits 1 if the HTML of 10,000 claims takes 2 seconds or more (median of the runs).

    python benchmarks/report_render.py [--claims 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from tracker.report.csv import csv_files
from tracker.report.frame import frames
from tracker.report.html import render_html
from tracker.report.json_format import render_json
from tracker.report.markdown import render_markdown

HTML_LIMIT_SECONDS = 2.0
WORDS = ("the minister said forces would remain in the region while talks continue and officials "
         "confirmed that the agreement reached last week covers troops aid and reconstruction").split()


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthetic_model(claims: int = 10_000, seed: int = 7) -> tuple[dict[str, Any], dict[str, str]]:
    """A report model and article bodies of the given size (deterministic for a seed)."""
    rng = random.Random(seed)
    n_articles = max(2, claims // 20)
    start = dt.date(2023, 1, 1)
    articles: list[dict[str, Any]] = []
    for i in range(n_articles):
        published = None if i % 40 == 0 else (start + dt.timedelta(days=rng.randrange(730))).isoformat()
        articles.append({"id": f"art-{i:05d}", "path": f"missing/art-{i:05d}.txt", "sha256": "0" * 64,
                         "title": _sentence(rng, 9), "outlet": f"Outlet {i % 60}", "authors": [f"Author {i % 97}"],
                         "published": published, "url": None})
    # Bodies: paragraphs of filler with a sentence per claim and per quote, spans recorded.
    bodies: dict[str, list[str]] = {a["id"]: [] for a in articles}
    lengths = dict.fromkeys(bodies, 0)

    def place(article: str, text: str, inner: str) -> list[int]:
        filler = _sentence(rng, 25) + "\n\n"
        at = lengths[article] + len(filler) + text.index(inner)
        bodies[article] += [filler, text, "\n\n"]
        lengths[article] += len(filler) + len(text) + 2
        return [at, at + len(inner)]

    claim_rows: list[dict[str, Any]] = []
    for i in range(claims):
        art = articles[i % n_articles]
        value = rng.choice([rng.randrange(2, 60), rng.randrange(100, 20_000), rng.randrange(1990, 2024)])
        surface = f"{value:,}"
        sentence = f"Officials said {surface} {rng.choice(WORDS)} were counted in the region."
        span = place(art["id"], sentence, surface)
        claim_rows.append({"article": art["id"], "claim_id": f"c{i:06d}", "value": value, "unit": None,
                           "measure": rng.choice(["troops", "killed", "budget", "released"]), "kind": "count",
                           "approximate": rng.random() < 0.3, "bound": None, "high": None, "surface": surface,
                           "span": span, "sentence": sentence, "status": "unreviewed", "orphaned": False,
                           "group": None})
    by_id = {a["id"]: a for a in articles}
    groups: list[dict[str, Any]] = []
    pool = list(range(claims))
    rng.shuffle(pool)
    for g in range(claims * 3 // 20):  # 1,500 groups for 10,000 claims
        picked = pool[g * 3:(g * 3) + rng.choice([2, 3, 4, 4])]
        values: list[dict[str, Any]] = []
        base = claim_rows[picked[0]]["value"]
        conflict = g % 4 == 0
        for k, ci in enumerate(picked):
            row = claim_rows[ci]
            row["value"] = base + (k if conflict else 0)
            row["group"] = f"cg-{g:05d}"
            art = by_id[row["article"]]
            values.append({"claim_id": row["claim_id"], "article": row["article"], "outlet": art["outlet"],
                           "published": art["published"], "value": row["value"], "kind": "count",
                           "approximate": row["approximate"], "bound": None, "surface": row["surface"],
                           "sentence": row["sentence"], "span": row["span"]})
        groups.append({"id": f"cg-{g:05d}", "status": "conflict" if conflict else "consistent",
                       "verdict": "conflict" if conflict else "consistent",
                       "reason": "values differ" if conflict else "all reports agree", "unit": None,
                       "measure": claim_rows[picked[0]]["measure"], "values": values})
    quotes: list[dict[str, Any]] = []
    clusters: list[dict[str, Any]] = []
    for c in range(claims * 8 // 25):  # 3,200 clusters for 10,000 claims
        text = _sentence(rng, rng.randrange(8, 30))
        size = rng.choice([2, 3, 4]) if c % 8 == 0 else 1
        members: list[dict[str, Any]] = []
        for k in range(size):
            art = articles[(c * 7 + k * 13) % n_articles]
            variant = text if k == 0 or rng.random() < 0.6 else text.replace(" the ", " a ", 1) + " indeed"
            quote_text = f"“{variant}” said {rng.choice(['the minister', 'an official', 'the mayor'])}."
            spans = [place(art["id"], quote_text, variant)]
            qid = f"q{c:05d}-{k}"
            quotes.append({"article": art["id"], "quote_id": qid, "text": variant, "speaker": f"Speaker {c % 150}",
                           "kind": "direct", "spans": spans, "status": "unreviewed", "orphaned": False,
                           "cluster": f"qc-{c:05d}"})
            members.append({"quote_id": qid, "article": art["id"], "outlet": art["outlet"],
                            "published": art["published"], "text": variant, "speaker": f"Speaker {c % 150}",
                            "kind": "direct", "relation": "original" if k == 0 else
                            ("verbatim" if variant == text else "amended"), "score": 100.0 if variant == text else 91.2,
                            "spans": spans})
        clusters.append({"id": f"qc-{c:05d}", "speaker": f"Speaker {c % 150}", "canonical": text,
                         "first_seen": {"article": members[0]["article"], "published": members[0]["published"]},
                         "articles": len({m["article"] for m in members}), "members": members})
    speakers: dict[str, dict[str, Any]] = {}
    for q in quotes:
        s = speakers.setdefault(q["speaker"], {"speaker": q["speaker"], "quotes": 0, "a": set(), "o": set()})
        s["quotes"] += 1
        s["a"].add(q["article"])
        s["o"].add(by_id[q["article"]]["outlet"])
    model = {
        "summary": {"articles": n_articles, "sources": 60, "quotes": len(quotes), "claims": claims,
                    "quote_clusters": len(clusters), "recycled_quotes": sum(1 for c in clusters if c["articles"] > 1),
                    "claim_groups": len(groups), "conflicts": sum(1 for g in groups if g["status"] == "conflict"),
                    "speakers": len(speakers)},
        "articles": articles, "quote_clusters": clusters, "claim_groups": groups, "quotes": quotes,
        "claims": claim_rows,
        "speakers": [{"speaker": s["speaker"], "quotes": s["quotes"], "articles": len(s["a"]), "sources": len(s["o"]),
                      "outlets": sorted(s["o"]), "names": [s["speaker"]]} for s in speakers.values()],
    }
    return model, {k: "".join(v) for k, v in bodies.items()}


def _time(func: Callable[[], Any], runs: int) -> tuple[list[float], int]:
    times: list[float] = []
    size = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - t0)
        if isinstance(out, str):
            size = len(out)
        elif isinstance(out, dict):
            size = sum(len(v) for v in out.values())
        else:  # pandas Tables: total rows
            size = sum(len(getattr(out, n)) for n in ("articles", "quotes", "claims", "clusters", "groups"))
    return times, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    model, bodies = synthetic_model(args.claims)
    s = model["summary"]
    print(f"model: {s['articles']} articles, {s['claims']} claims in {s['claim_groups']} groups "
          f"({s['conflicts']} conflicts), {s['quotes']} quotes in {s['quote_clusters']} clusters "
          f"({s['recycled_quotes']} recycled), {sum(map(len, bodies.values())):,} characters of article text")
    writers: dict[str, Callable[[], Any]] = {
        "md": lambda: render_markdown(model),
        "html": lambda: render_html(model, bodies),
        "html_no_bodies": lambda: render_html(model),
        "json": lambda: render_json(model),
        "csv": lambda: csv_files(model),
        "pandas": lambda: frames(model),
    }
    result: dict[str, Any] = {"claims": args.claims, "runs": args.runs, "seconds": {}, "bytes": {}}
    for name, func in writers.items():
        times, size = _time(func, args.runs)
        median = statistics.median(times)
        result["seconds"][name] = round(median, 4)
        result["bytes"][name] = size
        unit = "rows" if name == "pandas" else "characters"
        print(f"{name:>15}: median {median:7.3f} s  (min {min(times):.3f} s, {size:,} {unit})")
    html = result["seconds"]["html"]
    result["html_limit_seconds"] = HTML_LIMIT_SECONDS
    result["ok"] = html < HTML_LIMIT_SECONDS
    print(json.dumps(result, sort_keys=True))
    if not result["ok"]:
        print(f"FAIL: HTML rendering of {args.claims} claims took {html:.3f} s (limit {HTML_LIMIT_SECONDS} s)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
