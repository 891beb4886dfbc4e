"""Shared English: the word lists more than one extractor or matcher reads, defined once.

Each module keeps the lists only it reads (its own lexicon); a concept two modules need (months,
weekdays, determiners, personal titles) lives here so the copies cannot drift apart.
``tests/test_lexicon.py`` checks that no word list of ``tracker/`` repeats another.
"""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (keeps long word lists readable)."""
    return frozenset(text.split())


_MONTH_ORDER = "january february march april may june july august september october november december".split()
#: Full month names only ("may" among them).
MONTH_NAMES = frozenset(_MONTH_ORDER)
#: Month names and their abbreviations, lower case, with the month's number.
MONTH_NUMBERS: dict[str, int] = {
    **{name: number for number, name in enumerate(_MONTH_ORDER, start=1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
#: Every spelling of a month, names and abbreviations.
MONTHS = frozenset(MONTH_NUMBERS)
#: The days of the week, Monday first (``date.weekday()`` order).
WEEKDAY_ORDER = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(WEEKDAY_ORDER)
#: Articles and possessive determiners: "the spokesman", "her aide".
DETERMINERS = wordset("the a an his her its their our my your")
DEMONSTRATIVES = wordset("this that these those")
#: Generational suffixes after a name ("Donald Trump Jr."): a person of their own, not a surname.
NAME_SUFFIXES = wordset("jr sr ii iii iv")
#: Titles and ranks written before a person's name ("Sen.", "Gov.", "Ayatollah").
PERSONAL_TITLES = wordset(
    """
    mr mrs ms dr prof sir president vice senator sen rep representative gov governor secretary
    minister prime chief gen general col colonel lt sgt capt maj leader chairman spokesman
    spokeswoman judge rev ayatollah sheikh imam king queen prince mayor ambassador director
    """
)
