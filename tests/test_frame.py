"""``tracker.load``: the report as DataFrames with documented columns and nullable dtypes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from helpers import ROOT

import tracker
from tracker.report.frame import COLUMNS, Tables, frames
from tracker.report.model import build_report

SMALL = ROOT / "tests" / "fixtures" / "small" / "claims"
NAMES = ("articles", "quotes", "claims", "clusters", "groups")


def test_import_tracker_stays_light() -> None:
    code = "import sys, tracker; assert 'pandas' not in sys.modules and 'jinja2' not in sys.modules; print('ok')"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "ok\n"
    assert "load" in tracker.__all__


def test_load_is_exported_lazily() -> None:
    from tracker.report.frame import load

    assert tracker.load is load
    with pytest.raises(AttributeError):
        _ = tracker.nothing_here


@pytest.mark.parametrize("name", NAMES)
def test_columns_and_dtypes(name: str) -> None:
    frame: pd.DataFrame = getattr(tracker.load(SMALL), name)
    assert list(frame.columns) == list(COLUMNS[name])
    for column, dtype in COLUMNS[name].items():
        actual = frame[column].dtype
        if dtype == "datetime64[ns]":
            assert str(actual) == "datetime64[ns]", column
        else:
            assert actual == pd.api.types.pandas_dtype(dtype), (column, actual)


def test_documented_kinds_of_dtype() -> None:
    t = tracker.load(str(SMALL))
    assert isinstance(t, Tables)
    assert t.claims["start"].dtype == "Int64" and t.claims["approximate"].dtype == "boolean"
    assert t.quotes["text"].dtype == "string" and t.claims["value"].dtype == "Float64"
    assert pd.api.types.is_datetime64_dtype(t.articles["published"])


def test_values_and_missing_values() -> None:
    t = tracker.load(SMALL)
    assert t.articles.shape == (2, 10) and t.quotes.shape[0] == 3 and t.claims.shape[0] == 5
    assert t.clusters.shape[0] == 3 and t.groups.shape[0] == 4
    assert t.articles["authors"].tolist() == ["Ann Lee; Bo Park", ""]
    assert t.articles["published"].tolist() == [pd.Timestamp("2024-03-01"), pd.Timestamp("2024-03-04")]
    bad = t.claims[t.claims["claim_id"] == "c3"].iloc[0]
    assert bad["value"] is pd.NA and bad["group"] is pd.NA and bad["start"] == 140
    conflict = t.groups[t.groups["status"] == "conflict"]
    assert conflict["value"].tolist() == [12.0, 15.0]
    assert conflict["approximate"].tolist() == [True, False]
    assert conflict["outlet"].tolist() == ["Daily", "Herald"]
    amended = t.clusters[t.clusters["relation"] == "amended"].iloc[0]
    assert amended["members"] == 2 and amended["articles"] == 2 and amended["first_published"] == pd.Timestamp(
        "2024-03-01")
    assert t.quotes["spans"].tolist() == [1, 1, 2] and t.quotes["end"].tolist() == [79, 121, 80]
    assert t.summary["conflicts"] == 1


def test_undated_and_empty(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("article: {id: x, path: x.txt, sha256: '0', published: 'not a date'}\n"
                                     "quotes: []\nclaims: []\n", encoding="utf-8")
    t = tracker.load(tmp_path)
    assert t.articles["published"].isna().all() and t.articles["outlet"].isna().all()
    for name in NAMES[1:]:
        frame = getattr(t, name)
        assert frame.empty and list(frame.columns) == list(COLUMNS[name])


def test_frames_of_a_built_model_match_load() -> None:
    a, b = frames(build_report(SMALL)), tracker.load(SMALL)
    for name in NAMES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
