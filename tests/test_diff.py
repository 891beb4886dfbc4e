"""`tracker diff`: changes in meaning between two folders or two git revisions of claim files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from tracker.cli import main
from tracker.commands.diff import word_diff

ARTICLE = ("Mayor vows to rebuild\n\n"
           "The mayor said “we will rebuild the bridge by spring” on Monday. About 200 people attended.\n\n"
           "Officials said 40 people were killed in the flood in Springfield on Sunday.\n")
OTHER = ("Flood toll rises\n\n"
         "Officials said 45 people were killed in the flood in Springfield on Sunday.\n")


def git(*args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], capture_output=True, text=True, env=env, check=True).stdout


def cli(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("needs git")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    git("init", "-q")
    cli("extract", "in", "--out", "claims", "--quiet")
    git("add", "-A")
    git("commit", "-qm", "first")
    return tmp_path


def commit_rerun(message: str) -> None:
    cli("extract", "in", "--out", "claims", "--quiet")
    git("add", "-A")
    git("commit", "-qm", message)


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("we will rebuild the bridge", "we will repair the bridge", "we will [-rebuild-]{+repair+} the bridge"),
    ("a b c", "a c", "a [-b-] c"),
    ("a c", "a b c", "a {+b+} c"),
    ("same words", "same  words", "same words"),
])
def test_word_diff(old: str, new: str, expected: str) -> None:
    assert word_diff(old, new) == expected


def test_amended_quote_between_two_git_revisions_reads_word_by_word(repo: Path) -> None:
    source = repo / "in" / "a.txt"
    amended = ARTICLE.replace("we will rebuild the bridge by spring", "we will repair the old bridge by spring")
    source.write_text(amended, encoding="utf-8")
    commit_rerun("article amended")
    out = cli("diff", "HEAD~1", "HEAD", "--path", "claims")
    print(out)
    amended = [line for line in out.splitlines() if " amended: " in line]
    assert len(amended) == 1
    assert amended[0].startswith("a: quote q") and amended[0].endswith(
        "amended: we will [-rebuild-]{+repair+} the {+old+} bridge by spring (the old record is kept, orphaned)")
    assert "a: article text changed (sha256)" in out
    assert cli("diff", "HEAD~1:claims", "HEAD:claims") == out  # REV:PATH form
    assert cli("diff", "HEAD~1", "HEAD", "--exit-code", code=1) == out
    assert cli("diff", "HEAD", "HEAD", "--exit-code") == ""
    assert cli("diff", "HEAD") == ""  # against the working folder: nothing uncommitted


def test_speaker_value_and_review_changes_between_folders(repo: Path) -> None:
    shutil.copytree(repo / "claims", repo / "before")
    path = repo / "claims" / "a.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    speaker: The mayor\n", "    speaker: Mayor Bob Smith\n", 1)
    text = text.replace("value: 200", "value: 250", 1)
    text = text.replace("review: {status: unreviewed, by: null, note: null}",
                        "review: {status: confirmed, by: ed, note: tape}", 1)
    path.write_text(text, encoding="utf-8")
    lines = cli("diff", "before", "claims").splitlines()
    assert any(line.endswith("speaker: “The mayor” -> “Mayor Bob Smith”") for line in lines)
    assert any("value: 200 -> 250 in “About 200 people attended.”" in line for line in lines)
    assert any(line.endswith("review: status unreviewed -> confirmed, by null -> ed, note null -> tape")
               for line in lines)
    assert len(lines) == 3


def test_added_and_removed_articles_and_verdict_changes(repo: Path) -> None:
    (repo / "in" / "b.txt").write_text(OTHER, encoding="utf-8")
    commit_rerun("second article")
    out = cli("diff", "HEAD~1", "HEAD")
    assert "b: + article “Flood toll rises” (1 quotes, 1 claims)" in out  # the reported speech
    assert "report: + claim group cg-a-" in out and ": conflict (40 in a vs 45 in b" in out
    (repo / "claims" / "_reviews.yaml").write_text(
        "claim_groups:\n  " + out.split("+ claim group ")[1].split(":")[0]
        + ": {status: confirmed, by: ed, resolved: the toll rose}\n", encoding="utf-8")
    out = cli("diff", "HEAD")
    assert "verdict conflict -> consistent (resolved by review: the toll rose)" in out
    assert "review: status unreviewed -> confirmed, by null -> ed, resolved null -> “the toll rose”" in out
    shutil.rmtree(repo / "in")
    (repo / "claims" / "b.yaml").unlink()
    assert "b: - article “Flood toll rises”" in cli("diff", "HEAD")


def test_a_revision_without_claims_diffs_as_everything_added(repo: Path) -> None:
    (repo / "README").write_text("x\n", encoding="utf-8")
    git("rm", "-rq", "--cached", "claims")
    git("commit", "-qm", "no claims yet")
    out = cli("diff", "HEAD", "--exit-code", code=1)
    assert out.startswith("a: + article “Mayor vows to rebuild” (3 quotes, 2 claims)")


def test_errors_exit_2(repo: Path) -> None:
    result = CliRunner().invoke(main, ["diff", "no-such-rev", "HEAD", "--exit-code"])
    assert result.exit_code == 2 and "Error: git ls-tree" in result.output
    result = CliRunner().invoke(main, ["diff", "HEAD", "--path", "nowhere"])
    assert result.exit_code == 2 and "Error: nowhere: no such folder of claim files" in result.output
    result = CliRunner().invoke(main, ["diff", "HEAD", "HEAD", "--path", "nowhere"])
    assert result.exit_code == 2 and "no claim files in HEAD:nowhere or HEAD:nowhere" in result.output


@given(st.lists(st.sampled_from("a b c d e f".split()), max_size=12),
       st.lists(st.sampled_from("a b c d e f".split()), max_size=12))
def test_word_diff_holds_both_sides(old: list[str], new: list[str]) -> None:
    marked = word_diff(" ".join(old), " ".join(new))
    before = re.sub(r"\{\+.*?\+\}", " ", marked).replace("[-", " ").replace("-]", " ")
    after = re.sub(r"\[-.*?-\]", " ", marked).replace("{+", " ").replace("+}", " ")
    assert before.split() == old and after.split() == new


def _committed_diff(repo: Path) -> Result:
    git("commit", "-qm", "hostile entries")
    return CliRunner().invoke(main, ["diff", "HEAD", "--path", "claims"])


def test_a_committed_claim_file_that_is_not_utf8_is_an_error_line(repo: Path) -> None:
    (repo / "claims" / "z.yaml").write_bytes(b"article: {id: z, title: \xff\xfe}\n")
    git("add", "-A")
    result = _committed_diff(repo)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Error: HEAD:claims/z.yaml: not valid UTF-8" in result.output


def test_a_submodule_named_yaml_and_a_name_with_a_newline_are_read_or_skipped(repo: Path) -> None:
    head = git("rev-parse", "HEAD").strip()
    git("update-index", "--add", "--cacheinfo", f"160000,{head},claims/sub.yaml")
    shutil.copy(repo / "claims" / "a.yaml", repo / "claims" / "new\nline.yaml")
    git("add", "claims")
    result = _committed_diff(repo)
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
