"""Markdown sections for corrections and story versions (kept apart from the main report writer).

Corrections list each notice with what it links to; versions list, per story, each step from
one version to the next: quotes amended word by word, figures updated, records and sentences
removed. Sections appear only when there is something to show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..text import plural
from .model import Report

Table = Callable[[list[str], list[list[Any]]], list[str]]


def record_texts(report: Report) -> dict[tuple[str, str], str]:
    """(article, record id) -> how a reader recognises the record: quote text, or figure in its sentence."""
    out = {(q["article"], q["quote_id"]): f"“{q['text']}”" for q in report["quotes"]}
    out.update({(c["article"], c["claim_id"]): f"{c['surface']} — {c['sentence']}" for c in report["claims"]})
    return out


def link_text(report: Report, note: dict[str, Any], texts: dict[tuple[str, str], str]) -> str:
    if not note["links"]:
        return f"nothing ({note.get('link_reason') or 'no link'})"
    return "; ".join(texts.get((note["article"], rid), rid) for rid in note["links"])


def corrections_section(report: Report, names: dict[str, str], table: Table) -> list[str]:
    notes = [n for n in report.get("corrections", []) if n["status"] != "rejected" and not n["orphaned"]]
    if not notes:
        return []
    texts = record_texts(report)
    out = [f"## Corrections and updates ({len(notes)})", ""]
    out += table(["source", "kind", "notice", "target", "reason", "points at"],
                 [[names.get(n["article"], n["article"]), n["kind"], n["text"],
                   n.get("target") or "", n.get("reason") or "", link_text(report, n, texts)] for n in notes])
    return [*out, ""]


def _change_row(step: dict[str, Any], change: dict[str, Any]) -> list[Any]:
    what = "quote" if change["section"] == "quotes" else "figure"
    if change["change"] in ("amended", "updated"):
        shown = change.get("diff") if what == "quote" else f"{change['old']} -> {change['new']} ({change['diff']})"
    else:
        shown = change.get("old") if change["change"] == "removed" else change.get("new")
    return [f"{step['from']} -> {step['to']}", f"{what} {change['change']}", shown]


def versions_section(report: Report, table: Table) -> list[str]:
    stories = report.get("versions", [])
    if not stories:
        return []
    notices = {(n["article"], n["correction_id"]): n["text"] for n in report.get("corrections", [])}
    out = [f"## Versions ({plural(len(stories), 'story', 'stories')})", ""]
    for story in stories:
        labels = ", ".join(f"{v['article']} ({v.get('version') or v.get('published') or 'undated'})"
                           for v in story["versions"])
        out += [*table(["story", "versions, oldest first"], [[story["story"], labels]]), ""]
        rows = [_change_row(step, c) for step in story["steps"] for c in step["changes"]]
        rows += [[f"{step['from']} -> {step['to']}", "sentence removed", s]
                 for step in story["steps"] for s in step.get("sentences_removed", [])]
        rows += [[f"{step['from']} -> {step['to']}", "notice added", notices.get((step["to"], n), n)]
                 for step in story["steps"] for n in step["corrections"]]
        out += table(["step", "change", "what"], rows) if rows else ["No change in quotes or figures."]
        out.append("")
    return out
