"""Shared fixtures: paths into the repository and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SEEDS


@pytest.fixture(autouse=True, scope="session")
def _user_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The report cache's signing key goes to a temporary folder, not the tester's home."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def seed_claims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds extracted once per session through the real CLI."""
    from tracker.cli import main

    out = tmp_path_factory.mktemp("seed-claims")
    result = CliRunner().invoke(main, ["extract", str(SEEDS), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out
