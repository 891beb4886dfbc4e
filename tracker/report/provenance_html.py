"""The HTML report's view of corrections and story versions: plain data for the template.

Each notice links to the highlighted records it points at; each version step shows quotes
amended word by word (``<del>``/``<ins>``), figures updated, records and sentences removed.
"""

from __future__ import annotations

from typing import Any

from .model import Report
from .view import Row, anchor, word_diff

_SECTION_KIND = {"quotes": "q", "claims": "c"}


def _target(report: Report, article: str, rid: str, texts: dict[tuple[str, str], str]) -> Row:
    kind = "q" if rid.startswith("q") else "c"
    return Row({"href": "#" + anchor(article, kind, rid), "text": texts.get((article, rid), rid)})


def corrections_view(report: Report, names: dict[str, str]) -> list[Row]:
    texts = {(q["article"], q["quote_id"]): q["text"] for q in report["quotes"]}
    texts.update({(c["article"], c["claim_id"]): f"{c['surface']} ({c['sentence']})" for c in report["claims"]})
    return [Row({"source": names.get(n["article"], n["article"]), "href": "#" + anchor(n["article"]),
                 "kind": n["kind"], "text": n["text"], "target": n.get("target"), "reason": n.get("reason"),
                 "links": [_target(report, n["article"], rid, texts) for rid in n["links"]],
                 "link_reason": n.get("link_reason")})
            for n in report.get("corrections", []) if n["status"] != "rejected" and not n["orphaned"]]


def _change(step: dict[str, Any], change: dict[str, Any]) -> Row:
    section = change["section"]
    old, new = change.get("old"), change.get("new")
    if change["change"] == "amended":
        tokens = word_diff(str(old or ""), str(new or ""))
    elif change["change"] == "updated":
        tokens = [("delete", str(old)), ("insert", str(new)), ("equal", f"in: {change.get('diff', '')}")]
    elif change["change"] == "removed":
        tokens = [("delete", str(old or ""))]
    else:
        tokens = [("insert", str(new or ""))]
    rid = change.get("new_id") or change.get("old_id")
    article = step["to"] if change.get("new_id") else step["from"]
    return Row({"what": "quote" if section == "quotes" else "figure", "change": change["change"], "diff": tokens,
                "href": "#" + anchor(article, _SECTION_KIND[section], str(rid))})


def versions_view(report: Report, names: dict[str, str]) -> list[Row]:
    notices = {(n["article"], n["correction_id"]): n["text"] for n in report.get("corrections", [])}
    out = []
    for story in report.get("versions", []):
        label = {v["article"]: str(v.get("version") or v.get("published") or v["article"]) for v in story["versions"]}
        steps = [Row({"label": f"{label.get(s['from'], s['from'])} → {label.get(s['to'], s['to'])}",
                      "changes": [_change(s, c) for c in s["changes"]],
                      "removed": s.get("sentences_removed", []),
                      "notices": [notices.get((s["to"], n), n) for n in s["corrections"]]})
                 for s in story["steps"]]
        out.append(Row({"story": story["story"], "steps": steps,
                        "versions": [Row({"article": v["article"], "href": "#" + anchor(str(v["article"])),
                                          "label": v.get("version") or v.get("published") or "undated"})
                                     for v in story["versions"]]}))
    return out
