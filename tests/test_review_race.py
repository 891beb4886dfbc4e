"""A reviewer saves a claim file while a run merges it: the save is never lost; comments stay."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tracker.claimfile import store
from tracker.cli import main

ARTICLE = ("Headline about the city\n\nThe mayor said “we will rebuild the bridge” after 12 people were hurt.\n\n"
           "The governor said “we are watching closely” as 40 homes burned.\n")
REVIEWED = "review: {status: confirmed, by: ed, note: null}"
SAVED = "review: {status: disputed, by: ann, note: saved during the run}"


def _extract(tmp_path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "claims"), "-q"])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def claim_file(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert _extract(tmp_path)[0] == 0
    path = tmp_path / "claims" / "a.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("review: {status: unreviewed, by: null, note: null}", REVIEWED, 1), encoding="utf-8")
    (tmp_path / "in" / "a.txt").write_text(ARTICLE.replace("40 homes", "41 homes"), encoding="utf-8")
    return path


def _saving_during_dump(path: Path, rounds: int) -> Callable[..., str]:
    """ruamel's dump, with a reviewer's save landing on disk during the first ``rounds`` calls."""
    real_dump = store.dump
    calls = [0]

    def dump(doc: Any, header: str = "") -> str:
        calls[0] += 1
        if calls[0] <= rounds:
            text = path.read_text(encoding="utf-8")
            edited = text.replace(REVIEWED, SAVED) if REVIEWED in text else text + f"# save {calls[0]}\n"
            path.write_text(edited, encoding="utf-8")
        return real_dump(doc, header)

    return dump


def test_save_during_merge_is_merged_again(claim_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "dump", _saving_during_dump(claim_file, rounds=1))
    assert _extract(claim_file.parent.parent)[0] == 0
    text = claim_file.read_text(encoding="utf-8")
    assert SAVED in text and REVIEWED not in text  # the reviewer's save
    assert 'surface: "41"' in text  # and the run's update


def test_file_saved_every_round_is_refused_and_left_as_saved(claim_file: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "dump", _saving_during_dump(claim_file, rounds=store.MERGE_ATTEMPTS))
    code, output = _extract(claim_file.parent.parent)
    [error] = [line for line in output.splitlines() if line.startswith("Error:")]
    assert code == 1 and error.startswith(f"Error: {claim_file}: changed on disk") and "re-run" in error
    text = claim_file.read_text(encoding="utf-8")
    assert SAVED in text and text.endswith(f"# save {store.MERGE_ATTEMPTS}\n") and 'surface: "41"' not in text
    assert not list(claim_file.parent.glob(".*.tmp"))


def test_comments_after_the_last_record_of_a_section_survive(claim_file: Path) -> None:
    text = claim_file.read_text(encoding="utf-8")
    claim_file.write_text(text.replace("\nclaims:", "\n# after the last quote\nclaims:") + "# end of file\n",
                          encoding="utf-8")
    assert _extract(claim_file.parent.parent)[0] == 0
    lines = claim_file.read_text(encoding="utf-8").splitlines()
    assert 'surface: "41"' in "\n".join(lines)  # the file was rewritten
    assert lines[lines.index("claims:") - 1] == "# after the last quote"
    assert lines[-1] == "# end of file"
