"""Metadata read off the page when no one supplied it: byline authors, publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from dateutil import parser as date_parser

_BY = re.compile(r"^\s*(?:(?:written|reported)\s+)?by\s+", re.IGNORECASE)
_EDITED = re.compile(r"^\s*edited\s+by\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_HAS_YEAR = re.compile(r"\b\d{4}\b")
_LATER = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+(?:later|on)\b", re.IGNORECASE
)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10}
_ORG_WORDS = re.compile(r"\b(?:press|news|agency|staff|wire|reuters|desk|service|editorial|board)\b", re.I)


def byline_parts(byline: str) -> tuple[list[str], str | None]:
    """Authors and any date text in a byline ("By A and B | February 14, 2018 | 4:33am EST")."""
    if _EDITED.match(byline):
        return [], None
    text = _BY.sub("", byline, count=1)
    pieces = [p.strip() for p in text.split("|")]
    names_part, date_text = pieces[0], " ".join(pieces[1:]).strip() or None
    numeric = _NUMERIC_DATE.search(names_part)
    if numeric:
        date_text = date_text or numeric.group(0)
        names_part = names_part[: numeric.start()].strip()
    names = [n.strip(" ,;") for n in re.split(r",|\band\b|&", names_part) if n.strip(" ,;")]
    return names, date_text


def is_organisation(name: str) -> bool:
    return bool(_ORG_WORDS.search(name))


def parse_date(text: str, context_year: int | None = None) -> dt.date | None:
    """A calendar date from byline text; the year comes from context when the text has none.

    ``28/1/2019`` is read day-first because 28 cannot be a month; ambiguous numeric dates are
    read month-first, as US outlets write them.
    """
    text = text.strip()
    if not text:
        return None
    numeric = _NUMERIC_DATE.search(text)
    try:
        if numeric:
            first, second = int(numeric.group(1)), int(numeric.group(2))
            parsed = date_parser.parse(numeric.group(0), dayfirst=first > 12 >= second)
            return _as_date(parsed)
        if not _HAS_YEAR.search(text) and context_year is None:
            return None
        default = dt.datetime(context_year or 1900, 1, 1)
        parsed = date_parser.parse(text, fuzzy=True, default=default, ignoretz=True)
    except (ValueError, OverflowError):
        return None
    return _as_date(parsed)


def _as_date(parsed: object) -> dt.date | None:
    return parsed.date() if isinstance(parsed, dt.datetime) else None


def context_year(body: str, today: dt.date | None = None) -> int | None:
    """The year an undated byline most likely belongs to: the latest year the article mentions,
    moved on by "N years later" when the text counts forward from it."""
    limit = (today or dt.date.today()).year
    best: int | None = None
    last_year: int | None = None
    events: Iterable[re.Match[str]] = sorted(
        [*_YEAR.finditer(body), *_LATER.finditer(body)], key=lambda m: m.start()
    )
    for match in events:
        if match.re is _YEAR:
            year = int(match.group(1))
            if year <= limit:
                last_year = year
                best = max(best or year, year)
        elif last_year is not None:
            word = match.group(1).lower()
            step = _SMALL.get(word) or (int(word) if word.isdigit() else 0)
            if last_year + step <= limit:
                best = max(best or 0, last_year + step)
    return best
