#!/usr/bin/env python3
"""NewsQuant dev: value-level precision/recall/F1 of numeric claims, approximate agreement, unit F1.

Scored exactly like ``score_dev.py numbers`` (``eval_numbers``): each sentence is one article; the
prediction is every claim with a numeric value from ``find_claims`` over the sentence as a body
(sentences from ``split_sentences`` over one block); gold values that do not parse as a float
(ranges such as "15.0-22.0") are dropped; greedy value match within 1e-6 relative; a matched
pair agrees on approximation when gold ``change`` in (~, >, <) equals claim ``approximate or
bound``. A range claim (``high`` set) is dropped before matching, as the scorer does once ranges
are stored with ``value: null``: the gold writes a range as one "low-high" string, which it drops
too. The same figures through ingest and ``extract_document`` (the CLI's path, which reads the
first paragraph of a one-paragraph article as its title) are printed as ``pipeline_*``.
Value+unit F1 additionally needs the units to match after normalisation (lower-case
lemma of the unit words, currency symbols and codes folded, "per cent"/"percent"/"pc" -> "%").

Usage: numbers_newsquant.py [EVAL_DATA_DIR]   (default: ../shared/eval-data from the repo root)
Prints the figures and a final JSON line; exits 1 below the floors in benchmarks/floors/numbers.json;
exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from _floors import finish

from tracker.extract import extract_document
from tracker.extract.numbers.claims import find_claims
from tracker.extract.numbers.lexicon import lemma
from tracker.extract.numbers.quantities import find_quantities
from tracker.ingest import build_document
from tracker.ingest.decode import repair_text
from tracker.records import Block, Claim, FoundClaim
from tracker.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "benchmarks" / "floors" / "numbers.json"

_CURRENCY = {
    "$": "usd", "us$": "usd", "usd": "usd", "dollar": "usd", "us": "usd", "€": "eur", "eur": "eur",
    "euro": "eur", "£": "gbp", "ps": "gbp", "gbp": "gbp", "yuan": "cny", "cny": "cny", "yen": "jpy",
    "jpy": "jpy", "y": "jpy", "hk$": "hkd", "hkd": "hkd", "shekel": "ils", "ils": "ils", "rm": "myr",
    "myr": "myr", "c$": "cad", "cad": "cad", "au$": "aud", "aud": "aud", "australian": "aud",
    "nz$": "nzd", "nzd": "nzd", "danish": "dkk", "dkk": "dkk",
}


def claims_for(text: str) -> list[FoundClaim]:
    sentences = split_sentences(text, [Block(0, len(text))])
    return find_claims(text, sentences)


def norm_unit(unit: str | None) -> str:
    """Comparable form of a unit: currencies to codes, percent to %, other words lemmatised."""
    if not unit:
        return ""
    u = unit.lower().replace("per cent", "%").replace("percent", "%")
    words = re.findall(r"[a-z]+\$?|\$|%|€|£", u.replace(" $", "$"))
    if not words:
        return ""
    first = words[0]
    if first in ("%", "pc", "pct"):
        return "%"
    for w in words[:2]:
        if w in _CURRENCY or lemma(w) in _CURRENCY:
            return _CURRENCY.get(w) or _CURRENCY[lemma(w)]
    return " ".join(lemma(w) for w in words if w not in ("of", "the"))


def units_match(gold: str, pred: str) -> bool:
    g, p = norm_unit(gold), norm_unit(pred)
    if not g or g == "-":
        return True
    if not p:
        return False
    gw, pw = set(g.split()), set(p.split())
    return g == p or bool(gw & pw) or g.replace(" ", "") == p.replace(" ", "")


def pipeline_claims(rows: list[dict[str, Any]]) -> dict[str, list[FoundClaim | Claim]]:
    """Claims as ``tracker extract`` makes them from the scorer's jsonl (ingest, blocks, records)."""
    out: dict[str, list[FoundClaim | Claim]] = {}
    for r in rows:
        doc = build_document(r["id"], "nq.jsonl", repair_text(r["text"]), {"title": "NewsQuant " + r["id"]})
        out[r["id"]] = list(extract_document(doc)[1])
    return out


def evaluate(
    rows: list[dict[str, Any]], verbose: bool = False, predicted: dict[str, list[FoundClaim | Claim]] | None = None
) -> dict[str, Any]:
    """Figures as ``score_dev.py numbers`` computes them once ranges are stored with ``value: null``:
    a range claim (``high`` set) is dropped before matching, like the gold's "low-high" strings.
    ``predicted`` (article id -> claims) replaces ``find_claims`` over each sentence."""
    tp = fp = fn = 0
    utp = 0
    ranges = fp_year = 0
    all_years = 0
    approx_n = approx_ok = 0
    for r in rows:
        found = predicted[r["id"]] if predicted is not None else claims_for(r["text"])
        ranges += sum(c.high is not None for c in found)
        pred = [c for c in found if isinstance(c.value, (int, float)) and c.high is None]
        all_years += sum(q.kind == "year" or (q.kind == "date" and q.unit != "day")
                         for q in find_quantities(r["text"]))
        gold: list[tuple[float, str | None, str]] = []
        for q in r["quantities"]:
            with contextlib.suppress(TypeError, ValueError):
                gold.append((float(q["value"]), q.get("change"), q.get("unit") or ""))
        used = [False] * len(pred)
        misses = []
        for gv, ch, gu in gold:
            hit = None
            for i, c in enumerate(pred):
                if not used[i] and abs(float(c.value) - gv) <= 1e-6 * max(1.0, abs(gv)):
                    hit = i
                    break
            if hit is None:
                fn += 1
                misses.append((gv, gu))
                continue
            used[hit] = True
            tp += 1
            utp += units_match(gu, pred[hit].unit or "")
            approx_n += 1
            want = ch in ("~", ">", "<")
            got = bool(pred[hit].approximate) or bool(pred[hit].bound)
            approx_ok += want == got
            if verbose and want != got:
                print(f"APPROX {r['id']}: gold {gv} {ch} pred approx={pred[hit].approximate} "
                      f"bound={pred[hit].bound} | {r['text']}")
        fp += used.count(False)
        fp_year += sum(c.kind == "year" and not u for c, u in zip(pred, used, strict=True))
        if verbose and (misses or used.count(False)):
            extra = [(c.value, c.unit, c.surface) for c, u in zip(pred, used, strict=True) if not u]
            print(f"{r['id']}: FN {misses} FP {extra} | {r['text']}")
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    up = utp / (tp + fp) if tp + fp else 0.0
    ur = utp / (tp + fn) if tp + fn else 0.0
    return {
        "eval": "numbers-newsquant-dev",
        "range_claims_dropped": ranges, "fp_year_claims": fp_year, "year_mentions": all_years,
        "sentences": len(rows), "tp": tp, "fp": fp, "fn": fn,
        "precision": round(p, 4), "recall": round(rec, 4),
        "f1": round(2 * p * rec / (p + rec), 4) if p + rec else 0,
        "approx_agreement": round(approx_ok / approx_n, 4) if approx_n else None,
        "unit_f1": round(2 * up * ur / (up + ur), 4) if up + ur else 0,
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    data = Path(args[0]) if args else ROOT.parent / "shared" / "eval-data"
    path = data / "newsquant" / "dev.jsonl" if data.is_dir() else data
    if not path.exists():
        print(f"NewsQuant data not found at {path}; skipping")
        return 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = evaluate(rows, verbose)
    cli = evaluate(rows, predicted=pipeline_claims(rows))
    result["pipeline_f1"] = cli["f1"]
    result["pipeline_recall"] = cli["recall"]
    print(f"NewsQuant dev: {result['sentences']} sentences, "
          f"tp={result['tp']} fp={result['fp']} fn={result['fn']}")
    print(f"value P={result['precision']} R={result['recall']} F1={result['f1']} "
          f"({result['range_claims_dropped']} range claims dropped, as the gold's ranges are)")
    print(f"approx agreement={result['approx_agreement']}  value+unit F1={result['unit_f1']}")
    print(f"year claims among false positives: {result['fp_year_claims']} "
          f"(gold has no years; {result['year_mentions']} year/date mentions)")
    print(f"through ingest + extract_document (what score_dev.py sees): P={cli['precision']} "
          f"R={cli['recall']} F1={cli['f1']}")
    return finish(result, "numbers.json", "newsquant")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
