"""A reviewer edits claim files in git; re-running extraction keeps every edit and changes only what changed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import SEEDS

from tracker.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

ARTICLE = (
    "Mayor vows to rebuild\n\n"
    "The mayor said “we will rebuild the bridge by spring” on Monday. About 200 people attended the meeting.\n\n"
    "“The budget is 5 million dollars,” said the treasurer, Ann Lee. Officials counted 12 trucks.\n\n"
    "Residents said “we are tired of waiting” and left.\n"
)


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout


def changed_lines(repo: Path) -> tuple[list[str], list[str]]:
    """Lines added and removed in claims/ since the last commit."""
    diff = git(repo, "diff", "--unified=0", "--", "claims")
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    return added, removed


def offsets_blanked(line: str) -> str:
    return re.sub(r"\d+", "N", line)


def record_lines(lines: list[str], start: str) -> list[str]:
    """The lines of the record that begins with ``start``, up to the next record or section."""
    begin = lines.index(start)
    end = next((i for i in range(begin + 1, len(lines)) if not lines[i].startswith("    ")), len(lines))
    return lines[begin:end]


def extract(repo: Path, source: str = "in") -> None:
    result = CliRunner().invoke(main, ["extract", source, "--out", "claims", "--quiet"])
    assert result.exit_code == 0, result.output


def record(data: dict[str, object], section: str, predicate: object) -> dict[str, object]:
    records = data[section]
    assert isinstance(records, list)
    found = [r for r in records if callable(predicate) and predicate(r)]
    assert len(found) == 1, found
    return found[0]  # type: ignore[no-any-return]


def review_edits(text: str, ids: dict[str, str]) -> str:
    """What a reviewer types: a status and note, comment lines, a corrected speaker, decisions."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    current = None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("- id: "):
            current = stripped[len("- id: "):]
            if current == ids["bridge"]:
                out.append("  # the mayor's office confirmed this quote\n")
            if current == ids["tired"]:
                out.append("  # residents' association, see their statement\n")
        if current == ids["bridge"] and stripped.startswith("review:"):
            line = "    review: {status: confirmed, by: ed, note: 'checked the tape: it is the mayor'}\n"
        if current == ids["budget"] and stripped.startswith("speaker:"):
            line = "    speaker: Ann Lee  # named in the next sentence\n"
        if current == ids["tired"] and stripped.startswith("review:"):
            line = "    review: {status: disputed, by: ed, note: paraphrase}\n"
        if current == ids["trucks"] and stripped.startswith("review:"):
            line = ("    review: {status: confirmed, by: ed, note: null, same_as: [other/c0000000001], "
                    "different_from: [other/c0000000002]}\n")
        out.append(line)
    return "".join(out)


def test_reviewer_edits_survive_reruns_and_the_diff_is_only_what_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    source = tmp_path / "in" / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    git(tmp_path, "init", "-q")
    extract(tmp_path)
    claim_file = tmp_path / "claims" / "a.yaml"
    data = yaml.safe_load(claim_file.read_text(encoding="utf-8"))
    ids = {
        "bridge": str(record(data, "quotes", lambda r: "bridge" in r["text"])["id"]),
        "budget": str(record(data, "quotes", lambda r: "budget" in r["text"])["id"]),
        "tired": str(record(data, "quotes", lambda r: "tired" in r["text"])["id"]),
        "trucks": str(record(data, "claims", lambda r: r["value"] == 12)["id"]),
    }
    claim_file.write_text(review_edits(claim_file.read_text(encoding="utf-8"), ids), encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "extract and review")
    reviewed = claim_file.read_text(encoding="utf-8")
    edits = ["  # the mayor's office confirmed this quote\n",
             "    review: {status: confirmed, by: ed, note: 'checked the tape: it is the mayor'}\n",
             "    speaker: Ann Lee  # named in the next sentence\n",
             "  # residents' association, see their statement\n",
             "    review: {status: disputed, by: ed, note: paraphrase}\n",
             "different_from: [other/c0000000002]}\n"]
    assert all(edit in reviewed for edit in edits)

    # 1. Unchanged article: nothing changes, byte for byte.
    extract(tmp_path)
    added, removed = changed_lines(tmp_path)
    print(f"\nre-run, article unchanged: +{len(added)} -{len(removed)} lines in claims/")
    assert (added, removed) == ([], [])
    assert claim_file.read_text(encoding="utf-8") == reviewed

    # 2. Changed article: a paragraph added at the top (new quote, new claim), the disputed quote deleted.
    source.write_text(ARTICLE.replace("Mayor vows to rebuild\n\n", "Mayor vows to rebuild\n\n"
                                      "A councillor said “this is new” today, and 7 more joined.\n\n")
                      .replace("Residents said “we are tired of waiting” and left.\n", ""), encoding="utf-8")
    extract(tmp_path)
    added, removed = changed_lines(tmp_path)
    print(f"re-run, article changed: +{len(added)} -{len(removed)} lines in claims/")
    print("".join(f"  -{line}\n" for line in removed) + "".join(f"  +{line}\n" for line in added))
    after = claim_file.read_text(encoding="utf-8")
    assert all(edit in after for edit in edits)
    # Added: the new quote and the new claim, the deleted quote's orphan mark, the new body hash,
    # and the offsets that shifted; removed: only the old hash and old offsets.
    after_lines = after.splitlines()
    new_records = [line for line in added if line.startswith("  - id: ")]
    assert len(new_records) == 2  # the new quote and the new claim
    rest = list(added)
    for line in [line for start in new_records for line in record_lines(after_lines, start)]:
        rest.remove(line)
    rest.remove("    orphaned: true")
    assert [line.split(":")[0] for line in removed if line.startswith("  sha256:")] == ["  sha256"]
    assert [line.split(":")[0] for line in rest if line.startswith("  sha256:")] == ["  sha256"]
    shifted = [line for line in removed if not line.startswith("  sha256:")]
    # A quote's spans, its speaker mention's span, a claim's span and source mention: each line otherwise the same.
    offsets = ("spans", "span", "speaker_mention", "source_mention")
    assert shifted and all(line.strip().split(":")[0] in offsets for line in shifted)
    assert [offsets_blanked(line) for line in rest if not line.startswith("  sha256:")] == [
        offsets_blanked(line) for line in shifted]
    data = yaml.safe_load(after)
    tired = record(data, "quotes", lambda r: r["id"] == ids["tired"])
    assert tired["orphaned"] is True and tired["review"]["status"] == "disputed"
    assert record(data, "quotes", lambda r: r["id"] == ids["budget"])["speaker"] == "Ann Lee"
    trucks = record(data, "claims", lambda r: r["id"] == ids["trucks"])
    assert trucks["review"]["same_as"] == ["other/c0000000001"]
    assert "orphaned" not in record(data, "quotes", lambda r: r["id"] == ids["bridge"])

    # 3. And a second re-run of the changed article is again a no-op.
    git(tmp_path, "commit", "-qam", "re-run")
    extract(tmp_path)
    assert changed_lines(tmp_path) == ([], [])


def test_rerun_on_the_seeds_changes_nothing_and_an_appended_paragraph_only_adds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    git(tmp_path, "init", "-q")
    extract(tmp_path, "seeds")
    files = sorted((tmp_path / "claims").glob("*.yaml"))
    first = files[0]
    text = first.read_text(encoding="utf-8")
    text = text.replace("review: {status: unreviewed, by: null, note: null}",
                        "review: {status: confirmed, by: desk, note: ok}  # spot-checked", 1)
    first.write_text(text, encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "seeds")
    extract(tmp_path, "seeds")
    added, removed = changed_lines(tmp_path)
    print(f"\nseeds re-run, unchanged: +{len(added)} -{len(removed)} lines over {len(files)} claim files")
    assert (added, removed) == ([], [])

    article = tmp_path / "seeds" / f"{first.stem}.txt"
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n")
                       + "\n\nA spokesman said “we have nothing to add” about the 3 reports.\n", encoding="utf-8")
    extract(tmp_path, "seeds")
    added, removed = changed_lines(tmp_path)
    print(f"seeds re-run, one paragraph appended to {article.name}: +{len(added)} -{len(removed)} lines")
    print("".join(f"  -{line}\n" for line in removed) + "".join(f"  +{line}\n" for line in added))
    assert [line.split(":")[0].strip() for line in removed] == ["sha256"]
    assert "# spot-checked" in first.read_text(encoding="utf-8")
    assert any("we have nothing to add" in line for line in added)
