"""The benchmark's synthetic model goes through every writer (shape only: no timing here)."""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType

from helpers import ROOT

from tracker.report.csv import csv_files
from tracker.report.frame import frames
from tracker.report.html import render_html
from tracker.report.json_format import render_json
from tracker.report.markdown import render_markdown


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("report_render", ROOT / "benchmarks" / "report_render.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_synthetic_model_renders_in_every_format() -> None:
    model, bodies = _benchmark().synthetic_model(400)
    assert model["summary"]["claims"] == len(model["claims"]) == 400
    for article, body in bodies.items():
        for q in (q for q in model["quotes"] if q["article"] == article):
            assert body[q["spans"][0][0]:q["spans"][0][1]] == q["text"]
    page = render_html(model, bodies)
    assert page.count('class="group conflict"') == model["summary"]["conflicts"]
    assert render_markdown(model).startswith("# Cross-source consistency report")
    assert json.loads(render_json(model))["summary"] == model["summary"]
    assert len(csv_files(model)) == 8  # five tables, corrections, version changes, misattributions
    assert len(frames(model).claims) == 400
