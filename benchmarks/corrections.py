"""Correction notices and story versions on hand-made edits of the development articles.

Usage: corrections.py [EVAL_DATA_DIR] [--show]

Gold: ``benchmarks/gold/corrections.jsonl`` (26 items: 24 corrections written by editing GVA,
BASIL and PolNeAR dev articles as outlets do, plus 2 introductory editor's notes that correct
nothing) and ``story_versions.jsonl`` (29 earlier versions of GVA articles). Each correction
item gives the real article as the corrected version (with its notice inserted) and, through its
edits, the earlier version with the error. Figures, per split (tune / report, fixed by a hash
before tuning) and overall:

- notice_detection: inserted notices found (span overlap), introductions left alone;
- notice_linking: notices whose links are exactly the records the edit changed (quotes or
  figures overlapping an edit; for names, quotes naming the person and ages given for them); a
  notice that names no
  record must link nothing;
- versions_shown: changed quotes and figures (edits inside a quote or a figure) shown in the
  timeline as amended or updated, between the right records;
- false_notices: notices found in the ordinary dev articles (all of PolNeAR dev, BASIL and GVA)
  that a reader did not judge real (``corrections_dev_notices.jsonl``: the 47 found, read one by
  one, are all real corrections or updates); ``articles_without_false_notice`` is its floor.

Exits 1 below the floors in benchmarks/floors/corrections.json; 0 with a message when data is absent.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from _floors import finish

from tracker.claimfile.read import typed
from tracker.claimfile.store import ClaimFile
from tracker.extract import correction_records, extract_document
from tracker.extract.corrections import find_notices
from tracker.ingest import Document, build_document
from tracker.records import Claim, Correction, Quote
from tracker.report.versions import timeline

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
QUOTED = ("direct", "partial", "headline")
Doc = dict[str, Any]


def _rows(path: Path) -> list[dict[str, Any]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_articles(data: Path) -> dict[tuple[str, str], Doc]:
    out: dict[tuple[str, str], Doc] = {}
    for r in _rows(data / "polnear" / "dev.jsonl"):
        out[("polnear", r["doc_id"])] = {"text": r["text"], "title": r.get("title")}
    for r in _rows(data / "basil" / "dev.jsonl"):
        for a in r["articles"]:
            out[("basil", str(a["article_id"]))] = {"text": a["text"], "title": a.get("title")}
    for r in _rows(data / "gva" / "dev.jsonl.gz"):
        for a in r["articles"]:
            out[("gva", a["doc_id"])] = {"text": a["text"], "title": a.get("title")}
    return out


def _apply(text: str, edits: list[dict[str, Any]], key: str = "earlier") -> str:
    for e in sorted(edits, key=lambda e: -e["start"]):
        text = text[:e["start"]] + e.get(key, e.get("replacement", "")) + text[e["end"]:]
    return text


def _doc(aid: str, body: str, title: str | None) -> Document:
    return build_document(aid, aid, body, {"title": title} if title else {})


def _extract(doc: Document) -> tuple[list[Quote], list[Claim], list[Correction]]:
    quotes, claims = extract_document(doc)
    return quotes, claims, correction_records(doc.body, doc.blocks, quotes, claims)


def _overlaps(spans: list[tuple[int, int]], regions: list[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in spans for s2, e2 in regions)


def expected_links(item: dict[str, Any], quotes: list[Quote], claims: list[Claim],
                   regions: list[tuple[int, int]], body: str) -> set[str]:
    """The records the notice should point at, in the corrected text."""
    kind = item["target_kind"]
    if kind == "quote":
        return {q.id for q in quotes if q.kind in QUOTED and _overlaps(list(q.spans), regions)}
    if kind == "figure":
        return {c.id for c in claims if _overlaps([c.span], regions)}
    if kind == "name":
        surnames = {body[s:e].split()[-1].casefold() for s, e in regions}
        def naming(q: Quote) -> str:
            return f"{q.speaker or ''} {q.speaker_mention.text if q.speaker_mention else ''} {q.text}".casefold()
        out = {q.id for q in quotes if any(n in naming(q) for n in surnames)}
        # figures given for the person: an age in a sentence naming them (not every figure near a name)
        return out | {c.id for c in claims if c.kind == "age" and any(n in c.sentence.casefold() for n in surnames)}
    return set()


def _shift(edits: list[dict[str, Any]], at: int, size: int) -> list[tuple[int, int]]:
    return [(e["start"] + (size if e["start"] >= at else 0), e["end"] + (size if e["start"] >= at else 0))
            for e in edits]


def _records(quotes: list[Quote], claims: list[Claim], notes: list[Correction]) -> dict[str, Any]:
    review = {"status": "unreviewed"}
    return {"quotes": [{"id": q.id, "text": q.text, "speaker": q.speaker, "kind": q.kind, "review": review}
                       for q in quotes],
            "claims": [{"id": c.id, "value": c.value, "low": c.low, "high": c.high, "surface": c.surface,
                        "sentence": c.sentence, "measure": c.measure, "review": review} for c in claims],
            "corrections": [{"id": n.id, "review": review} for n in notes]}


def version_changes(earlier: Document, later: Document) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The timeline step from ``earlier`` to ``later`` and the records of both, by id."""
    sides = []
    for doc in (earlier, later):
        quotes, claims, notes = _extract(doc)
        data = {"article": {"id": doc.article.id}, **_records(quotes, claims, notes)}
        sides.append((ClaimFile(Path(doc.article.id), data), quotes, claims))
    story = timeline(typed([s[0] for s in sides]), {"s": [earlier.article.id, later.article.id]})
    by_id = {"old": {r.id: r for r in (*sides[0][1], *sides[0][2])},
             "new": {r.id: r for r in (*sides[1][1], *sides[1][2])}, "quotes": sides[1][1], "claims": sides[1][2],
             "old_quotes": sides[0][1], "old_claims": sides[0][2]}
    return story[0]["steps"][0]["changes"], by_id


def _spans_of(record: Any) -> list[tuple[int, int]]:
    return list(record.spans) if isinstance(record, Quote) else [record.span]


def changed_records_shown(changes: list[dict[str, Any]], records: dict[str, Any],
                          new_regions: list[tuple[int, int]], old_regions: list[tuple[int, int]]) -> tuple[int, int]:
    """(changed quotes and figures, of them shown as amended/updated between the right records)."""
    targets = [q.id for q in records["quotes"] if q.kind != "indirect" and _overlaps(list(q.spans), new_regions)]
    targets += [c.id for c in records["claims"] if _overlaps([c.span], new_regions)]
    shown = 0
    for rid in targets:
        hit = next((c for c in changes if c.get("new_id") == rid and c["change"] in ("amended", "updated")), None)
        if hit is not None and _overlaps(_spans_of(records["old"][hit["old_id"]]), old_regions):
            shown += 1
    return len(targets), shown


def _earlier_regions(edits: list[dict[str, Any]], key: str) -> list[tuple[int, int]]:
    out, delta = [], 0
    for e in sorted(edits, key=lambda e: e["start"]):
        new = e.get(key, e.get("replacement", ""))
        out.append((e["start"] + delta, e["start"] + delta + len(new)))
        delta += len(new) - (e["end"] - e["start"])
    return out


def score_item(item: dict[str, Any], article: Doc, show: bool) -> dict[str, Any]:
    real = article["text"]
    at, insert = item["notice"]["at"], item["notice"]["insert"]
    corrected = real[:at] + insert + real[at:]
    lead = len(insert) - len(insert.lstrip())
    notice_span = (at + lead, at + len(insert.rstrip()))
    regions = _shift(item["edits"], at, len(insert))
    later = _doc(f"{item['id']}@2", corrected, article["title"])
    quotes, claims, notes = _extract(later)
    hit = [n for n in notes if _overlaps([n.span], [notice_span])]
    detected = bool(hit) == item["is_notice"]
    linked = None
    if item["is_notice"]:
        expected = expected_links(item, quotes, claims, regions, corrected)
        linked = bool(hit) and set(hit[0].links) == expected
        if show and not linked:
            texts = {r.id: getattr(r, "text", None) or getattr(r, "surface", "") for r in (*quotes, *claims)}
            print(f"[{item['id']}] {insert.strip()[:90]}\n   expected {[texts[i] for i in expected]}\n"
                  f"   linked   {[texts.get(i, i) for i in hit[0].links] if hit else 'NOT FOUND'}"
                  f"{' (' + str(hit[0].link_reason) + ')' if hit and hit[0].link_reason else ''}")
    elif show and not detected:
        print(f"[{item['id']}] introduction taken for a notice: {insert.strip()[:90]}")
    out: dict[str, Any] = {"detected": detected, "linked": linked, "targets": 0, "shown": 0}
    if item["edits"]:
        earlier = _doc(f"{item['id']}@1", _apply(real, item["edits"]), article["title"])
        changes, records = version_changes(earlier, later)
        out["targets"], out["shown"] = changed_records_shown(changes, records, regions,
                                                             _earlier_regions(item["edits"], "earlier"))
        out["false_in_earlier"] = bool(find_notices(earlier.body, earlier.blocks))
    return out


def score_story_versions(articles: dict[tuple[str, str], Doc]) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {"tune": (0, 0), "report": (0, 0)}
    for row in _rows(GOLD / "story_versions.jsonl"):
        article = articles.get(("gva", row["article"]))
        if article is None or hashlib.sha256(article["text"].encode()).hexdigest() != row["text_sha256"]:
            continue
        split = "tune" if int(hashlib.sha1(f"story_versions:{row['article']}".encode()).hexdigest()[0], 16) % 2 == 0 \
            else "report"
        earlier = _doc(f"{row['article']}@1", _apply(article["text"], row["edits"], "replacement"), article["title"])
        later = _doc(f"{row['article']}@2", article["text"], article["title"])
        changes, records = version_changes(earlier, later)
        regions = [(c["later_start"], c["later_end"]) for c in row["changes"]]
        n, shown = changed_records_shown(changes, records, regions, _earlier_regions(row["edits"], "replacement"))
        out[split] = (out[split][0] + n, out[split][1] + shown)
    return out


def false_notices(articles: dict[tuple[str, str], Doc], show: bool) -> tuple[int, int, int]:
    """(articles with a notice, notices read as real, notices not read as real) on the dev articles.

    Real articles carry real notices (``corrections_dev_notices.jsonl`` holds those read, by
    span_sha1); a notice found that no one read counts as false until someone does.
    """
    real = {(r["set"], r["article"], r["span_sha1"]) for r in _rows(GOLD / "corrections_dev_notices.jsonl")
            if r["label"] == "real"}
    with_notice = good = bad = 0
    for (dset, aid), article in articles.items():
        doc = _doc(aid, article["text"], article["title"])
        found = [doc.body[n.span[0]:n.span[1]] for n in find_notices(doc.body, doc.blocks)]
        with_notice += bool(found)
        for text in found:
            if (dset, aid, hashlib.sha1(text.encode()).hexdigest()) in real:
                good += 1
            else:
                bad += 1
                if show:
                    print(f"false or unread notice in {dset}/{aid}: {text[:160]}")
    return with_notice, good, bad


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def main(argv: list[str]) -> int:
    show = "--show" in argv
    argv = [a for a in argv if a != "--show"]
    data = Path(argv[0]) if argv else ROOT.parent / "shared" / "eval-data"
    if not all((data / p).exists() for p in ("gva/dev.jsonl.gz", "basil/dev.jsonl", "polnear/dev.jsonl")):
        print(f"no GVA, BASIL and PolNeAR dev data under {data}; skipping")
        return 0
    articles = load_articles(data)
    result: dict[str, Any] = {}
    scored: dict[str, list[dict[str, Any]]] = {"tune": [], "report": []}
    for item in _rows(GOLD / "corrections.jsonl"):
        article = articles[(item["set"], item["article"])]
        if hashlib.sha256(article["text"].encode()).hexdigest() != item["text_sha256"]:
            print(f"{item['id']}: article text changed; skipped")
            continue
        scored[item["split"]].append(score_item(item, article, show))
    versions = score_story_versions(articles)
    for split, rows in (*scored.items(), ("all", scored["tune"] + scored["report"])):
        targets = sum(r["targets"] for r in rows) + sum(versions[s][0] for s in versions if split in (s, "all"))
        shown = sum(r["shown"] for r in rows) + sum(versions[s][1] for s in versions if split in (s, "all"))
        result[f"{split}_notice_detection"] = _share([r["detected"] for r in rows])
        result[f"{split}_notice_linking"] = _share([r["linked"] for r in rows if r["linked"] is not None])
        result[f"{split}_versions_shown"] = round(shown / targets, 4) if targets else None
        result[f"{split}_changed_records"] = targets
    result["notices"] = sum(1 for rows in scored.values() for r in rows if r["linked"] is not None)
    items = [r for rows in scored.values() for r in rows]
    result["version_pairs"] = sum(1 for r in items if "false_in_earlier" in r) \
        + len(_rows(GOLD / "story_versions.jsonl"))
    result["notices_in_earlier_versions"] = sum(1 for r in items if r.get("false_in_earlier"))
    with_notice, good, bad = false_notices(articles, show)
    result.update({"articles_read": len(articles), "articles_with_notice": with_notice, "real_notices_found": good,
                   "false_notices": bad, "articles_without_false_notice": round(1 - bad / len(articles), 4)})
    return finish(result, "corrections.json", "corrections")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
