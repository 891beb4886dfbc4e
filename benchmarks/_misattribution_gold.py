"""Writes ``benchmarks/gold/misattribution.jsonl`` from the hand-made list below (run once).

Each entry was chosen by reading BASIL dev events where two outlets print the same quotation:
``variant`` keeps both articles as written (one person, named differently: "Mr. Labrador" and
"Labrador", "Michael Thibodeau" and "Mike Thibodeau", "Trump Jr." and "Mr. Trump"); ``different``
replaces the speaker's name at the attribution in the second article with another person of the
story (an outlet crediting the words to the wrong person; two of them share the true speaker's
surname). Only offsets, names and digests are written, never article text.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "basil" / "dev.jsonl"
OUT = Path(__file__).resolve().parent / "gold" / "misattribution.jsonl"
#: (id, event prefix, label, [(source, quote start, quote end, mention as written)], (member index, replacement));
#: "LePage| said" places the mention "LePage" where " said" follows it.
ENTRIES: list[tuple[str, str, str, list[tuple[str, int, int, str]], tuple[int, str] | None]] = [
    ("m01", "6b541575", "variant", [("nyt", 242, 317, "Mr. Etheridge"), ("hpo", 3752, 3827, "Etheridge")], None),
    ("m02", "c99adbdd", "variant", [("fox", 1352, 1506, "Labrador"), ("nyt", 325, 414, "Mr. Labrador")], None),
    ("m03", "d4a4bc34", "variant", [("nyt", 551, 592, "Vicente Fox"), ("hpo", 338, 381, "Fox")], None),
    ("m04", "d4a4bc34", "variant", [("nyt", 1101, 1180, "Mr. Calderón"), ("fox", 1298, 1653, "Calderón")], None),
    ("m05", "7a97de89", "variant", [("fox", 168, 195, "LePage"), ("hpo", 683, 874, "LePage")], None),
    ("m06", "7a97de89", "variant", [("nyt", 405, 485, "he"), ("hpo", 1721, 1799, "LePage")], None),
    ("m07", "7a97de89", "variant", [("nyt", 2381, 2465, "Michael Thibodeau"),
                                    ("hpo", 2358, 2427, "Senate President Mike Thibodeau")], None),
    ("m08", "8abec8d9", "variant", [("fox", 419, 447, "Fox"), ("nyt", 461, 489, "Mr. Fox")], None),
    ("m09", "df6a55fb", "variant", [("hpo", 1086, 1166, "Schiff"), ("nyt", 454, 550, "Mr. Schiff")], None),
    ("m10", "dd1e6e3b", "variant", [("fox", 1192, 1232, "Trump Jr."), ("nyt", 2272, 2312, "Mr. Trump")], None),
    ("m11", "dd1e6e3b", "variant", [("fox", 1681, 1992, "Alan Futerfas"), ("nyt", 1515, 1676, "Mr. Futerfas")], None),
    ("m12", "dd1e6e3b", "variant", [("fox", 2784, 2863, "Assange"), ("nyt", 3017, 3096, "Mr. Assange")], None),
    ("m13", "1f99798f", "variant", [("nyt", 2225, 2288, "He"), ("hpo", 950, 1013, "Trump")], None),
    ("m14", "86e6e27d", "variant", [("nyt", 3507, 3535, "Ms. Tlaib"), ("fox", 1484, 1512, "Tlaib")], None),
    ("m15", "86e6e27d", "variant", [("nyt", 5070, 5105, "Ms. Pelosi"), ("fox", 2158, 2404, "Pelosi")], None),
    ("m16", "6b541575", "different", [("nyt", 356, 596, "Mr. Etheridge"), ("hpo", 3846, 4152, "Etheridge")],
     (1, "Obama")),
    ("m17", "c99adbdd", "different", [("fox", 1352, 1506, "Labrador"), ("nyt", 325, 414, "Mr. Labrador")],
     (1, "Mr. Cantor")),
    ("m18", "d4a4bc34", "different", [("nyt", 1101, 1180, "Mr. Calderón"), ("fox", 1298, 1653, "Calderón")],
     (1, "Vicente Fox")),
    ("m19", "7a97de89", "different", [("fox", 238, 401, "LePage| said"), ("hpo", 683, 874, "LePage")], (1, "McCabe")),
    ("m20", "7a97de89", "different", [("nyt", 2531, 2708, "Michael Thibodeau"),
                                      ("hpo", 2482, 2659, "Senate President Mike Thibodeau")],
     (1, "House Republican Leader Ken Fredette")),
    ("m21", "8abec8d9", "different", [("hpo", 297, 325, "Fox"), ("nyt", 461, 489, "Mr. Fox")],
     (1, "Mr. Peña Nieto")),
    ("m22", "df6a55fb", "different", [("hpo", 1247, 1415, "Schiff"), ("nyt", 639, 749, "Mr. Schiff| told")],
     (1, "Mr. Flynn")),
    ("m23", "dd1e6e3b", "different", [("fox", 1681, 1992, "Alan Futerfas"), ("nyt", 1515, 1676, "Mr. Futerfas")],
     (1, "Mr. Assange")),
    ("m24", "dd1e6e3b", "different", [("fox", 2784, 2863, "Assange"), ("nyt", 3017, 3096, "Mr. Assange")],
     (1, "Mr. Warner")),
    ("m25", "1f99798f", "different", [("nyt", 2225, 2288, "He"), ("hpo", 950, 1013, "Trump")], (1, "Pelosi")),
    ("m26", "86e6e27d", "different", [("nyt", 3579, 3775, "Ms. Tlaib"), ("fox", 1559, 1748, "Tlaib")],
     (1, "Pelosi")),
    ("m27", "86e6e27d", "different", [("nyt", 5070, 5105, "Ms. Pelosi"), ("fox", 2158, 2404, "Pelosi")],
     (1, "McCarthy")),
    ("m28", "f688c56d", "different", [("nyt", 4751, 4811, "Mr. Trump"), ("hpo", 493, 607, "Trump")],
     (1, "Melania Trump")),
    ("m29", "7a97de89", "different", [("nyt", 405, 485, "he"), ("hpo", 1721, 1799, "LePage")],
     (1, "Ann LePage")),
]
#: How far around a quote its attribution is looked for when placing the mention.
REACH = 300


def sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def split_of(entry_id: str) -> str:
    """Fixed before tuning: ``tune`` when sha1("misattribution:<id>") starts with an even hex digit."""
    return "tune" if int(hashlib.sha1(f"misattribution:{entry_id}".encode()).hexdigest()[0], 16) % 2 == 0 else "report"


def place(text: str, start: int, end: int, mention: str) -> int:
    """Offset of ``mention`` nearest the quote (whole word), or exit naming what is missing."""
    best = None
    name, _, tail = mention.partition("|")
    mention = name + tail  # "LePage| said": the name where these words follow it
    pos = text.find(mention, max(0, start - REACH))
    while pos != -1 and pos < end + REACH:
        whole = (pos == 0 or not text[pos - 1].isalnum()) and not text[pos + len(mention):][:1].isalnum()
        inside = start <= pos < end
        if whole and not inside:
            dist = start - pos - len(mention) if pos < start else pos - end
            if best is None or dist < best[0]:
                best = (dist, pos)
        pos = text.find(mention, pos + 1)
    if best is None:
        sys.exit(f"mention {mention!r} not found near {start}-{end}")
    return best[1]


def main() -> None:
    events = {json.loads(line)["cluster_id"][:8]: json.loads(line) for line in DATA.open(encoding="utf-8")}
    with OUT.open("w", encoding="utf-8") as out:
        for entry_id, prefix, label, members, edit in ENTRIES:
            event = events[prefix]
            arts = {a["source"]: a for a in event["articles"]}
            rows = []
            for source, start, end, mention in members:
                art = arts[source]
                text = art["text"]
                at = place(text, start, end, mention)
                mention = mention.split("|")[0]
                rows.append({"article": art["article_id"], "source": source, "date": art.get("date") or event["date"],
                             "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                             "quote": [start, end], "quote_sha1": sha(text[start:end]),
                             "mention": [at, at + len(mention)], "mention_sha1": sha(mention)})
            record = {"id": entry_id, "set": "basil", "event": event["cluster_id"], "label": label,
                      "split": split_of(entry_id), "members": rows}
            if edit is not None:
                index, replacement = edit
                record["edit"] = {"member": index, "replace_mention_with": replacement}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
