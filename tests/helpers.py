"""Paths shared by the tests (tests/ is on sys.path under pytest's default import mode)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def valid_small(dest: Path) -> Path:
    """The small fixture's claims as ``tracker check`` accepts them, in ``dest``.

    The fixture holds two errors on purpose (a placeholder sha256 and a claim whose value is not a
    number) so the library's tolerance is tested; the CLI refuses a folder ``check`` fails, so its
    tests read this copy. Tables other than articles.csv and claims.csv come out the same.
    """
    import shutil

    folder = dest / "claims"
    shutil.copytree(ROOT / "tests" / "fixtures" / "small" / "claims", folder)
    for path in folder.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace('sha256: "0"', f"sha256: {'a' * 64}")
        if "  - id: c3\n    value: unknown\n" in text:
            text = text[:text.index("  - id: c3\n")]
        path.write_text(text, encoding="utf-8")
    return folder
