"""The report model as JSON: the contract other tools read (see ``model``)."""

from __future__ import annotations

import json
import math
from typing import Any

from .model import Report


def render_json(report: Report) -> str:
    """Strict JSON: a value no JSON number can hold (``.nan``, ``.inf`` in a claim file, which
    ``tracker check`` reports) is written as null, never as ``NaN``/``Infinity``."""
    return json.dumps(_finite(report), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value
