"""The fast claim-file writer must agree byte for byte with the round-trip writer."""

from __future__ import annotations

import io
import string
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from tracker.claimfile.yaml_fast import Flow, dump_fast, from_commented, plain_ok
from tracker.claimfile.yaml_roundtrip import dump, make_yaml


def to_commented(value: Any, in_flow: bool = False) -> Any:
    """The ruamel tree the round-trip writer would be given for the same data."""
    if isinstance(value, Flow):
        inner = to_commented(value.value, in_flow=True)
        inner.fa.set_flow_style()
        return inner
    if isinstance(value, dict):
        return CommentedMap((k, to_commented(v, in_flow)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq([to_commented(v, in_flow) for v in value])
    if isinstance(value, str) and not plain_ok(value, in_flow):
        return DoubleQuotedScalarString(value)
    return value


def unflow(value: Any) -> Any:
    if isinstance(value, Flow):
        return unflow(value.value)
    if isinstance(value, dict):
        return {k: unflow(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unflow(v) for v in value]
    return value


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["yes", "No", "on", "12:30", "1e3", "0x1F", ".inf", "2020-01-02", "- x", "a: b", "a #b", "[x]", "x, y", "’quote’",
     "“Iraq is”", "null", "~", "", " lead", "trail ", "😀", "a\u2028b", "tab\there", "\x07bell"])
leaf = st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.floats(allow_nan=False) | text
span = st.lists(st.integers(0, 10**6), min_size=2, max_size=2)
record = st.fixed_dictionaries({
    "id": st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8),
    "text": text,
    "spans": st.lists(span, max_size=3).map(lambda s: Flow([Flow(x) for x in s])),
    "speaker": st.none() | text,
    "mention": st.none() | st.builds(lambda t, s: Flow({"text": t, "span": Flow(s)}), text, span),
    "value": leaf,
    "review": st.builds(lambda s, n: Flow({"status": s, "by": None, "note": n}),
                        st.sampled_from(["unreviewed", "confirmed"]), st.none() | text),
})
doc = st.fixed_dictionaries({
    "article": st.fixed_dictionaries(
        {"id": text, "authors": st.lists(text, max_size=3), "published": st.none() | text}),
    "quotes": st.lists(record, max_size=3),
})


@pytest.mark.slow  # a property run of many examples: CI's slow pass runs it in full
@settings(max_examples=300, deadline=None)
@given(doc)
def test_fast_writer_matches_round_trip_writer_and_both_readers(data: dict[str, Any]) -> None:
    fast = dump_fast(data)
    assert fast == dump(to_commented(data))
    plain = unflow(data)
    assert yaml.safe_load(fast) == plain
    assert from_commented(make_yaml().load(io.StringIO(fast))) is not None
    assert unflow(from_commented(make_yaml().load(io.StringIO(fast)))) == plain
    assert dump(make_yaml().load(io.StringIO(fast))) == fast  # a round-trip re-dump changes nothing
