#!/usr/bin/env python3
"""Cross-source matching on multi-outlet news: GVA incidents and BASIL events.

Runs the real pipeline (``extract_paths`` then ``build_report``, exactly what ``tracker extract``
and ``tracker report`` do) on every GVA incident's articles as one collection, and on BASIL's
event triplets, and scores them as ``../shared/tools/score_dev.py gva|basil`` does:

- GVA killed recall: articles that state the archive's killed count k (digits or a word, within
  60 characters before a killing word) for which some claim has value k with a killing word in
  its unit or sentence.
- Cross-incident rate: share of claim groups spanning 2+ articles whose articles belong to more
  than one incident (the same figure about two shootings merged); also for quote clusters.
- Flagged groups: claim groups with status ``conflict`` (contradiction or update), and how many
  concern killed counts; ``--sample N`` prints N of the killed ones with their reasons to read.
  Killed-count groups of one incident whose articles share no exact figure must not read
  ``consistent`` (they are conflicts, updates or on the to-check list).
- BASIL: quote clusters spanning two events (should be none) and identical quotes (6+ words, in
  two outlets' articles on one event) that end up in one cluster.

Usage: cross_source.py [EVAL_DATA_DIR] [--sample N]
Prints figures and a final JSON line; exits 1 outside the bounds in benchmarks/floors/cross_source.json;
exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tracker.claimfile.store import iter_claim_files
from tracker.commands.extract import extract_paths
from tracker.report.model import build_report

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "benchmarks" / "floors" / "cross_source.json"
KILLED = re.compile(r"\b(kill|dead|die|death|fatal|slain|murder|homicide)", re.I)
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
         10: "ten"}


def _rows(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        return [json.loads(line) for line in fh if line.strip()]


def _collection(rows: list[dict[str, Any]], prefix: str, id_key: str,
                fields: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Every event's articles as one collection (as score_dev.py builds it), and each article's event."""
    owner: dict[str, Any] = {}
    articles = []
    for r in rows:
        for a in r["articles"]:
            aid = prefix + a[id_key]
            owner[aid] = r["cluster_id"]
            articles.append({"id": aid, "text": a["text"], "title": a.get("title"),
                             **{ours: a.get(theirs) for ours, theirs in fields.items()}})
    return owner, articles


def _run(articles: list[dict[str, Any]], tmp: Path) -> tuple[dict[str, Any], dict[str, Any], float, float]:
    source = tmp / "collection.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    extract_paths([source], tmp / "claims")
    t1 = time.perf_counter()
    report = build_report(tmp / "claims")
    t2 = time.perf_counter()
    claims = {str(cf.article.get("id")): cf.data for cf in iter_claim_files(tmp / "claims")}
    return report, claims, t1 - t0, t2 - t1


def gva(data: Path, sample: int) -> dict[str, Any] | None:
    path = data / "gva" / "dev.jsonl.gz"
    if not path.exists():
        return None
    rows = _rows(path)
    owner, articles = _collection(rows, "gva-", "doc_id", {"outlet": "domain", "published": "dct", "url": "uri"})
    with tempfile.TemporaryDirectory() as tmp:
        report, claims, t_extract, t_report = _run(articles, Path(tmp))
    stated = found = 0
    for r in rows:
        k = (r.get("gva_structured") or {}).get("num_killed")
        if not isinstance(k, int) or k <= 0:
            continue
        spelled = WORDS.get(k, "@@")
        pattern = re.compile(rf"\b({k}|{spelled})\b[^.]{{0,60}}\b(kill|dead|die|death|slain)", re.I)
        for a in r["articles"]:
            if not pattern.search(a["text"]):
                continue
            stated += 1
            record = claims.get("gva-" + a["doc_id"]) or {}
            if any(isinstance(c.get("value"), int | float) and float(c["value"]) == k
                   and KILLED.search(f"{c.get('unit') or ''} {c.get('sentence') or ''}")
                   for c in record.get("claims") or []):
                found += 1
    multi = [g for g in report["claim_groups"] if len({v["article"] for v in g["values"]}) > 1]
    cross = [g for g in multi if len({owner.get(v["article"]) for v in g["values"]}) > 1]
    flagged = [g for g in multi if g["status"] == "conflict"]
    killed_flagged = [g for g in flagged if g.get("measure") == "killed"]
    qmulti = [c for c in report["quote_clusters"] if len({m["article"] for m in c["members"]}) > 1]
    qcross = [c for c in qmulti if len({owner.get(m["article"]) for m in c["members"]}) > 1]
    # Differing counts: two exact figures (no bound, no hedge) that are not equal.
    same_incident_killed = [g for g in multi if g.get("measure") == "killed"
                            and len({owner.get(v["article"]) for v in g["values"]}) == 1
                            and len({v["value"] for v in g["values"]
                                     if not v.get("bound") and not v.get("approximate")}) > 1]
    # Hidden disagreement: two articles that share no exact figure, yet the group reads consistent
    # (a differing figure beside the shared one in the same article is a part, not a clash; weak
    # disagreements go to the to-check list, which a person reads).
    unflagged = [g for g in same_incident_killed if g["status"] == "consistent" and _articles_disagree(g)]
    if sample:
        # Every killed-count group first, then a random draw of the other flagged groups.
        others = [g for g in flagged if g not in killed_flagged]
        chosen = killed_flagged[:sample] + random.Random(0).sample(others, max(0, min(sample - len(killed_flagged),
                                                                                        len(others))))
        print(f"\n{len(chosen)} flagged groups to read (all killed-count groups, then random others, seed 0):")
        for g in chosen:
            print(f"- {g['id']} {g.get('measure')} [{g.get('verdict')}] {g.get('reason')}")
            for v in g["values"]:
                print(f"    {v['published']} {v['outlet']}: {v['value']} | {v['sentence'][:150]}")
    megabytes = sum(len(a["text"].encode()) for a in articles) / 1e6
    return {
        "incidents": len(rows), "articles": len(articles), "MB": round(megabytes, 2),
        "killed_stated": stated, "killed_found": found, "killed_recall": round(found / stated, 4) if stated else None,
        "groups_multi_article": len(multi), "groups_cross_incident": len(cross),
        "cross_incident_rate": round(len(cross) / len(multi), 4) if multi else None,
        "flagged_groups": len(flagged), "flagged_killed_groups": len(killed_flagged),
        "flagged_updates": sum(1 for g in flagged if g.get("verdict") == "update"),
        "killed_groups_differing_in_one_incident": len(same_incident_killed),
        "killed_groups_differing_unflagged": len(unflagged),
        "quote_clusters_multi": len(qmulti), "quote_clusters_cross_incident": len(qcross),
        "extract_s": round(t_extract, 1), "report_s": round(t_report, 1),
        "articles_per_s": round(len(articles) / t_extract, 1) if t_extract else None,
    }


def _articles_disagree(group: dict[str, Any]) -> bool:
    exact: dict[str, set[Any]] = {}
    for v in group["values"]:
        if not v.get("bound") and not v.get("approximate"):
            exact.setdefault(v["article"], set()).add(v["value"])
    sets = list(exact.values())
    return any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1:])


def basil(data: Path) -> dict[str, Any] | None:
    path = data / "basil" / "dev.jsonl"
    if not path.exists():
        return None
    rows = _rows(path)
    owner, articles = _collection(rows, "basil-", "article_id", {"outlet": "source", "published": "date", "url": "url"})
    with tempfile.TemporaryDirectory() as tmp:
        report, claims, t_extract, t_report = _run(articles, Path(tmp))
    cluster_of = {m["quote_id"]: c["id"] for c in report["quote_clusters"] for m in c["members"]}
    multi = [c for c in report["quote_clusters"] if len({m["article"] for m in c["members"]}) > 1]
    cross = [c for c in multi if len({owner.get(m["article"]) for m in c["members"]}) > 1]
    by_event: dict[tuple[Any, str], list[tuple[str, str]]] = {}
    for aid, record in claims.items():
        for q in record.get("quotes") or []:
            words = re.sub(r"\s+", " ", re.sub(r"[^\w\s']", " ", str(q.get("text") or "").casefold()
                                                 .replace("\u2019", "'"))).strip()
            if len(words.split()) >= 6 and q.get("kind") in ("direct", "partial"):
                by_event.setdefault((owner.get(aid), words), []).append((aid, str(q.get("id"))))
    pairs = linked = 0
    for items in by_event.values():
        if len({a for a, _ in items}) < 2:
            continue
        pairs += 1
        targets = {cluster_of.get(q) for _, q in items}
        linked += len(targets) == 1 and None not in targets
    groups_multi = [g for g in report["claim_groups"] if len({v["article"] for v in g["values"]}) > 1]
    return {
        "events": len(rows), "articles": len(articles), "quote_clusters_multi": len(multi),
        "cross_event_clusters": len(cross), "cross_event_rate": round(len(cross) / len(multi), 4) if multi else None,
        "identical_quote_sets": pairs, "identical_linked": linked,
        "claim_groups_multi": len(groups_multi),
        "claim_groups_cross_event": sum(1 for g in groups_multi
                                        if len({owner.get(v["article"]) for v in g["values"]}) > 1),
        "seconds": round(t_extract + t_report, 1),
    }


def main(argv: list[str]) -> int:
    sample = 0
    if "--sample" in argv:
        at = argv.index("--sample")
        sample = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    data = Path(argv[0]) if argv else ROOT.parent / "shared" / "eval-data"
    figures = {"gva": gva(data, sample), "basil": basil(data)}
    if figures["gva"] is None and figures["basil"] is None:
        print(f"no GVA or BASIL data under {data}; skipping")
        return 0
    bounds = json.loads(FLOORS.read_text(encoding="utf-8"))
    failures = []
    for corpus, result in figures.items():
        if result is None:
            continue
        print(f"{corpus}: " + ", ".join(f"{k} {v}" for k, v in result.items()))
        for key, limit in bounds.get(corpus, {}).items():
            name, kind = key.rsplit("_", 1)
            value = result.get(name)
            if value is None:
                continue
            if (kind == "min" and value < limit) or (kind == "max" and value > limit):
                failures.append(f"{corpus} {name} {value} outside {kind} {limit}")
    print(json.dumps({"eval": "cross-source", **{k: v for k, v in figures.items() if v is not None}}))
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
