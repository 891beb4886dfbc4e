"""Train the reporting-cue model on PolNeAR's training split.

    python -m tools.train_cue_model [EVAL_DATA] [--out tracker/data/cue_model.json.gz]
                                    [--limit N] [--exclude-publisher P]

Each attribution of the first annotator labels the word that ends its cue (content after it) or
the word that starts it (content before it, ``…, officials said``), when the span cut from that
word by :mod:`tracker.extract.reported.features` covers at least half of the annotated content. The
end model learns, for each word after a cue, whether the content stops before it. The span model
judges whole candidates; it is fitted on candidates that cue models trained on the other half of
the articles produced, so it sees their real mistakes rather than the ones they memorised. All
three are multinomial logistic regressions fitted by plain SGD (about ten minutes on one core, no
dependency). The development split is only used to choose thresholds; nothing here reads it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from tracker.extract.attribution.mentions import Token, tokens
from tracker.extract.quotes.finder import find_quotes
from tracker.extract.reported.features import (
    AFTER,
    BEFORE,
    NONE,
    SentenceView,
    after_start,
    before_span,
    candidate_ends,
    cue_features,
    end_features,
    is_candidate,
    trim_end,
)
from tracker.extract.reported.learned import learned_candidates
from tracker.extract.reported.model import MODEL_FILE, CueModel, LinearModel, softmax_scores, using_cue_model
from tracker.ingest import build_document
from tracker.records import Span
from tracker.text import overlap_chars, split_sentences

__all__ = ["fit_softmax", "labelled_sentences", "main", "span_examples", "train"]

Example = tuple[list[str], int]


def _covers(span: Span, content: Sequence[Span]) -> bool:
    a, b = span
    total = sum(e - s for s, e in content)
    got = overlap_chars(content, a, b)
    return b > a and total > 0 and got * 2 >= total


def _token_at(toks: Sequence[Token], pos: int) -> int | None:
    return next((i for i, t in enumerate(toks) if t.start <= pos < t.end), None)


def labelled_sentences(doc: dict[str, Any]) -> Iterator[tuple[str, list[Token], list[int], list[int | None]]]:
    """Per sentence: the body, its tokens, a cue label per token and, for AFTER cues, the gold content end."""
    body = doc["text"]
    blocks = build_document(doc["doc_id"], doc["doc_id"] + ".txt", body, {}).blocks
    attributions = []
    for at in doc["attributions"][doc["annotators"][0]]:
        cue = (at.get("cue") or {}).get("spans") or []
        content = (at.get("content") or {}).get("spans") or []
        if cue and content:
            attributions.append(([tuple(s) for s in cue], [tuple(s) for s in content]))
    for lo, hi in split_sentences(body, blocks):
        if hi - lo > 2000:
            continue
        toks = tokens(body, lo, hi)
        labels = [NONE] * len(toks)
        ends: list[int | None] = [None] * len(toks)
        for cue, content in attributions:
            first, last = min(s for s, _ in cue), max(e for _, e in cue)
            if not lo <= first < hi:
                continue
            k_last, k_first = _token_at(toks, last - 1), _token_at(toks, first)
            if k_last is not None:
                j = after_start(toks, k_last)
                if j is not None and _covers(trim_end(body, toks[j].start, hi), content):
                    labels[k_last] = AFTER
                    inside = [e for s, e in content if lo <= s < hi]
                    ends[k_last] = max(inside) if inside else None
                    continue
            if k_first is not None:
                span = before_span(toks, k_first)
                if span is not None and _covers(span, content):
                    labels[k_first] = BEFORE
        yield body, toks, labels, ends


def examples(docs: Sequence[dict[str, Any]]) -> tuple[list[Example], list[Example]]:
    """Cue examples (every word) and end examples (every break after an AFTER cue up to its end)."""
    cue_ex: list[Example] = []
    end_ex: list[Example] = []
    for doc in docs:
        for _body, toks, labels, ends in labelled_sentences(doc):
            view = SentenceView(toks)
            for k, tok in enumerate(toks):
                if not is_candidate(tok):
                    continue
                cue_ex.append((cue_features(view, k), labels[k]))
                gold_end = ends[k]
                start = after_start(toks, k) if labels[k] == AFTER else None
                if start is None or gold_end is None:
                    continue
                for j in candidate_ends(toks, start):
                    hit = toks[j].start >= gold_end
                    end_ex.append((end_features(view, start, j, tok.low), int(hit and toks[j].start - gold_end <= 2)))
                    if hit:
                        break
    return cue_ex, end_ex


def span_examples(docs: Sequence[dict[str, Any]], model: CueModel) -> list[Example]:
    """Candidates of ``model`` in ``docs`` (not the ones it was fitted on), labelled as the scorer would.

    A candidate is right when at least half of it lies inside annotated content. The spans the
    rules take are taken here too, so the span model learns on what reaches it in extraction.
    """
    out: list[Example] = []
    with using_cue_model(None):
        for doc in docs:
            body = doc["text"]
            blocks = build_document(doc["doc_id"], doc["doc_id"] + ".txt", body, {}).blocks
            taken = [s for q in find_quotes(body, blocks) for s in q.spans]
            contents = [
                (s, e)
                for at in doc["attributions"][doc["annotators"][0]]
                for s, e in (at.get("content") or {}).get("spans") or []
            ]
            for lo, hi in split_sentences(body, blocks):
                if hi - lo > 2000:
                    continue
                for c in learned_candidates(model, body, lo, hi, taken):
                    a, b = c.span
                    inside = overlap_chars(contents, a, b)
                    out.append((c.features, int(inside * 2 >= b - a)))
    return out


def fit_softmax(
    data: Sequence[Example], classes: int, epochs: int = 6, min_count: int = 2, l2: float = 0.0
) -> LinearModel:
    """Multinomial logistic regression by SGD with a decaying rate, averaged over the epochs.

    Features seen fewer than ``min_count`` times are dropped; ``l2`` shrinks the weights a step
    touches. Averaging the epochs' weights keeps the last, noisiest steps from dominating.
    """
    counts = Counter(f for feats, _ in data for f in feats)
    weights: dict[str, list[float]] = {f: [0.0] * classes for f, n in counts.items() if n >= min_count}
    total: dict[str, list[float]] = {f: [0.0] * classes for f in weights}
    order = list(range(len(data)))
    rate = 0.1
    for epoch in range(epochs):
        random.Random(epoch).shuffle(order)
        for i in order:
            feats, label = data[i]
            used = [weights[f] for f in feats if f in weights]
            p = softmax_scores(weights, feats, classes)
            for w in used:
                for c in range(classes):
                    w[c] -= rate * (p[c] - (c == label) + l2 * w[c])
        rate *= 0.6
        for f, w in weights.items():
            acc = total[f]
            for c in range(classes):
                acc[c] += w[c] / epochs
    kept = {f: tuple(round(x, 3) for x in w) for f, w in total.items() if max(abs(x) for x in w) >= 0.02}
    return LinearModel(kept, classes)


def _load(path: str) -> list[dict[str, Any]]:
    opener: Any = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _write_atomic(path: str, model: CueModel) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
            f.write(json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")).encode("utf-8"))
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the model from other users of an install
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def train(docs: Sequence[dict[str, Any]], candidate: float, end: float, span: float, epochs: int) -> CueModel:
    """Cue and end models on all ``docs``; the span model on candidates cross-fitted over two halves."""
    per_doc = [examples([d]) for d in docs]
    span_ex: list[Example] = []
    for fit, apply in ((0, 1), (1, 0)):
        half = per_doc[fit::2]
        model = CueModel(
            fit_softmax([x for c, _ in half for x in c], 3, epochs),
            fit_softmax([x for _, e in half for x in e], 2, epochs),
            candidate,
            end,
        )
        span_ex.extend(span_examples(docs[apply::2], model))
    return CueModel(
        fit_softmax([x for c, _ in per_doc for x in c], 3, epochs),
        fit_softmax([x for _, e in per_doc for x in e], 2, epochs),
        candidate,
        end,
        fit_softmax(span_ex, 2, epochs),
        span,
    )


def main(argv: Sequence[str] | None = None) -> int:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description="Train the reporting-cue model on PolNeAR train.")
    ap.add_argument("path", nargs="?", default=os.path.join(os.path.dirname(root), "shared", "eval-data"))
    ap.add_argument("--out", default=os.path.join(root, "tracker", "data", MODEL_FILE))
    ap.add_argument("--cue-threshold", type=float, default=0.2, help="cue probability that makes a candidate")
    ap.add_argument("--end-threshold", type=float, default=0.7)
    ap.add_argument("--span-threshold", type=float, default=0.5, help="span model probability that keeps one")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles (to hold some out)")
    ap.add_argument("--exclude-publisher", action="append", default=[], metavar="P",
                    help="leave out this publisher's articles (repeatable), for outlet-held-out evaluation")
    a = ap.parse_args(argv)
    path = os.path.join(a.path, "polnear", "train.jsonl.gz")
    if not os.path.exists(path):
        print(f"error: PolNeAR training split not found at {path}", file=sys.stderr)
        return 1
    docs = [d for d in _load(path) if d.get("publisher") not in a.exclude_publisher][: a.limit]
    model = train(docs, a.cue_threshold, a.end_threshold, a.span_threshold, a.epochs)
    _write_atomic(a.out, model)
    span_features = len(model.span.weights) if model.span else 0
    print(
        f"wrote {a.out}: {len(model.cue.weights)} cue, {len(model.end.weights)} end "
        f"and {span_features} span features from {len(docs)} articles"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
