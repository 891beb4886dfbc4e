"""Patterns of correction, clarification, update and amendment notices, apart from the logic.

Notices are recognised by how outlets word them in general ("An earlier version of this story
…", "CORRECTION: …", "(Corrects spelling of name in paragraph 3)"), never by one site's strings.
A notice talks about the article itself, so prose that merely uses "corrected" or "misstated"
about someone else's words is not one.
"""

from __future__ import annotations

import re

_DOC = r"(?:story|article|report|post|piece|item|headline|caption|photo\s+caption|video|column|editorial|blog\s+post)"
_VERSION = (r"(?:an?|the)\s+(?:earlier|previous|prior|original|initial|first)\s+(?:version|edition|draft)s?"
            rf"\s+of\s+this\s+{_DOC}")

#: A label opening a notice ("CORRECTION:", "Clarification —", "Editor's note:", "UPDATE (3 p.m.):").
LABEL = re.compile(
    r"""^[\W_]{0,4}(?P<label>corrections?|clarifications?|updated?|amendments?|editor[’']?s?\s+note|note\s+to\s+readers
    |correction\s+appended|this\s+(?:story|article)\s+(?:has\s+been|was)\s+(?:corrected|updated|clarified|amended))
    \b\s*(?:\([^)]{0,40}\)\s*)?(?:[:.\-–—|*]+|\s*$)""",
    re.IGNORECASE | re.VERBOSE,
)

#: A whole parenthesised line in the wire-service style: "(Amends quote in seventh paragraph …)",
#: "(Corrects spelling of name in paragraph 3)", "(Adds details throughout)".
WIRE = re.compile(
    r"""^\s*[(\[]\s*(?P<verb>amends|corrects|clarifies|updates|adds|removes|deletes|recasts|fixes|changes|restores
    |inserts|refiles|rewrites|replaces|revises|removed|corrected|updated|adds)\b[^()\[\]]{3,300}[)\]]\s*\.?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: A sentence that is a notice wherever it stands: it speaks of the article and of its change.
TRIGGER = re.compile(
    rf"""\b(?:{_VERSION}
    |this\s+{_DOC}\s+(?:has\s+been|was|is\s+being|have\s+been)\s+(?:updated|corrected|amended|clarified|revised|changed|edited)
    |we\s+regret\s+(?:the|this)\s+errors?
    |(?:due\s+to|because\s+of)\s+an?\s+(?:editing|reporting|production|editor[’']?s?|reporter[’']?s?)\s+error
    |(?:an?|the)\s+{_DOC}\s+(?:on|published|that\s+ran|in\s+\w+[’']?s?\s+edition)\b[^.]{{0,80}}\b(?:incorrectly|misstated|misidentified|misspelled|misquoted|erroneously|mistakenly)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

#: Words that make an "Editor's note" or "Update" a correction rather than an introduction.
CORRECTING = re.compile(
    r"""\b(?:incorrect(?:ly)?|erroneous(?:ly)?|mistaken(?:ly)?|misstat\w*|misidentif\w*|misspel\w*|misquot\w*
    |misattribut\w*|misreport\w*|in\s+error|wrongly|corrected|correction|clarif\w*|amended|updated|has\s+been\s+changed
    |earlier\s+version|previous\s+version|should\s+have\s+(?:said|read|been|stated)|regret)\b""",
    re.IGNORECASE | re.VERBOSE,
)

#: Which kind of notice; the first that matches the notice's opening words wins.
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("amendment", re.compile(r"^\W*(?:amend\w*|recasts|restores|replaces|revises|rewrites)\b", re.IGNORECASE)),
    ("clarification", re.compile(r"\bclarif\w*", re.IGNORECASE)),
    ("correction", re.compile(
        r"\b(?:correct\w*|incorrect\w*|erroneous\w*|mistaken\w*|misstat\w*|misidentif\w*|misspel\w*|misquot\w*"
        r"|misattribut\w*|misreport\w*|in\s+error|wrongly|regret|fixes)\b", re.IGNORECASE)),
    ("update", re.compile(r"\b(?:updat\w*|adds|added|removes|removed|deletes|changes|refiles)\b", re.IGNORECASE)),
)

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth")
_ORDINAL = r"(?:" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
_PARA = r"(?:paragraphs?|paras?|grafs?|pars?)"

#: "seventh paragraph", "paragraph 7", "7th graf", "the lede", "the headline".
PARAGRAPH = re.compile(
    rf"\b(?:(?P<ord>{_ORDINAL})(?:\s*-?\s*(?:and|&|,)\s*{_ORDINAL})*\s+{_PARA}|{_PARA}\s+(?P<num>\d{{1,2}})|(?P<lede>lede|lead\s+paragraph))\b",
    re.IGNORECASE,
)
HEADLINE = re.compile(r"\b(?:headline|title)\b", re.IGNORECASE)

#: What kind of record a notice says it changes.
TARGET_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("quote", re.compile(r"\b(?:quot\w*|misquot\w*|attribut\w*|misattribut\w*|transcript|remarks?"
                         r"|statement|words)\b", re.IGNORECASE)),
    ("name", re.compile(r"\b(?:names?|spell\w*|misspel\w*|misidentif\w*|identif\w*|title\s+of|surname|first\s+name)\b",
                        re.IGNORECASE)),
    ("figure", re.compile(r"\b(?:figures?|numbers?|totals?|counts?|tolls?|ages?|amounts?|percent\w*|sums?|costs?"
                          r"|dates?|years?|statistics?|data|\d[\d,.]*)\b", re.IGNORECASE)),
)

#: The stated reason: "to reflect official transcript", "because of an editing error".
REASON = re.compile(
    r"\b(?P<reason>(?:to\s+(?:reflect|include|add|clarify|correct|remove|update|show|note|make\s+clear)"
    r"|because\s+(?:of\s+)?|due\s+to|owing\s+to)\b[^.;)]{2,200})",
    re.IGNORECASE,
)

#: The wrong value as stated: "misstated the number of victims as 5", "misspelled her name as Jon".
WAS = re.compile(
    r"\b(?:misstat\w*|misidentif\w*|misspel\w*|incorrectly\s+\w+|erroneously\s+\w+|mistakenly\s+\w+|wrongly\s+\w+"
    r"|misreport\w*|misquot\w*)\b[^.;]{0,120}?\bas\s+(?:saying\s+)?(?P<was>[“\"‘][^”\"’]{1,200}[”\"’]|[^.;,]{1,80})",
    re.IGNORECASE,
)
#: The right value as stated: "It is 4.", "The correct figure is $5 million", "should have said Smith".
NOW = re.compile(
    r"\b(?:(?:it|he|she|they|there|the\s+(?:correct|right|actual|accurate)\s+\w+(?:\s+\w+)?)\s+(?:is|was|are|were|has\s+been)"
    r"|should\s+have\s+(?:said|read|been|stated|identified\s+\w+\s+as)|is\s+actually|was\s+actually"
    r"|(?:has|have)\s+been\s+(?:corrected|changed|updated|amended)\s+to(?:\s+read)?)\s+(?P<now>[“\"‘][^”\"’]{1,200}[”\"’]|[^.;]{1,80})",
    re.IGNORECASE,
)

#: Wire style "(Corrects … to two from three)": the right value, then the wrong one.
TO_FROM = re.compile(r"\bto\s+(?P<now>[^()]{1,40}?)\s+from\s+(?P<was>[^()]{1,40}?)\s*[.)]", re.IGNORECASE)
#: Words quoted in a notice ("He said “for 85 years.”"): they name the quote it corrects.
QUOTED = re.compile(r"[“\"]([^”\"]{3,300})[”\"]")
#: A number that dates rather than states ("two years ago"): never the corrected figure.
DATING = re.compile(r"^\s*(?:(?:years?|months?|weeks?|days?|hours?)\s+)?(?:ago|earlier|later|before)\b", re.IGNORECASE)
#: What a label opening a timestamp line carries: a date or time, nothing to read as a notice.
TIMESTAMP = re.compile(r"^[\W\d_]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?"
                       r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\d,@:]*)?(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?"
                       r"[\W\d_]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)?[\W\d_]*$", re.IGNORECASE)
