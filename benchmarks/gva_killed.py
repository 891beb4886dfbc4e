#!/usr/bin/env python3
"""GVA incidents: recall of the archive's killed count among our claims, like ``score_dev.py gva``.

For every incident with ``num_killed`` k > 0 and every article about it whose text states k (in
digits, or as a word for 1-10) within 60 characters before a killing word, the article counts as
*stated*; it counts as *found* when ``find_claims`` (run on the article text split into
paragraph blocks at blank lines) returns a claim with value k whose unit or sentence holds a
killing word. Also prints how many of the found claims carry measure ``killed`` (stricter: the
claim itself says what was counted), and the recall through ingest and ``extract_document`` (the
CLI's path, as ``score_dev.py gva`` measures it; lower while the first paragraph of an article with
a given title is read as a second title and left out of claim extraction). Range claims never
count: they are stored with ``value: null``.

Usage: gva_killed.py [EVAL_DATA_DIR]   (default ../shared/eval-data from the repo root)
Prints the figures and a final JSON line; exits 1 below the floors in benchmarks/floors/numbers.json;
exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from _floors import finish

from tracker.extract import extract_document
from tracker.extract.numbers.claims import find_claims
from tracker.ingest import build_document
from tracker.ingest.decode import repair_text
from tracker.records import Block, Claim, FoundClaim
from tracker.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "benchmarks" / "floors" / "numbers.json"
KILLED = re.compile(r"\b(kill|dead|die|death|fatal|slain|murder|homicide)", re.I)
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
         10: "ten"}


def paragraph_blocks(text: str) -> list[Block]:
    """Blocks between blank lines (a simple stand-in for the pipeline's block finder)."""
    blocks = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        blocks.append(Block(m.start(), m.end()))
    return blocks


def _states(c: FoundClaim | Claim, k: int) -> bool:
    """A single-valued claim of ``k`` whose unit or sentence holds a killing word (a range claim is
    stored with ``value: null``, so it never counts, as in ``score_dev.py``)."""
    return c.high is None and isinstance(c.value, (int, float)) and float(c.value) == k and bool(
        KILLED.search(f"{c.unit or ''} {c.sentence}")
    )


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    data = Path(args[0]) if args else ROOT.parent / "shared" / "eval-data"
    path = data / "gva" / "dev.jsonl.gz"
    if not path.exists():
        print(f"GVA data not found at {path}; skipping")
        return 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    stated = found = measured = pipeline_found = 0
    chars = 0
    secs = 0.0  # in find_claims (and sentence splitting) only
    for r in rows:
        k = (r.get("gva_structured") or {}).get("num_killed")
        if not isinstance(k, int) or k <= 0:
            continue
        stated_k = rf"\b({k}|{WORDS.get(k, '@@')})\b[^.]{{0,60}}\b(kill|dead|die|death|slain)"
        pat = re.compile(stated_k, re.I)
        for a in r["articles"]:
            text = a["text"]
            if not pat.search(text):
                continue
            stated += 1
            chars += len(text)
            t = time.perf_counter()
            claims = find_claims(text, split_sentences(text, paragraph_blocks(text)))
            secs += time.perf_counter() - t
            hits = [c for c in claims if _states(c, k)]
            doc = build_document("gva-" + a["doc_id"], "gva.jsonl", repair_text(text),
                                 {"title": a["title"]} if a.get("title") else {})
            pipeline_found += any(_states(c, k) for c in extract_document(doc)[1])
            if hits:
                found += 1
                measured += any(c.measure == "killed" for c in hits)
            elif verbose:
                m = pat.search(text)
                assert m is not None
                lo = max(0, m.start() - 100)
                print(f"MISS k={k}: ...{' '.join(text[lo:m.end() + 60].split())}...")
    result: dict[str, Any] = {
        "eval": "gva-killed-dev", "incidents": len(rows), "killed_stated": stated, "killed_found": found,
        "killed_recall": round(found / stated, 4) if stated else None,
        "killed_measure_share": round(measured / found, 4) if found else None,
        "MB_per_s": round(chars / 1e6 / secs, 3) if secs else None,
        "pipeline_killed_recall": round(pipeline_found / stated, 4) if stated else None,
    }
    print(f"GVA dev: stated={stated} found={found} recall={result['killed_recall']} "
          f"(measure=killed on {measured}/{found})")
    print(f"through ingest + extract_document (what score_dev.py sees): found={pipeline_found} "
          f"recall={result['pipeline_killed_recall']}")
    return finish(result, "numbers.json", "gva")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
