#!/usr/bin/env python3
"""Microsoft Recognizers-Text English specs: share of specs passed per model by ``find_quantities``.

A spec passes when the mentions we find of the model's kinds match the expected results one to
one: same number of mentions, each expected result paired with a distinct mention of ours whose
value equals the expected value (relative tolerance 1e-6, absolute 1e-9) and whose span overlaps
the expected span (``Start``..``End`` inclusive). Spans need only overlap, because the specs
draw span edges differently ("$ 75 million" vs our "$ 75 million"; "five years old" vs our
"five years old"). A spec with no expected results passes when we find nothing of those kinds.

Kinds per model: Number = every mention except ordinals, dates and measures glued to their unit
("180ml": the specs do not count those; the value is the bare number, so a currency "$20" is 20);
Percent = percent; Currency = currency; Age = age; Dimension = measure;
Temperature = measure in degrees; Ordinal = ordinal (numeric values only); NumberRange = ranges and
bounds, compared on the interval ends ("between 20 and 30" -> [20,30); "more than 20" -> (20,)).

Usage: numbers_recognizers.py [EVAL_DATA_DIR]   (default ../shared/eval-data from the repo root)
Prints one line per model and a final JSON line; exits 1 below the floors in
benchmarks/floors/numbers.json; exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _floors import finish

from tracker.extract.numbers.quantities import find_quantities
from tracker.records import Quantity

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "benchmarks" / "floors" / "numbers.json"

MODELS: dict[str, tuple[str, Callable[[Quantity], bool]]] = {
    "number": ("Number_NumberModel.jsonl",
               lambda q: q.kind not in ("ordinal", "date") and not _glued_unit(q)),
    "percent": ("Number_PercentModel.jsonl", lambda q: q.kind == "percent"),
    "currency": ("NumberWithUnit_CurrencyModel.jsonl", lambda q: q.kind == "currency"),
    "age": ("NumberWithUnit_AgeModel.jsonl", lambda q: q.kind == "age"),
    "dimension": ("NumberWithUnit_DimensionModel.jsonl", lambda q: q.kind == "measure"),
    "temperature": ("NumberWithUnit_TemperatureModel.jsonl",
                    lambda q: q.kind == "measure" and q.unit in ("°C", "°F", "degree", "kelvin")),
    "ordinal": ("Number_OrdinalModel.jsonl", lambda q: q.kind == "ordinal"),
    "numberrange": ("Number_NumberRangeModel.jsonl", lambda q: q.high is not None or q.bound is not None),
}


def _glued_unit(q: Quantity) -> bool:
    """ "180ml", "29km": the number model's specs do not count a number written glued to a unit."""
    return q.kind == "measure" and bool(re.search(r"\d[^\W\d_]", q.surface))


def _num(s: str) -> float | None:
    try:
        return float(s.replace("%", "").replace(",", ""))
    except (TypeError, ValueError, AttributeError):
        return None


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


_INTERVAL = re.compile(r"([\[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])")


def _interval(res: dict[str, Any]) -> tuple[float | None, float | None] | None:
    m = _INTERVAL.fullmatch(str(res.get("value", "")).strip())
    if not m:
        return None
    return _num(m.group(2)) if m.group(2) else None, _num(m.group(3)) if m.group(3) else None


def _mine_interval(q: Quantity) -> tuple[float | None, float | None]:
    if q.high is not None:
        return q.value, q.high
    if q.bound in (">", ">="):
        return q.value, None
    return None, q.value


def spec_passes(model: str, spec: dict[str, Any], keep: Callable[[Quantity], bool]) -> bool:
    mine = [q for q in find_quantities(spec["input"]) if keep(q)]
    expected = spec.get("results") or []
    if len(mine) != len(expected):
        return False
    used = [False] * len(mine)
    for r in expected:
        lo, hi = r["Start"], r["End"] + 1
        hit = None
        for k, q in enumerate(mine):
            if used[k] or q.end <= lo or q.start >= hi:
                continue
            if model == "numberrange":
                ok = _interval(r["Resolution"]) == _mine_interval(q) or (
                    (iv := _interval(r["Resolution"])) is not None
                    and all(_close(a, b) for a, b in zip(iv, _mine_interval(q), strict=True))
                )
            else:
                ok = _close(_num(str(r["Resolution"].get("value"))), q.value)
            if ok:
                hit = k
                break
        if hit is None:
            return False
        used[hit] = True
    return True


def main(argv: list[str]) -> int:
    data = Path(argv[0]) if argv else ROOT.parent / "shared" / "eval-data"
    folder = data / "recognizers-text"
    if not folder.is_dir():
        print(f"Recognizers-Text specs not found at {folder}; skipping")
        return 0
    result: dict[str, Any] = {"eval": "numbers-recognizers"}
    for model, (fname, keep) in MODELS.items():
        path = folder / fname
        if not path.exists():
            continue
        specs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        passed = sum(spec_passes(model, s, keep) for s in specs)
        result[model] = round(passed / len(specs), 4)
        print(f"{model:12s} {passed:4d}/{len(specs):4d} = {passed / len(specs):.3f}")
        if "-v" in sys.argv:
            for s in specs:
                if not spec_passes(model, s, keep):
                    got = [(q.surface, q.value, q.kind, q.bound, q.high) for q in find_quantities(s["input"])]
                    want = [(r["Text"], r["Resolution"].get("value")) for r in s.get("results") or []]
                    print(f"   FAIL {s['input'][:90]!r} want {want} got {got}")
    return finish(result, "numbers.json", "recognizers")


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv[1:] if a != "-v"]))
