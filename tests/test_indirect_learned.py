"""Reported speech found by the learned cue model, with a small hand-made model and with the shipped one."""

from __future__ import annotations

from test_extract_quotes import line_blocks

from tracker.extract.quotes.finder import find_quotes
from tracker.extract.reported.model import CueModel, LinearModel, load_cue_model, using_cue_model
from tracker.records import FoundQuote

# A model that knows two cues: "downplayed" (content after it) and "conceded" (content before it).
# Its end model stops content before "after"; its span model keeps everything.
HAND_MODEL = CueModel(
    cue=LinearModel({"bias": (4.0, 0.0, 0.0), "w=downplayed": (0.0, 8.0, 0.0), "w=conceded": (0.0, 0.0, 8.0)}, 3),
    end=LinearModel({"bias": (3.0, 0.0), "b=after": (0.0, 6.0)}, 2),
    cue_threshold=0.5,
    end_threshold=0.5,
)


def indirect(body: str, model: CueModel | None = HAND_MODEL) -> list[FoundQuote]:
    with using_cue_model(model):
        return [q for q in find_quotes(body, line_blocks(body)) if q.kind == "indirect"]


def test_cue_outside_the_lexicons_is_read_by_the_model() -> None:
    body = "Title\n\nSenator Ann Lowe downplayed the risk of concussions for young players.\n"
    (q,) = indirect(body)
    assert q.text == "the risk of concussions for young players"
    assert q.cue == "downplayed"
    assert q.speaker == "Ann Lowe"
    assert indirect(body, model=None) == []  # the rules alone don't know the cue


def test_content_before_a_trailing_cue() -> None:
    body = "Title\n\nThe plan will cost more than promised, city officials conceded.\n"
    (q,) = indirect(body)
    assert q.text == "The plan will cost more than promised"
    assert q.speaker_mention is not None and q.speaker_mention.text == "city officials"


def test_end_model_cuts_the_content() -> None:
    body = "Title\n\nThe coach downplayed the injury after the game ended in a loss.\n"
    (q,) = indirect(body)
    assert q.text == "the injury"


def test_direct_quotations_are_not_repeated_as_indirect() -> None:
    body = "Title\n\nThe coach downplayed “the risk of a long absence for the striker,” reporters said.\n"
    assert all("long absence" not in q.text for q in indirect(body))


def test_inverted_source_is_not_content() -> None:
    body = "Title\n\nThe fund is $9 million short, downplayed Ed Morales, who chairs the committee.\n"
    assert all("Ed Morales" not in q.text for q in indirect(body))


def test_using_cue_model_restores_the_model() -> None:
    shipped = load_cue_model()
    with using_cue_model(None):
        assert load_cue_model() is None
    assert load_cue_model() is shipped


def test_shipped_model_reads_the_long_tail() -> None:
    """With the shipped model, cues the rule lexicons don't list are read, with their source."""
    body = (
        "Title\n\nCritics have long questioned the value of the program.\n\n"
        "The union is raising questions about the safety of the mine.\n"
    )
    assert indirect(body, model=None) == []
    found = {(q.text, q.speaker_mention.text if q.speaker_mention else None) for q in indirect(body, load_cue_model())}
    assert found == {("the value of the program", "Critics"), ("the safety of the mine", "The union")}
