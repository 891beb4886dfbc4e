"""Word lists for claims: harm words, event verbs for dated events, noun-phrase stop words, lemmas.

General English, no article-specific strings: the same rules must hold on unseen news.
"""

from __future__ import annotations

from ...lexicon import DETERMINERS, wordset

KILL_WORDS = frozenset(
    wordset("killed dead died deaths death fatalities fatality slain murdered dying perished fatally "
    "homicides deceased")
)
INJURE_WORDS = wordset("wounded injured hurt injuries injury wounds hospitalized hospitalised")

#: Nouns for a group of members ("a 15-member bloc"), read as seats inside a legislature.
GROUP_NOUNS = wordset("bloc caucus faction delegation coalition list group party slate")
LEGISLATURE_WORDS = frozenset(
    wordset("parliament parliamentary legislature assembly congress senate "
        "house chamber council duma knesset "
    "bundestag seats seat mps lawmakers legislators")
)
#: Members of a legislature count seats ("15 MPs" and "15 seats" compare).
SEAT_HOLDERS = wordset("mp lawmaker legislator deputy seat member")

#: Heads folded together for comparison across outlets.
SYNONYMS = {
    "soldier": "troop", "serviceman": "troop", "servicemember": "troop", "personnel": "troop",
    "servicemen": "troop", "persons": "people", "person": "people", "individual": "people",
    "resident": "people", "death": "killed", "fatality": "killed", "casualty": "casualty",
}

#: Words that end a counted noun phrase.
NOUN_STOP = frozenset(
    wordset("""of in on at to for from by with into onto over under about after before during since
    until than and or but nor as is are was were be been being has have had do does did will would
    can could should may might must shall this that these those who whom which what where when why
    how it we they he she i you them him us me per each every said says
    say according while if because so also not no yet just only still even both all some any more
    most less least such own via amid among between against across through including like versus vs
    up down out off around there here then now ago last next yesterday today tonight later earlier away
    back together""") | DETERMINERS
)

#: Event words -> event class, for years that date an event.
_EVENTS = {
    "release": "released release releasing freed free freeing swap swapped exchange exchanged "
               "transferred handed paroled pardoned",
    "arrest": "arrested arrest detained detention captured capture jailed imprisoned imprisonment "
              "apprehended custody",
    "death": "died killed death assassinated executed",
    "birth": "born",
    "election": "elected election reelected re-elected",
    "founding": "founded established formed created founding",
    "designation": "designated designation listed blacklisted sanctioned",
    "attack": "attacked attack bombing bombed invaded invasion raid stormed",
    "conviction": "convicted sentenced conviction indicted charged",
    "appointment": "appointed named nominated sworn",
    "resignation": "resigned resignation ousted",
    "withdrawal": "withdrew withdrawal pulled",
    "agreement": "signed agreement treaty deal accord",
    "launch": "launched launch introduced unveiled",
    "acquisition": "acquired bought purchased acquisition merger merged",
    "closure": "closed shut closure",
    "opening": "opened",
    "ban": "banned ban outlawed",
    "return": "returned return returning",
    "takeover": "took seized overran conquered occupied",
    "visit": "visited visit toured showed appeared",
}
EVENT_WORDS: dict[str, str] = {w: cls for cls, words in _EVENTS.items() for w in words.split()}


def event_class(word: str) -> str | None:
    """The event class of a verb or noun ("freed" -> "release"), or None."""
    return EVENT_WORDS.get(word.lower())


_KEEP_S = wordset("news series species means headquarters physics politics economics")
_IRREGULAR = {
    "people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "personnel": "personnel", "police": "police",
    "staff": "staff", "data": "data", "media": "media", "crises": "crisis", "analyses": "analysis",
}


#: Words this short keep their final "s" ("gas", "bus"); "-ies" needs one letter more ("lies", "ties").
_SHORT_WORD = 3

def lemma(word: str) -> str:
    """A crude singular lemma of an English noun, lower-cased ("troops" -> "troop", "cities" -> "city")."""
    w = word.lower().rstrip(".").replace("’", "'")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _KEEP_S or len(w) <= _SHORT_WORD or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > _SHORT_WORD + 1:
        return w[: -len("ies")] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[: -len("es")]
    if w.endswith("s"):
        return w[:-1]
    return w
