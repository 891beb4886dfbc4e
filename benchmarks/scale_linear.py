"""Time and peak memory against size: extraction of one article, and ``tracker check`` of one claim file.

Articles of 0.25/0.5/1/2 MB are recombined from the seed articles' paragraphs, with numbers and
names varied so that quotes, speakers and claims do not repeat word for word (real-looking text,
not one sentence copied). Claim files of 2.5/5/10 MB are the claim file of such an article, its
records repeated with fresh ids (their article is absent, as in a pull request that changes
only claims). Each size runs in a child process, so its peak memory (ru_maxrss) is
its own. Prints seconds and MB per size and the exponent of a power-law fit (time ~ size^k).

Extraction is timed twice per size: every record (no cap; the exponent is fitted to this) and
as ``tracker extract`` runs it, stopping at the 5,000-record cap (MAX_RECORDS). The cue model is
loaded before timing (once per run, whatever the size).

Exits 1 if ``tracker extract``'s work on a 2 MB article takes over 10 s, checking a 10 MB claim
file over 20 s or 500 MB, or either exponent exceeds 1.3 (linear, with room for noise).

    python benchmarks/scale_linear.py [--quick]    # --quick: the two smallest sizes of each
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MB = 1024 * 1024
ARTICLE_SIZES_MB = (0.25, 0.5, 1.0, 2.0)
CLAIM_FILE_SIZES_MB = (2.5, 5.0, 10.0)
ARTICLE_LIMIT_SECONDS = 10.0  # a 2 MB article, the largest one article may be (MAX_ARTICLE_BYTES)
CHECK_LIMIT_SECONDS = 20.0  # a 10 MB claim file
CHECK_LIMIT_MB = 500.0
MAX_EXPONENT = 1.3  # linear is 1.0; quadratic scans showed 1.8-2.0
FIRST_NAMES = ("Maria", "John", "Aisha", "Pedro", "Li", "Olga", "Samuel", "Fatima", "Kenji", "Grace", "Omar",
               "Ingrid", "Tomas", "Priya", "Hassan", "Claire")
LAST_NAMES = ("Alvarez", "Okafor", "Nguyen", "Schmidt", "Haddad", "Kowalski", "Brennan", "Tanaka", "Mensah",
              "Rossi", "Petrov", "Lindqvist", "Adeyemi", "Carvalho", "Dubois", "Farouk")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b(?:[A-Z][a-z]+) (?:[A-Z][a-z]+)\b")


def seed_paragraphs() -> list[str]:
    """The seeds' article paragraphs as the layout reads them (comments, bylines, lists left out)."""
    from tracker.ingest import iter_documents

    paragraphs: list[str] = []
    for doc in iter_documents([SEEDS], lambda exc: sys.exit(f"seed error: {exc}")):
        paragraphs += [doc.body[b.start:b.end] for b in doc.blocks if b.role == "text" and b.end - b.start > 80]
    return paragraphs


def build_article(size_mb: float, seed: int = 1) -> str:
    """About ``size_mb`` MB of news text: seed paragraphs in random order, numbers and names varied."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    target = int(size_mb * MB)
    out = [f"City council weighs bridge repairs after storm number {seed}\n\n"]
    total = len(out[0].encode("utf-8"))

    def number(match: re.Match[str]) -> str:
        text = match.group(0)
        return str(rng.randrange(2, 10 ** min(len(text), 6))) if not text.startswith(("19", "20")) else text

    def name(_: re.Match[str]) -> str:
        return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"

    while True:
        paragraph = _NAME.sub(name, _NUMBER.sub(number, rng.choice(paragraphs))) + "\n\n"
        size = len(paragraph.encode("utf-8"))
        if total + size > target:
            return "".join(out)  # at most ``target`` bytes: 2 MB is the most one article may be
        out.append(paragraph)
        total += size


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def child_extract(size_mb: float, folder: Path) -> dict[str, float]:
    """Reading and extracting one article of ``size_mb``: every record (no cap: the algorithm's
    cost, fitted), then as ``tracker extract`` does, stopping at the record cap."""
    from tracker.commands.extract import MAX_RECORDS
    from tracker.extract import TooManyRecords, extract_document
    from tracker.extract.reported.model import load_cue_model
    from tracker.ingest import iter_documents

    load_cue_model()  # read once per run, whatever the article's size: not part of the fit
    path = folder / f"article_{size_mb}.txt"
    path.write_text(build_article(size_mb), encoding="utf-8")
    timings = []
    for cap in (None, MAX_RECORDS):
        started = time.perf_counter()
        [doc] = list(iter_documents([path], lambda exc: sys.exit(f"input error: {exc}")))
        try:
            quotes, claims = extract_document(doc, max_records=cap)
            records = len(quotes) + len(claims)
        except TooManyRecords:
            pass  # over the cap: refused, as tracker extract refuses it
        timings.append(time.perf_counter() - started)
    return {"seconds": timings[0], "capped_seconds": timings[1], "peak_mb": _peak_mb(), "records": records}


def claim_file_text(size_mb: float) -> str:
    """A claim file of about ``size_mb`` MB: a real extraction's records, repeated with new ids."""
    from tracker.claimfile.store import build_document
    from tracker.claimfile.yaml_fast import dump_fast, from_commented
    from tracker.extract import extract_document
    from tracker.ingest import build_document as ingest_document

    body = build_article(0.25, seed=2)
    doc = ingest_document("big", "big.txt", body, {})
    quotes, claims = extract_document(doc)
    text = dump_fast(from_commented(build_document(doc.article, quotes, claims, body)))
    head, rest = text.split("quotes:\n", 1)
    quote_part, claim_part = rest.split("claims:\n", 1)
    target, copies = int(size_mb * MB), []
    size, copy = len(text.encode("utf-8")), 0
    while size < target:
        copy += 1
        copies.append(copy)
        size += len(quote_part.encode("utf-8")) + len(claim_part.encode("utf-8"))

    def renumber(part: str, n: int) -> str:
        """Fresh ids for a copy; without ``auto`` (as if written by hand), since its ids are not
        the ones extraction would give repeated content (``check`` would flag every one)."""
        part = re.sub(r"(?m)^    auto: .*\n", "", part)
        return re.sub(r"id: ([qc])([0-9a-f]{10})", lambda m: f"id: {m.group(1)}{n:04x}{m.group(2)[4:]}", part)

    quotes_text = quote_part + "".join(renumber(quote_part, n) for n in copies)
    claims_text = claim_part + "".join(renumber(claim_part, n) for n in copies)
    return f"{head}quotes:\n{quotes_text}claims:\n{claims_text}"


def child_make_claims(size_mb: float, folder: Path) -> dict[str, float]:
    """Writes the claim file in its own process, so the check's peak memory is the check's."""
    claims = folder / f"claims_{size_mb}"
    claims.mkdir(exist_ok=True)
    (claims / "big.yaml").write_text(claim_file_text(size_mb), encoding="utf-8")
    return {}


def child_check(size_mb: float, folder: Path) -> dict[str, float]:
    from tracker.commands.check import check_paths

    claims = folder / f"claims_{size_mb}"
    real_mb = (claims / "big.yaml").stat().st_size / MB
    started = time.perf_counter()
    problems = list(check_paths([claims]))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": _peak_mb(), "file_mb": real_mb,
            "errors": sum(p.level == "error" for p in problems)}


def run_child(kind: str, size_mb: float, folder: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, "--child", kind, str(size_mb), str(folder)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{kind} {size_mb} MB failed: {result.stderr.strip()[-2000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def exponent(sizes: list[float], seconds: list[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the two smallest sizes of each")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, size, folder = args.child
        runner = {"extract": child_extract, "check": child_check, "make-claims": child_make_claims}[kind]
        print(json.dumps(runner(float(size), Path(folder))))
        return 0
    import tempfile

    failures: list[str] = []
    summary: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind, sizes in (("extract", ARTICLE_SIZES_MB), ("check", CLAIM_FILE_SIZES_MB)):
            sizes = sizes[:2] if args.quick else sizes
            rows = []
            for size in sizes:
                if kind == "check":
                    run_child("make-claims", size, Path(tmp))
                row = run_child(kind, size, Path(tmp))
                rows.append(row)
                extra = (f"{row['records']:.0f} records; as tracker extract (stops at the cap): "
                         f"{row['capped_seconds']:.2f} s" if kind == "extract"
                         else f"{row['file_mb']:.1f} MB file, {row['errors']:.0f} errors")
                print(f"{kind:8} {size:5.2f} MB  {row['seconds']:7.2f} s  peak {row['peak_mb']:7.1f} MB  {extra}",
                      flush=True)
            k = exponent(list(sizes), [r["seconds"] for r in rows])
            print(f"{kind:8} fitted exponent {k:.2f} (time ~ size^k; 1.0 is linear)", flush=True)
            summary[kind] = {"sizes_mb": list(sizes), "seconds": [round(r["seconds"], 2) for r in rows],
                             **({"capped_seconds": [round(r["capped_seconds"], 2) for r in rows]}
                                if kind == "extract" else {}),
                             "peak_mb": [round(r["peak_mb"], 1) for r in rows], "exponent": round(k, 2)}
            if k > MAX_EXPONENT:
                failures.append(f"{kind}: exponent {k:.2f} > {MAX_EXPONENT}")
            last, top = rows[-1], sizes[-1]
            if kind == "extract" and top == 2.0 and last["capped_seconds"] > ARTICLE_LIMIT_SECONDS:
                failures.append(f"extract: 2 MB article took {last['capped_seconds']:.1f} s > "
                                f"{ARTICLE_LIMIT_SECONDS} s")
            if kind == "check" and top == 10.0 and (last["seconds"] > CHECK_LIMIT_SECONDS
                                                    or last["peak_mb"] > CHECK_LIMIT_MB):
                failures.append(f"check: 10 MB claim file took {last['seconds']:.1f} s and "
                                f"{last['peak_mb']:.0f} MB (limits {CHECK_LIMIT_SECONDS} s, {CHECK_LIMIT_MB} MB)")
    for failure in failures:
        print("OVER LIMIT:", failure)
    print(json.dumps(summary))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
