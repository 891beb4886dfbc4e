"""The gold scorer on tiny synthetic inputs, and the gold file checked against the seed texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from gold_scoring import (
    Gold,
    GoldClaim,
    GoldQuote,
    MemberRef,
    PredClaim,
    PredCluster,
    PredClusterMember,
    PredGroup,
    PredQuote,
    format_scores,
    load_gold,
    normalize,
    number_tokens,
    parse_claim_file,
    parse_gold,
    parse_report,
    resolve_articles,
    score,
    score_claims,
    score_clusters,
    score_groups,
    score_output,
    score_quotes,
    speaker_key,
    surfaces_overlap,
    text_overlap,
)

REPO = Path(__file__).resolve().parent.parent
GOLD_PATH = REPO / "tests" / "gold" / "seeds.yaml"
SEEDS = REPO / "seeds"

A, B = "a1", "b2"


def gq(
    key: str, text: str, kind: str = "direct", speaker: str | None = "Rex Tillerson", **kw: object
) -> GoldQuote:
    if kind == "term":
        speaker = None
    return GoldQuote(article=kw.pop("article", A), key=key, text=text, kind=kind, speaker=speaker, **kw)  # type: ignore[arg-type]


def pq(
    pid: str, text: str, kind: str = "direct", speaker: str | None = "Tillerson", article: str = A
) -> PredQuote:
    return PredQuote(article=article, id=pid, text=text, kind=kind, speaker=speaker)


def gc(key: str, value: float, surface: str, context: str | None = None, **kw: object) -> GoldClaim:
    return GoldClaim(
        article=kw.pop("article", A),  # type: ignore[arg-type]
        key=key,
        value=value,
        approximate=kw.pop("approximate", False),  # type: ignore[arg-type]
        counted="things",
        surface=surface,
        context=context,
        **kw,  # type: ignore[arg-type]
    )


def pc(pid: str, value: float, surface: str, sentence: str | None = None, **kw: object) -> PredClaim:
    return PredClaim(
        article=kw.pop("article", A),  # type: ignore[arg-type]
        id=pid,
        value=value,
        approximate=kw.pop("approximate", False),  # type: ignore[arg-type]
        surface=surface,
        sentence=sentence,
        **kw,  # type: ignore[arg-type]
    )


# --- text helpers -----------------------------------------------------------------------------


def test_normalize_strips_punctuation_case_and_space() -> None:
    assert normalize("“We’re  going,\n to STAY…”") == "we re going to stay"
    assert normalize("U.S.-led") == "u s led"
    assert normalize("$850 million") == "850 million"


def test_text_overlap_is_shared_characters_over_longer() -> None:
    assert text_overlap("dark night.", "Dark night") == 1.0
    assert text_overlap("abcd", "abcdefgh") == pytest.approx(0.5)
    assert text_overlap("dark night", "We will turn it into a dark night and more words here") < 0.5
    assert text_overlap("", "x") == 0.0


def test_speaker_key_uses_last_name_without_al() -> None:
    assert (
        speaker_key("Qais al-Khazali")
        == speaker_key("Al-Khazali")
        == speaker_key("Qais Khazali")
        == "khazali"
    )
    assert speaker_key("Secretary of State Rex Tillerson") == "tillerson"
    assert speaker_key("") is None
    assert speaker_key(None) is None


def test_number_tokens_and_surface_overlap() -> None:
    assert number_tokens("an estimated 5,200") == {"5200"}
    assert number_tokens("hundreds of") == {"hundred"}
    assert number_tokens("three-year") == {"three"}
    assert surfaces_overlap("5200", "5,200")
    assert surfaces_overlap("850 million", "$850 million")
    assert not surfaces_overlap("$300 million", "$850 million")
    assert surfaces_overlap("2", "Oct. 2, 2017")
    assert not surfaces_overlap("2", "20")
    assert surfaces_overlap("Five", "five")


# --- quotes -----------------------------------------------------------------------------------


def test_perfect_quotes() -> None:
    gold = [
        gq("q1", "Iraq is at an important juncture in its history,"),
        gq("q2", "strong partner", "partial"),
    ]
    pred = [pq("p2", "strong partner"), pq("p1", "“Iraq is at an important juncture in its history”")]
    s = score_quotes(gold, pred)
    assert (s.precision, s.recall, s.speaker_accuracy) == (1.0, 1.0, 1.0)
    assert s.kind_accuracy == 0.5  # p2 says direct, gold says partial
    assert [g.key for g, _ in s.wrong_kinds] == ["q2"]


def test_quote_needs_half_overlap_and_same_article() -> None:
    gold = [gq("q1", "We ask Iran to withdraw and send their forces home")]
    pred = [
        pq("p1", "We ask Iran to withdraw", article=B),  # other article
        pq("p2", "We ask Iran"),  # 11 of 51 characters
    ]
    s = score_quotes(gold, pred)
    assert s.true_positives == 0
    assert s.precision == 0.0 and s.recall == 0.0
    assert len(s.misses) == 1 and len(s.false_positives) == 2


def test_matching_is_one_to_one_best_first() -> None:
    gold = [gq("q1", "dark night"), gq("q2", "we will turn it into a dark night")]
    pred = [pq("p1", "we will turn it into a dark night"), pq("p2", "we will turn it into a dark night")]
    s = score_quotes(gold, pred)
    # p1 takes q2 (exact); p2 overlaps q1 by 10/33 < 0.5: a false positive; q1 is missed.
    assert s.true_positives == 1
    assert s.precision == 0.5 and s.recall == 0.5


def test_split_quote_joined_matches() -> None:
    gold = [gq("q1", "And if they do not leave, we have the experience and the ability to eject them")]
    pred = [pq("p1", "And if they do not leave")]  # only the first part: 23 of 69 characters
    assert score_quotes(gold, pred).recall == 0.0
    pred = [pq("p1", "And if they do not leave, we have the experience and the ability to eject them")]
    assert score_quotes(gold, pred).recall == 1.0


def test_terms_are_scored_apart_from_quotes() -> None:
    gold = [gq("t1", "League of the Righteous", "term"), gq("q1", "dark night", "partial")]
    # The term predicted as a partial quote is a false quote; the quote predicted as a term is a miss.
    pred = [pq("p1", "League of the Righteous", "partial"), pq("p2", "dark night", "term")]
    s = score_quotes(gold, pred)
    assert (s.precision, s.recall) == (0.0, 0.0)
    assert (s.term_precision, s.term_recall) == (0.0, 0.0)
    pred = [pq("p1", "League of the Righteous", "term", None), pq("p2", "dark night", "partial")]
    s = score_quotes(gold, pred)
    assert (s.precision, s.recall, s.term_precision, s.term_recall) == (1.0, 1.0, 1.0, 1.0)
    assert s.speakers_scored == 1


def test_headline_counts_as_a_quote_and_indirect_is_ignored() -> None:
    gold = [gq("h1", "Eject Them By Other Means", "headline", "Qais al-Khazali")]
    pred = [
        pq("p1", "Eject Them By Other Means", "headline", "Khazali"),
        pq("p2", "he said the parliament would vote", "indirect"),
    ]
    s = score_quotes(gold, pred)
    assert (s.precision, s.recall, s.speaker_accuracy, s.predicted) == (1.0, 1.0, 1.0, 1)


def test_optional_gold_quote_counts_nowhere() -> None:
    gold = [
        gq("o1", "train and equip", "partial", "Pentagon", optional=True),
        gq("q1", "strong partner", "partial"),
    ]
    for pred in (
        [pq("p1", "strong partner")],
        [pq("p1", "strong partner"), pq("p2", "train and equip", "term")],
        [pq("p1", "strong partner"), pq("p2", "train and equip", "partial")],
    ):
        s = score_quotes(gold, pred)
        assert (s.precision, s.recall, s.term_precision, s.gold) == (1.0, 1.0, 1.0, 1)


def test_speaker_accuracy_by_last_name_and_aliases() -> None:
    gold = [
        gq("q1", "first quoted statement here", speaker="Qais al-Khazali"),
        gq("q2", "second quoted statement here", speaker="Bina bloc", speaker_aliases=("Bina",)),
        gq("q3", "third quoted statement here", speaker="Rex Tillerson"),
        gq("q4", "fourth quoted statement here", speaker="Donald Trump"),
    ]
    pred = [
        pq("p1", "first quoted statement here", speaker="Al-Khazali"),
        pq("p2", "second quoted statement here", speaker="Bina"),
        pq("p3", "third quoted statement here", speaker=None),
        pq("p4", "fourth quoted statement here", speaker="Sabah al-Saidi"),
    ]
    s = score_quotes(gold, pred)
    assert s.speaker_accuracy == 0.5
    assert [g.key for g, _ in s.wrong_speakers] == ["q3", "q4"]


def test_empty_denominators_give_one() -> None:
    s = score_quotes([], [])
    assert (s.precision, s.recall, s.speaker_accuracy, s.kind_accuracy) == (1.0, 1.0, 1.0, 1.0)


# --- claims -----------------------------------------------------------------------------------


def test_claims_value_surface_and_context() -> None:
    gold = [
        gc("troops", 5200, "5,200", "an estimated 5,200 U.S. troops", approximate=True),
        gc("money", 850e6, "$850 million", "includes $850 million"),
    ]
    pred = [
        pc("c1", 5200, "5,200", "There are an estimated 5,200 U.S. troops in Iraq.", approximate=False),
        pc("c2", 850_000_000.0000001, "850 million", "It includes $850 million to train."),
    ]
    s = score_claims(gold, pred)
    assert (s.precision, s.recall) == (1.0, 1.0)
    assert s.approximate_agreement == 0.5
    assert [g.key for g, _ in s.wrong_approximate] == ["troops"]


def test_claim_wrong_value_or_context_does_not_match() -> None:
    gold = [gc("a1", 27, "27", "Cardin, 27"), gc("a2", 27, "27", "Moriarty, 27")]
    pred = [
        pc("c1", 27, "27", "Marine Staff Sgt. Louis Cardin, 27, of Temecula"),
        pc("c2", 27, "27", "Sgt. Kevin McEnroe, 30, and Staff Sgt. James Moriarty, 27, were shot"),
        pc("c3", 27, "27", "Some other sentence with 27 in it"),
        pc("c4", 26, "26", "Marine Staff Sgt. Louis Cardin, 26, of Temecula"),
    ]
    s = score_claims(gold, pred)
    assert s.true_positives == 2
    assert {p.id for p in s.false_positives} == {"c3", "c4"}
    assert s.precision == 0.5 and s.recall == 1.0


def test_missing_sentence_skips_context_check() -> None:
    s = score_claims([gc("a", 15, "15", "control of 15 seats")], [pc("c", 15, "15 seats", None)])
    assert s.recall == 1.0


def test_optional_claims_are_neutral() -> None:
    gold = [
        gc("age", 20, "20", "Missildine, 20"),
        gc("date", 2017, "Oct. 2, 2017", "on Oct. 2, 2017", optional=True),
    ]
    sentence = "Army Spc. Alexander Missildine, 20, of Tyler, Texas, killed on Oct. 2, 2017."
    pred = [pc("c1", 20, "20", sentence), pc("c2", 2, "2", sentence), pc("c3", 2017, "2017", sentence)]
    s = score_claims(gold, pred)
    assert (s.precision, s.recall, s.gold, s.neutral) == (1.0, 1.0, 1, 2)
    s = score_claims(gold, [pc("c1", 20, "20", sentence)])
    assert (s.precision, s.recall) == (1.0, 1.0)


def test_range_and_alt_values() -> None:
    gold = [
        gc("jailed", 2007, "2007 to 2010", "from 2007 to 2010", high=2010),
        gc("reports", 12, "dozens", "declassified dozens of", alt_values=(24,), approximate=True),
    ]
    sentence = "Al-Khazali was jailed by British and US forces from 2007 to 2010 for his role."
    other = "U.S. Central Command recently declassified dozens of Khazali's interrogation reports."
    # A tool that reads the range as one claim, or as its two ends: both are right.
    one = [
        pc("c1", 2007, "2007 to 2010", sentence, high=2010),
        pc("c2", 24, "dozens", other, approximate=True),
    ]
    two = [pc("c1", 2007, "2007", sentence), pc("c2", 2010, "2010", sentence), pc("c3", 12, "dozens", other)]
    for pred in (one, two):
        s = score_claims(gold, pred)
        assert (s.precision, s.recall) == (1.0, 1.0)
    # Only the high end is still a hit; a duplicate of the same end is not.
    s = score_claims(gold, [pc("c1", 2010, "2010", sentence), pc("c2", 2010, "2010", sentence)])
    assert (s.true_positives, len(s.false_positives)) == (1, 1)


def test_claims_other_article_do_not_match() -> None:
    s = score_claims([gc("seats", 15, "15")], [pc("c1", 15, "15", article=B)])
    assert (s.precision, s.recall) == (0.0, 0.0)


# --- clusters and groups ----------------------------------------------------------------------


def _gold_with_sets() -> Gold:
    quotes = (
        gq("full", "We will turn it into a dark night", speaker="Qais al-Khazali"),
        gq("frag", "dark night", "partial", "Qais al-Khazali"),
        gq("full", "We will turn it into a dark night …", speaker="Qais al-Khazali", article=B),
    )
    claims = (
        gc("troops", 5200, "5,200", "estimated 5,200 U.S. troops", approximate=True),
        gc("troops", 5000, "some 5,000", "some 5,000 U.S. troops", approximate=True, article=B),
    )
    return parse_gold(
        {
            "articles": {
                art: {
                    "quotes": [
                        {"key": q.key, "text": q.text, "kind": q.kind, "speaker": q.speaker}
                        for q in quotes
                        if q.article == art
                    ],
                    "claims": [
                        {
                            "key": c.key,
                            "value": c.value,
                            "approximate": c.approximate,
                            "counted": c.counted,
                            "surface": c.surface,
                            "context": c.context,
                        }
                        for c in claims
                        if c.article == art
                    ],
                }
                for art in (A, B)
            },
            "clusters": [
                {
                    "id": "dark",
                    "speaker": "Qais al-Khazali",
                    "first_seen": A,
                    "members": [
                        {"article": A, "quote": "full"},
                        {"article": B, "quote": "full"},
                        {"article": A, "quote": "frag"},
                    ],
                }
            ],
            "groups": [
                {
                    "id": "troops",
                    "status": "conflict",
                    "members": [{"article": A, "claim": "troops"}, {"article": B, "claim": "troops"}],
                }
            ],
        }
    )


def test_cluster_found_only_when_one_cluster_holds_every_member() -> None:
    gold = _gold_with_sets()
    full_a = PredClusterMember(A, "we will turn it into a dark night")
    full_b = PredClusterMember(B, "We will turn it into a dark night …")
    frag_a = PredClusterMember(A, "dark night")
    together = [PredCluster("k1", (full_a, full_b, frag_a))]
    apart = [PredCluster("k1", (full_a, full_b)), PredCluster("k2", (frag_a,))]
    wrong_article = [PredCluster("k1", (full_a, PredClusterMember(A, full_b.text), frag_a))]
    assert score_clusters(gold, together)[0].found
    named = [PredCluster("k1", (full_a, full_b, frag_a), speaker="Al-Khazali", first_seen=B)]
    r = score_clusters(gold, named)[0]
    assert r.found and r.detail == f"speaker 'Al-Khazali', first seen {B!r} (expected {A!r})"
    r = score_clusters(gold, apart)[0]
    assert not r.found and (r.best, r.members_found, r.members) == ("k1", 2, 3)
    assert not score_clusters(gold, wrong_article)[0].found
    assert not score_clusters(gold, [])[0].found


def test_group_needs_all_values_and_status() -> None:
    gold = _gold_with_sets()
    v_a = pc("a-c1", 5200, "5,200", "There are an estimated 5,200 U.S. troops in Iraq.")
    v_b = pc("b-c1", 5000, "5,000", "there are currently some 5,000 U.S. troops in Iraq", article=B)
    assert score_groups(gold, [PredGroup("g1", "conflict", (v_a, v_b))])[0].found
    r = score_groups(gold, [PredGroup("g1", "consistent", (v_a, v_b))])[0]
    assert not r.found and "consistent" in r.detail
    split = [PredGroup("g1", "conflict", (v_a,)), PredGroup("g2", "conflict", (v_b,))]
    assert not score_groups(gold, split)[0].found


def test_score_and_format_together() -> None:
    gold = _gold_with_sets()
    s = score(gold, [pq("p1", "dark night", "partial", "Khazali")], [], [], [])
    text = format_scores(s)
    assert "quotes   precision 1.000 (1/1)  recall 0.333 (1/3)" in text
    assert "cluster  dark: MISSING" in text and "group    troops: MISSING" in text
    assert "number miss" in text


# --- readers ----------------------------------------------------------------------------------


def test_readers_follow_the_output_contract(tmp_path: Path) -> None:
    claim_file = {
        "article": {"id": A, "title": "t"},
        "quotes": [
            {
                "id": "a1-q1",
                "text": "strong partner",
                "spans": [[10, 24]],
                "speaker": "Rex Tillerson",
                "speaker_mention": {"text": "Rex Tillerson", "span": [0, 13]},
                "cue": "said",
                "kind": "partial",
            },
            {
                "id": "a1-q2",
                "text": "dark night",
                "spans": [[30, 40]],
                "speaker": None,
                "speaker_mention": None,
                "cue": None,
                "kind": "partial",
            },
        ],
        "claims": [
            {
                "id": "a1-c1",
                "value": 5200,
                "unit": None,
                "approximate": True,
                "surface": "5,200",
                "span": [50, 55],
                "sentence": "There are an estimated 5,200 U.S. troops in Iraq.",
            },
        ],
    }
    (tmp_path / f"{A}.yaml").write_text(yaml.safe_dump(claim_file), encoding="utf-8")
    quotes, claims = parse_claim_file(claim_file, "ignored")
    assert [q.speaker for q in quotes] == ["Rex Tillerson", None] and quotes[0].article == A
    assert claims[0].value == 5200.0 and claims[0].approximate
    report = {
        "articles": [],
        "quote_clusters": [
            {
                "id": "k1",
                "speaker": "Qais al-Khazali",
                "canonical": "dark night",
                "first_seen": {"article": A, "published": "2018-02-14"},
                "members": [
                    {
                        "quote_id": "a1-q2",
                        "article": A,
                        "outlet": "x",
                        "published": "2018-02-14",
                        "text": "dark night",
                        "speaker": None,
                        "relation": "exact",
                        "score": 1.0,
                    }
                ],
            }
        ],
        "claim_groups": [
            {
                "id": "g1",
                "status": "conflict",
                "unit": None,
                "values": [
                    {
                        "claim_id": "a1-c1",
                        "article": A,
                        "outlet": "x",
                        "published": "2018-02-14",
                        "value": 5200,
                        "approximate": True,
                        "surface": "5,200",
                        "sentence": "There are an estimated 5,200 U.S. troops in Iraq.",
                    }
                ],
            }
        ],
    }
    clusters, groups = parse_report(report)
    assert clusters[0].members[0].text == "dark night"
    assert (clusters[0].speaker, clusters[0].first_seen) == ("Qais al-Khazali", A)
    assert groups[0].values[0].id == "a1-c1" and groups[0].values[0].article == A
    gold = parse_gold(
        {
            "articles": {
                A: {
                    "quotes": [
                        {"key": "q", "text": "strong partner,", "kind": "partial", "speaker": "Rex Tillerson"}
                    ],
                    "claims": [
                        {
                            "key": "t",
                            "value": 5200,
                            "approximate": True,
                            "counted": "troops",
                            "surface": "5,200",
                            "context": "estimated 5,200",
                        }
                    ],
                }
            }
        }
    )
    s = score_output(gold, tmp_path, json.dumps(report))
    assert (s.quotes.precision, s.quotes.recall, s.quotes.speaker_accuracy) == (0.5, 1.0, 1.0)
    assert (s.claims.precision, s.claims.recall) == (1.0, 1.0)


def test_report_members_are_named_by_claim_file_ids() -> None:
    quotes = [pq("a1-q2", "dark night")]
    claims = [pc("a1-c1", 5200, "5,200")]
    member = PredClusterMember("Some Title", "dark night", "a1-q2")
    clusters = [PredCluster("k", (member,), first_seen="x/a1.txt")]
    groups = [
        PredGroup("g", "conflict", (pc("a1-c1", 5200, "5,200", article="seeds/a1.txt"),)),
        PredGroup("h", "conflict", (pc("zz", 5200, "5,200", article="elsewhere"),)),
    ]
    fixed_clusters, fixed_groups = resolve_articles(clusters, groups, quotes, claims)
    assert fixed_clusters[0].members[0].article == A and fixed_clusters[0].first_seen == A
    assert [g.values[0].article for g in fixed_groups] == [A, "elsewhere"]


def test_parse_gold_rejects_bad_shapes() -> None:
    base = {"key": "q", "text": "x", "kind": "direct", "speaker": "X"}
    with pytest.raises(ValueError, match="unknown kind"):
        parse_gold({"articles": {A: {"quotes": [{**base, "kind": "quote"}]}}})
    with pytest.raises(ValueError, match="no speaker"):
        parse_gold({"articles": {A: {"quotes": [{**base, "kind": "term"}]}}})
    with pytest.raises(ValueError, match="duplicate"):
        parse_gold({"articles": {A: {"quotes": [base, base]}}})
    with pytest.raises(KeyError):
        parse_gold(
            {
                "articles": {A: {"quotes": [base]}},
                "clusters": [{"id": "c", "members": [{"article": A, "quote": "nope"}]}],
            }
        )
    claim = {"key": "c", "value": 1, "approximate": False, "counted": "x", "surface": "1", "optional": True}
    with pytest.raises(ValueError, match="optional"):
        parse_gold(
            {
                "articles": {A: {"claims": [claim]}},
                "groups": [{"id": "g", "status": "conflict", "members": [{"article": A, "claim": "c"}]}],
            }
        )


# --- the gold file itself ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> Gold:
    return load_gold(GOLD_PATH)


def _seed(article: str) -> str:
    return normalize((SEEDS / f"{article}.txt").read_text(encoding="utf-8"))


def _found_in(text: str, seed: str, max_gap: int = 40) -> bool:
    """``text`` occurs in ``seed``, or its two parts do with at most ``max_gap`` characters between."""
    if f" {text} " in f" {seed} ":
        return True
    words = text.split()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        start = seed.find(head)
        while start != -1:
            rest = start + len(head)
            if 0 <= seed.find(tail, rest) - rest <= max_gap:
                return True
            start = seed.find(head, start + 1)
    return False


def test_gold_articles_are_the_seeds(gold: Gold) -> None:
    articles = {q.article for q in gold.quotes} | {c.article for c in gold.claims}
    assert articles == {p.stem for p in SEEDS.glob("*.txt")}


def test_gold_quotes_are_in_their_articles(gold: Gold) -> None:
    missing = [(q.article, q.key) for q in gold.quotes if not _found_in(normalize(q.text), _seed(q.article))]
    assert missing == []


def test_gold_claim_contexts_are_unique_and_hold_the_surface(gold: Gold) -> None:
    bad = []
    for c in gold.claims:
        seed, context = _seed(c.article), normalize(c.context or "")
        if not context or seed.count(context) != 1 or not surfaces_overlap(c.surface, c.context or ""):
            bad.append((c.article, c.key))
    assert bad == []


def test_gold_sets_span_articles(gold: Gold) -> None:
    for refs in [c.members for c in gold.clusters] + [g.members for g in gold.groups]:
        assert len({r.article for r in refs}) >= 2
    assert all(isinstance(r, MemberRef) for g in gold.groups for r in g.members)
