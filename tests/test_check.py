"""`tracker check`: one line per problem, path:line:col: [level] message (rule); exit 0/1 as linters do."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

import tracker.commands.check as check_module
from tracker.cli import main
from tracker.commands.check import check_paths
from tracker.commands.check_rules import EXAMPLE_BODY, EXAMPLE_CLAIM_FILE

BODY = EXAMPLE_BODY
SHA = hashlib.sha256(BODY.encode()).hexdigest()
GOOD = EXAMPLE_CLAIM_FILE  # the house example of tracker/commands/check_rules.py


def lint(tmp_path: Path, text: str, *, strict: bool = False, extra: dict[str, str] | None = None) -> list[str]:
    """Problems for one claim file ``claims/a.yaml`` whose article is ``a.txt``, as printed lines."""
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    folder = tmp_path / "claims"
    folder.mkdir(exist_ok=True)
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    for name, content in (extra or {}).items():
        (folder / name).write_text(content, encoding="utf-8")
    return [str(p).replace(f"{folder}/", "") for p in check_paths([folder], strict=strict)]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_good_file_has_no_problems(tmp_path: Path) -> None:
    assert lint(tmp_path, GOOD) == []
    assert lint(tmp_path, GOOD, strict=True) == []


def test_typo_bad_status_non_numeric_value_and_span_out_of_range_all_reported(
        runner: CliRunner, tmp_path: Path) -> None:
    broken = (GOOD.replace("    speaker: The mayor\n", "    speakr: The mayor\n")
              .replace("review: {status: confirmed, by: ed, note: null}\nclaims:",
                       "review: {status: aproved, by: ed, note: null}\nclaims:")
              .replace("value: 200", "value: two hundred")
              .replace("span: [37, 40]", "span: [37, 4000]"))
    lint(tmp_path, broken)
    result = runner.invoke(main, ["check", "claims"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    print(result.output)
    assert "claims/a.yaml:15:5: [error] unknown key 'speakr' in quote; did you mean 'speaker'? (unknown-key)" in lines
    assert ("claims/a.yaml:19:14: [error] review status 'aproved' is not one of unreviewed, confirmed, rejected, "
            "disputed (value)") in lines
    assert "claims/a.yaml:22:5: [error] claim value must be a number, not 'two hundred' (type)" in lines
    assert ("claims/a.yaml:30:5: [error] span [37, 4000] is out of range (article body has 54 characters) (span)"
            in lines)
    assert lines[4:] == ["checked 1 file (2 records): 4 errors"] and len(lines) == 5


def test_a_one_line_summary_after_the_problems(runner: CliRunner, tmp_path: Path) -> None:
    lint(tmp_path, GOOD)
    result = runner.invoke(main, ["check", "claims"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "checked 1 file (2 records): no problems\n")
    lint(tmp_path, GOOD.replace("review: {status: confirmed, by: ed, note: null}", "review: {status: unreviewed}", 1))
    result = runner.invoke(main, ["check", "--strict", "claims"])
    assert result.exit_code == 1
    assert result.stderr == "checked 1 file (2 records): 1 error\n"


def test_exit_codes(runner: CliRunner, tmp_path: Path) -> None:
    lint(tmp_path, GOOD)
    assert runner.invoke(main, ["check", "claims"]).exit_code == 0
    assert runner.invoke(main, ["check", "claims/a.yaml"]).exit_code == 0  # files, as pre-commit passes them
    missing = runner.invoke(main, ["check", "nope"])
    assert missing.exit_code == 1 and "Error: nope: no such file or folder" in missing.output
    assert runner.invoke(main, ["check"]).exit_code == 2


# One line per rule, as yamllint's rule tests: (edit of GOOD, expected problem line).
CASES = [
    (("  id: a\n", "  id: a\n  extra: 1\n"),
     "a.yaml:4:3: [error] unknown key 'extra' in article (allowed: id, path, sha256, title, outlet, authors, "
     "published, url, version, version_of, auto, body) (unknown-key)"),
    (('published: "2020-01-02"', "published: 2020/01/02"),
     "a.yaml:9:3: [error] article.published must be YYYY-MM-DD, not '2020/01/02' (value)"),
    (("  - id: c1\n", "  - id: q1\n"), None),  # ids are per section: no clash with the quote
    (("{text: The mayor, span", "{txt: The mayor, span"),
     "a.yaml:16:23: [error] unknown key 'txt' in speaker_mention; did you mean 'text'? (unknown-key)"),
    (("title: T", "title: 0000-00-00"),
     "a.yaml:6:10: [error] '0000-00-00' reads as a date but is not a real one (year 0 is out of range); correct it, "
     "or put it in double quotes to keep it as text (fix it in an editor; the file was left as it is, reviews "
     "included) (syntax)"),
    (("title: T", "title: \x1f"),
     "a.yaml:6:1: [error] malformed YAML: character '\\x1f' is not allowed; write it as an escape inside "
     "double quotes (syntax)"),
    (("kind: direct", "kind: quoted"),
     "a.yaml:18:5: [error] quote kind 'quoted' is not one of direct, partial, term, headline, indirect (value)"),
    (("span: [37, 40]", "span: [38, 41]"),
     "a.yaml:30:5: [warning] span [38, 41] no longer holds '200' (span-text)"),
    (("note: null}}\nclaims", "note: yes}}\nclaims"),
     "a.yaml:19:41: [error] .quotes[0].review.note reads as True with PyYAML (YAML 1.1) but 'yes' with YAML 1.2 "
     "readers; put it in double quotes (yaml-version)"),
    (("note: null}}\nclaims", "note: null, same_as: [b/q9]}}\nclaims"),
     "a.yaml:19:63: [error] review.same_as names b/q9, which is not in this folder; correct the "
     "ARTICLE-ID/RECORD-ID or remove the entry (unknown-ref)"),
    (("note: null}}\nclaims", "note: null, different_from: [a/c2]}}\nclaims"),
     "a.yaml:19:70: [error] review.different_from names a/c2, which is not in this folder; correct the "
     "ARTICLE-ID/RECORD-ID or remove the entry (unknown-ref)"),
    (("note: null}}\nclaims", "note: null, same_as: [q9]}}\nclaims"),
     "a.yaml:19:63: [error] review.same_as entries are ARTICLE-ID/RECORD-ID, not 'q9' (value)"),
    (("note: null}}\nclaims", "note: what?}}\nclaims"),
     "a.yaml:19:51: [error] PyYAML (yaml.safe_load) cannot read this: inside [...] or {...}, a value holding "
     ", : ? # [ ] { } must be in double quotes (fix it in an editor; the file was left as it is, reviews included) "
     "(syntax)"),
]


@pytest.mark.parametrize(("edit", "expected"), CASES)
def test_rule(tmp_path: Path, edit: tuple[str, str], expected: str | None) -> None:
    text = GOOD
    old, new = (e.replace("{{", "{").replace("}}", "}") for e in edit)
    assert old in text
    assert lint(tmp_path, text.replace(old, new, 1)) == ([expected] if expected else [])


def test_duplicate_ids(tmp_path: Path) -> None:
    doubled = GOOD.replace("claims:\n", GOOD[GOOD.index("  - id: q1"):GOOD.index("claims:")] + "claims:\n")
    assert lint(tmp_path, doubled) == ["a.yaml:20:5: [error] duplicate id 'q1' (first at line 12) (duplicate-id)"]


def test_stale_and_vanished_sources(tmp_path: Path) -> None:
    lint(tmp_path, GOOD)
    (tmp_path / "a.txt").write_text(BODY.replace("200", "300"), encoding="utf-8")
    problems = [str(p) for p in check_paths([tmp_path / "claims"])]
    assert any("[warning] article text changed since extraction (stale)" in p and "(stale-source)" in p
               for p in problems)
    # A changed text is not read further: spans checked against it would disclose what it holds.
    assert not any("(span-text)" in p for p in problems)
    (tmp_path / "a.txt").unlink()
    problems = [str(p) for p in check_paths([tmp_path / "claims"])]
    assert problems == [f"{tmp_path / 'claims' / 'a.yaml'}:4:3: [warning] article source 'a.txt' not found "
                        "(moved or deleted) (stale-source)"]


def test_orphaned_records_warn_until_rejected(tmp_path: Path) -> None:
    orphan = GOOD.replace("    review: {status: confirmed, by: ed, note: null}\nclaims:",
                          "    review: {status: confirmed, by: ed, note: null}\n    orphaned: true\nclaims:")
    orphan = orphan.replace("spans: [[16, 31]]", "spans: [[16, 3100]]")
    assert lint(tmp_path, orphan) == [
        "a.yaml:20:5: [warning] quote q1 is orphaned: its text is gone from the article; reject it "
        "(review.status: rejected) or delete it (orphaned)"]
    assert lint(tmp_path, orphan.replace("status: confirmed, by: ed, note: null}\n    orphaned",
                                         "status: rejected, by: ed, note: null}\n    orphaned")) == []


def test_strict_fails_on_unreviewed_and_unresolved(tmp_path: Path, runner: CliRunner) -> None:
    text = GOOD.replace("review: {status: confirmed, by: ed, note: null}", "review: {status: unreviewed}", 1)
    text = text.replace("review: {status: confirmed, by: ed, note: null}", "review: {status: disputed}", 1)
    assert lint(tmp_path, text) == []
    assert lint(tmp_path, text, strict=True) == [
        "a.yaml:12:5: [error] quote q1 is not reviewed yet (unreviewed)",
        "a.yaml:32:14: [error] disputed record has no 'resolved' reason (unresolved)"]
    assert runner.invoke(main, ["check", "claims"]).exit_code == 0
    assert runner.invoke(main, ["check", "--strict", "claims"]).exit_code == 1


def test_reviews_file_is_checked(tmp_path: Path) -> None:
    reviews = ("quote_clusters:\n  qc-a-q1: {status: confirmed, by: ed}\n  qc-gone: {status: confirmd}\n"
               "claim_groups: {}\nclusters: {}\n")
    problems = lint(tmp_path, GOOD, extra={"_reviews.yaml": reviews})
    assert problems == [
        "_reviews.yaml:5:1: [error] unknown key 'clusters' in _reviews.yaml; did you mean 'quote_clusters'? "
        "(unknown-key)",
        "_reviews.yaml:3:3: [error] no quote cluster 'qc-gone' in the report, so this review applies to nothing; "
        "move the review to the quote cluster's current id (tracker report --format json lists them) (unknown-id)",
        "_reviews.yaml:3:13: [error] review status 'confirmd' is not one of unreviewed, confirmed, rejected, "
        "disputed; did you mean 'confirmed'? (value)",
    ]


def test_the_four_problems_are_found_even_without_the_article(runner: CliRunner, tmp_path: Path) -> None:
    broken = (GOOD.replace("    speaker: The mayor\n", "    speakr: The mayor\n")
              .replace("review: {status: confirmed, by: ed, note: null}\nclaims:",
                       "review: {status: aproved, by: ed, note: null}\nclaims:")
              .replace("value: 200", "value: two hundred")
              .replace("span: [37, 40]", "span: [37, 4000]"))
    lint(tmp_path, broken)
    (tmp_path / "a.txt").unlink()
    result = runner.invoke(main, ["check", "claims"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line.split(": [")[0] for line in lines if "[error]" in line] == [
        "claims/a.yaml:15:5", "claims/a.yaml:19:14", "claims/a.yaml:22:5", "claims/a.yaml:30:5"]
    assert "claims/a.yaml:30:5: [error] span [37, 4000] is out of range: 3963 characters for '200' (3) (span)" in lines


def _extracted(tmp_path: Path, runner: CliRunner) -> Path:
    """``claims/`` as ``tracker extract`` writes it for one article (ids from content, ``auto`` set)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BODY, encoding="utf-8")
    assert runner.invoke(main, ["extract", "in", "--out", "claims", "-q"]).exit_code == 0
    assert runner.invoke(main, ["check", "claims"]).exit_code == 0
    return tmp_path / "claims"


def test_two_claim_files_of_one_article_id_are_an_error_naming_both(runner: CliRunner, tmp_path: Path) -> None:
    claims = _extracted(tmp_path, runner)
    (claims / "copy.yaml").write_bytes((claims / "a.yaml").read_bytes())
    result = runner.invoke(main, ["check", "claims"])
    errors = [line for line in result.output.splitlines() if "(duplicate-article)" in line]
    assert result.exit_code == 1 and len(errors) == 2
    assert errors[0].startswith("claims/a.yaml:3:3: [error] article id 'a' is also the article id of copy.yaml")
    assert errors[1].startswith("claims/copy.yaml:3:3: [error] article id 'a' is also the article id of a.yaml")
    # Named alone (pre-commit passes changed files), the file is still checked against its folder.
    assert "copy.yaml" in runner.invoke(main, ["check", "claims/a.yaml"]).output


def test_an_edited_record_id_is_an_error_with_the_id_to_restore(runner: CliRunner, tmp_path: Path) -> None:
    claims = _extracted(tmp_path, runner)
    text = (claims / "a.yaml").read_text(encoding="utf-8")
    original = text.split("claims:\n  - id: ", 1)[1].split("\n", 1)[0]
    (claims / "a.yaml").write_text(text.replace(f"id: {original}", "id: c0000000000"), encoding="utf-8")
    result = runner.invoke(main, ["check", "claims"])
    assert result.exit_code == 1
    assert (f"[error] claim id 'c0000000000' is not the id of its text: re-runs match records by id, so it "
            f"would lose its review; restore id: {original} (edited-id)") in result.output
    # A corrected kind changes no id that check accepts; hand-made files (no `auto`) may use any id.
    kind = text.split("quotes:\n", 1)[1].split("    kind: ", 1)[1].split("\n", 1)[0]
    other = "partial" if kind == "indirect" else "indirect"  # also flips the kind in the id's key
    (claims / "a.yaml").write_text(text.replace(f"kind: {kind}", f"kind: {other}", 1), encoding="utf-8")
    assert runner.invoke(main, ["check", "claims"]).exit_code == 0


def test_a_duplicated_key_in_reviews_file_is_a_check_error(runner: CliRunner, tmp_path: Path) -> None:
    claims = _extracted(tmp_path, runner)
    (claims / "_reviews.yaml").write_text("claim_groups: {}\nclaim_groups: {}\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "claims"])
    assert result.exit_code == 1
    assert result.output.startswith("claims/_reviews.yaml:2:1: [error] malformed YAML: duplicate key "
                                    "'claim_groups'")


@pytest.mark.parametrize("edit", [(("", ""), None), *CASES], ids=lambda e: repr(e[0][1])[:30] if e else "")
def test_the_fast_reader_gives_the_problems_ruamel_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          edit: tuple[tuple[str, str], str | None]) -> None:
    """Well-formed files are read at C speed (``yaml_positions``); every problem and position
    must be what the ruamel reader, which reads the rest, reports."""
    old, new = (e.replace("{{", "{").replace("}}", "}") for e in edit[0])
    text = GOOD.replace(old, new, 1) if old else GOOD
    fast = lint(tmp_path, text, strict=True)
    monkeypatch.setattr(check_module, "read_positioned", lambda text: None)
    assert fast == lint(tmp_path, text, strict=True)


def test_the_fast_reader_agrees_on_the_seed_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [ROOT / "claims", ROOT / "tests" / "fixtures" / "small" / "claims",
               ROOT / "tests" / "fixtures" / "conflicts" / "claims"]
    monkeypatch.chdir(ROOT)
    fast = [str(p) for p in check_paths(folders, strict=True)]
    monkeypatch.setattr(check_module, "read_positioned", lambda text: None)
    assert fast == [str(p) for p in check_paths(folders, strict=True)]


def test_a_well_formed_claim_file_is_never_read_by_the_slow_readers(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """ruamel's round-trip reader and PyYAML's pure one cost ~19 s and 160 MB per MB of claim file."""
    def slow(*args: object) -> None:
        raise AssertionError("a slow YAML reader was used")

    monkeypatch.setattr(check_module, "parse_roundtrip", slow)
    monkeypatch.setattr(check_module.yaml, "safe_load", slow)
    assert lint(tmp_path, GOOD, strict=True) == []
