from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from tracker.cli import main
from tracker.errors import InputError, TrackerError
from tracker.ingest import Document, build_document, iter_documents
from tracker.ingest.decode import decode_text, strip_controls
from tracker.ingest.layout import analyse, is_dateline
from tracker.ingest.metadata import byline_parts, context_year, parse_date


def docs(*paths: Path) -> tuple[list[Document], list[TrackerError]]:
    problems: list[TrackerError] = []
    return list(iter_documents(list(paths), problems.append)), problems


def test_decode_handles_bom_utf16_and_newlines() -> None:
    assert decode_text(codecs.BOM_UTF8 + b"a\r\nb\rc", "x") == "a\nb\nc"
    assert decode_text("héllo\n".encode("utf-16"), "x") == "héllo\n"


def test_decode_repairs_mojibake_only_where_present() -> None:
    assert decode_text("Shiâ€™ite".encode(), "x") == "Shi’ite"
    clean = "“Quoted” — Shi’ite"
    assert decode_text(clean.encode(), "x") == clean


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"%PDF-1.4\x00\x01\x02"])
def test_binary_is_refused_by_name(data: bytes) -> None:
    with pytest.raises(InputError, match="binary") as info:
        decode_text(data, "pic.txt")
    assert str(info.value).startswith("pic.txt: ")


def test_invalid_utf8_names_file_and_line() -> None:
    with pytest.raises(InputError) as info:
        decode_text(b"ok\nbad \xff here", "a.txt")
    assert str(info.value).startswith("a.txt:2: not valid UTF-8")


def test_front_matter_sets_metadata_and_offsets_start_after_it(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: T\noutlet: O\nauthors: [A B]\npublished: 2020-03-04\n---\nHeadline here\n\nHe said “hi there.”\n",
        encoding="utf-8")
    [doc], problems = docs(tmp_path)
    assert not problems
    assert doc.article.title == "T" and doc.article.outlet == "O" and doc.article.published == "2020-03-04"
    assert doc.body.startswith("Headline here")


def test_sources_yaml_corrects_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title line\n\nBy Jane Roe | May 2, 2019\n\nBody text here.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.txt:\n  outlet: Daily\n  published: 2019-05-03\n", encoding="utf-8")
    [doc], _ = docs(tmp_path)
    assert doc.article.outlet == "Daily" and doc.article.published == "2019-05-03"
    assert doc.article.authors == ("Jane Roe",)


def test_jsonl_ids_and_errors_per_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "x1", "text": "One."}\n{broken\n{"title": "no text"}\n{"text": "Two."}\n', encoding="utf-8")
    found, problems = docs(path)
    assert [d.article.id[:2] for d in found] == ["x1", "c-"] and len(found[1].article.id) == 2 + 12
    assert [str(p).split(": ")[0] for p in problems] == [f"{path}:2", f"{path}:3"]


def test_jsonl_ids_come_from_the_article_never_its_line(tmp_path: Path) -> None:
    lines = ['{"id": "x1", "text": "One."}', '{"url": "https://example.org/a", "text": "Two."}',
             '{"title": "T", "text": "Three."}']
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = [d.article.id for d in docs(path)[0]]
    path.write_text("\n".join(['{"text": "New first line."}', *reversed(lines)]) + "\n", encoding="utf-8")
    after = [d.article.id for d in docs(path)[0]]
    assert before[:2] == ["x1", "https://example.org/a"] and before[2].startswith("c-")
    assert sorted(after[1:]) == sorted(before) and after[0] not in before


def test_seed_metadata_read_off_the_pages() -> None:
    found, problems = docs(SEEDS)
    assert not problems
    meta = {d.article.id[:3]: d.article for d in found}
    assert meta["000"].published == "2018-02-14" and meta["000"].authors == ("Patrick Goodenough",)
    assert meta["002"].published == "2018-08-30"  # "August 30 at 11:00 AM", year from context
    assert meta["003"].published == "2019-01-28"  # 28/1/2019, day first
    assert meta["003"].authors == ("Qassim Abdul-Zahra", "Zeina Karam")
    assert meta["002"].title is not None and meta["002"].title.startswith("Iraqi terrorist turned politician")


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    body = (SEEDS / "002_1dc1e192763713f9.txt").read_text(encoding="utf-8")
    layout = analyse(body)
    texts = [body[b.start:b.end] for b in layout.blocks]
    pollack = next(t for t in texts if t.startswith("“You read these reports"))
    assert pollack.endswith("in recent years.”") and "\n" in pollack


def test_furniture_is_left_out_by_general_rules() -> None:
    body = (
        "Sign In / Up\n\nYour email will not be displayed publicly\n\nBig headline about things\n\n"
        "By Jo Bloggs | March 3, 2020\n\nThe minister said the plan would cost 5 million dollars in total.\n\n"
        "Officials said more details would follow next week, according to the statement.\n\n"
        "Photo of the minister at the event. (Photo: Agency)\n\n"
        "Comments\n\nbob | 3/3/2020\nThis is a long reader comment with 99 numbers that is not article text.\n"
    )
    layout = analyse(body)
    texts = [body[b.start:b.end] for b in layout.blocks]
    assert texts[0] == "Big headline about things" and layout.blocks[0].role == "title"
    assert all("reader comment" not in t and "Sign In" not in t and "Photo" not in t for t in texts)
    assert len(texts) == 3


def test_chrome_lines_inside_the_article_remove_only_themselves() -> None:
    """A link line ("READ MORE: <headline>"), a media line, an advert marker or a related list set
    between paragraphs leaves the rest of the article in; the tail is cut where no prose follows."""
    from tracker.extract import extract_document

    path = Path(__file__).parent / "fixtures" / "furniture" / "inline_links.txt"
    body = path.read_text(encoding="utf-8")
    doc = build_document("inline", str(path), body, {})
    texts = [body[b.start:b.end] for b in doc.blocks if b.role == "text"]
    assert texts[1].startswith("“The bridge is older") and texts[2].startswith("“We cannot wait")
    assert texts[-1].startswith("Residents can comment on the detour plan")
    assert len(texts) == 6  # the lead, three quote paragraphs, two more of the story
    chrome = ("READ MORE", "WATCH", "Advertisement", "Story continues", "Related", "Bridge fund",
              "More stories", "Police seek", "reader comment")
    assert not any(c in t for t in texts for c in chrome)
    quotes, _ = extract_document(doc)
    direct = [(q.text, q.speaker) for q in quotes if q.kind == "direct"]
    assert [t for t, _ in direct] == ["The bridge is older than most of the people in this room,",
                                      "We cannot wait another winter,", "It is the right decision, even if it hurts,"]
    assert direct[0][1] == direct[2][1] == "Ruth Okafor"


def test_a_related_list_at_the_end_is_still_the_tail() -> None:
    body = ("Headline of the story\n\nThe first paragraph of the story has enough words in it.\n\n"
            "The second paragraph of the story also has enough words.\n\nRelated stories\n\n"
            "Man arrested after robbery downtown\n\nA teaser sentence under a headline runs on here.\n\n"
            "Bridge closes for repairs\n")
    texts = [body[b.start:b.end] for b in analyse(body).blocks]
    assert texts[-1].startswith("The second paragraph") and len(texts) == 3


def test_trailer_in_another_script_is_dropped() -> None:
    body = ("Headline words here\n\nA sentence of the article that is long enough to count.\n\n"
            "مطالب مارا در وبلاک دنبال کنید\n")
    texts = [body[b.start:b.end] for b in analyse(body).blocks]
    assert not any("مطالب" in t for t in texts)


def test_bylines_and_dates() -> None:
    assert byline_parts("By Patrick Goodenough | February 14, 2018 | 4:33am EST") == (
        ["Patrick Goodenough"], "February 14, 2018 4:33am EST")
    assert byline_parts("By Associated Press 28/1/2019") == (["Associated Press"], "28/1/2019")
    day = parse_date("28/1/2019")
    assert day is not None and day.isoformat() == "2019-01-28"
    later = parse_date("August 30 at 11:00 AM", context_year("In 2014, it fell. Now, four years later, ..."))
    assert later is not None and later.isoformat() == "2018-08-30"
    assert is_dateline("August 30 at 11:00 AM") and not is_dateline("August 30 was a good day for all of us")


def test_empty_and_whitespace_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    (tmp_path / "w.txt").write_text("  \n\n ", encoding="utf-8")
    found, problems = docs(tmp_path)
    assert not found and len(problems) == 2 and all("empty" in str(p) for p in problems)


def test_build_document_body_is_untouched() -> None:
    body = "Title\n\nSome “quoted” text,\nwrapped.\n"
    doc = build_document("x", "x.txt", body, {})
    assert doc.body == body


def test_a_given_title_keeps_a_story_that_starts_without_one() -> None:
    body = "Three people were killed early Monday in a shooting.\n\nPolice said more later.\n"
    meta = {"title": "Shooting leaves three dead"}
    blocks = build_document("x", "x", body, meta).blocks
    assert [b.role for b in blocks] == ["text", "text"]
    blocks = build_document("x", "x", "Shooting leaves three dead\n\n" + body, meta).blocks
    assert [b.role for b in blocks] == ["title", "text", "text"]


def test_controls_and_escape_sequences_never_become_claims_or_names(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A screen clear ("ESC[2J" read as "2 J"), colours, an OSC title and a NUL inside a name."""
    monkeypatch.chdir(tmp_path)
    body = ("Headline about the city\n\nThe bridge closed on Monday.\x1b[2J\x1b]0;owned\x07 "
            "“We will rebuild the bridge,” said Mayor Jane Do\x00e, after 12 people were hurt.\n\n"
            "The council\x1b[31m met\x1b[0m on Tuesday.\x9b1m\x7f\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(body.replace("\x00", ""), encoding="utf-8")  # NUL: binary in .txt
    (tmp_path / "in" / "c.jsonl").write_text(json.dumps({"id": "c", "text": body, "title": "T\x1b]0;x\x07itle"})
                                             + "\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["extract", "in", "--out", "claims", "-q"]).exit_code == 0
    for name in ("a", "c"):
        data = yaml.safe_load((tmp_path / "claims" / f"{name}.yaml").read_text(encoding="utf-8"))
        assert [c["surface"] for c in data["claims"]] == ["12"]
        assert {q["speaker"] for q in data["quotes"]} == {"Jane Doe"}
    assert data["article"]["title"] == "Title"
    # Spans and sha256 refer to the cleaned body, which check re-reads the same way.
    result = runner.invoke(main, ["check", "claims"])
    assert result.exit_code == 0 and result.output.endswith("no problems\n")


@given(st.text(alphabet=st.sampled_from("ab 1\n\t\x00\x07\x0c\x1b[]();m\x85\x9b\x9d\x7f\\")))
def test_strip_controls_leaves_no_control_and_is_idempotent(text: str) -> None:
    cleaned = strip_controls(text)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", cleaned)
    assert strip_controls(cleaned) == cleaned
