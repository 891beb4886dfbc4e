"""The typed read: one validation, then records named by the claim file's keys."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tracker.claimfile import fields, read
from tracker.claimfile.schema import allowed_keys
from tracker.claimfile.store import read_claim_file
from tracker.errors import ClaimFileError

#: Typed records and their section; attributes that are not keys of the file say what they add.
RECORDS = {read.ArticleRead: ("article", {"raw"}), read.QuoteRead: ("quotes", {"position", "raw"}),
           read.ClaimRead: ("claims", {"raw"}), read.CorrectionRead: ("corrections", set())}

FILE = """\
article: {id: a1, path: a.txt, sha256: null, title: Mayor vows, outlet: Daily, published: "2024-05-01"}
quotes:
- id: q1
  text: we will rebuild
  spans: [[10, 25], [30, 5], [true, 40]]
  speaker: Jane Roe
  speaker_mention: {text: the mayor, span: [0, 9]}
  kind: direct
  review: {status: confirmed, by: ed, note: null, same_as: b1/q2}
claims:
- id: c1
  value: 200
  unit: null
  kind: count
  approximate: true
  bound: ">"
  low: null
  high: false
  surface: About 200
  span: [40, 49]
  sentence: About 200 people attended.
  counts: {predicate: null, scope: total}
  source_mention: {text: officials, span: [1, 2]}
  attribution: anonymous
  review: {status: unreviewed, by: null, note: null, resolved: checked the tally, different_from: [b1/c2, 7]}
"""


def _read(tmp_path: Path, text: str) -> read.ClaimRecords:
    path = tmp_path / "a1.yaml"
    path.write_text(text, encoding="utf-8")
    return read.read_records(read_claim_file(path))


def test_typed_records_are_named_by_the_claim_files_keys() -> None:
    for cls, (section, derived) in RECORDS.items():
        names = {f.name for f in dataclasses.fields(cls)} - derived
        keys = {*fields.record_keys(section), fields.ORPHANED}
        assert names <= keys, (cls.__name__, names - keys)
    assert {f.name for f in dataclasses.fields(read.ReviewRead)} == set(allowed_keys("review"))


def test_values_come_back_typed(tmp_path: Path) -> None:
    records = _read(tmp_path, FILE)
    assert records.article.id == "a1" and records.article.published == "2024-05-01"
    quote, claim = records.quotes[0], records.claims[0]
    assert quote.spans == ((10, 25),)  # malformed spans are left out
    assert quote.speaker_mention == read.MentionRead("the mayor", (0, 9))
    assert quote.review.same_as == ("b1/q2",) and quote.review.status == "confirmed"
    assert claim.value == 200 and isinstance(claim.value, int)
    assert claim.high is None  # a bool is no figure
    assert claim.bound == ">" and claim.attribution == "anonymous" and claim.source_mention == "officials"
    assert claim.counts is not None and claim.counts.scope == "total"
    assert claim.review.different_from == ("b1/c2", "7") and claim.review.resolved == "checked the tally"


@pytest.mark.parametrize(("old", "new", "field"), [
    ("kind: direct", "kind: quotation", "quote.kind"),
    ('bound: ">"', "bound: about", "claim.bound"),
    ("status: confirmed", "status: done", "quote.review.status"),
    ("attribution: anonymous", "attribution: rumour", "claim.attribution"),
])
def test_a_value_outside_an_enumeration_is_refused_with_its_line(tmp_path: Path, old: str, new: str,
                                                                 field: str) -> None:
    text = FILE.replace(old, new, 1)
    with pytest.raises(ClaimFileError) as caught:
        _read(tmp_path, text)
    assert caught.value.message.startswith(f"{field} must be one of ")
    assert caught.value.line == text[:text.index(new)].count("\n") + 1


def test_shape_guards_every_text_and_list_field_the_schema_declares() -> None:
    # The lists shape.py once kept by hand: each is now read from the schema, and they are all in it.
    assert {"title", "outlet", "published", "url", "body", "version", "version_of"} <= set(fields.text_keys("article"))
    assert {"speaker", "speaker_reason"} <= set(fields.text_keys("quotes"))
    assert {"unit", "measure", "bound", "source", "attribution", "quote"} <= set(fields.text_keys("claims"))
    assert {"text", "kind", "target", "target_kind", "reason"} <= set(fields.text_keys("corrections"))
    assert fields.list_keys("quotes") == ("spans",) and "links" in fields.list_keys("corrections")
    assert "id" not in fields.text_keys("claims")  # any scalar id is read as its text


@pytest.mark.parametrize(("old", "new", "message"), [
    ("sentence: About 200 people attended.", "sentence: [About, 200]", "claim.sentence must be text"),
    ("surface: About 200", "surface: 200", "claim.surface must be text"),
    ("span: [40, 49]", "span: {start: 40}", "claim.span must be a list"),
])
def test_the_report_refuses_a_field_of_the_wrong_type_with_its_line(tmp_path: Path, old: str, new: str,
                                                                    message: str) -> None:
    text = FILE.replace(old, new, 1)
    with pytest.raises(ClaimFileError) as caught:
        _read(tmp_path, text)
    assert caught.value.message.startswith(message)
    assert caught.value.line == text[:text.index(new)].count("\n") + 1


def test_an_unreviewed_review_with_a_decision_keeps_it(tmp_path: Path) -> None:
    text = FILE.replace("status: confirmed, by: ed, note: null, same_as: b1/q2", "status: unreviewed, same_as: b1/q2")
    assert _read(tmp_path, text).quotes[0].review.same_as == ("b1/q2",)
    plain = FILE.replace("status: confirmed, by: ed, note: null, same_as: b1/q2", "status: unreviewed, by: null")
    assert _read(tmp_path, plain).quotes[0].review is read.UNREVIEWED
