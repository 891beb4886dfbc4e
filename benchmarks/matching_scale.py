"""Matching at archive scale: time, peak memory and recall against exhaustive scoring.

Records come from real articles: a fixed sample of ``../shared/eval-data`` (PolNeAR train, GVA)
is extracted once and kept in the temporary folder (never in the repository). Larger corpora are
made from those records deterministically: stories of one to eight articles share invented
names; new quotes are two real quotes spliced at random places with about one word in eight
replaced by another real word (so that, as in a real archive, a quote rarely recurs by chance
across stories however large the corpus), and some are recycled within their story at known
places (verbatim, amended by one word, trimmed, or cut to a 2-5 word fragment); claims are
real sentences with the story's names and words varied alike, some repeated across the story
with the same or another value. Real short quotes ("dark night",
scare quotes) stay as they are: the fragments whose words are everywhere.

Per size, in a child process of its own (so its peak memory is its own): quote clustering and
claim grouping time (wall, and CPU for the exponent), peak RSS, and, where exhaustive scoring
is feasible (≤ 20,000 quotes), the recall of the pairs ``rapidfuzz.process.cdist`` finds at the
same threshold (``fuzz.ratio`` ≥ LINK_RATIO over every pair of linkable quotes) and of
fragments contained in a longer quote; then the time of that exhaustive baseline over all quote
pairs and its ratio to clustering time. Beyond 20,000 quotes the baseline time is estimated
from a sample of rows (cdist time is linear in rows) and marked so. Recall is measured without
the article-names filter, which is a judgement about events, not about wording.

    python benchmarks/matching_scale.py                       # quick size, gated by floors
    python benchmarks/matching_scale.py --sizes 10000,30000,100000
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from bisect import bisect_right
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _floors import finish

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval-data"
QUICK_SIZE = 1000  # articles: about 11,000 quotes, exhaustive cdist in well under a minute
REAL_ARTICLES = 400  # real articles extracted for records (about 4,500 quotes, 3,000 claims)
EXHAUSTIVE_MAX_QUOTES = 20_000  # beyond this the all-pairs baseline is estimated, not run
SAMPLE_ROWS = 1000  # rows of cdist timed to estimate the baseline beyond that
CDIST_CHUNK = 1000  # rows scored at a time (a 20k x 20k matrix would hold 400 MB)
RECYCLE_SHARE = 0.15  # quotes copied from an earlier article of the same story
CLAIM_REPEAT_SHARE = 0.3  # claims repeated from an earlier article of the story
REWORD_EVERY = 8  # new quotes and sentences: one word in this many replaced by another real word
STORY_ARTICLES = 8
SYLLABLES = ("ka", "lo", "mi", "ra", "tu", "ven", "dor", "sa", "bel", "ni", "gor", "pa", "zin", "ul", "te", "fa",
             "mor", "qui", "den", "ya")
_CAPITAL = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}")


def real_records(cache: Path) -> dict[str, Any]:
    """Quotes and claims of a fixed sample of real articles, extracted once and cached."""
    if cache.exists():
        data: dict[str, Any] = json.loads(cache.read_text(encoding="utf-8"))
        return data
    from tracker.extract import extract_document
    from tracker.ingest import build_document

    docs = []
    with gzip.open(EVAL / "polnear" / "train.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            d = json.loads(line)
            docs.append((d["doc_id"], d["text"], d.get("title")))
    with gzip.open(EVAL / "gva" / "dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            docs += [(a["doc_id"], a["text"], None) for a in json.loads(line)["articles"]]
    random.Random(7).shuffle(docs)
    quotes, claims = [], []
    for n, (_doc_id, text, title) in enumerate(docs[:REAL_ARTICLES]):
        doc = build_document(f"r{n}", f"r{n}.txt", text, {"title": title} if title else {})
        found_quotes, found_claims = extract_document(doc)
        quotes += [{"text": q.text, "kind": q.kind, "speaker": q.speaker} for q in found_quotes]
        claims += [{"value": c.value, "unit": c.unit, "measure": c.measure, "kind": c.kind,
                    "approximate": c.approximate, "bound": c.bound, "high": c.high, "surface": c.surface,
                    "sentence": c.sentence, "counts": c.counts.as_fields() if c.counts else None}
                   for c in found_claims if c.value is not None]
    data = {"quotes": quotes, "claims": claims, "per_article": [len(quotes) / REAL_ARTICLES,
                                                                len(claims) / REAL_ARTICLES]}
    cache.write_text(json.dumps(data), encoding="utf-8")
    return data


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _vary(text: str, names: dict[str, str], rng: random.Random) -> str:
    """The story's own names in place of the capitalised words inside a sentence."""
    return _CAPITAL.sub(lambda m: names.setdefault(m.group(0), _name(rng)), text)


def _reword(words: list[str], vocabulary: list[str], rng: random.Random) -> list[str]:
    """About one lower-case word in REWORD_EVERY replaced by another real word: real archives rarely
    repeat a sentence across unrelated stories, however many stories they hold."""
    return [rng.choice(vocabulary) if w.isalpha() and w.islower() and rng.random() < 1 / REWORD_EVERY else w
            for w in words]


def _recycled(text: str, rng: random.Random, pool: list[str]) -> tuple[str, str]:
    """A quote repeated: verbatim, amended by one word, trimmed, or a fragment of 2-5 words."""
    words = text.split()
    roll = rng.random()
    if roll < 0.4 or len(words) < 8:
        return text, "direct"
    if roll < 0.7:
        at = rng.randrange(len(words))
        words[at] = rng.choice(rng.choice(pool).split())
        return " ".join(words), "direct"
    if roll < 0.8:
        return " ".join(words[1:-1]), "direct"
    size = rng.randint(2, 5)
    start = rng.randrange(len(words) - size)
    return " ".join(words[start:start + size]), "partial"


def synthesise(articles: int, real: dict[str, Any], seed: int = 1) -> tuple[list[Any], list[Any], dict[str, Any]]:
    """Quote items, claim items and article names for ``articles`` synthetic articles."""
    import datetime as dt

    from tracker.match.claim_groups import ClaimItem
    from tracker.match.normalize import entities
    from tracker.match.quote_clusters import QuoteItem
    from tracker.records import CountScope

    rng = random.Random(seed)
    rq, rc = real["quotes"], real["claims"]
    texts = [q["text"] for q in rq if len(q["text"].split()) >= 6]
    vocabulary = [w for t in texts for w in t.split() if w.isalpha() and w.islower()]  # as often as used
    per_quotes, per_claims = real["per_article"]
    quotes: list[Any] = []
    claims: list[Any] = []
    names: dict[str, frozenset[str]] = {}
    story_quotes: list[str] = []
    story_claims: list[dict[str, Any]] = []
    story_names: dict[str, str] = {}
    day = dt.date(2015, 1, 1)
    for a in range(articles):
        if a == 0 or rng.random() < 1 / STORY_ARTICLES * 2 * rng.random():
            story_quotes, story_claims, story_names = [], [], {}
            day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(1500))
        aid, published = f"a{a:06d}", (day + dt.timedelta(days=rng.randrange(4))).isoformat()
        outlet = f"outlet{rng.randrange(60)}"
        found: set[str] = set()
        for n in range(max(0, round(rng.gauss(per_quotes, per_quotes / 2)))):
            base = rng.choice(rq)
            text, kind = _vary(base["text"], story_names, rng), base["kind"]
            if story_quotes and rng.random() < RECYCLE_SHARE:
                text, kind = _recycled(rng.choice(story_quotes), rng, texts)
            elif len(text.split()) >= 6:  # a new quote: two real ones spliced, a few words changed
                head, tail = text.split(), _vary(rng.choice(texts), story_names, rng).split()
                words = head[: rng.randint(3, len(head) - 2)] + tail[rng.randint(1, len(tail) - 3):]
                text = " ".join(_reword(words, vocabulary, rng))
            speaker = _vary(f", {base['speaker']}", story_names, rng)[2:] if base["speaker"] else None
            story_quotes.append(text)
            found |= entities(speaker or "")
            quotes.append(QuoteItem(aid, f"q{n}", text, kind, speaker, published, outlet, n * 100))
        for n in range(max(0, round(rng.gauss(per_claims, per_claims / 2)))):
            c = dict(rng.choice(story_claims) if story_claims and rng.random() < CLAIM_REPEAT_SHARE
                     else rng.choice(rc))
            if c.get("story") is None:
                sentence = _vary(c["sentence"], story_names, rng)
                at = sentence.find(c["surface"])
                before, after = sentence[:max(at, 0)].split(), sentence[max(at, 0) + len(c["surface"]):].split()
                c["sentence"] = " ".join([*_reword(before, vocabulary, rng), c["surface"],
                                          *_reword(after, vocabulary, rng)]) if at >= 0 else sentence
                c["story"] = True
                story_claims.append(c)
            value = float(c["value"]) + (rng.choice((-1, 1)) if rng.random() < 0.2 else 0)
            counts = CountScope.from_fields(c["counts"]) if c["counts"] else None
            found |= entities(c["sentence"])
            claims.append(ClaimItem(aid, f"c{n}", value, c["unit"], c["measure"], c["kind"], c["approximate"],
                                    c["bound"], c["high"], c["surface"], c["sentence"], published, outlet,
                                    None, counts))
        names[aid] = frozenset(found)
    return quotes, claims, names


def exhaustive(quotes: list[Any]) -> dict[str, Any]:
    """Pairs of linkable quotes with ``fuzz.ratio`` ≥ LINK_RATIO, and fragment hosts, by brute force."""
    from rapidfuzz import fuzz, process

    from tracker.match.normalize import quote_key
    from tracker.match.quote_clusters import CLUSTERED_KINDS, LINK_RATIO, MIN_LINK_WORDS

    keys = [quote_key(q.text) for q in quotes]
    eligible = [q.kind in CLUSTERED_KINDS for q in quotes]
    long_ids = [i for i, k in enumerate(keys) if eligible[i] and len(k.split()) >= MIN_LINK_WORDS]
    long_keys = [keys[i] for i in long_ids]
    pairs: list[tuple[int, int]] = []
    started = time.perf_counter()
    for lo in range(0, len(long_keys), CDIST_CHUNK):
        block = process.cdist(long_keys[lo:lo + CDIST_CHUNK], long_keys, scorer=fuzz.ratio,
                              score_cutoff=LINK_RATIO, dtype="uint8", workers=1)
        for r, c in zip(*block.nonzero(), strict=True):
            if lo + r < c:
                pairs.append((long_ids[lo + r], long_ids[c]))
    seconds = time.perf_counter() - started
    # Fragments: every longer quote that holds the fragment's words in a row (one scan each).
    joined, starts, at = [], [], 0
    for k in long_keys:
        starts.append(at)
        joined.append(f" {k} ")
        at += len(k) + 2
    text = "".join(joined)
    fragments: dict[int, list[int]] = {}
    for i, k in enumerate(keys):
        if eligible[i] and 2 <= len(k.split()) < MIN_LINK_WORDS:
            needle, pos, hosts = f" {k} ", 0, []
            while (pos := text.find(needle, pos)) >= 0:
                hosts.append(long_ids[bisect_right(starts, pos) - 1])
                pos += 1
            if hosts:
                fragments[i] = hosts
    return {"pairs": pairs, "fragments": fragments, "seconds": seconds, "quotes": len(quotes)}


def estimated_cdist_seconds(quotes: list[Any]) -> float:
    """All-pairs cdist time from SAMPLE_ROWS rows against every quote, scaled to all rows."""
    from rapidfuzz import fuzz, process

    from tracker.match.normalize import quote_key

    keys = [quote_key(q.text) for q in quotes]
    rows = random.Random(3).sample(keys, min(SAMPLE_ROWS, len(keys)))
    started = time.perf_counter()
    process.cdist(rows, keys, scorer=fuzz.ratio, score_cutoff=85, dtype="uint8", workers=1)
    return (time.perf_counter() - started) * len(keys) / len(rows)


def child(articles: int, cache: Path) -> dict[str, Any]:
    """One size: matching time and peak memory, then recall and the baseline."""
    from tracker.match.claim_groups import group_claims
    from tracker.match.quote_clusters import cluster_quotes

    quotes, claims, names = synthesise(articles, real_records(cache))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started, cpu = time.perf_counter(), time.process_time()
    clusters = cluster_quotes(quotes, article_names=names)
    quote_seconds = time.perf_counter() - started
    groups = group_claims(claims, names)
    match_seconds, match_cpu = time.perf_counter() - started, time.process_time() - cpu
    out: dict[str, Any] = {
        "articles": articles, "quotes": len(quotes), "claims": len(claims), "clusters": len(clusters),
        "groups": len(groups), "quote_seconds": round(quote_seconds, 2), "match_seconds": round(match_seconds, 2),
        "match_cpu_seconds": round(match_cpu, 2),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "before_match_mb": round(before, 1)}
    del clusters, groups
    if len(quotes) <= EXHAUSTIVE_MAX_QUOTES:
        out.update(_recall(quotes))
        out["cdist_estimated"] = False
    else:
        out["cdist_seconds"] = round(estimated_cdist_seconds(quotes), 1)
        out["cdist_estimated"] = True
    out["speedup"] = round(out["cdist_seconds"] / max(quote_seconds, 1e-6), 1)
    return out


def _recall(quotes: list[Any]) -> dict[str, Any]:
    from tracker.match.quote_clusters import cluster_quotes

    truth = exhaustive(quotes)
    cluster_of: dict[tuple[str, str], int] = {}
    for n, cluster in enumerate(cluster_quotes(quotes)):  # no names filter: wording only
        for m in cluster.members:
            cluster_of[(m.item.article, m.item.quote_id)] = n

    def c(i: int) -> int:
        return cluster_of[(quotes[i].article, quotes[i].quote_id)]

    found = sum(1 for i, j in truth["pairs"] if c(i) == c(j))
    hosted = sum(1 for i, hosts in truth["fragments"].items() if any(c(i) == c(j) for j in hosts))
    return {"pairs": len(truth["pairs"]), "pair_recall": round(found / max(1, len(truth["pairs"])), 4),
            "fragments": len(truth["fragments"]),
            "fragment_recall": round(hosted / max(1, len(truth["fragments"])), 4),
            "cdist_seconds": round(truth["seconds"], 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default=str(QUICK_SIZE), help="comma-separated article counts")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    cache = Path(tempfile.gettempdir()) / f"tracker-matching-scale-{REAL_ARTICLES}.json"
    if args.child:
        print(json.dumps(child(args.child, cache)))
        return 0
    real_records(cache)  # once, before the children time anything
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run([sys.executable, __file__, "--child", str(size)], capture_output=True, text=True,
                              check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]))
    result: dict[str, Any] = {k: rows[0][k] for k in ("pair_recall", "fragment_recall", "speedup") if k in rows[0]}
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        # CPU seconds: on a shared machine wall time grows with the neighbours' load, not the size
        result["time_exponent"] = round(math.log(last["match_cpu_seconds"] / first["match_cpu_seconds"])
                                        / math.log(last["articles"] / first["articles"]), 2)
        result["largest_peak_mb"] = last["peak_mb"]
        print(f"matching time exponent {first['articles']}..{last['articles']} articles: {result['time_exponent']}")
    return finish(result, "matching_scale.json", "matching_scale") if args.sizes == str(QUICK_SIZE) else \
        print(json.dumps(result)) or 0


if __name__ == "__main__":
    sys.exit(main())
