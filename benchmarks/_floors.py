"""Shared end of the evaluation benchmarks: compare figures with the committed floors.

Floors live in ``benchmarks/floors/*.json`` (one section per benchmark) and are only ever
raised. A figure that is missing or below its floor fails the run, as in trafilatura's gate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FLOORS_DIR = Path(__file__).resolve().parent / "floors"


def below_floors(result: dict[str, Any], floors_file: str, section: str) -> list[str]:
    """One line per figure under its floor (or missing)."""
    path = FLOORS_DIR / floors_file
    floors = json.loads(path.read_text(encoding="utf-8")).get(section, {}) if path.exists() else {}
    return [f"{k} {result.get(k)} < floor {v}" for k, v in floors.items() if result.get(k) is None or result[k] < v]


def finish(result: dict[str, Any], floors_file: str, section: str) -> int:
    """Print failures and the final JSON line; the exit code for the benchmark."""
    failures = below_floors(result, floors_file, section)
    for failure in failures:
        print("BELOW FLOOR:", failure)
    print(json.dumps(result))
    return 1 if failures else 0
