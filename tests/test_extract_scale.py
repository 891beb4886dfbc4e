"""Extraction scales linearly and stops at the record cap (timings live in benchmarks/scale_linear.py).

Work is counted, not timed: the spans each sentence's overlap tests scan must grow with the
article, not with the article times its quotations (every quotation rescanned per candidate).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import SEEDS

import tracker.commands.extract_work as extract_work
import tracker.extract as extract_module
from tracker.cli import main
from tracker.extract import TooManyRecords, extract_document
from tracker.extract.reported import learned, rules
from tracker.ingest import build_document, iter_documents
from tracker.text import SpanIndex


def _article(paragraphs: int, seed: int = 3) -> str:
    """Seed-article paragraphs in random order, numbers varied, so records do not repeat."""
    rng = random.Random(seed)
    texts = [d.body[b.start:b.end] for d in iter_documents([SEEDS], lambda exc: None)
             for b in d.blocks if b.role == "text" and b.end - b.start > 80]
    out = ["Council weighs bridge repairs after the storm"]
    for _ in range(paragraphs):
        out.append(re.sub(r"\d+", lambda m: str(rng.randrange(2, 9999)), rng.choice(texts)))
    return "\n\n".join(out) + "\n"


def _spans_scanned(monkeypatch: pytest.MonkeyPatch, paragraphs: int) -> int:
    scanned = [0]

    def counting(func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(spans: Sequence[Any], *args: Any) -> Any:
            scanned[0] += len(spans)
            return func(spans, *args)
        return wrapper

    with monkeypatch.context() as patch:
        patch.setattr(rules, "overlap_chars", counting(rules.overlap_chars))
        patch.setattr(learned, "overlap_chars", counting(learned.overlap_chars))
        patch.setattr(learned, "_covered", lambda toks, spans, f=learned._covered: (
            scanned.__setitem__(0, scanned[0] + len(spans)), f(toks, spans))[1])
        extract_document(build_document("a", "a.txt", _article(paragraphs), {}))
    return scanned[0]


def test_overlap_scans_grow_linearly_with_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _spans_scanned(monkeypatch, 60), _spans_scanned(monkeypatch, 240)
    assert large <= 5 * small, f"4x the article scanned {large / small:.1f}x the spans (quadratic: ~16x)"


def test_span_index_finds_what_a_full_scan_finds() -> None:
    rng = random.Random(5)
    spans = [(s, s + rng.randrange(0, 40)) for s in (rng.randrange(0, 1000) for _ in range(300))]
    index = SpanIndex(spans)
    for _ in range(500):
        lo = rng.randrange(0, 1050)
        hi = lo + rng.randrange(0, 80)
        assert index.overlapping(lo, hi) == sorted(s for s in spans if s[0] < hi and s[1] > lo)


def test_the_record_cap_stops_extraction_before_reading_quotes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(extract_work, "MAX_RECORDS", 20)

    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("quotes were read after the claims alone passed the cap")

    monkeypatch.setattr(extract_module, "find_quotes", never)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text(_article(40), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "in", "--out", "claims", "-q"])
    assert result.exit_code == 1, result.output
    assert "Error: in/big.txt: article yields over 20 quotes and claims" in result.output
    assert not (tmp_path / "claims" / "big.yaml").exists()


def test_the_cap_counts_quotes_and_claims_together() -> None:
    doc = build_document("a", "a.txt", _article(40), {})
    quotes, claims = extract_document(doc)
    total = len(quotes) + len(claims)
    assert extract_document(doc, max_records=total) == (quotes, claims)
    with pytest.raises(TooManyRecords):
        extract_document(doc, max_records=total - 1)
    with pytest.raises(TooManyRecords):
        extract_document(doc, max_records=len(claims) + 1)
