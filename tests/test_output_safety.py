"""Reports cannot attack their reader: no terminal control on stdout, no live link in Markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import main

ARTICLES = {"a": "Flood toll\n\nThe mayor said “we will rebuild the bridge by spring” on Monday. Officials said 40 "
                 "people were killed in the flood in Springfield on Sunday.\n",
            "b": "Flood toll rises\n\nThe mayor said “we will rebuild the bridge by spring” again. Officials said 45 "
                 "people were killed in the flood in Springfield on Sunday.\n"}
HOSTILE = ("\\e]0;pwned\\a\\e[2J\\e]8;;https://evil.example\\e\\\\click\\e]8;;\\e\\\\ see https://evil.example/x, "
           "www.evil.example or mail @octocat and ann@evil.example\\r")
# GFM: extended www/url/e-mail autolinks and GitHub @mentions, as github.com recognises them.
_LIVE = re.compile(r"(?i)(?:^|[\s*_~(])(?:www\.|https?://)|(?:^|[^\w`])@[a-z0-9]|\w@[a-z0-9-]+\.[a-z]")


@pytest.fixture
def claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "in" / f"{name}.txt").write_text(text, encoding="utf-8")
    assert CliRunner().invoke(main, ["extract", "in", "--out", "claims", "-q"]).exit_code == 0
    for path in (tmp_path / "claims").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^    sentence: .*$", lambda _: f'    sentence: "{HOSTILE}"', text)
        text = re.sub(r"(?m)^  title: .*$", lambda _: f'  title: "{HOSTILE}"', text)
        text = re.sub(r"(?m)^    text: .*$", lambda _: f'    text: "{HOSTILE}"', text)
        # written by hand, as an attacker's pull request would (no extraction fingerprints, so
        # check's edited-id rule does not refuse the file before the outputs are tested)
        text = re.sub(r"(?m)^    auto: .*\n", "", text)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "claims"


@pytest.mark.parametrize("fmt", ["csv", "html", "md", "json"])
def test_reports_on_stdout_carry_no_terminal_controls(claims: Path, fmt: str) -> None:
    result = CliRunner().invoke(main, ["report", "claims", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "pwned" in result.output or fmt == "json"  # the text is there, its controls are not
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)", result.output)


def test_markdown_renders_no_link_or_mention_from_article_text(claims: Path) -> None:
    result = CliRunner().invoke(main, ["report", "claims", "--format", "md"])
    assert result.exit_code == 0 and "evil" in result.output
    assert not _LIVE.search(result.output), _LIVE.search(result.output)
