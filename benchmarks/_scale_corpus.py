"""Corpora for ``scale.py``: the real eval-data articles, and larger ones recombined from them.

The real pool is PolNeAR train and dev, GVA and BASIL (about 2,000 articles). Larger sizes are
made by recombining real paragraphs: each synthetic article takes a real article's title and a
run of paragraphs from articles of the same story (a GVA incident, a BASIL event, a PolNeAR
publisher), with names and numbers varied per article. Every ``RECYCLE_EVERY``-th article repeats
a real article's paragraphs unchanged but for its figures, so recycled quotes and differing
figures recur at known places. Deterministic (one seed), written to a cache folder outside the
repository and reused when present, as a folder of ``.txt`` files with front matter.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SEED = 17
#: One synthetic article in this many re-tells a real one with varied figures only: the
#: recycled quotes and differing figures the matcher must find.
RECYCLE_EVERY = 5
PARAGRAPHS_PER_ARTICLE = (4, 12)
FIRST_NAMES = ("Maria", "John", "Aisha", "Pedro", "Li", "Olga", "Samuel", "Fatima", "Kenji", "Grace", "Omar",
               "Ingrid", "Tomas", "Priya", "Hassan", "Claire", "Dmitri", "Nadia", "Kwame", "Elena")
LAST_NAMES = ("Alvarez", "Okafor", "Nguyen", "Schmidt", "Haddad", "Kowalski", "Brennan", "Tanaka", "Mensah",
              "Rossi", "Petrov", "Lindqvist", "Adeyemi", "Carvalho", "Dubois", "Farouk", "Moreau", "Ibrahim")
OUTLETS = ("Daily Ledger", "Evening Post", "Metro Courier", "The Observer", "City Wire", "Valley Times")
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*(?![\d,])")
_NAME = re.compile(r"\b[A-Z][a-z]{2,} [A-Z][a-z]{2,}\b")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def real_articles(data: Path) -> list[dict[str, str]]:
    """Every real article as {id, title, outlet, published, story, text}, in a fixed order."""
    out: list[dict[str, str]] = []
    for name in ("train.jsonl.gz", "dev.jsonl"):
        for row in _jsonl(data / "polnear" / name):
            out.append({"id": f"polnear-{row['doc_id']}", "title": row.get("title") or "",
                        "outlet": row.get("publisher") or "", "published": row.get("publication_date") or "",
                        "story": f"polnear-{row.get('publisher')}", "text": row["text"]})
    for cluster in _jsonl(data / "gva" / "dev.jsonl.gz"):
        for art in cluster["articles"]:
            out.append({"id": f"gva-{art['doc_id']}", "title": art.get("title") or "",
                        "outlet": art.get("domain") or "", "published": art.get("dct") or "",
                        "story": f"gva-{cluster['cluster_id']}", "text": art["text"]})
    for event in _jsonl(data / "basil" / "dev.jsonl"):
        for art in event["articles"]:
            out.append({"id": f"basil-{art['article_id']}", "title": art.get("title") or "",
                        "outlet": art.get("source") or "", "published": art.get("date") or "",
                        "story": f"basil-{event['cluster_id']}", "text": art["text"]})
    seen: set[str] = set()
    unique = []
    for art in out:  # GVA lists a few articles under two incidents
        if art["id"] not in seen and art["text"].strip():
            seen.add(art["id"])
            unique.append(art)
    return unique


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def synthetic_articles(real: list[dict[str, str]], count: int) -> Iterator[dict[str, str]]:
    """``count`` articles: the real ones first, then recombinations of their paragraphs."""
    rng = random.Random(SEED)
    yield from real[:count]
    stories: dict[str, list[str]] = {}
    for art in real:
        stories.setdefault(art["story"], []).extend(_paragraphs(art["text"]))
    keys = sorted(stories)
    for n in range(len(real), count):
        base = real[rng.randrange(len(real))]
        if n % RECYCLE_EVERY == 0:
            paragraphs = _paragraphs(base["text"])  # the same quotes, figures varied below
            names = False
        else:
            pool = stories[rng.choice(keys)]
            size = rng.randint(*PARAGRAPHS_PER_ARTICLE)
            start = rng.randrange(max(1, len(pool) - size))
            paragraphs = pool[start:start + size]
            names = True
        yield {"id": f"syn-{n:06d}", "title": _vary(base["title"], rng, names), "outlet": rng.choice(OUTLETS),
               "published": base["published"], "story": base["story"],
               "text": "\n\n".join(_vary(p, rng, names) for p in paragraphs)}


def _vary(text: str, rng: random.Random, names: bool) -> str:
    """Numbers changed now and then (differing figures); names changed when ``names``."""
    def number(match: re.Match[str]) -> str:
        if rng.random() > 0.3 or match.group(0).startswith(("19", "20")):
            return match.group(0)
        return str(max(1, int(match.group(0).replace(",", "")) + rng.randint(-3, 3)))

    text = _NUMBER.sub(number, text)
    if names:
        text = _NAME.sub(lambda _: f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", text)
    return text


def _front_matter(art: dict[str, str]) -> str:
    lines = ["---"]
    for key in ("title", "outlet", "published"):
        if art[key]:
            lines.append(f"{key}: {json.dumps(art[key])}")  # JSON strings are YAML strings
    return "\n".join([*lines, "---", "", art["text"], ""])


def build_corpus(data: Path, count: int, cache: Path) -> Path:
    """The folder of ``count`` articles under ``cache`` (built once; reused when complete)."""
    folder = cache / f"articles-{count}"
    done = folder / ".complete"
    if done.exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    real = real_articles(data)
    for art in synthetic_articles(real, count):
        (folder / f"{art['id'][:80]}.txt").write_text(_front_matter(art), encoding="utf-8")
    done.write_text(str(count), encoding="utf-8")
    return folder


def text_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.txt"))
