#!/usr/bin/env python3
"""Who a figure comes from, measured on PolNeAR's attribution gold (source, cue, content spans).

Runs the real extraction (ingest, then ``extract_document``) on each article and scores every
extracted figure against the first annotator's attributions:

- **source_match**: of the figures inside a gold attribution's content that has a source, the
  share whose credited source matches the gold source. A match is the figure's ``source_mention``
  overlapping the gold source span, or its resolved ``source`` agreeing with the gold source as
  written (same surname key, or the gold words inside the resolved name: gold "Trump" and
  "Donald Trump"; gold pronouns never agree by name, only by span). An abstention (no mention)
  is a miss. A figure in nested attributions matches when it matches any enclosing one
  (``source_match_innermost`` scores the innermost only).
- **unattributed_precision**: of the figures credited ``unattributed``, the share inside no gold
  attribution's content.
- **wrong_name**: figures given a source that matches no enclosing gold source, as a share of
  figures inside gold content (confident and wrong: this should stay low).

The split is fixed before any tuning: a document goes to the *tune* half when the SHA-256 of
its ``doc_id`` is even, else to the *report* half. Rules were tuned on dev's tune half only;
both halves are printed, floors apply to the report half and to dev as a whole.

    python benchmarks/figure_sources.py [EVAL_DATA_DIR] [--split dev|train] [--errors N] [--sample N]

``--split train`` reads ``train.jsonl.gz`` (held out from this tuning; the learned cue model of
reported speech was fitted on it, so it is not held out from that). ``--errors N`` prints N
misses of the tune half; ``--sample N`` prints N credited figures of the chosen split.
Exits 1 below ``benchmarks/floors/figure_sources.json``, 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _floors import finish

from tracker.extract import extract_document
from tracker.ingest import build_document
from tracker.match.normalize import speaker_key
from tracker.records import Claim

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval-data"
#: Gold sources that are pronouns name no one by themselves: they match by span only.
PRONOUNS = frozenset("he she they we i it who you his her their its".split())
Seg = tuple[int, int]


def half(doc_id: str) -> str:
    """The fixed tune/report split: by the parity of the doc id's SHA-256."""
    return "tune" if int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "report"


def load(path: Path) -> list[dict[str, Any]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _inside(span: Seg, spans: Sequence[Seg]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _overlaps(a: Seg, spans: Sequence[Seg]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def name_agrees(source: str | None, gold: str) -> bool:
    """The resolved source and the gold source as written name the same one."""
    if not source:
        return False
    words = gold.casefold().replace("’", "'").split()
    if not words or (len(words) == 1 and words[0].strip(".,") in PRONOUNS):
        return False
    folded = source.casefold().replace("’", "'")
    bare = " ".join(w for w in words if w not in ("the", "a", "an"))
    return speaker_key(source) == speaker_key(gold) or (bool(bare) and bare in folded)


def matches(claim: Claim, gold: dict[str, Any]) -> bool:
    credit = claim.credit
    src = gold.get("source") or {}
    spans = [tuple(s) for s in src.get("spans") or []]
    if credit is None:
        return False
    if credit.mention is not None and _overlaps(credit.mention.span, spans):
        return True
    return name_agrees(credit.source, str(src.get("text") or ""))


def score(docs: Sequence[dict[str, Any]]) -> tuple[dict[str, Any], list[tuple[str, Claim, list[Any]]]]:
    t = dict.fromkeys(("in_gold", "match", "match_inner", "wrong_name", "unattr", "unattr_ok", "figures"), 0)
    misses: list[tuple[str, Claim, list[Any]]] = []
    kinds: dict[str, int] = {}
    for doc in docs:
        text = doc["text"]
        article = build_document(doc["doc_id"], doc["doc_id"] + ".txt", text, {})
        if article.body != text:
            continue  # offsets would not line up; the ingest keeps PolNeAR texts as they are
        _, claims = extract_document(article)
        ann = doc["annotators"][0]
        gold = [a for a in doc["attributions"][ann] if a.get("content")]
        for claim in claims:
            t["figures"] += 1
            kind = claim.credit.attribution if claim.credit else "none"
            kinds[kind] = kinds.get(kind, 0) + 1
            enclosing = [a for a in gold if _inside(claim.span, [tuple(s) for s in a["content"]["spans"]])]
            if kind == "unattributed":
                t["unattr"] += 1
                t["unattr_ok"] += not enclosing
            sourced = [a for a in enclosing if (a.get("source") or {}).get("spans")]
            if not sourced:
                continue
            t["in_gold"] += 1
            sourced.sort(key=lambda a: sum(e - s for s, e in a["content"]["spans"]))
            hit = any(matches(claim, a) for a in sourced)
            t["match"] += hit
            t["match_inner"] += matches(claim, sourced[0])
            t["wrong_name"] += bool(not hit and claim.credit and claim.credit.source)
            if not hit:
                misses.append((text, claim, sourced))
    return _figures(t, kinds, len(docs)), misses


def _figures(t: dict[str, int], kinds: dict[str, int], docs: int) -> dict[str, Any]:
    def f(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {"docs": docs, "figures": t["figures"], "in_gold": t["in_gold"],
            "source_match": f(t["match"], t["in_gold"]), "source_match_innermost": f(t["match_inner"], t["in_gold"]),
            "wrong_name": f(t["wrong_name"], t["in_gold"]), "unattributed": t["unattr"],
            "unattributed_precision": f(t["unattr_ok"], t["unattr"]), "attributions": dict(sorted(kinds.items()))}


def show(text: str, claim: Claim, gold: Sequence[dict[str, Any]]) -> None:
    c = claim.credit
    print(f"- {claim.surface!r} in: {claim.sentence[:220]}")
    print(f"  got {c.attribution if c else None}: source={c.source if c else None!r} "
          f"mention={c.mention.text if c and c.mention else None!r} cue={c.cue if c else None!r}")
    for a in gold[:2]:
        print(f"  gold source={(a.get('source') or {}).get('text')!r} cue={(a.get('cue') or {}).get('text')!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--sample", type=int, default=0)
    args = ap.parse_args(argv)
    path = Path(args.data) / "polnear" / ("dev.jsonl" if args.split == "dev" else "train.jsonl.gz")
    if not path.exists():
        print(f"skipped: {path} not found (PolNeAR eval data absent)")
        return 0
    docs = load(path)
    result: dict[str, Any] = {"eval": f"figure-sources-polnear-{args.split}"}
    for name in ("tune", "report") if args.split == "dev" else ():  # train is held out whole
        figures, misses = score([d for d in docs if half(d["doc_id"]) == name])
        print(name, json.dumps(figures))
        result.update({f"{name}_{k}": v for k, v in figures.items() if k != "attributions"})
        if name == "tune" and args.errors:
            for miss in misses[: args.errors]:
                show(*miss)
    whole, misses = score(docs)
    if args.split == "train" and args.errors:
        for miss in misses[: args.errors]:
            show(*miss)
    result.update({k: v for k, v in whole.items()})
    if args.sample:
        _sample(docs, args.sample)
    return finish(result, "figure_sources.json", args.split) if args.split == "dev" else _print(result)


def _sample(docs: Sequence[dict[str, Any]], n: int) -> None:
    """``n`` figures at random (fixed seed), with the credit the tool gives them."""
    rng = random.Random(16)
    for doc in rng.sample(list(docs), min(n, len(docs))):
        article = build_document(doc["doc_id"], doc["doc_id"] + ".txt", doc["text"], {})
        _, claims = extract_document(article)
        if claims:
            claim = rng.choice(claims)
            c = claim.credit
            print(f"* {doc['doc_id']}: {claim.surface!r} -> {c.attribution if c else None} "
                  f"{c.source if c else None!r} (mention {c.mention.text if c and c.mention else None!r}, "
                  f"cue {c.cue if c else None!r})\n    {claim.sentence[:200]}")


def _print(result: dict[str, Any]) -> int:
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
