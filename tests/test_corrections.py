"""Correction, clarification, update and amendment notices: detection, linking, claim files, review."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SEEDS

from tracker.claimfile.store import read_claim_file
from tracker.cli import main
from tracker.extract import correction_records, extract_document
from tracker.extract.corrections import find_notices
from tracker.ingest import build_document
from tracker.report.model import build_report

STORY = ("Fire kills five in Springfield\n\n"
         "Five people were killed in a fire on Main Street on Tuesday, officials said.\n\n"
         "“We will rebuild this town together,” Mayor Jane Roe said.\n\n"
         "Fire Chief Tom Hale said 12 people were hurt.\n\n")


def notices(text: str) -> list[tuple[str, str]]:
    doc = build_document("x", "x.txt", text, {})
    return [(doc.body[n.span[0]:n.span[1]], n.kind) for n in find_notices(doc.body, doc.blocks)]


@pytest.mark.parametrize(("line", "kind"), [
    ("CORRECTION: An earlier version of this story misstated the number of people killed.", "correction"),
    ("An earlier version of this article misspelled the name of the fire chief.", "correction"),
    ("Clarification: This story has been updated to make clear that the fire began in a kitchen.", "clarification"),
    ("This story has been updated to include comments from the mayor.", "update"),
    ("(Amends quote in seventh paragraph to reflect official transcript.)", "amendment"),
    ("(Corrects spelling of name in paragraph 3)", "correction"),
    ("Editor's note: A previous version of this story incorrectly identified the fire chief.", "correction"),
    ("UPDATE: Police said Wednesday that a sixth victim had died.", "update"),
    ("Correction: Due to an editing error, the mayor was misidentified. We regret the error.", "correction"),
])
def test_notices_are_found_wherever_they_stand(line: str, kind: str) -> None:
    head, rest = STORY.split("\n\n", 1)
    for text in (line + "\n\n" + STORY, f"{head}\n\n{line}\n\n{rest}", STORY + line + "\n",
                 STORY.rstrip() + " " + line + "\n"):
        assert notices(text) == [(line, kind)], text


@pytest.mark.parametrize("line", [
    "Editor's note: This story is part of a series on fire safety in small towns.",
    "The council corrected the budget figures on Monday after an audit.",
    "Roe said the governor misstated the number of firefighters on duty.",
    "An update on the investigation is expected Friday, the chief said.",
])
def test_prose_and_introductions_are_not_notices(line: str) -> None:
    assert notices(line + "\n\n" + STORY) == []


def _records(text: str) -> tuple[list, list, list]:  # type: ignore[type-arg]
    doc = build_document("x", "x.txt", text, {})
    quotes, claims = extract_document(doc)
    return quotes, claims, correction_records(doc.body, doc.blocks, quotes, claims)


def test_a_notice_is_neither_a_quote_nor_a_claim() -> None:
    text = STORY + "Correction: An earlier version of this story misstated the number of people hurt as 21.\n"
    quotes, claims, notes = _records(text)
    assert 21 not in [c.value for c in claims]
    assert not any("misstated" in q.text for q in quotes)
    assert notes[0].was == "21"


def test_seed_001_amends_the_trump_quote_of_paragraph_seven_only() -> None:
    text = (SEEDS / "001_67fd44f88288fe61.txt").read_text(encoding="utf-8")
    quotes, _, notes = _records(text)
    assert len(notes) == 1
    note = notes[0]
    assert (note.kind, note.paragraph, note.target_kind, note.reason) == (
        "amendment", 7, "quote", "to reflect official transcript")
    linked = [q for q in quotes if q.id in note.links]
    assert [(q.text, q.speaker) for q in linked] == [("some will come here [to Iraq] for a stay.", "Trump")]


def test_links_follow_the_stated_figure_name_or_paragraph() -> None:
    quotes, claims, notes = _records(
        STORY + "Correction: An earlier version of this story misstated the number of people hurt. It was 12.\n")
    assert [c.surface for c in claims if c.id in notes[0].links] == ["12"]
    quotes, claims, notes = _records(
        STORY + "An earlier version of this story misspelled the name of Mayor Jane Roe.\n")
    assert [q.text for q in quotes if q.id in notes[0].links] == ["We will rebuild this town together,"]
    quotes, claims, notes = _records(STORY + "(Corrects figure in first paragraph)\n")
    assert [c.surface for c in claims if c.id in notes[0].links] == ["Five"]
    _, _, notes = _records(STORY + "(Corrects figure in second paragraph)\n")  # the headline is not counted
    assert notes[0].links == ()
    assert notes[0].link_reason == "no record of the stated kind stands where the notice points"


def test_a_notice_naming_nothing_links_nothing_and_says_why() -> None:
    _, _, notes = _records(STORY + "This story has been updated.\n")
    assert notes[0].links == () and notes[0].link_reason


def _extract(tmp_path: Path, runner: CliRunner) -> Path:
    out = tmp_path / "claims"
    result = runner.invoke(main, ["extract", str(tmp_path / "in"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_a_rejected_link_stays_rejected_across_runs(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SEEDS / "001_67fd44f88288fe61.txt", tmp_path / "in")
    out = _extract(tmp_path, runner)
    path = next(out.glob("001*.yaml"))
    text = path.read_text(encoding="utf-8")
    assert "links: [q081d5f807c]" in text
    path.write_text(text.replace("links: [q081d5f807c]", "links: []"), encoding="utf-8")
    _extract(tmp_path, runner)
    assert read_claim_file(path).corrections[0]["links"] == []
    assert runner.invoke(main, ["check", str(out)]).exit_code == 0
    report = build_report(out)
    assert report["corrections"][0]["links"] == [] and report["summary"]["corrections"] == 1


def test_check_refuses_a_link_to_no_record_and_a_bad_kind(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SEEDS / "001_67fd44f88288fe61.txt", tmp_path / "in")
    out = _extract(tmp_path, runner)
    path = next(out.glob("001*.yaml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("links: [q081d5f807c]", "links: [q0000000000]")
                    .replace("kind: amendment", "kind: erratum"), encoding="utf-8")
    result = runner.invoke(main, ["check", str(out)])
    assert result.exit_code == 1
    assert "correction link 'q0000000000' names no quote or claim of this article" in result.output
    assert "correction kind 'erratum' is not one of" in result.output


def test_articles_without_notices_get_no_corrections_key(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORY, encoding="utf-8")
    out = _extract(tmp_path, runner)
    assert "corrections" not in next(out.glob("a*.yaml")).read_text(encoding="utf-8")


def test_a_labelled_update_keeps_its_news_and_a_time_stamp_is_no_notice() -> None:
    _, claims, notes = _records(STORY + "UPDATE: Police arrested a 17-year-old boy on Wednesday.\n")
    assert [n.kind for n in notes] == ["update"] and 17 in [c.value for c in claims]
    stamp = "Updated: Saturday, October 22, 2016 @ 6:59 PM"
    assert notices(f"Fire kills five\n\n{stamp}\n\n" + STORY.split("\n\n", 1)[1]) == []
    assert notices(STORY + "UPDATE:\n\nPolice said more.\n") == []


def test_first_sentence_end_is_where_splitting_would_end_it() -> None:
    from tracker.records import Block
    from tracker.text import first_sentence_end, split_sentences

    body = "Correction: Gen. Smith spoke on Monday. An earlier version said Tuesday. More text"
    for start in (0, 40, 73):
        expected = next((e for _, e in split_sentences(body, [Block(start, len(body))])), len(body))
        assert first_sentence_end(body, start, len(body)) == expected
    assert first_sentence_end(body, 5, 5) == 5
