from __future__ import annotations

from tracker.match.normalize import misspelling_aliases, quote_key, speaker_key
from tracker.match.quote_clusters import QuoteItem, cluster_quotes
from tracker.report.model import speaker_names

LONG = "We are people who do not accept the presence of your troops on their land and we will not"


def item(article: str, qid: str, text: str, published: str | None, kind: str = "direct",
         speaker: str | None = "Omar al-Rashid", position: int = 0) -> QuoteItem:
    return QuoteItem(article, qid, text, kind, speaker, published, "Outlet " + article, position)


def test_recycled_amended_and_fragment_quotes_form_one_cluster_first_seen_earliest() -> None:
    items = [
        item("b", "q1", LONG + " …", "2019-01-01", speaker="Rashid"),
        item("a", "q2", "not accept", "2018-01-01", kind="partial", position=5),
        item("a", "q1", LONG, "2018-01-01", position=50),
        item("c", "q1", LONG.replace("your troops", "[U.S.] troops"), "2019-06-01"),
        item("c", "q2", "Something else entirely was said about the budget today by him", "2019-06-01"),
    ]
    clusters = cluster_quotes(items)
    big = next(c for c in clusters if len(c.members) > 1)
    relations = {(m.item.article, m.item.quote_id): m.relation for m in big.members}
    assert relations == {("a", "q1"): "original", ("a", "q2"): "fragment", ("b", "q1"): "verbatim",
                         ("c", "q1"): "amended"}
    assert big.first.article == "a" and big.speaker == "Omar al-Rashid"
    assert sum(len(c.members) for c in clusters) == len(items)  # every quote in exactly one cluster


def test_reviewer_decisions_split_and_join() -> None:
    items = [item("a", "q1", LONG, "2018-01-01"), item("b", "q1", LONG, "2018-02-01"),
             item("c", "q9", "An unrelated remark about schools and roads in the city", "2018-03-01")]
    apart = cluster_quotes(items, different=[("a/q1", "b/q1")])
    assert all(len(c.members) == 1 for c in apart)
    joined = cluster_quotes(items, same=[("a/q1", "c/q9")])
    assert any({m.item.article for m in c.members} == {"a", "b", "c"} for c in joined)


def test_stock_phrases_in_unrelated_coverage_stay_apart() -> None:
    short = "It was the wrong place at the wrong time"
    items = [item("a", "q1", short, "2015-01-01", speaker="A Neighbour"),
             item("b", "q1", "She was in the wrong place at the wrong time", "2016-01-01", speaker="B Aunt")]
    names = {"a": frozenset({"springfield", "elm street"}), "b": frozenset({"shelbyville", "oak avenue"})}
    clusters = cluster_quotes(items, article_names=names)
    assert all(len(c.members) == 1 for c in clusters)


def test_name_variants_and_misspellings_meet() -> None:
    variants = ["Omar al-Rashid", "Omar Rashid", "al-Rashid", "Rashid", "Gen. Rashid"]
    assert {speaker_key(n) for n in variants} == {"rashid"}
    assert misspelling_aliases(["rashidi", "rashidi", "rasihdi", "allen", "allan"]) == {"rasihdi": "rashidi"}
    names = speaker_names(["Omar al-Rashidi", "Rashidi", "Rasihdi", "Donald Trump", "Melania Trump", "Trump"])
    assert names["Rasihdi"] == names["Rashidi"] == "Omar al-Rashidi"
    assert names["Trump"] == "Trump" and names["Melania Trump"] == "Melania Trump"


def test_quote_key_ignores_case_punctuation_and_insertions() -> None:
    assert quote_key("Some will come here [to Iraq] for a stay.") == quote_key("some will come here for a stay")
