#!/usr/bin/env python3
"""PolNeAR benchmark for quote extraction, speaker attribution and reported speech.

Reproduces the scoring of ``score_dev.py quotes`` (``gold_segments`` / ``eval_quotes``) but calls
:func:`tracker.extract.quotes.finder.find_quotes` directly, so it needs no CLI.

    python benchmarks/quotes_polnear.py [PATH] [--split dev|train] [--no-floors]
    python benchmarks/quotes_polnear.py [PATH] --by-publisher

``--by-publisher`` holds each of PolNeAR's seven publishers out in turn (train and dev together)
and scores its articles alone. The rules were written on PolNeAR as a whole, so this measures how
far the figures depend on one outlet's style; floors (section ``by_publisher``) apply to the worst
publisher, not the mean. It runs on the rules alone (no learned cue model): the shipped model was
fitted on every publisher's training articles, and refitting it without one publisher takes about
eight minutes per publisher (``python -m tools.train_cue_model --exclude-publisher P``), beyond
the two-minute budget of a benchmark run. The model only finds reported speech without quotation
marks, so span and speaker figures of quoted speech are the same with or without it.

``speaker_wrong`` is the share of scored quotes given a speaker read from a mention that is not
the gold source (confident but wrong; an abstention is not counted); its floors are ceilings
(``speaker_wrong_max``).

``PATH`` is the eval-data folder (default ``../shared/eval-data`` relative to the repo root). Exits
0 with a message when the data is absent, 1 when a figure falls below ``benchmarks/floors/quotes.json``.
The last line printed is a JSON object of the figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from typing import Any

from tracker.extract.quotes.finder import find_quotes
from tracker.extract.reported.model import using_cue_model
from tracker.ingest import build_document
from tracker.records import FoundQuote

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(os.path.dirname(ROOT), "shared", "eval-data")
FLOORS = os.path.join(ROOT, "benchmarks", "floors", "quotes.json")
QMARKS = '"\u201c\u201d'

Seg = tuple[int, int]


def load(path: str) -> list[dict[str, Any]]:
    opener: Any = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cover(spans: Iterable[Seg], lo: int, hi: int) -> int:
    """Characters of [lo, hi) covered by the union of spans."""
    marks: set[int] = set()
    for s, e in spans:
        marks.update(range(max(s, lo), min(e, hi)))
    return len(marks)


def gold_segments(doc: dict[str, Any]) -> tuple[list[tuple[Seg, list[Seg]]], list[Seg], list[Any]]:
    """Text between matching quote marks inside first-annotator attribution contents."""
    ann = doc["annotators"][0]
    segs: list[tuple[Seg, list[Seg]]] = []
    contents: list[Seg] = []
    indirect: list[Any] = []
    for at in doc["attributions"][ann]:
        c = at.get("content")
        if not c:
            continue
        src = (at.get("source") or {}).get("spans") or []
        contents.extend(c["spans"])
        if not at.get("content_has_quote_marks"):
            indirect.append((c["spans"], src))
            continue
        text = doc["text"]
        for s, e in c["spans"]:
            open_: int | None = None
            for i in range(s, e):
                ch = text[i]
                if ch not in QMARKS:
                    continue
                if ch == "\u201c" or (ch == '"' and open_ is None):
                    if open_ is not None and i - open_ > 1:
                        segs.append(((open_ + 1, i), src))
                    open_ = i
                elif open_ is not None:
                    if i - open_ > 1:
                        segs.append(((open_ + 1, i), src))
                    open_ = None
    return segs, contents, indirect


def score_doc(doc: dict[str, Any], quotes: Sequence[FoundQuote], tally: dict[str, int]) -> None:
    segs, contents, indirect = gold_segments(doc)
    pred = [q for q in quotes if q.kind in ("direct", "partial")]
    pspans: list[Seg] = [(s[0], s[1]) for q in pred for s in q.spans]
    for (lo, hi), src in segs:
        tally["g_n"] += 1
        if cover(pspans, lo, hi) * 2 >= hi - lo:
            tally["g_found"] += 1
            if src:
                tally["sp_n"] += 1
                best = None
                for q in pred:
                    if any(cover([s], lo, hi) > 0 for s in q.spans):
                        best = q
                        break
                ms = best.speaker_mention.span if best and best.speaker_mention else None
                mention_ok = bool(ms and any(cover([ms], a, b) > 0 for a, b in src))
                if mention_ok:
                    tally["sp_ok"] += 1
                elif best is not None and best.speaker is not None:
                    tally["sp_wrong"] += 1  # a speaker given from a mention that is not the source
                if best is not None and best.speaker is None and ms is not None:
                    # the speaker rule dropped what the mention resolved to: right or wrong to?
                    tally["rej_n"] += 1
                    tally["rej_mention_ok"] += mention_ok
    for s, e in pspans:
        tally["p_n"] += 1
        if e > s and cover(contents, s, e) * 2 >= e - s:
            tally["p_ok"] += 1
    ispans: list[Seg] = [(s[0], s[1]) for q in quotes if q.kind == "indirect" for s in q.spans]
    for cs, _ in indirect:
        tally["ind_g"] += 1
        tot: int = sum(e - s for s, e in cs)
        got: int = sum(cover(ispans, s, e) for s, e in cs)
        if tot and got * 2 >= tot:
            tally["ind_found"] += 1
    for s, e in ispans:
        tally["ind_p"] += 1
        if e > s and cover(contents, s, e) * 2 >= e - s:
            tally["ind_ok"] += 1


def evaluate(docs: Sequence[dict[str, Any]], split: str) -> dict[str, Any]:
    keys = ("g_n", "g_found", "p_n", "p_ok", "sp_n", "sp_ok", "ind_g", "ind_found", "ind_p", "ind_ok", "rej_n",
            "rej_mention_ok", "sp_wrong")
    tally = dict.fromkeys(keys, 0)
    secs = 0.0
    for doc in docs:
        text = doc["text"]
        blocks = build_document(doc["doc_id"], doc["doc_id"] + ".txt", text, {}).blocks  # the real ingest
        t0 = time.perf_counter()
        quotes = find_quotes(text, blocks)
        secs += time.perf_counter() - t0
        score_doc(doc, quotes, tally)

    def f(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    p, r = f(tally["p_ok"], tally["p_n"]), f(tally["g_found"], tally["g_n"])
    return {
        "eval": "quotes-polnear-" + split,
        "docs": len(docs),
        "precision": p,
        "recall": r,
        "f1": round(2 * p * r / (p + r), 4) if p and r else None,
        "speaker_acc": f(tally["sp_ok"], tally["sp_n"]),
        # confident but wrong: a speaker set from a mention that is not the gold source
        "speaker_wrong": f(tally["sp_wrong"], tally["sp_n"]),
        "gold_segments": tally["g_n"],
        "pred_spans": tally["p_n"],
        # quotes whose mention the speaker rule refused (speaker null), and how many of those
        # mentions were the gold source after all (refused wrongly: these should stay near 0)
        "speaker_refused": tally["rej_n"],
        "speaker_refused_gold_mention": tally["rej_mention_ok"],
        "indirect_recall": f(tally["ind_found"], tally["ind_g"]),
        "indirect_precision": f(tally["ind_ok"], tally["ind_p"]),
        "extract_seconds": round(secs, 3),
        "articles_per_s": round(len(docs) / secs, 1) if secs else None,
    }


#: The figures compared across held-out publishers (the worst of each is what the floors bound).
PUBLISHER_FIGURES = ("precision", "recall", "speaker_acc", "indirect_recall", "indirect_precision")
#: Figures where the highest publisher is the worst.
PUBLISHER_CEILINGS = ("speaker_wrong",)


def by_publisher(docs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Each publisher's articles scored alone, rules only; ``worst`` holds each figure's minimum."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        groups.setdefault(str(doc.get("publisher") or "unknown"), []).append(doc)
    per: dict[str, dict[str, Any]] = {}
    with using_cue_model(None):
        for name in sorted(groups):
            per[name] = evaluate(groups[name], "publisher-" + name)
            figures = {k: per[name][k] for k in (*PUBLISHER_FIGURES, *PUBLISHER_CEILINGS, "docs", "articles_per_s")}
            print(f"{name:14} {json.dumps(figures)}")
    worst: dict[str, Any] = {}
    for key in PUBLISHER_FIGURES:
        values = {name: out[key] for name, out in per.items() if out[key] is not None}
        name = min(values, key=lambda n: values[n])
        worst[key], worst[key + "_publisher"] = values[name], name
    for key in PUBLISHER_CEILINGS:
        values = {name: out[key] for name, out in per.items() if out[key] is not None}
        name = max(values, key=lambda n: values[n])
        worst[key], worst[key + "_publisher"] = values[name], name
    print(f"{'worst':14} {json.dumps(worst)}")
    return {"eval": "quotes-polnear-by-publisher", "model": "rules only", "publishers": len(per), **worst}


def check_floors(out: dict[str, Any], split: str) -> list[str]:
    if not os.path.exists(FLOORS):
        return []
    with open(FLOORS, encoding="utf-8") as f:
        floors = json.load(f).get(split, {})
    failed = []
    for key, floor in floors.items():
        if key.endswith("_max"):  # a ceiling (the wrong-speaker rate)
            got = out.get(key[: -len("_max")])
            if got is None or got > floor:
                failed.append(f"{key[:-4]} {got} > ceiling {floor}")
            continue
        got = out.get(key)
        if got is None or got < floor:
            failed.append(f"{key} {got} < floor {floor}")
    return failed


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("path", nargs="?", default=DEFAULT_DATA, help="eval-data folder")
    ap.add_argument("--split", choices=["dev", "train"], default="dev")
    ap.add_argument("--no-floors", action="store_true", help="report only, never fail")
    ap.add_argument("--by-publisher", action="store_true", help="each publisher of train+dev scored alone")
    a = ap.parse_args(argv)
    folder = os.path.join(a.path, "polnear")
    if a.by_publisher:
        paths = [os.path.join(folder, "train.jsonl.gz"), os.path.join(folder, "dev.jsonl")]
        if not all(os.path.exists(p) for p in paths):
            print(f"skipped: PolNeAR data not found in {folder}")
            return 0
        out = by_publisher([doc for p in paths for doc in load(p)])
        failed = [] if a.no_floors else check_floors(out, "by_publisher")
        for msg in failed:
            print("BELOW FLOOR:", msg, file=sys.stderr)
        print(json.dumps(out))
        return 1 if failed else 0
    name = "dev.jsonl" if a.split == "dev" else "train.jsonl.gz"
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        print(f"skipped: PolNeAR data not found at {path}")
        return 0
    out = evaluate(load(path), a.split)
    failed = [] if a.no_floors else check_floors(out, a.split)
    for msg in failed:
        print("BELOW FLOOR:", msg, file=sys.stderr)
    print(json.dumps(out))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
