"""The pre-commit hook, run the way another repository would: ``pre-commit try-repo``."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None,
    reason="needs pre-commit (pip install pre-commit) and git")

BODY = "The mayor said “we will rebuild” and 200 people came.\n"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, check=False)


def claim_file(value: str = "200", status: str = "confirmed") -> str:
    sha = hashlib.sha256(BODY.encode()).hexdigest()
    return (f"article: {{id: a, path: a.txt, sha256: {sha}}}\nquotes: []\nclaims:\n"
            f"  - {{id: c1, value: {value}, surface: '200', span: [37, 40], "
            f"review: {{status: {status}, by: ed, note: null}}}}\n")


def test_hook_manifest_is_valid() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["tracker-check", "tracker-check-strict"]
    assert all(h["language"] == "python" and h["entry"].startswith("tracker check") for h in hooks)


@pytest.mark.slow
def test_try_repo_fails_on_a_broken_claim_file_and_passes_on_a_good_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample"
    (sample / "claims").mkdir(parents=True)
    (sample / "a.txt").write_text(BODY, encoding="utf-8")
    (sample / "claims" / "a.yaml").write_text(claim_file(), encoding="utf-8")
    assert run(sample, "git", "init", "-q").returncode == 0
    assert run(sample, "git", "add", "-A").returncode == 0
    try_repo = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "tracker-check", "--all-files",
                "--color", "never"]

    good = run(sample, *try_repo)
    print(good.stdout[-2000:], good.stderr[-2000:])
    assert good.returncode == 0, good.stdout + good.stderr
    assert "tracker check (claim files)" in good.stdout and "Passed" in good.stdout

    (sample / "claims" / "a.yaml").write_text(claim_file(value="two hundred", status="aproved"), encoding="utf-8")
    bad = run(sample, *try_repo)
    print(bad.stdout[-2000:])
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "claims/a.yaml:4:14: [error] claim value must be a number, not 'two hundred' (type)" in bad.stdout
    assert "review status 'aproved' is not one of" in bad.stdout

    # A link to no record, and a group review naming no group: errors, so the hook fails.
    linked = claim_file().replace("by: ed, note: null}", "by: ed, note: null, same_as: [b/c9]}")
    (sample / "claims" / "a.yaml").write_text(linked, encoding="utf-8")
    (sample / "claims" / "_reviews.yaml").write_text("claim_groups:\n  cg-gone: {status: confirmed}\n",
                                                     encoding="utf-8")
    assert run(sample, "git", "add", "-A").returncode == 0
    dangling = run(sample, *try_repo)
    assert dangling.returncode == 1, dangling.stdout + dangling.stderr
    assert "[error] review.same_as names b/c9, which is not in this folder" in dangling.stdout
    assert "claims/_reviews.yaml:2:3: [error] no claim group 'cg-gone' in the report" in dangling.stdout


def test_manifest_and_config_pass_pre_commits_own_validation() -> None:
    checks = (("validate-manifest", ".pre-commit-hooks.yaml"), ("validate-config", ".pre-commit-config.yaml"))
    for command, name in checks:
        done = run(ROOT, sys.executable, "-m", "pre_commit", command, name)
        assert done.returncode == 0, done.stdout + done.stderr
