"""Claim files and inputs shaped as an attacker's pull request would shape them.

A claim file names any path it likes and guesses what the file holds, one character per span;
the claims folder, ``sources.yaml`` and named inputs hold links to devices, FIFOs and files
outside the repository. No output may depend on what such a file holds, and nothing may hang.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import main

GUESSES = "klmnopqrstuvwxyz"  # no hex digit: the secrets never occur in ids or hashes by chance
SECRETS = ("qzkxwmvt", "ntyplsor", "kxq")  # two of one length, one shorter: outputs must not differ
FAKE_SHA = "0" * 64
ARTICLE = "The mayor said “we will rebuild the bridge” after 12 people were hurt.\n"


def _guessing_claim_file(article_id: str, path: str, length: int) -> str:
    """A claim file whose spans guess each character of ``path`` (every letter of GUESSES at every place)."""
    claims = []
    for place in range(length):
        for char in GUESSES:
            claims.append(f"  - id: c{place}{char}\n    value: 1\n    unit:\n    measure: people\n    kind: count\n"
                          f"    approximate: false\n    bound:\n    low:\n    high:\n    surface: \"{char}\"\n"
                          f"    span: [{place}, {place + 1}]\n    sentence: \"{char}\"\n"
                          "    review: {status: unreviewed, by: null, note: null}\n")
    return (f"article:\n  id: {article_id}\n  path: \"{path}\"\n  sha256: \"{FAKE_SHA}\"\n  title: T\n  outlet:\n"
            f"  authors: []\n  published:\n  url:\nquotes: []\nclaims:\n{''.join(claims)}")


def _repository(tmp_path: Path, secret: str) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir(parents=True)
    (outside / "secret.txt").write_text(secret, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "claims").mkdir(parents=True)
    (repo / "articles").mkdir()
    (repo / "articles" / "link.txt").symlink_to(outside / "secret.txt")
    (repo / ".env").write_text(secret, encoding="utf-8")  # inside the repository, not an article
    for article_id, path in (("abs", str(outside / "secret.txt")), ("rel", "../outside/secret.txt"),
                             ("link", "articles/link.txt"), ("env", ".env")):
        (repo / "claims" / f"{article_id}.yaml").write_text(
            _guessing_claim_file(article_id, path, len(SECRETS[0])), encoding="utf-8")
    (repo / "empty").mkdir()
    return repo


def _outputs(repo: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(repo)
    runner = CliRunner()
    commands = {
        "check": ["check", "claims"], "check-strict": ["check", "claims", "--strict"],
        "check-file": ["check", "claims/abs.yaml"],
        **{f"report-{fmt}": ["report", "claims", "--format", fmt] for fmt in ("md", "html", "json", "csv")},
        "diff": ["diff", "empty", "claims"],
    }
    outputs = {}
    for name, args in commands.items():
        result = runner.invoke(main, args)
        assert "Traceback" not in result.output and result.exit_code in (0, 1), (name, result.output)
        outputs[name] = result.output
    tables = repo / "tables"
    assert runner.invoke(main, ["report", "claims", "--format", "csv", "-o", str(tables)]).exit_code == 0
    outputs.update({f"table-{p.name}": p.read_text(encoding="utf-8") for p in sorted(tables.iterdir())})
    shutil.rmtree(tables)
    return outputs


@pytest.mark.slow  # every command over a guessing claims folder: seconds each; CI's slow pass runs it
def test_no_output_depends_on_a_file_the_claims_guess_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    for index, secret in enumerate(SECRETS):
        repo = _repository(tmp_path / str(index), secret)
        outputs = _outputs(repo, monkeypatch)
        seen.append({name: text.replace(str(tmp_path / str(index)), "TMP") for name, text in outputs.items()})
        for name, text in outputs.items():
            assert secret not in text, name
            assert "no longer holds" not in text and "(span-text)" not in text, name
    assert seen[0] == seen[1] == seen[2]
    # The file outside was never taken for the article; the one inside was read and dropped.
    assert "lies outside the current folder" in seen[0]["check"]
    assert "article text changed since extraction (stale)" in seen[0]["check"]


# --- links to devices, FIFOs and files outside, where the tool reads -----------------------

GUARD_SECONDS = 120  # a guard against hanging forever, not a measurement: each case takes about a second
GOOD = "Headline about the city\n\nThe mayor said “we will rebuild the bridge” after 12 people were hurt.\n"


def _plant(target: Path, kind: str, outside: Path) -> None:
    if kind == "dev-zero":
        target.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        (outside / "secret").write_text("token: s3cr3t-value\n", encoding="utf-8")
        target.symlink_to(outside / "secret")


def _tracker(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=GUARD_SECONDS, check=False)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "outside").mkdir()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    assert _tracker(tmp_path, "extract", "in", "--out", "claims", "-q").returncode == 0
    return tmp_path


KINDS = ("dev-zero", "fifo", "outside")
REFUSED = ("not a regular file", "leads outside")


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", ["check", "report", "diff", "extract"])
def test_planted_claim_file_is_refused(workspace: Path, kind: str, command: str) -> None:
    _plant(workspace / "claims" / "zz.yaml", kind, workspace / "outside")
    if command == "extract":  # the article's own claim file is the planted one
        (workspace / "in" / "zz.txt").write_text(GOOD.replace("12", "13"), encoding="utf-8")
    args = {"check": ["check", "claims"], "report": ["report", "claims"], "diff": ["diff", "in", "claims"],
            "extract": ["extract", "in", "--out", "claims", "-q"]}[command]
    done = _tracker(workspace, *args)
    errors = [line for line in (done.stdout + done.stderr).splitlines() if "zz.yaml" in line]
    assert done.returncode in (1, 2) and errors and any(reason in errors[0] for reason in REFUSED), done
    assert "s3cr3t" not in done.stdout + done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_planted_sources_yaml_is_refused(workspace: Path, kind: str) -> None:
    _plant(workspace / "in" / "sources.yaml", kind, workspace / "outside")
    done = _tracker(workspace, "extract", "in", "--out", "claims", "-q")
    assert done.returncode == 1 and "sources.yaml" in done.stderr
    assert any(reason in done.stderr for reason in REFUSED), done.stderr
    assert "s3cr3t" not in done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_planted_named_input_is_refused(workspace: Path, kind: str) -> None:
    _plant(workspace / "in" / "b.txt", kind, workspace / "outside")
    done = _tracker(workspace, "extract", "in/b.txt", "in/good.txt", "--out", "out", "-q")
    assert done.returncode == 1 and "in/b.txt" in done.stderr
    assert any(reason in done.stderr for reason in REFUSED), done.stderr
    assert not (workspace / "out" / "b.yaml").exists() and (workspace / "out" / "good.yaml").is_file()


def test_named_claim_file_linking_outside_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "secret.yaml").write_text("article: {id: x, path: p, sha256: s}\n", encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "x.yaml").symlink_to(tmp_path / "secret.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "claims/x.yaml"])
    assert result.exit_code == 1 and "symbolic link leads outside claims; refused" in result.output


def test_run_never_ingests_its_own_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    for _ in range(2):
        result = CliRunner().invoke(main, ["run", ".", "--out", str(tmp_path.parent / f"{tmp_path.name}-claims")])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path.parent / f"{tmp_path.name}-claims").glob("*.yaml")) == ["a.yaml"]
    assert "1 article:" in result.output


@pytest.mark.parametrize(("inputs", "out"), [(["."], "claims"), (["seeds"], "seeds"), (["x.txt", "seeds"], "seeds/o")])
def test_an_output_folder_in_the_input_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  inputs: list[str], out: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "x.txt").write_text(GOOD, encoding="utf-8")
    for command in ("run", "extract"):
        result = CliRunner().invoke(main, [command, *inputs, "--out", out])
        assert result.exit_code == 1, result.output
        assert result.output.startswith(f"Error: {out}: the output folder is") and "choose --out outside" in (
            result.output)
        assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.txt", "seeds", "x.txt"]  # nothing written
