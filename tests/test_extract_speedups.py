"""The extraction shortcuts give exactly what the long way gives: the screened cue model, the
plain-data writer for fresh claim files and the per-article sentence cache."""

from __future__ import annotations

import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.claimfile.store import SCHEMA_HEADER, build_document, fresh_text
from tracker.claimfile.yaml_fast import dump_fast, from_commented
from tracker.commands.extract_work import extract_one
from tracker.extract.attribution.mentions import tokens
from tracker.extract.reported.features import AFTER, BEFORE, SentenceView, cue_features, is_candidate
from tracker.extract.reported.model import LinearModel, load_cue_model
from tracker.ingest import iter_documents
from tracker.records import Block
from tracker.text import _sentences_in, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_FEATURES = [f"f{i}" for i in range(6)]


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.tuples(*[st.floats(-4, 4)] * 3), min_size=len(_FEATURES), max_size=len(_FEATURES)),
    picked=st.lists(st.sampled_from([*_FEATURES, "unknown"]), max_size=8),
    threshold=st.floats(0.05, 0.95),
    classes=st.sampled_from([(1,), (2,), (1, 2)]),
)
def test_screen_never_drops_a_list_that_reaches_the_threshold(
    rows: list[tuple[float, float, float]], picked: list[str], threshold: float, classes: tuple[int, ...]
) -> None:
    model = LinearModel(dict(zip(_FEATURES, rows, strict=True)), 3)
    p = model.probabilities(picked)
    if max(p[c] for c in classes) >= threshold:
        assert model.screen(classes).could_reach(picked, threshold)


def test_screen_passes_every_cue_of_the_seeds_and_rules_most_words_out() -> None:
    model = load_cue_model()
    assert model is not None
    screen = model.cue.screen((AFTER, BEFORE))
    words = passed = 0
    for doc in iter_documents([SEEDS], print):
        for lo, hi in split_sentences(doc.body, doc.blocks):
            view = SentenceView(tokens(doc.body, lo, hi))
            for k, tok in enumerate(view.toks):
                if not is_candidate(tok):
                    continue
                feats = cue_features(view, k)
                p = model.cue.probabilities(feats)
                ok = screen.could_reach(feats, model.cue_threshold)
                assert ok or max(p[AFTER], p[BEFORE]) < model.cue_threshold
                words += 1
                passed += ok
    assert words and passed < words / 2  # the screen must save work to be worth having


def test_screen_bound_is_the_log_odds_test() -> None:
    model = LinearModel({"x": (0.0, math.log(3.0), 0.0)}, 3)  # p[1] = 3/5 with "x"
    assert model.screen((1,)).could_reach(["x"], 0.75)  # z1 - z0 = log 3 reaches log(0.75/0.25) (slack)
    assert not model.screen((1,)).could_reach(["x"], 0.8)  # log 4 is out of reach
    assert not model.screen((1,)).could_reach([], 0.6)


def test_fresh_files_are_what_the_round_trip_document_gives() -> None:
    for doc in iter_documents([SEEDS], print):
        extracted = extract_one(doc)
        assert isinstance(extracted, tuple)
        quotes, claims, notes = extracted
        slow = dump_fast(from_commented(build_document(doc.article, quotes, claims, doc.body, corrections=notes)))
        assert quotes and claims  # the seeds have both: the test reads every record kind but notices
        assert fresh_text(doc.article, quotes, claims, notes) == SCHEMA_HEADER + slow


def test_sentence_cache_follows_the_body() -> None:
    one, two = "First one. Second one.", "Another text. With two."
    for body in (one, two, one):
        block = Block(0, len(body))
        assert split_sentences(body, [block]) == list(_sentences_in(body, 0, len(body)))
