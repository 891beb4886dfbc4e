"""The learned reporting-cue model: linear weights over :mod:`tracker.extract.reported.features`.

The weights ship in ``tracker/data/cue_model.json.gz``; ``python -m tools.train_cue_model``
rebuilds them from the PolNeAR training split. They are read once, on first use. A missing or
damaged file turns the model off (extraction falls back to the rules) instead of failing.
"""

from __future__ import annotations

import gzip
import json
import math
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

__all__ = [
    "MODEL_FILE",
    "CueModel",
    "LinearModel",
    "ScoreScreen",
    "load_cue_model",
    "read_cue_model",
    "softmax_scores",
    "using_cue_model",
]

MODEL_FILE = "cue_model.json.gz"


@dataclass(frozen=True)
class LinearModel:
    """Multinomial logistic regression: one weight per feature and class."""

    weights: Mapping[str, Sequence[float]]
    classes: int

    def probabilities(self, features: Iterable[str]) -> list[float]:
        return softmax_scores(self.weights, features, self.classes)

    def screen(self, classes: tuple[int, ...]) -> ScoreScreen:
        """The cheap test for ``classes`` that rules most lists out before :meth:`probabilities`."""
        screens = self._screens
        if classes not in screens:
            screens[classes] = ScoreScreen(self, classes)
        return screens[classes]

    @cached_property
    def _screens(self) -> dict[tuple[int, ...], ScoreScreen]:
        return {}

    def to_json(self) -> dict[str, Any]:
        return {"classes": self.classes, "weights": {f: list(w) for f, w in self.weights.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        classes = int(data["classes"])
        weights = {str(f): tuple(map(float, w)) for f, w in data["weights"].items()}
        if any(len(w) != classes for w in weights.values()):
            raise ValueError("weights do not match the number of classes")
        return cls(weights, classes)


def softmax_scores(weights: Mapping[str, Sequence[float]], features: Iterable[str], classes: int) -> list[float]:
    """Class probabilities: the softmax of the summed weights of the features the model knows."""
    get = weights.get
    rows = [w for w in map(get, features) if w is not None]
    z = [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0] * classes
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


@dataclass(frozen=True)
class CueModel:
    """The cue model (none / content after / content before), the end model, the span model, thresholds.

    The span model, when present, judges each whole candidate (cue, span, source) before it is kept.
    """

    cue: LinearModel
    end: LinearModel
    cue_threshold: float
    end_threshold: float
    span: LinearModel | None = None
    span_threshold: float = 0.5

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": 2,
            "cue": self.cue.to_json(),
            "end": self.end.to_json(),
            "cue_threshold": self.cue_threshold,
            "end_threshold": self.end_threshold,
            "span_threshold": self.span_threshold,
        }
        if self.span is not None:
            out["span"] = self.span.to_json()
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CueModel:
        return cls(
            LinearModel.from_json(data["cue"]),
            LinearModel.from_json(data["end"]),
            float(data["cue_threshold"]),
            float(data["end_threshold"]),
            LinearModel.from_json(data["span"]) if "span" in data else None,
            float(data.get("span_threshold", _SPAN_THRESHOLD)),
        )


#: Slack, in log-odds, of the screen's test: its sums run in another order than those of
#: :func:`softmax_scores` and may differ from them in the last bits (about 1e-13), never by this.
_SCREEN_SLACK = 1e-6


class ScoreScreen:
    """A cheap test that rules a feature list out before it is scored: most words are no cue.

    ``p[c] >= t`` needs ``z[c] - z[0] >= log(t / (1 - t))`` (the softmax over classes 0 and
    ``c`` alone is already at least ``p[c]``), and ``z[c] - z[0]`` is at most the sum over the
    features of their largest lift ``w[c] - w[0]`` among the classes asked about: one lookup
    and one addition per feature instead of a row of weights. A list the screen rejects cannot
    reach the threshold, so scoring only those it passes gives exactly the same decisions.
    """

    def __init__(self, model: LinearModel, classes: Sequence[int]) -> None:
        if not classes or min(classes) < 1:
            raise ValueError("the screen tests classes other than class 0")
        pick = itemgetter(*classes, classes[0])  # always a tuple; max(a, b) - x is max(a - x, b - x)
        self._lift = {f: max(pick(w)) - w[0] for f, w in model.weights.items()}.get

    def could_reach(self, features: Sequence[str], threshold: float) -> bool:
        """Whether some class asked about may score ``threshold`` or more on ``features``."""
        if not 0.0 < threshold < 1.0:
            return True  # no finite log-odds to test against: score it
        bound = sum(map(self._lift, features, repeat(0.0, len(features))))
        return bool(bound >= math.log(threshold / (1.0 - threshold)) - _SCREEN_SLACK)


#: Span threshold of model files written before they carried one: an even chance.
_SPAN_THRESHOLD = 0.5
_LOCK = threading.Lock()
_LOADED: list[CueModel | None] = []


def load_cue_model() -> CueModel | None:
    """The model in use: the shipped one, read once; None when its file is missing or unreadable."""
    with _LOCK:
        if not _LOADED:
            _LOADED.append(read_cue_model(resources.files("tracker") / "data" / MODEL_FILE))
        return _LOADED[0]


@contextmanager
def using_cue_model(model: CueModel | None) -> Iterator[None]:
    """Extract with ``model`` (None: the rules alone) inside the block; for training and tests."""
    load_cue_model()
    with _LOCK:
        saved = _LOADED[0]
        _LOADED[0] = model
    try:
        yield
    finally:
        with _LOCK:
            _LOADED[0] = saved


def read_cue_model(ref: Traversable | Path) -> CueModel | None:
    """A model file written by :mod:`tools.train_cue_model`, or None if it can't be read."""
    try:
        with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
            return CueModel.from_json(json.load(f))
    except (OSError, ValueError, KeyError, TypeError, EOFError):
        return None
