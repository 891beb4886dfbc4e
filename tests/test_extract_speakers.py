"""Speaker mentions, cues and name resolution."""

from __future__ import annotations

import pytest

from tracker.extract.attribution.cues import cue_after, cue_before
from tracker.extract.attribution.mentions import mention_after, mention_before, sentence_subject
from tracker.extract.attribution.resolve import Resolver, person_name
from tracker.extract.attribution.speakers import speaker_problem
from tracker.extract.quotes.finder import find_quotes
from tracker.records import Block, SpeakerMention


def test_person_name_strips_titles() -> None:
    assert person_name("Secretary of State Rex Tillerson") == "Rex Tillerson"
    assert person_name("U.S. Army Brig. Gen. Jonathan Braga") == "Jonathan Braga"
    assert person_name("AAH leader Qais al-Khazali") == "Qais al-Khazali"
    assert person_name("Ronald W. Reagan") == "Ronald W. Reagan"
    assert person_name("the campaign") is None
    assert person_name("Neither Smith") == "Smith"


def test_mention_before_cue() -> None:
    text = "To keep the peace, Khazali said, “we reject it.”"
    cue = text.index("said")
    m = mention_before(text, 0, cue)
    assert m == SpeakerMention("Khazali", (19, 26))


def test_mention_before_skips_time_phrases() -> None:
    """A time adjunct between the source and its verb is not the source ("Trump on Friday said")."""
    cases = {
        "Trump on Friday said": "Trump",
        "The senator last week said": "The senator",
        "Obama on Sept. 14 said": "Obama",
        "Beck, who has in the past described": "who",
        "Theresa May said": "Theresa May",  # a month name that is a surname stays
    }
    for text, source in cases.items():
        cue = text.rindex(" ") + 1
        found = mention_before(text, 0, cue)
        assert found is not None and found.text == source, text


def test_mention_before_skips_appositive() -> None:
    text = "Sara Lind, a leader in the bloc – the largest faction – said the occupation was over."
    m = mention_before(text, 0, text.index("said"))
    assert m is not None and m.text == "Sara Lind"


def test_mention_after_inverted_cue() -> None:
    text = "said Kenneth Miller, resident scholar at the institute."
    m = mention_after(text, 4, len(text))
    assert m is not None and m.text == "Kenneth Miller"


def test_cue_after_quote_variants() -> None:
    for tail, cue, mention in [
        (", he tweeted.", "tweeted", "he"),
        (" the budget overview stated.", "stated", "the budget overview"),
        (", Khazali said then.", "said", "Khazali"),
        (", according to officials.", "according to", "officials"),
        (", the campaign said in a statement.", "said in a statement", "the campaign"),
    ]:
        att = cue_after(tail, 0, len(tail))
        assert att is not None, tail
        assert att.cue == cue
        assert att.mention is not None and att.mention.text == mention


def test_cue_after_rejects_unrelated_clause() -> None:
    tail = " of Trump, whom he called a con artist."
    assert cue_after(tail, 0, len(tail)) is None


def test_cue_before_main_clause_for_partial() -> None:
    text = "The senator said Monday that the state made a “"
    att = cue_before(text, 0, len(text) - 1, adjacent=False)
    assert att is not None and att.cue == "said"
    assert att.mention is not None and att.mention.text == "The senator"


def test_gerund_cue_takes_sentence_subject() -> None:
    text = "Bush, the former governor, also attacked Jones, calling him a “"
    att = cue_before(text, 0, len(text) - 1, adjacent=False)
    assert att is not None and att.mention is not None and att.mention.text == "Bush"


def test_sentence_subject_skips_intro() -> None:
    text = "In an interview on Tuesday, the prime minister expressed hope."
    m = sentence_subject(text, 0, len(text))
    assert m is not None and m.text == "the prime minister"


def test_resolver_surnames_pronouns_and_roles() -> None:
    body = (
        "Title\n\nSen. Maria Lopez spoke first. Qais al-Rami, the group leader, said it was over.\n\n"
        "Later Rami said more, and he laughed. The senator replied.\n"
    )
    blocks = [Block(0, 5, "title"), Block(7, 88, "text"), Block(90, len(body) - 1, "text")]
    r = Resolver(body, blocks)
    r.note_speakers([SpeakerMention("Qais al-Rami", (body.index("Qais"), body.index("Qais") + 12))])
    rami = body.index("Rami said")
    assert r.resolve(SpeakerMention("Rami", (rami, rami + 4))) == "Qais al-Rami"
    he = body.index("he laughed")
    assert r.resolve(SpeakerMention("he", (he, he + 2))) == "Qais al-Rami"
    senator = body.index("The senator")
    assert r.resolve(SpeakerMention("The senator", (senator, senator + 11))) == "Maria Lopez"
    assert r.resolve(SpeakerMention("the campaign", (senator, senator + 12))) == "the campaign"


def test_title_introduced_surname_is_kept() -> None:
    body = "Title\n\nPresident Vance met Laura Vance on Monday. Vance said so.\n"
    blocks = [Block(0, 5, "title"), Block(7, len(body) - 1, "text")]
    r = Resolver(body, blocks)
    pos = body.index("Vance said")
    assert r.resolve(SpeakerMention("Vance", (pos, pos + 5))) == "Vance"


def test_relative_pronoun_source_resolves_to_antecedent() -> None:
    from test_extract_quotes import line_blocks

    from tracker.extract.quotes.finder import find_quotes

    body = "Title\n\nThe plan drew fire from Ana Ruiz, who has called it “a disaster for the city.”\n"
    (q,) = [q for q in find_quotes(body, line_blocks(body)) if q.kind != "indirect"]
    assert q.speaker_mention is not None and q.speaker_mention.text == "who"
    assert q.speaker == "Ana Ruiz"


def test_transcript_label_names_the_speaker() -> None:
    from test_extract_quotes import line_blocks

    from tracker.extract.quotes.finder import find_quotes

    body = (
        'Title\n\nPartial transcript:\n\n"HARRIS: Well, look, this is not a game show like “Quiz Night.” '
        'It is serious."\n'
    )
    found = [q for q in find_quotes(body, line_blocks(body)) if q.kind in ("direct", "partial")]
    assert found and all(q.speaker_mention is not None and q.speaker_mention.text == "HARRIS" for q in found)


def test_person_name_edge_cases() -> None:
    assert person_name("Rep. G.K. Butterfield") == "G.K. Butterfield"
    assert person_name("The Washington Post Trump") == "Trump"
    assert person_name("I’m") is None


def test_mention_before_skips_party_label_and_appositive() -> None:
    body = "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
    m = mention_before(body, 0, body.index("said"))
    assert m is not None and m.text.endswith("Jim Jordan")


def test_cue_before_prefers_main_clause_over_introduction() -> None:
    body = "In a Facebook message posted Friday, Cruz said he has had “areas of disagreement”"
    att = cue_before(body, 0, body.index("“"), adjacent=False)
    assert att is not None and att.mention is not None and att.mention.text == "Cruz"


# ---- the one speaker rule: what may stand as a speaker (tracker.extract.attribution.speakers)


def line_blocks(text: str) -> list[Block]:
    """One block per paragraph (blank-line separated); the first is the title."""
    blocks: list[Block] = []
    pos = 0
    for para in text.split("\n\n"):
        start, end = pos, pos + len(para.rstrip("\n"))
        pos += len(para) + 2
        if para.strip():
            blocks.append(Block(start, end, "title" if not blocks else "text"))
    return blocks


@pytest.mark.parametrize("text", [
    "December", "the following November", "Monday", "The", "NOW", "it",
    "That's one way you can", "She didn't", "the Rebel Army took over huge",
    "A bill", "a statement", "A video",
])
def test_non_speakers_are_refused(text: str) -> None:
    assert speaker_problem(text) is not None


@pytest.mark.parametrize("text", [
    "Jane Roe", "the senator", "a spokesman", "A police spokeswoman", "the budget overview", "The text",
    "Military commanders", "the Iraqis", "Theresa May", "May", "the rival Bina bloc", "other officials",
])
def test_speakers_pass(text: str) -> None:
    assert speaker_problem(text) is None


def test_objects_and_modifiers_are_not_sources() -> None:
    body = "He wants to subjugate Ruritania, threaten its neighbours and more."
    at = body.index("Ruritania")
    assert speaker_problem("Ruritania", SpeakerMention("Ruritania", (at, at + 9)), body) is not None
    mention = SpeakerMention("the leader of one of the militias in Ruritania", (0, 10))
    assert speaker_problem("Ruritania", mention) is not None
    body = "In a radio interview Jane Roe declared it over."
    at = body.index("Jane")
    assert speaker_problem("Jane Roe", SpeakerMention("Jane Roe", (at, at + 8)), body) is None


def test_null_speakers_say_why() -> None:
    body = ("Title here\n\nA bill introduced last year calls for sanctions on the group and its allies.\n\n"
            "It also says the group is funded from abroad.\n")
    quotes = find_quotes(body, line_blocks(body))
    assert quotes and all(q.speaker is None and q.speaker_reason for q in quotes if q.kind == "indirect")


def test_a_pronoun_does_not_jump_over_the_subject_to_a_quoted_expert() -> None:
    body = (
        "Title here\n\n"
        "“These reports show how deep the network runs,” said Jane Roe, a scholar at the institute.\n\n"
        "Almost at once after his arrest, Omar Haddad began giving up what he knew. He told "
        "interrogators where his deputy lived.\n\n"
        "Haddad also gave details of the money. He described trips abroad to set up the funding.\n"
    )
    quotes = [q for q in find_quotes(body, line_blocks(body)) if q.kind == "indirect"]
    he = [q for q in quotes if q.speaker_mention and q.speaker_mention.text == "He"]
    assert len(he) == 2 and all(q.speaker == "Omar Haddad" for q in he)


@pytest.mark.parametrize("text", [
    "that neighbors", "The special", "both face", "many lingering", "since both", "or outright",
    "Several hours earlier", "Saturday at Ridgeview Town Homes after police", "The metal gate",
    "other family members carried signs", "Alex loved helping people", "many legislators called",
    "The investigation focuses", "the Senate seat", "McDonald Ave", "Several",
])
def test_junk_phrases_are_no_speakers(text: str) -> None:
    """Clause pieces, time phrases, streets and descriptions of things that do not speak."""
    assert speaker_problem(text) is not None


@pytest.mark.parametrize("text", [
    "a friend of the female victim", "those who lived by the family", "The girl’s relatives",
    "The linguist", "Bystanders", "one neighbor", "the probable cause statement", "Young people at the scene",
    "Trump’s adoring fans", "a retired officer", "the Mexican government", "Tea Party organizers",
])
def test_descriptions_of_sources_pass(text: str) -> None:
    assert speaker_problem(text) is None


def test_a_title_before_a_name_keeps_a_role_word_surname() -> None:
    assert person_name("Rep. Peter King") == "Peter King"
    assert person_name("the Saudi King") is None


def _resolver(body: str) -> Resolver:
    return Resolver(body, line_blocks(body))


def _at(body: str, text: str, nth: int = 0) -> SpeakerMention:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return SpeakerMention(text, (start, start + len(text)))


def test_an_indefinite_description_is_someone_new() -> None:
    """"A clinic spokesman" is not the person named before him; "the spokesman" after him is him."""
    body = ("Title\n\nDr. Ann Cole treated the boy, Cole said. A clinic spokesman said the boy was stable.\n\n"
            "The spokesman said he would go home soon. The official said more.\n")
    r = _resolver(body)
    indefinite = _at(body, "A clinic spokesman")
    r.note_speakers([_at(body, "Cole", 1), indefinite])
    assert r.speaker(indefinite) == ("A clinic spokesman", None)
    assert r.speaker(_at(body, "The spokesman")) == ("A clinic spokesman", None)
    he = body.index("he would")
    assert r.speaker(SpeakerMention("he", (he, he + 2)))[0] == "A clinic spokesman"
    # no one introduced as an official: the description stays as written, never a guess
    assert r.speaker(_at(body, "The official")) == ("The official", None)


def test_a_name_in_apposition_after_a_description() -> None:
    body = "Title\n\n“We disagree,” the Republican leader, Michael Thibodeau, said on Monday.\n"
    assert _resolver(body).speaker(_at(body, "the Republican leader"))[0] == "Michael Thibodeau"


def test_a_word_capitalised_only_where_a_sentence_opens_is_no_name() -> None:
    body = ("Title\n\nKnown for his temper, Jo Hale spoke. Known said it was over.\n\n"
            "Then Hale met Brandt. Brandt said it was over too.\n")
    r = _resolver(body)
    speaker, why = r.speaker(_at(body, "Known", 1))
    assert speaker is None and why is not None and "sentence opens" in why
    assert r.speaker(_at(body, "Brandt", 1)) == ("Brandt", None)


def test_a_dateline_and_a_cut_short_modifier_abstain() -> None:
    body = "Title\n\nWASHINGTON — The vote was close.\n\nIraqi politicians were angry at the visit.\n"
    r = _resolver(body)
    assert r.speaker(_at(body, "WASHINGTON"))[0] is None
    assert r.speaker(_at(body, "Iraqi"))[0] is None


def test_a_document_speaks_for_its_issuer() -> None:
    body = "Title\n\nThe deputy fired, according to a statement from the county sheriff's office Monday.\n"
    assert _resolver(body).speaker(_at(body, "a statement"))[0] == "the county sheriff's office"


def test_a_time_before_the_cue_gives_way_to_the_subject() -> None:
    """"Democrats …, and on Wednesday said": the sentence's subject said it."""
    for body, source in [
        ("Title\n\nDemocrats have continued to call for Mr. Hale’s ouster, and on Wednesday said they were "
         "scheduling meetings with the leadership.\n", "Democrats"),
        ("Title\n\nProtesters gathered outside Mr. Hale’s office on Wednesday, calling for him to step aside.\n",
         "Protesters"),
    ]:
        quotes = [q for q in find_quotes(body, line_blocks(body)) if q.kind == "indirect"]
        assert quotes and quotes[-1].speaker == source
        assert quotes[-1].speaker_mention is not None and quotes[-1].speaker_mention.text == source


def test_a_raising_verb_keeps_the_speech_cue_speaker() -> None:
    body = "Title\n\nWilliams is expected to be moved to the county jail on Friday, Duke George said.\n"
    quotes = [q for q in find_quotes(body, line_blocks(body)) if q.kind == "indirect"]
    assert quotes and quotes[0].speaker == "Duke George"
