#!/usr/bin/env python3
"""Quotes and speakers on outlets the rules were never tuned on: the hand-made GVA/BASIL gold.

Runs the real pipeline (``extract_paths`` on one JSONL collection of the 84 annotated articles,
then reads the claim files, as ``tracker extract`` users do) and scores it against
``benchmarks/gold/quotes_other_outlets.jsonl``, separately for the ``tune`` and ``report`` halves:

- quote recall: a gold quote (any kind) is found when the spans of predicted quotes (direct,
  partial or indirect) cover at least half of it; ``direct_recall`` over gold direct quotes only;
- direct/partial precision: predicted direct and partial spans at least half inside a gold quote;
- resolved-speaker accuracy: over gold quotes found that have a named gold speaker, the predicted
  quote overlapping it most has that speaker (or an alias), compared case-insensitively with
  titles stripped; a null prediction counts as wrong;
- wrong-speaker rate: over the same quotes, the share given a speaker that is not the gold one
  (confident but wrong: the error an editor cannot afford; an abstention is not counted here);
- non-speakers: predicted speakers that the speaker rule (:mod:`tracker.extract.attribution.speakers`)
  judges not to be a person, organisation, group or document (target 0), and the distinct
  predicted speakers that are neither a gold speaker nor an alias of the article, to read.

    python benchmarks/quotes_other_outlets.py [EVAL_DATA_DIR] [--errors N] [--no-floors]

``--errors N`` prints up to N speaker errors and missed quotes of the ``tune`` half (never of the
``report`` half: that half is scored only to report). Exits 0 with a message when the data is
absent, 1 when a report-half figure falls below the ``other_outlets`` section of
``benchmarks/floors/quotes.json``. The last line printed is a JSON object of the figures.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.claimfile.store import iter_claim_files
from tracker.commands.extract import extract_paths
from tracker.extract.attribution.lexicon import TITLE_WORDS
from tracker.extract.attribution.speakers import speaker_problem

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval-data"
GOLD = ROOT / "benchmarks" / "gold" / "quotes_other_outlets.jsonl"
FLOORS = ROOT / "benchmarks" / "floors" / "quotes.json"
SECTION = "other_outlets"
#: The half the floors apply to: the other half is the one rules may be tuned on.
SCORED_SPLIT = "report"
SPLITS = ("tune", "report")
#: Share of a span that another must cover to count as the same quote (the issue's criterion).
MIN_OVERLAP = 0.5
#: Predicted kinds that count as finding a quote (terms and headline copies are not quotes of the body).
FOUND_KINDS = ("direct", "partial", "indirect")
#: Characters shown on each side of a span when errors are printed.
CONTEXT = 90

Seg = tuple[int, int]


@dataclass
class Tally:
    """Counts for one half of the gold."""

    articles: int = 0
    gold: int = 0
    found: int = 0
    gold_direct: int = 0
    found_direct: int = 0
    pred_dp: int = 0
    pred_dp_ok: int = 0
    speaker_n: int = 0
    speaker_ok: int = 0
    speaker_null: int = 0
    speaker_wrong: int = 0
    pred_speakers: int = 0
    non_speakers: list[str] = field(default_factory=list)
    unknown_speakers: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "articles": self.articles,
            "gold_quotes": self.gold,
            "recall": ratio(self.found, self.gold),
            "direct_recall": ratio(self.found_direct, self.gold_direct),
            "precision": ratio(self.pred_dp_ok, self.pred_dp),
            "speaker_acc": ratio(self.speaker_ok, self.speaker_n),
            "speaker_scored": self.speaker_n,
            "speaker_null": self.speaker_null,
            "speaker_wrong": ratio(self.speaker_wrong, self.speaker_n),
            "predicted_speakers": self.pred_speakers,
            "non_speakers": len(self.non_speakers),
            "unmatched_speakers": sum(self.unknown_speakers.values()),
        }


def _rows(path: Path) -> list[dict[str, Any]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_texts(data: Path) -> dict[tuple[str, str], str] | None:
    """Article texts of the two collections keyed by (set, article id); None when absent."""
    gva, basil = data / "gva" / "dev.jsonl.gz", data / "basil" / "dev.jsonl"
    if not gva.exists() or not basil.exists():
        return None
    texts: dict[tuple[str, str], str] = {}
    for row in _rows(gva):
        for a in row["articles"]:
            texts["gva", a["doc_id"]] = a["text"]
    for row in _rows(basil):
        for a in row["articles"]:
            texts["basil", a["article_id"]] = a["text"]
    return texts


def checked_gold(gold: list[dict[str, Any]], texts: dict[tuple[str, str], str]) -> list[str]:
    """Problems with the gold against the texts (changed text, span not what was annotated)."""
    problems = []
    for row in gold:
        text = texts.get((row["set"], row["article"]))
        if text is None:
            problems.append(f"{row['set']}/{row['article']}: article not in the data")
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != row["text_sha256"]:
            problems.append(f"{row['set']}/{row['article']}: text changed (sha256 differs)")
            continue
        for q in row["quotes"]:
            if hashlib.sha1(text[q["start"] : q["end"]].encode("utf-8")).hexdigest()[: len(q["span_sha1"])] \
                    != q["span_sha1"]:
                problems.append(f"{row['set']}/{row['article']}: span {q['start']}-{q['end']} changed")
    return problems


def cover(spans: Iterable[Seg], lo: int, hi: int) -> int:
    """Characters of [lo, hi) covered by the union of spans."""
    marks: set[int] = set()
    for s, e in spans:
        marks.update(range(max(s, lo), min(e, hi)))
    return len(marks)


_TITLES = TITLE_WORDS | {"mr", "mrs", "ms", "dr", "miss", "sheriff", "chief", "officer", "det", "sgt", "lt"}


def speaker_key(name: str) -> str:
    """A name compared case-insensitively, without titles, possessives or punctuation."""
    words = re.findall(r"[\w’'\-.]+", name.lower().replace("’", "'"))
    words = [w.strip(".'") for w in words]
    while len(words) > 1 and (words[0] in _TITLES or words[0] + "." in _TITLES or words[0] == "the"):
        words.pop(0)
    return " ".join(w for w in words if w)


def _article_id(row: dict[str, Any]) -> str:
    return f"{row['set']}-{row['article']}"


def run_pipeline(gold: list[dict[str, Any]], texts: dict[tuple[str, str], str],
                 tmp: Path) -> tuple[dict[str, dict[str, Any]], float]:
    """Extract the gold's articles as one JSONL collection; claim-file data by article id."""
    source = tmp / "other_outlets.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for row in gold:
            record = {"id": _article_id(row), "text": texts[row["set"], row["article"]]}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    summary = extract_paths([source], tmp / "claims")
    seconds = time.perf_counter() - t0
    for problem in summary.problems:
        print("problem:", problem, file=sys.stderr)
    return {str(cf.article.get("id")): cf.data for cf in iter_claim_files(tmp / "claims")}, seconds


def _spans(q: dict[str, Any]) -> list[Seg]:
    return [(int(s), int(e)) for s, e in q.get("spans") or []]


def _show(text: str, lo: int, hi: int) -> str:
    before = " ".join(text[max(0, lo - CONTEXT) : lo].split())
    inside = " ".join(text[lo:hi].split())
    if len(inside) > 160:
        inside = inside[:70] + " … " + inside[-70:]
    after = " ".join(text[hi : hi + CONTEXT].split())
    return f"…{before} [[{inside}]] {after}…"


def score_article(row: dict[str, Any], text: str, data: dict[str, Any], tally: Tally) -> None:
    """Adds one article's counts to ``tally``."""
    tally.articles += 1
    preds = [q for q in data.get("quotes") or [] if q.get("kind") in FOUND_KINDS]
    gold = row["quotes"]
    pred_spans = [s for q in preds for s in _spans(q)]
    names: set[str] = set()
    for g in gold:
        if g["speaker"]:
            names.add(speaker_key(g["speaker"]))
            names.update(speaker_key(a) for a in g["speaker_aliases"])
    for g in gold:
        lo, hi = g["start"], g["end"]
        tally.gold += 1
        tally.gold_direct += g["kind"] == "direct"
        if cover(pred_spans, lo, hi) < MIN_OVERLAP * (hi - lo):
            tally.missed.append(f"{g['kind']:8} {g['speaker']!s:22} {_show(text, lo, hi)}")
            continue
        tally.found += 1
        tally.found_direct += g["kind"] == "direct"
        if not g["speaker"]:
            continue
        best = max(preds, key=lambda q: cover(_spans(q), lo, hi))
        tally.speaker_n += 1
        predicted = best.get("speaker")
        wanted = {speaker_key(g["speaker"]), *(speaker_key(a) for a in g["speaker_aliases"])}
        if predicted and speaker_key(predicted) in wanted:
            tally.speaker_ok += 1
            continue
        tally.speaker_null += predicted is None
        tally.speaker_wrong += predicted is not None
        mention = (best.get("speaker_mention") or {}).get("text")
        why = f" ({best.get('speaker_reason')})" if predicted is None else ""
        tally.errors.append(f"gold {g['speaker']!r} got {predicted!r} mention {mention!r}{why} "
                            f"[{best.get('kind')}/{g['kind']}] {_show(text, lo, hi)}")
    for q in data.get("quotes") or []:
        if q.get("kind") in ("direct", "partial"):
            for s, e in _spans(q):
                tally.pred_dp += 1
                if e > s and any(cover([(g["start"], g["end"])], s, e) >= MIN_OVERLAP * (e - s) for g in gold):
                    tally.pred_dp_ok += 1
        speaker = q.get("speaker")
        if speaker and q.get("kind") != "term":
            tally.pred_speakers += 1
            if speaker_problem(speaker) is not None:
                tally.non_speakers.append(speaker)
            elif speaker_key(speaker) not in names:
                tally.unknown_speakers[speaker] += 1


def evaluate(gold: list[dict[str, Any]], texts: dict[tuple[str, str], str]) -> tuple[dict[str, Tally], float]:
    with tempfile.TemporaryDirectory() as tmp:
        claims, seconds = run_pipeline(gold, texts, Path(tmp))
    tallies = {split: Tally() for split in SPLITS}
    for row in gold:
        text = texts[row["set"], row["article"]]
        data = claims.get(_article_id(row))
        if data is None:
            print(f"no claim file for {_article_id(row)}", file=sys.stderr)
            continue
        if data["article"].get("sha256") != row["text_sha256"]:
            print(f"{_article_id(row)}: body differs from the annotated text; offsets would not match; skipped",
                  file=sys.stderr)
            continue
        score_article(row, text, data, tallies[row["split"]])
    return tallies, seconds


def _print_half(split: str, tally: Tally, errors: int) -> None:
    print(f"\n== {split} half: {json.dumps(tally.figures())}")
    if tally.non_speakers:
        print(f"  non-speakers (speaker rule): {sorted(Counter(tally.non_speakers).items())}")
    unknown = ", ".join(f"{s!r}×{n}" if n > 1 else repr(s) for s, n in tally.unknown_speakers.most_common())
    print(f"  predicted speakers that are no gold speaker or alias of their article (to read): {unknown or '-'}")
    if errors and split == "tune":
        print(f"  speaker errors ({len(tally.errors)}):")
        for line in tally.errors[:errors]:
            print("   -", line)
        print(f"  missed quotes ({len(tally.missed)}):")
        for line in tally.missed[:errors]:
            print("   -", line)


def below_floors(result: dict[str, Any]) -> list[str]:
    """Report-half figures under their floor (``*_max`` keys are ceilings)."""
    if not FLOORS.exists():
        return []
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get(SECTION, {})
    out = []
    for key, bound in floors.items():
        if key.endswith("_max"):
            got = result.get(key[: -len("_max")])
            if got is None or got > bound:
                out.append(f"{key[:-4]} {got} > ceiling {bound}")
        elif result.get(key) is None or result[key] < bound:
            out.append(f"{key} {result.get(key)} < floor {bound}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT_DATA, help="eval-data folder")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print N errors of the tune half")
    ap.add_argument("--no-floors", action="store_true", help="report only, never fail")
    a = ap.parse_args(argv)
    texts = load_texts(a.path)
    if texts is None or not GOLD.exists():
        print(f"skipped: GVA/BASIL data not found under {a.path}")
        return 0
    gold = _rows(GOLD)
    problems = checked_gold(gold, texts)
    for problem in problems:
        print("gold problem:", problem, file=sys.stderr)
    gold = [row for row in gold if (row["set"], row["article"]) in texts]
    tallies, seconds = evaluate(gold, texts)
    for split in SPLITS:
        _print_half(split, tallies[split], a.errors)
    result: dict[str, Any] = {"eval": "quotes-other-outlets", **tallies[SCORED_SPLIT].figures(),
                              "tune": tallies["tune"].figures(), "gold_problems": len(problems),
                              "articles_per_s": round(len(gold) / seconds, 1) if seconds else None}
    failed = [] if a.no_floors else below_floors(result)
    for failure in failed:
        print("BELOW FLOOR:", failure)
    print(json.dumps(result))
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
