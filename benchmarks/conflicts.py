#!/usr/bin/env python3
"""Are flagged conflicts real? Scored against hand labels, plus cross-event rates and updates.

Runs the real pipeline (``extract_paths`` then ``build_report``) and scores:

- **Labelled flags** (``benchmarks/gold/conflicts_dev.jsonl``): every group the tool flagged as a
  conflict on GVA dev (one collection) and BASIL dev before the conflict work, read by hand and
  labelled real / update / misread / different_quantity / different_event. A group flagged now is
  *real* when one of its disagreeing pairs was labelled as the same quantity, *false* when every
  disagreeing pair was labelled as not, and *unlabelled* otherwise (printed, to be read and added).
  Recall: labelled real conflicts and updates whose pair is still flagged (status ``conflict``).
- **Cross-event groups** at 25%, 50% and 100% of the GVA incidents (a fixed hash order), and with
  the BASIL and PolNeAR articles added to the same collection: a group that spans two incidents
  merges two events.
- **Updates** (``benchmarks/gold/story_versions.jsonl``): hand-made earlier versions of GVA
  articles (counts edited as outlets do, the real text as the later version, published a day
  later, same url); a changed count is linked when one group holds the later figure and the
  earlier one, calls it ``update``, and lists the earlier figure first.

Usage: conflicts.py [EVAL_DATA_DIR] [--show] [--unlabelled FILE]
  --show prints every flagged group, cross-event group and missed label; --unlabelled appends the
  flags no label covers (members and sentences) to FILE, to be read and added to the gold.
Exits 1 below the floors in benchmarks/floors/conflicts.json; 0 with a message when data is absent.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import itertools
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from _floors import finish

from tracker.claimfile.store import iter_claim_files
from tracker.commands.extract import extract_paths
from tracker.report.model import build_report

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
SAME = "same_quantity"


def _rows(path: Path) -> list[dict[str, Any]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _gold(name: str) -> list[dict[str, Any]]:
    return _rows(GOLD / name)


def _write(articles: list[dict[str, Any]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "collection.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return source


def _subset_report(files: dict[str, Path], ids: set[str], tmp: Path, name: str) -> dict[str, Any]:
    folder = tmp / name
    folder.mkdir()
    for aid in ids:
        if aid in files:
            shutil.copy(files[aid], folder / files[aid].name)
    return build_report(folder)


def _multi(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [g for g in report["claim_groups"] if len({v["article"] for v in g["values"]}) > 1]


def _cross_rate(report: dict[str, Any], owner: dict[str, str], show: bool = False) -> tuple[int, int]:
    multi = _multi(report)
    cross = [g for g in multi if len({owner.get(v["article"], v["article"]) for v in g["values"]}) > 1]
    for g in cross if show else []:
        print(f"- [cross-event] {g['id']} {g['status']} {g['measure']}: {g['reason']}")
        for v in g["values"]:
            print(f"    {owner.get(v['article'])} {v['published']} {v['outlet']}: {v['value']} | {v['sentence'][:140]}")
    return len(cross), len(multi)


def _pair_labels(corpus: str) -> tuple[dict[frozenset[tuple[str, int]], str], list[dict[str, Any]]]:
    """Pairwise labels: two claims (article, span start) are the same quantity or not."""
    pairs: dict[frozenset[tuple[str, int]], str] = {}
    labelled = [g for g in _gold("conflicts_dev.jsonl") if g["corpus"] == corpus]
    for g in labelled:
        same = {(m[0], m[2]) for m in g[SAME]}
        members = [(m[0], m[2]) for m in g["members"]]
        for a, b in itertools.combinations(members, 2):
            if a[0] != b[0]:
                key = frozenset((a, b))
                pairs[key] = "same" if (a in same and b in same and g["label"] in ("real", "update")) else "not"
    return pairs, labelled


def _disagreeing(group: dict[str, Any]) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    out = []
    for a, b in itertools.combinations(group["values"], 2):
        if a["article"] != b["article"] and a["value"] != b["value"] and a.get("span") and b.get("span"):
            out.append(((a["article"], a["span"][0]), (b["article"], b["span"][0])))
    return out


def score_labels(report: dict[str, Any], corpus: str, show: bool) -> dict[str, Any]:
    pairs, labelled = _pair_labels(corpus)
    flagged = [g for g in report["claim_groups"] if g["status"] == "conflict"]
    verdicts: Counter[str] = Counter()
    for g in flagged:
        seen = [pairs.get(frozenset(p)) for p in _disagreeing(g)]
        verdict = "real" if "same" in seen else ("false" if seen and all(s == "not" for s in seen) else "unlabelled")
        verdicts[verdict] += 1
        if verdict == "unlabelled" and UNLABELLED_OUT is not None:
            with UNLABELLED_OUT.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"corpus": corpus, "group": g["id"], "verdict": g["verdict"], "members": [
                    [v["article"], v["claim_id"], *(v.get("span") or [None, None]), v["value"]] for v in g["values"]],
                    "sentences": [v["sentence"] for v in g["values"]]}, ensure_ascii=False) + "\n")
        if show or verdict == "unlabelled":
            print(f"- [{verdict}] {g['id']} {g['verdict']} ({g['confidence']}): {g['reason']}")
            for v in g["values"]:
                print(f"    {v['published']} {v['outlet']}: {v['value']} | {v['sentence'][:140]}")
    flagged_pairs = {frozenset(p) for g in flagged for p in _disagreeing(g)}
    real_groups = [g for g in labelled if g["label"] in ("real", "update")]
    kept = 0
    for g in real_groups:
        same = [(m[0], m[2], m[4]) for m in g[SAME]]
        wanted = {frozenset(((a[0], a[1]), (b[0], b[1]))) for a, b in itertools.combinations(same, 2)
                  if a[0] != b[0] and a[2] != b[2]}
        kept += bool(wanted & flagged_pairs)
        if show and not wanted & flagged_pairs:
            print(f"- [real, not flagged] {g['label']}: {g['what']}")
    judged = verdicts["real"] + verdicts["false"]
    return {"flagged": len(flagged), "flagged_real": verdicts["real"], "flagged_false": verdicts["false"],
            "flagged_unlabelled": verdicts["unlabelled"],
            "flagged_real_share": round(verdicts["real"] / judged, 4) if judged else 1.0,
            "labelled_real": len(real_groups), "labelled_real_still_flagged": kept,
            "real_recall": round(kept / len(real_groups), 4) if real_groups else None}


def _version_articles(gva: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    texts = {a["doc_id"]: a for r in gva for a in r["articles"]}
    articles, pairs = [], []
    for p in _gold("story_versions.jsonl"):
        real = texts.get(p["article"])
        if real is None or hashlib.sha256(real["text"].encode()).hexdigest() != p["text_sha256"]:
            continue
        earlier = real["text"]
        for e in sorted(p["edits"], key=lambda e: e["start"], reverse=True):
            earlier = earlier[:e["start"]] + e["replacement"] + earlier[e["end"]:]
        day = dt.date.fromisoformat(p["earlier_published"][:10])
        url = f"https://example.org/story/{p['article']}"
        articles.append({"id": f"v1-{p['article']}", "text": earlier, "title": real.get("title"),
                         "outlet": real.get("domain"), "published": day.isoformat(), "url": url})
        articles.append({"id": f"v2-{p['article']}", "text": real["text"], "title": real.get("title"),
                         "outlet": real.get("domain"), "published": (day + dt.timedelta(days=1)).isoformat(),
                         "url": url})
        pairs.append(p)
    return articles, pairs


def score_versions(report: dict[str, Any], pairs: list[dict[str, Any]], show: bool = False) -> dict[str, Any]:
    changes: dict[tuple[str, str, float, float], bool] = {}
    for p in pairs:
        for c in p["changes"]:
            key = (p["article"], c["measure"], float(c["earlier"]), float(c["later"]))
            changes.setdefault(key, False)
            for g in report["claim_groups"]:
                if g["verdict"] != "update":
                    continue
                values = g["values"]
                later = [i for i, v in enumerate(values) if v["article"] == f"v2-{p['article']}" and v.get("span")
                         and v["span"][0] < c["later_end"] and c["later_start"] < v["span"][1]]
                earlier = [i for i, v in enumerate(values) if v["article"] == f"v1-{p['article']}"
                           and float(v["value"]) == float(c["earlier"])]
                if later and earlier and min(earlier) < min(later):
                    changes[key] = True
    linked = sum(changes.values())
    for key, found in changes.items() if show else ():
        if not found:
            print(f"- [update missed] {key}")
    return {"changed_counts": len(changes), "linked_as_update": linked,
            "update_recall": round(linked / len(changes), 4) if changes else None}


UNLABELLED_OUT: Path | None = None  # --unlabelled FILE: flags to read and label, appended as JSON lines


def main(argv: list[str]) -> int:
    global UNLABELLED_OUT
    show = "--show" in argv
    argv = [a for a in argv if a != "--show"]
    if "--unlabelled" in argv:
        at = argv.index("--unlabelled")
        UNLABELLED_OUT = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    data = Path(argv[0]) if argv else ROOT.parent / "shared" / "eval-data"
    if not (data / "gva" / "dev.jsonl.gz").exists():
        print(f"no GVA data under {data}; skipping")
        return 0
    gva = _rows(data / "gva" / "dev.jsonl.gz")
    owner: dict[str, str] = {}
    articles: list[dict[str, Any]] = []
    for r in gva:
        for a in r["articles"]:
            owner["gva-" + a["doc_id"]] = f"gva:{r['cluster_id']}"
            articles.append({"id": "gva-" + a["doc_id"], "text": a["text"], "title": a.get("title"),
                             "outlet": a.get("domain"), "published": a.get("dct"), "url": a.get("uri")})
    basil_path, polnear_path = data / "basil" / "dev.jsonl", data / "polnear" / "dev.jsonl"
    for r in _rows(basil_path) if basil_path.exists() else []:
        for a in r["articles"]:
            owner["basil-" + a["article_id"]] = f"basil:{r['cluster_id']}"
            articles.append({"id": "basil-" + a["article_id"], "text": a["text"], "title": a.get("title"),
                             "outlet": a.get("source"), "published": a.get("date"), "url": a.get("url")})
    for r in _rows(polnear_path) if polnear_path.exists() else []:
        owner["polnear-" + r["doc_id"]] = f"polnear:{r['doc_id']}"
        articles.append({"id": "polnear-" + r["doc_id"], "text": r["text"], "title": r.get("title"),
                         "outlet": r.get("publisher"), "published": r.get("publication_date")})
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        extract_paths([_write(articles, tmp / "in")], tmp / "claims")
        files = {str(cf.article.get("id")): cf.path for cf in iter_claim_files(tmp / "claims")}
        gva_ids = [a["id"] for a in articles if a["id"].startswith("gva-")]
        incidents = sorted({owner[i] for i in gva_ids}, key=lambda c: hashlib.sha1(c.encode()).hexdigest())
        for share in (25, 50, 100):
            chosen = set(incidents[: max(1, len(incidents) * share // 100)])
            report = _subset_report(files, {i for i in gva_ids if owner[i] in chosen}, tmp, f"gva{share}")
            cross, multi = _cross_rate(report, owner, show and share == 100)
            result[f"gva{share}_groups"] = multi
            result[f"gva{share}_cross_event_rate"] = round(cross / multi, 4) if multi else 0.0
            if share == 100:
                result.update({f"gva_{k}": v for k, v in score_labels(report, "gva", show).items()})
        report = build_report(tmp / "claims")
        cross, multi = _cross_rate(report, owner)
        result["all_groups"], result["all_cross_event_rate"] = multi, round(cross / multi, 4) if multi else 0.0
        basil_ids = {a["id"] for a in articles if a["id"].startswith("basil-")}
        if basil_ids:
            report = _subset_report(files, basil_ids, tmp, "basil")
            result.update({f"basil_{k}": v for k, v in score_labels(report, "basil", show).items()})
        version_articles, pairs = _version_articles(gva)
        extract_paths([_write(version_articles, tmp / "versions")], tmp / "version-claims")
        result.update(score_versions(build_report(tmp / "version-claims"), pairs, show))
    flagged_real = result["gva_flagged_real"] + result.get("basil_flagged_real", 0)
    judged = flagged_real + result["gva_flagged_false"] + result.get("basil_flagged_false", 0)
    result["flagged_real_share"] = round(flagged_real / judged, 4) if judged else 1.0
    result["flags_read"] = judged
    kept = result["gva_labelled_real_still_flagged"] + result.get("basil_labelled_real_still_flagged", 0)
    total = result["gva_labelled_real"] + result.get("basil_labelled_real", 0)
    result["real_recall"] = round(kept / total, 4) if total else None
    result["cross_event_rate_max"] = max(v for k, v in result.items() if k.endswith("cross_event_rate"))
    result["cross_event_margin"] = round(0.01 - result["cross_event_rate_max"], 4)
    return finish(result, "conflicts.json", "conflicts")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
