"""The learned cue model: its file format, loading and training."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from tools import train_cue_model
from tracker.extract.attribution.mentions import tokens
from tracker.extract.reported import model as cue_model
from tracker.extract.reported.features import (
    AFTER,
    BEFORE,
    NONE,
    SentenceView,
    after_start,
    cue_features,
    end_features,
)
from tracker.extract.reported.model import CueModel, LinearModel, softmax_scores


def test_softmax_is_a_distribution() -> None:
    weights = {"a": (1.0, -1.0, 0.5), "b": (0.0, 3.0, 0.0)}
    p = softmax_scores(weights, ["a", "b", "unknown"], 3)
    assert abs(sum(p) - 1) < 1e-9
    assert max(range(3), key=p.__getitem__) == 1


def test_linear_model_round_trips_and_rejects_bad_shapes() -> None:
    model = LinearModel({"x": (0.5, -0.5)}, 2)
    assert LinearModel.from_json(json.loads(json.dumps(model.to_json()))) == model
    with pytest.raises(ValueError):
        LinearModel.from_json({"classes": 3, "weights": {"x": [1.0, 2.0]}})


def test_shipped_model_loads() -> None:
    model = cue_model.load_cue_model()
    assert model is not None
    assert model.cue.classes == 3 and model.end.classes == 2
    assert 0 < model.cue_threshold < 1 and 0 < model.end_threshold <= 1


def test_missing_or_damaged_model_turns_the_model_off(tmp_path: Path) -> None:
    assert cue_model.read_cue_model(tmp_path / "missing.json.gz") is None
    (tmp_path / "bad.json.gz").write_bytes(b"not gzip at all")
    assert cue_model.read_cue_model(tmp_path / "bad.json.gz") is None
    with gzip.open(tmp_path / "partial.json.gz", "wt", encoding="utf-8") as f:
        f.write('{"cue": {"classes": 3, "weights": {}}}')
    assert cue_model.read_cue_model(tmp_path / "partial.json.gz") is None


def test_features_describe_the_word_and_its_neighbours() -> None:
    body = "Officials downplayed the risk, the agency said."
    toks = tokens(body, 0, len(body))
    feats = cue_features(SentenceView(toks), 1)
    assert "w=downplayed" in feats and "p1=officials" in feats and "n1=the" in feats
    assert after_start(toks, 1) == 2


def test_fit_softmax_learns_a_separable_problem() -> None:
    data = [(["bias", "w=said"], AFTER), (["bias", "w=the"], NONE), (["bias", "w=concluded"], BEFORE)] * 30
    model = train_cue_model.fit_softmax(data, 3, epochs=4, min_count=1)
    for feats, label in data[:3]:
        p = model.probabilities(feats)
        assert max(range(3), key=p.__getitem__) == label


def _doc(text: str, attributions: list[dict[str, object]]) -> dict[str, object]:
    return {"doc_id": "t1", "text": text, "annotators": ["a"], "attributions": {"a": attributions}}


def _span(text: str, part: str) -> list[list[int]]:
    start = text.index(part)
    return [[start, start + len(part)]]


def test_labels_mark_the_cue_that_ends_before_its_content() -> None:
    text = "Title\n\nThe senator downplayed the risk of concussions.\n\nThe vote is near, aides conceded.\n"
    doc = _doc(
        text,
        [
            {"cue": {"spans": _span(text, "downplayed")}, "content": {"spans": _span(text, "the risk of concussions")}},
            {"cue": {"spans": _span(text, "conceded")}, "content": {"spans": _span(text, "The vote is near")}},
        ],
    )
    labelled = {
        toks[k].low: label
        for _b, toks, labels, _e in train_cue_model.labelled_sentences(doc)
        for k, label in enumerate(labels)
        if label != NONE
    }
    assert labelled == {"downplayed": AFTER, "conceded": BEFORE}


def test_training_writes_a_loadable_model(tmp_path: Path) -> None:
    text = "Title\n\nThe senator downplayed the risk of concussions, aides said.\n"
    doc = _doc(
        text,
        [{"cue": {"spans": _span(text, "downplayed")}, "content": {"spans": _span(text, "the risk of concussions")}}],
    )
    (tmp_path / "polnear").mkdir()
    with gzip.open(tmp_path / "polnear" / "train.jsonl.gz", "wt", encoding="utf-8") as f:
        for _ in range(3):
            f.write(json.dumps(doc) + "\n")
    out = tmp_path / "model.json.gz"
    assert train_cue_model.main([str(tmp_path), "--out", str(out), "--epochs", "2"]) == 0
    with gzip.open(out, "rt", encoding="utf-8") as f:
        model = CueModel.from_json(json.load(f))
    assert model.cue.weights and oct(os.stat(out).st_mode)[-3:] == "644"


def test_training_without_data_fails_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert train_cue_model.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: PolNeAR training split not found") and "\n" not in err


def test_features_at_the_sentence_edges_see_the_boundary_markers() -> None:
    """The padded lists the hot loops index must give what ``low``/``shape`` give out of range."""
    body = "Rivals said so."
    toks = tokens(body, 0, len(body))
    view = SentenceView(toks)
    first, last = cue_features(view, 0), cue_features(view, len(toks) - 1)
    assert "p1=<s>" in first and "p2=<s>" in first and "pp=<s><s>|C" in first
    assert "n1=</s>" in last and "n2=</s>" in last and "nsh=.|</s>" in last
    assert end_features(view, 1, len(toks) - 1, "said")[5] == "bn=.|</s>"
