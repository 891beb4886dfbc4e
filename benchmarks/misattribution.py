#!/usr/bin/env python3
"""Misattribution flags scored on hand-made clusters from BASIL dev (``gold/misattribution.jsonl``).

Each gold cluster is two articles of one BASIL event that print the same quotation. ``variant``
clusters keep the articles as written (one person named two ways: a flag would be wrong);
``different`` clusters credit the words to another person of the story in the second article (an
edit at the attribution: a flag is right). Every cluster runs through the real pipeline alone
(``extract_paths`` then ``build_report``); the prediction is whether a misattribution flag joins
the two gold quotes. Also printed: how often the two quotes were clustered at all (without a
cluster no flag can be raised).

Recycled disclosure (``gold/age_cues.jsonl``): quotes of PolNeAR and BASIL dev articles labelled
by reading whether the article dates the words (``old``) or not (``none``); scored against the
``age_cue`` extraction records.

Usage: misattribution.py [EVAL_DATA_DIR] [--show]
Exits 1 below the floors in benchmarks/floors/misattribution.json; 0 with a message when data is absent.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from _floors import finish

from tracker.claimfile.store import iter_claim_files
from tracker.commands.extract import extract_paths
from tracker.report.model import build_report

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"


def _rows(path: Path) -> list[dict[str, Any]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _articles(case: dict[str, Any], texts: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], list[list[int]]]:
    """The case's articles (the edit applied) and each gold quote's span in its article."""
    out, quotes = [], []
    edit = case.get("edit")
    for i, m in enumerate(case["members"]):
        art = texts[m["article"]]
        text = art["text"]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != m["text_sha256"]:
            sys.exit(f"misattribution gold {case['id']}: article {m['article']} changed (sha256)")
        start, end = m["quote"]
        if edit is not None and edit["member"] == i:
            a, b = m["mention"]
            text = text[:a] + edit["replace_mention_with"] + text[b:]
            shift = len(edit["replace_mention_with"]) - (b - a)
            if a < start:
                start, end = start + shift, end + shift
        quotes.append([start, end])
        out.append({"id": f"{case['id']}-{m['source']}", "text": text, "title": art.get("title") or "",
                    "outlet": m["source"], "published": m["date"]})
    return out, quotes


def _cluster_of(report: dict[str, Any], article: str, span: list[int]) -> str | None:
    """The cluster of the quote of ``article`` overlapping ``span`` most."""
    best: tuple[int, str] | None = None
    for q in report["quotes"]:
        if q["article"] != article or q["cluster"] is None:
            continue
        shared = sum(max(0, min(e, span[1]) - max(s, span[0])) for s, e in q["spans"])
        if shared > 0 and (best is None or shared > best[0]):
            best = (shared, q["cluster"])
    return best[1] if best else None


def _run_case(case: dict[str, Any], texts: dict[str, dict[str, Any]], tmp: Path) -> dict[str, Any]:
    articles, spans = _articles(case, texts)
    folder = tmp / case["id"]
    folder.mkdir()
    source = folder / "in" / "collection.jsonl"
    source.parent.mkdir()
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    extract_paths([source], folder / "claims")
    for cf in iter_claim_files(folder / "claims"):  # spans are offsets into the text written
        text = next(a["text"] for a in articles if a["id"] == cf.article.get("id"))
        if cf.article.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
            sys.exit(f"misattribution gold {case['id']}: the body differs from the text written")
    report = build_report(folder / "claims")
    clusters = [_cluster_of(report, a["id"], s) for a, s in zip(articles, spans, strict=True)]
    together = clusters[0] is not None and len(set(clusters)) == 1
    flags = [f for f in report["misattributions"] if together and f["cluster"] == clusters[0]
             and {e["article"] for e in f["evidence"]} >= {a["id"] for a in articles}]
    return {"id": case["id"], "split": case["split"], "label": case["label"], "clustered": together,
            "flagged": bool(flags), "right": bool(flags) == (case["label"] == "different"),
            "speakers": [c["speakers"] for c in report["quote_clusters"] if c["id"] == clusters[0]],
            "flags": flags}


def _age_cues(data: Path, tmp: Path) -> dict[str, Any]:
    """Accuracy of ``age_cue`` (old vs none) on the hand-labelled quotes, or {} without the gold."""
    path = GOLD / "age_cues.jsonl"
    if not path.exists():
        return {}
    gold = _rows(path)
    polnear = {str(r["doc_id"]): r for r in _rows(data / "polnear" / "dev.jsonl")}
    basil = {a["article_id"]: a for ev in _rows(data / "basil" / "dev.jsonl") for a in ev["articles"]}
    needed = {g["article"] for g in gold}
    articles = [{"id": aid, "text": (polnear.get(aid) or basil.get(aid) or {}).get("text", "")} for aid in needed]
    source = tmp / "age" / "collection.jsonl"
    source.parent.mkdir()
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    extract_paths([source], tmp / "age-claims")
    quotes = {(str(cf.article.get("id"))): cf.quotes for cf in iter_claim_files(tmp / "age-claims")}
    right = found = 0
    for g in gold:
        hits = [q for q in quotes.get(g["article"], []) if any(s < g["quote"][1] and e > g["quote"][0]
                                                               for s, e in q.get("spans") or [])]
        if not hits:
            continue
        found += 1
        cue = hits[0].get("age_cue") or {}
        said = "old" if cue.get("says") == "old" else "none"
        right += said == g["label"]
        if said != g["label"]:
            print(f"ERR age {g['article']} {g['quote']} gold={g['label']} ({g.get('cue_kind')}) found={cue or None}")
    return {"age_quotes": len(gold), "age_found": found, "age_cue_accuracy": round(right / found, 3) if found else None}


def _score(results: list[dict[str, Any]], split: str | None) -> dict[str, Any]:
    rows = [r for r in results if split is None or r["split"] == split]
    suffix = f"_{split}" if split else ""
    if not rows:
        return {}
    return {f"flag_accuracy{suffix}": round(sum(r["right"] for r in rows) / len(rows), 3),
            f"clustered{suffix}": round(sum(r["clustered"] for r in rows) / len(rows), 3),
            # flags right where matching put the two quotes in one cluster (speaker resolution's own share)
            f"flag_accuracy_clustered{suffix}": round(sum(r["right"] for r in rows if r["clustered"])
                                                      / max(1, sum(r["clustered"] for r in rows)), 3),
            f"clusters{suffix}": len(rows)}


def main(argv: list[str]) -> int:
    show = "--show" in argv
    args = [a for a in argv if not a.startswith("--")]
    data = Path(args[0]) if args else ROOT.parent / "shared" / "eval-data"
    if not (data / "basil" / "dev.jsonl").exists():
        print(f"misattribution: skipped, no eval data at {data}")
        return 0
    cases = _rows(GOLD / "misattribution.jsonl")
    texts = {a["article_id"]: a for ev in _rows(data / "basil" / "dev.jsonl") for a in ev["articles"]}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results = [_run_case(case, texts, tmp) for case in cases]
        ages = _age_cues(data, tmp)
    for r in results:
        if show or not r["right"]:
            mark = "ok " if r["right"] else "ERR"
            print(f"{mark} {r['id']} {r['split']:6} {r['label']:9} clustered={r['clustered']} flagged={r['flagged']} "
                  f"speakers={[(s['name'], s['aliases']) for c in r['speakers'] for s in c]}")
    result: dict[str, Any] = {**_score(results, None), **_score(results, "tune"), **_score(results, "report"), **ages}
    return finish(result, "misattribution.json", "misattribution")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
