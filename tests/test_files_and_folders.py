"""What a run leaves on disk: no lock file, and files as readable as the user's umask says."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.claimfile.store import LOCK_NAME, OutputLock
from tracker.cli import main
from tracker.errors import LockError

ARTICLE = "Mayor vows to rebuild\n\nThe mayor said “we will rebuild the bridge” on Monday. About 200 people came.\n"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def umask() -> Iterator[None]:
    saved = os.umask(0o022)
    os.umask(saved)
    yield
    os.umask(saved)


def test_no_lock_file_remains_after_a_run(workspace: Path) -> None:
    assert CliRunner().invoke(main, ["run", "in"]).exit_code == 0
    assert not (workspace / "claims" / LOCK_NAME).exists()
    assert ".tracker.lock" in (Path(__file__).parent.parent / ".gitignore").read_text(encoding="utf-8").split()


def test_the_lock_stays_exclusive_and_is_removed_when_released(tmp_path: Path) -> None:
    with OutputLock(tmp_path):
        assert (tmp_path / LOCK_NAME).is_file()
        with pytest.raises(LockError, match="another tracker run"), OutputLock(tmp_path):
            pass
        assert (tmp_path / LOCK_NAME).is_file()  # the refused run does not remove the holder's lock
    assert not (tmp_path / LOCK_NAME).exists()
    with OutputLock(tmp_path):  # and the folder can be locked again
        pass


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_follow_the_umask(workspace: Path, mask: int, mode: int) -> None:
    os.umask(mask)
    assert CliRunner().invoke(main, ["run", "in"]).exit_code == 0
    assert CliRunner().invoke(main, ["report", "claims", "-f", "html", "-o", "report.html"]).exit_code == 0
    assert CliRunner().invoke(main, ["report", "claims", "-f", "csv", "-o", "tables"]).exit_code == 0
    claims = workspace / "claims"
    written = [workspace / "report.md", workspace / "report.html", *(p for p in claims.iterdir() if p.is_file()),
               *(workspace / "tables").iterdir(), *(claims / ".tracker-cache").iterdir()]
    assert len(written) > 5
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {p.name: oct(mode) for p in written}
