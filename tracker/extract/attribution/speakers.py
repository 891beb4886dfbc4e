"""What may stand as a quote's speaker: one rule, used by every path that sets a speaker.

A speaker is a person, an organisation, a group or a document named or described in the
article. Mention scans work on word shapes, so now and then they hand over something else: a
date ("December"), a weekday, a lone determiner ("The"), a piece of a sentence ("That's one way
you can", "the Islamic State took over huge"), a thing not yet identified ("A bill", "a
statement"), the object of another verb or preposition ("to subjugate Syria, threaten …"), or a
pronoun nothing resolves. A wrong name on a quote is worse than none, so such a speaker is
dropped and ``speaker_problem`` says why; the claim file keeps the reason in ``speaker_reason``.

The rule reads word classes of general English (function words, auxiliaries, time words,
common irregular past tenses), never names from particular articles.
"""

from __future__ import annotations

import re

from ...lexicon import MONTHS, WEEKDAYS, wordset
from ...records import SpeakerMention
from .lexicon import CUE_VERBS, PRONOUNS, SKIPPABLE, SOURCE_NOUNS, STOP_WORDS, TITLE_WORDS

__all__ = ["NO_SOURCE", "is_source_noun", "speaker_problem"]

#: The reason given when no words near the quote name a source at all.
NO_SOURCE = "no source named near the quote"

#: Time words: a date or a time is when something was said, never who said it. ("May" alone is
#: left out: it is also a surname, and a capitalised "May" before a verb is more often the person.)
_TIME_WORDS = wordset(
    """
    today yesterday tomorrow tonight morning afternoon evening night week weekend month year decade
    century spring summer autumn fall winter weeks months years days day hours hour moment minute
    minutes seconds
    """
) | (MONTHS - {"may"}) | WEEKDAYS
#: Words that lead a time phrase ("the following November", "last week", "a few minutes").
_TIME_LEADS = wordset(
    "the this that last next following previous early late earlier later each every same mid a few several couple"
)
#: Numbers, ordinals and quantifiers: with no noun after them they count sources but name none
#: ("A third", "The six", "All three", "Other").
_COUNT_WORDS = wordset(
    """
    one two three four five six seven eight nine ten eleven twelve first second third fourth fifth
    sixth seventh eighth ninth tenth other others another all both several many few most
    """
)
#: Sentence adverbs and indefinite pronouns that open a clause and are never a source.
_CLAUSE_OPENERS = wordset(
    """
    regardless moreover furthermore nevertheless nonetheless anyone everyone someone nobody anybody
    somebody everybody whoever
    """
)
#: A party and state tag ("D-Calif.", "R-Ky."): it follows a name and is never one.
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")

#: Named limits of the speaker-word tests.
_POSSESSIVE = len("’s")  # characters of a possessive ending stripped to reach its owner
_SURNAME_MIN = 3  # letters of a lone surname at least: "Li" is too often a word or an initial
_SUFFIXED_MIN = 4  # letters of a word read by its source suffix ("-ist", "-er") beyond the suffix itself
_PARTICIPLE_MIN = 4  # letters of an "-ed" participle ("retired"): "red", "bed" are not
_CLAUSE_MIN_WORDS = 3  # words of a phrase before an "-ed" verb for it to read as a clause
_THING_MAX_WORDS = 3  # "video shows": a thing that speaks is named in a few words

#: Words that never make a speaker on their own: function words and sentence adverbs ("NOW").
_FUNCTION_WORDS = STOP_WORDS | wordset(
    """
    a an the this that these those some any each every no none all both either neither such
    now then here there so yet still also just only even however meanwhile instead later earlier
    today yesterday why how what where when whether if not
    """
)
#: Personal pronouns; inside a longer phrase they mark a clause ("one way you can"), not a name.
_CLAUSE_PRONOUNS = PRONOUNS | wordset("you me us them him")
#: Auxiliaries and modals: a finite verb inside a "name" makes it a piece of a clause.
_AUXILIARIES = wordset(
    "is are was were be been being am has have had do does did can could will would shall should may might must"
)
#: Common irregular past tenses (regular ones end in -ed and are too often adjectives to list):
#: after a subject they mark a clause ("the Islamic State took over huge").
_IRREGULAR_PAST = wordset(
    """
    took made gave went came got saw knew thought found left felt kept held brought began ran won
    lost paid met sent built fell stood put set became grew drew drove flew rose spoke broke chose
    hid bought sought caught taught fought threw wore tore swore sold
    """
)
#: Pronouns that stand for someone named elsewhere (relative ones included): without an
#: antecedent they name no one; their case marks them as subjects.
_RESOLVED_PRONOUNS = PRONOUNS | wordset("who which")
#: Contractions ("didn't", "we'll", "That's"): a pronoun with its verb, never a name.
_CONTRACTION_ENDS = ("n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m")
#: Words after which a noun phrase is an object, not the subject of a reporting verb.
_OBJECT_PREPOSITIONS = wordset(
    "of in on at into onto over about against between among under within toward towards through across"
)
#: Words after which the next word is a verb: "to" and subject pronouns ("to subjugate", "He leads").
_VERB_SUBJECTS = wordset("to he she they we i it who")
#: Words are read back at most this far (a bound, so the scan is constant time).
_LONGEST_WORD = 40
#: Lower-case words that may stand right before a clause's subject (conjunctions, complementisers,
#: sentence adverbs); any other lower-case word there is a verb or an adjective taking an object.
_SUBJECT_OPENERS = STOP_WORDS | SKIPPABLE | wordset(
    """
    and but or nor so yet that because although though since while whereas unless until after before
    when whenever where once if as than then now meanwhile however instead also still even only just
    perhaps maybe indeed thus hence therefore besides moreover furthermore first second finally
    according like unlike including
    """
) | _TIME_WORDS  # "Early this week Rashid said": a time phrase may open the clause
#: Things that speak only once identified ("the report", "the bill's text"); with "a"/"an" or
#: no determiner they are not yet a source ("A bill", "a statement", "A video").
_THING_HEADS = wordset(
    """
    statement video report study poll survey memo letter document documents filing overview release
    text passage book cable sign website site editorial announcement complaint lawsuit petition
    transcript tweet ad ads email e-mail emails message post column paper bill law measure
    resolution order decree proposal plan draft photo image footage clip recording interview
    """
)
#: Person, group and organisation heads that may be indefinite ("a spokesman", "a witness").
_PERSON_HEADS = (SOURCE_NOUNS | TITLE_WORDS | wordset(
    """
    witness witnesses neighbour neighbours relative relatives resident student students man woman
    men women person people official source sources group spokesperson
    """
)) - _THING_HEADS


def _words(text: str) -> list[str]:
    return [w.strip(".,;:()[]\"“”‘’'") for w in text.split()]


def speaker_problem(text: str | None, mention: SpeakerMention | None = None, body: str | None = None) -> str | None:
    """Why ``text`` cannot be a quote's speaker, or None when it can.

    ``text`` is the speaker as resolved (or the mention as written when nothing resolved it);
    with ``mention`` and ``body`` the words right before the mention are read too, so that an
    object ("subjugate Syria", "information on other militias") is not taken for a source.
    """
    if text is None or not text.strip():
        if mention is not None and mention.text.lower() in _RESOLVED_PRONOUNS:
            return f"the pronoun {mention.text!r} refers to no one named before it"
        return NO_SOURCE
    words = [w for w in _words(text) if w]
    if not words:
        return NO_SOURCE
    lows = [w.lower() for w in words]
    quoted = repr(" ".join(text.split()))
    if len(words) == 1 and lows[0] in PRONOUNS:
        return f"the pronoun {quoted} refers to no one named before it"
    if lows[-1].replace("’", "'") == "let's":
        return f"{quoted} ends in 'let's': a suggestion ('let's say'), no one speaks"
    if len(words) == 1 and lows[0] in _FUNCTION_WORDS | _CLAUSE_OPENERS:
        return f"{quoted} is a function word, not a source"
    if len(words) == 1 and _PARTY_TAG.match(words[0]):
        return f"{quoted} is a party and state tag, not a name"
    if all(w in _COUNT_WORDS or w in _FUNCTION_WORDS or w.isdigit() for w in lows):
        return f"{quoted} counts sources but names none"
    if words[0].islower() and (lows[0] in _OBJECT_PREPOSITIONS or lows[0] in _CLAUSE_LINKS
                               or (len(lows) > 1 and lows[1] in _AGENT_WORDS)):
        return f"{quoted} is a piece of a sentence, not a source"
    if body is not None and mention is not None and _common_word(words, mention, body):
        return f"{quoted} is a common word of this article, not a name"
    if _is_time(lows):
        return f"{quoted} names a time, not a source"
    if _is_clause(words, lows):
        return f"{quoted} is a piece of a sentence, not a source"
    if _unidentified(words, lows):
        return f"{quoted} is not an identified source"
    if len(words) > 1 and lows[-1].rstrip(".") in _PLACE_ENDS:
        return f"{quoted} names a place, not a source"
    if not _source_head(words, lows):
        return f"{quoted} is not a person, organisation, group or document"
    if mention is not None and _in_modifier(text, mention.text):
        return f"{quoted} only qualifies {' '.join(mention.text.split())!r}, which is not a name"
    if mention is not None and body is not None and mention.text.lower() not in _RESOLVED_PRONOUNS:
        governor = _governor(body, mention.span[0])  # "he", "who": subject forms, never objects
        if governor:
            return f"{' '.join(mention.text.split())!r} is the object of {governor!r}, not the source"
    return None


#: Words after which a phrase's first word was a verb ("lived by the family", "led to").
_AGENT_WORDS = _OBJECT_PREPOSITIONS | wordset("by to")
#: Bare group nouns that speak ("Police said", "Family said").
_GROUP_WORDS = wordset("police family authorities staff")
_WORD_CHARS = re.compile(r"[\w’'-]")


def _common_word(words: list[str], mention: SpeakerMention, body: str) -> bool:
    """A lone capitalised word that the article also writes in lower case ("Talking", "Known",
    "Early"): capitalised only because it opens a sentence, so not a name. A name that resolved
    to a full name is not a lone word; a surname that is also a word ("Young") rarely is written
    in lower case in an article about that person, and the rule only reads this article."""
    if len(words) != 1 or not words[0][:1].isupper() or words[0] != mention.text.strip() or (
            len(words[0]) < _SURNAME_MIN):
        return False
    low = words[0].lower()
    if low in _PERSON_HEADS or low[:-1] in _PERSON_HEADS or low in _GROUP_WORDS:
        return False  # "Police", "Officials", "Family": a description of a source, written bare
    start = body.find(low)
    while start >= 0:
        end = start + len(low)
        before = body[start - 1] if start else " "
        after = body[end] if end < len(body) else " "
        if not _WORD_CHARS.match(before) and not _WORD_CHARS.match(after):
            return True
        start = body.find(low, end)
    return False


def _in_modifier(speaker: str, mention: str) -> bool:
    """The speaker is a name inside a prepositional phrase of the mention: "militias in Iraq",
    "the leader of Hezbollah" name a place or a body the source belongs to, not the source."""
    words = mention.split()
    tail = speaker.split()
    n = len(tail)
    if n >= len(words) or words[-n:] != tail:
        return False
    before = [w.lower() for w in words[:-n]]
    k = len(before) - 1
    while k >= 0 and before[k] in _FUNCTION_WORDS and before[k] not in _OBJECT_PREPOSITIONS:
        k -= 1  # "of the", "in the"
    return k >= 1 and before[k] in _OBJECT_PREPOSITIONS and words[k - 1].islower()


def _governor(body: str, pos: int) -> str:
    """The preposition or verb whose object starts at ``pos``, or ''.

    A word is taken for a verb only where its own subject or "to" shows it ("to subjugate X",
    "He leads X"): a noun before a name is too often the end of an introductory phrase or a
    reduced relative ("In a Bloomberg interview Trump declared", "the story Kennedy told").
    """
    before, start = _word_before(body, pos)
    if before in _OBJECT_PREPOSITIONS:
        return before
    if not before.isalpha() or before in _SUBJECT_OPENERS or before in CUE_VERBS:
        return ""
    two_back, _ = _word_before(body, start, any_case=True)
    return f"{two_back} {before}" if two_back in _VERB_SUBJECTS else ""


def _is_time(lows: list[str]) -> bool:
    """A time phrase: its head is a time word and all before it leads a time phrase ("the
    following November", "Several hours earlier", "Saturday at Ridgeview Town Homes")."""
    lows = lows[: _head_index(lows) + 1]
    while len(lows) > 1 and lows[-1] in _TIME_AFTER:
        lows = lows[:-1]
    head = lows[-1]
    if head not in _TIME_WORDS:
        return False
    return all(w in _TIME_LEADS or w in _COUNT_WORDS or w.isdigit() for w in lows[:-1])


#: Last words of street and road names ("McDonald Ave", "Bragg Street"): a place, never a source.
_PLACE_ENDS = wordset("ave avenue street st road rd boulevard blvd lane ln highway hwy parkway pkwy")
#: Words that close a time phrase after its noun ("two days earlier", "a week ago").
_TIME_AFTER = wordset("earlier later ago before after")
#: Conjunctions and complementisers: a phrase opening on one in lower case is the start of a
#: clause ("that neighbors", "since both", "or outright"), never a name or a description.
_CLAUSE_LINKS = wordset("that since or and but because if whether than unless although though while")
#: Prepositions after a description's head ("a friend of the victim", "a study by the Center").
_HEAD_ENDS = _OBJECT_PREPOSITIONS | wordset("for from with by after near outside inside who whose")
#: Nouns, beyond the source nouns of the lexicon, that head a description of a person, a group,
#: an organisation or a document; a description ending on any other word ("The special", "both
#: face", "The investigation focuses", "The metal gate") describes nothing that speaks.
_MORE_SOURCE_HEADS = wordset(
    """
    family families relatives relative authorities police staff crew community neighbors neighbours
    caucus caucuses office offices bureau unit division station hospital clinic school schools
    college university court district county city state town village government governments
    military army navy force forces service services department departments agency agencies
    council councils board boards panel commission committee committees company companies firm
    firms business businesses corporation group groups organization organizations association
    church union unions party parties campaign campaigns team teams club network newspaper
    newspapers outlet outlets media press paper papers magazine station channel website
    administration ministry embassy republicans democrats people public crowd crowds audience
    alert alerts records record affidavit warrant indictment obituary article articles story
    stories slides data figures findings documents report reports complaint complaints letter
    letters notice memo summary charges lawsuit suit filing filings missive note notes
    someone person persons individual individuals victim victims boy girl child children kids
    teen teens teenager teenagers youth adult adults student students gunman gunmen suspect
    suspects couple majority minority sister brother uncle aunt cousin grandmother grandfather
    grandson granddaughter niece nephew fiancé fiancée girlfriend boyfriend partner colleague
    colleagues those fans followers backers piece brief op-ed
    """
)
#: Endings of nouns for people and bodies ("linguist", "bystander", "physician", "resident").
_SOURCE_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "man", "men",
                    "woman", "women", "person", "people", "ee", "ees", "ive", "ives", "ary", "aries")
#: Endings that are none of those although they end so ("statement", "amendment").
_NOT_SOURCE_SUFFIXES = ("ment", "ments", "ther", "ever", "over", "under", "after", "ier")


def _head_index(lows: list[str]) -> int:
    """Where a phrase's head noun is: before its first preposition, else its last word."""
    for i, w in enumerate(lows[1:], 1):
        if w in _HEAD_ENDS:
            return i - 1
    return len(lows) - 1


def _source_head(words: list[str], lows: list[str]) -> bool:
    """Whether a phrase's head names something that can speak. A capitalised head is a name
    (judged elsewhere); a lower-case one must be a source noun of the lexicon, a plural of one,
    or end as nouns for people do."""
    i = _head_index(lows)
    if not words[i].islower():
        return True
    return is_source_noun(lows[i])


def is_source_noun(word: str) -> bool:
    """Whether a lower-case noun names something that can speak: a source noun of the lexicon, a
    plural of one, or a noun ending as nouns for people do ("linguist", "demonstrators")."""
    head = word.rstrip("’'")
    if head.endswith(("'s", "’s")):
        head = head[: -_POSSESSIVE]
    if head in _ALL_SOURCE_HEADS or (head.endswith("s") and head[:-1] in _ALL_SOURCE_HEADS) \
            or (head.endswith("es") and head[: -len("es")] in _ALL_SOURCE_HEADS):
        return True
    return head.endswith(_SOURCE_SUFFIXES) and not head.endswith(_NOT_SOURCE_SUFFIXES) and len(head) > _SUFFIXED_MIN


def _is_clause(words: list[str], lows: list[str]) -> bool:
    """A piece of a clause: a contraction, an auxiliary, a past tense or a pronoun inside it, or an
    ending on a function word ("one way you can", "She didn't", "took over huge")."""
    if any(w.endswith(_CONTRACTION_ENDS) for w in lows):
        return True
    if any(w.endswith(("'s", "’s")) and w[: -_POSSESSIVE] in _FUNCTION_WORDS | _CLAUSE_PRONOUNS for w in lows):
        return True  # "That's", "It's", "There's": a pronoun and "is"
    if len(words) == 1:
        return False
    inner = [(w, low) for w, low in zip(words, lows, strict=True) if w.islower()]
    if any(low in _AUXILIARIES or low in _IRREGULAR_PAST or low in _CLAUSE_PRONOUNS for _, low in inner):
        return True
    return lows[-1] in STOP_WORDS or _past_verb(words, lows)


def _past_verb(words: list[str], lows: list[str]) -> bool:
    """A regular past tense after a noun and before its object ("members carried signs", "Alex
    loved helping"), or closing three words or more ("many legislators called"). A participle
    before a noun ("a retired officer") or a preposition ("a man injured in") is a modifier."""
    for i in range(1, len(lows)):
        low = lows[i]
        if not (words[i].islower() and low.endswith("ed") and len(low) > _PARTICIPLE_MIN):
            continue
        before = lows[i - 1]
        if before in _FUNCTION_WORDS or before.endswith("ly") or before in _COUNT_WORDS:
            continue
        if i + 1 < len(lows):
            if lows[i + 1] not in _HEAD_ENDS and lows[i + 1] not in _AGENT_WORDS and words[i + 1].islower():
                return True
        elif len(lows) >= _CLAUSE_MIN_WORDS and before.endswith("s"):
            return True
    return False


def _unidentified(words: list[str], lows: list[str]) -> bool:
    """An indefinite or bare description of a thing, or of nothing that speaks ("A bill")."""
    named = any(w[:1].isupper() for w in words[1:])
    if named:
        return False
    head = lows[_head_index(lows)]  # "a friend of the victim": the friend
    if lows[0] in ("a", "an"):
        return head not in _PERSON_HEADS
    if lows[0] in _FUNCTION_WORDS:
        return False  # "the report", "those officials": a definite description
    return len(words) <= _THING_MAX_WORDS and head in _THING_HEADS  # "video shows", "Statement said"


def _word_before(body: str, pos: int, any_case: bool = False) -> tuple[str, int]:
    """The word right before ``pos`` in the same clause ('' after punctuation, and after a
    capitalised word unless ``any_case``), lower-cased, and where it starts."""
    i = pos
    while i > 0 and body[i - 1] in " \t":
        i -= 1  # a line break ends the clause: a headline's last word governs nothing after it
    j = i
    while j > 0 and i - j < _LONGEST_WORD and (body[j - 1].isalpha() or body[j - 1] == "-"):
        j -= 1
    word = body[j:i]
    return (word.lower() if any_case or word.islower() else ""), j


_ALL_SOURCE_HEADS = SOURCE_NOUNS | _PERSON_HEADS | _THING_HEADS | _GROUP_WORDS | _MORE_SOURCE_HEADS
