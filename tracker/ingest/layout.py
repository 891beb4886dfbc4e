"""Article body -> content blocks: paragraphs re-joined, page furniture left out.

Furniture is recognised by general rules about what page chrome looks like (sign-in prompts,
comment threads, related-story lists, paywall notices, photo credits, store footers, trailers
in another script), never by strings copied from particular sites. Offsets always refer to the
body; a hard-wrapped paragraph is one block whose text keeps its wrapping newlines.
"""

from __future__ import annotations

import functools
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..records import Block

_TERMINAL = re.compile(r"""[.?!…:;"”’')\]]\s*$""")
_SENTENCE_END = re.compile(r"""[.?!…]["”’')\]]*\s*$""")
_ABBREV_END = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z])\.$")

# A whole short line that is site chrome: accounts, comments, sharing, subscriptions.
_CHROME_LINE = re.compile(
    r"""^\W*(?:sign\s*(?:in|up)|log\s*(?:in|out)|register|forgot\s+password|not\s+a\s+member
    |or\s+connect\s+using|(?:add|post)\s+(?:a\s+)?(?:new\s+)?(?:comment|contribution)
    |comment\s+as\s+a\s+guest|your\s+email\s+(?:address\s+)?will\s+not|benefit\s+of\s+signing
    |leave\s+a\s+(?:comment|reply)|(?:read\s+or\s+)?share\s+(?:this|on)\b|follow\s+us|subscribe\b|newsletter
    |advertisement|skip\s+to\s+(?:main\s+)?content|all\s+rights\s+reserved|copyright\b|©
    |click\s+here|tap\s+here|page\s+size|data\s+pager|load\s+more|show\s+more|print\s+this
    |related\s+(?:article|story|stories|coverage|content|link)s?\b|previous\s+(?:story|article)\b
    |(?:read|see)\s+(?:more|also)\s*:|(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)
    |continue\s+reading\s+(?:below|after|the\s+(?:main\s+)?(?:story|article))|sponsored\s+content)""",
    re.IGNORECASE | re.VERBOSE,
)

# A link or media line set between two paragraphs: a label, a colon and a headline ("READ MORE:
# <headline>", "WATCH: …", "RELATED: …"). Pages put these inside the article, so such a line is
# left out on its own and never taken for the start of the page's tail.
_LINK_LINE = re.compile(
    r"""^\W*(?:(?:read|see)\s+(?:more|also|next)|(?:also|must)\s+(?:read|see|watch)|watch(?:\s+(?:more|now|live))?
    |listen|related(?:\s+(?:article|story|stories|coverage|video|link)s?)?|more|don'?t\s+miss
    |recommended|trending|(?:photos?|video|gallery)|in\s+case\s+you\s+missed\s+it)\s*[:|>][^\w\n]{0,8}\w""",
    re.IGNORECASE | re.VERBOSE,
)
#: A link line names one headline; longer text after such a label is a paragraph of its own.
MAX_LINK_LINE_WORDS = 30

# A heading over a list of other stories: the page's tail where no article prose follows it
# (comments are recognised by _COMMENTS_HEADING, below).
_TAIL_HEADING = re.compile(
    r"""^\W*(?:related(?:\s+(?:stories|articles|coverage|content|posts|links|news))?|more\s+(?:stories|from\b.*|on\s+this)
    |elsewhere\s+on\b.*|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+like|read\s+(?:more|next)\b.*
    |most\s+(?:popular|read|viewed)|trending(?:\s+now)?|latest\s+news|top\s+stories|data\s+pager
    |share\s+your\s+(?:stories|story|views)\b.*|be\s+part\s+of\b.*)\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Paywall and subscription notices: the article is cut off here.
_PAYWALL = re.compile(
    r"(?:paying\s+subscriber|subscribers?\s+only|subscribe\s+(?:now\s+)?to\s+(?:read|continue|keep)"
    r"|to\s+(?:continue|keep)\s+reading|already\s+a\s+subscriber|this\s+(?:article|story)\s+is\s+for\s+subscribers"
    r"|become\s+a\s+(?:paid\s+)?(?:member|subscriber)|to\s+read\s+(?:on|the\s+rest|more)!?$)",
    re.IGNORECASE,
)

# A comment header: a short user name, a bar, and a date stamp.
_COMMENT_HEADER = re.compile(r"^[^|\n]{0,40}\|\s*\d{1,2}/\d{1,2}/\d{2,4}\b")
_COUNTER_LINE = re.compile(r"^\s*\|\s*.{0,30}\|\s*\(\d+\)\s*$")

# Photo captions: a credit in parentheses or after "Photo:", or a licence line.
_CAPTION = re.compile(
    r"""(?:\((?:photo|image|picture|credit|file\s+photo|video)\b[^)]{0,120}\)\s*$
    |\b(?:photo|photograph|image|picture|credit)s?\s*(?::|by\b)\s*[^.]{0,80}$
    |\((?-i:[A-Z][^()]{2,80}\s+for\s+(?:[Tt]he\s+)?[A-Z][^().]{1,60})\)\s*$
    |\b(?:getty\s+images|associated\s+press\s+photo|AP\s+photo|reuters/|AFP\s+via)\b[^.]{0,60}$
    |\bCC[- ]BY(?:-SA|-ND|-NC)*\s*\d(?:\.\d)?\s*$
    |^\W*(?:photo|image|video|gallery)\s*:|\bimage\s+\d+\s+of\s*/?\s*\d+)""",
    re.IGNORECASE | re.VERBOSE,
)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"""^\W*(?:(?:updated|published|posted)\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?
    (?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?
    |\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}})
    (?:\s*(?:,|\||at|-|–)?\s*\d{{1,2}}(?::\d{{2}}){{0,2}}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\W*$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_dateline(text: str) -> bool:
    """A line that is only a publication date and perhaps a time ("August 30 at 11:00 AM")."""
    return len(text) <= 60 and bool(_DATELINE.match(text.strip()))


#: A whole line in parentheses opening with a verb ("(Corrects spelling of name)", "(Adds quote)"):
#: wire services mark their corrections so, short and without a full stop.
_EDITORS_LINE = re.compile(r"^\s*[(\[]\s*[A-Z][a-z]+s\b[^()\[\]]{2,200}[)\]]\s*$")
_BYLINE = re.compile(r"^\s*(?:(?:written|edited|reported)\s+)?by\s+[A-Z]", re.IGNORECASE)
_RENDER_TIME = re.compile(r"^\s*\d+(?:\.\d+)?\s*(?:seconds?|secs?|ms)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Layout:
    """What ingest learns from the page shape: content blocks and the furniture lines around them."""

    blocks: tuple[Block, ...]
    bylines: tuple[str, ...]
    title: str | None
    header_lines: tuple[str, ...]  # furniture lines before the first text block (dates, credits)


def split_lines(body: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in body.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def _is_wrapped(lines: list[Line]) -> bool:
    """Hard-wrapped text: most of the prose sits in mid-length lines that stop without punctuation."""
    texts = [ln.text.rstrip() for ln in lines]
    total = sum(len(t) for t in texts)
    candidates = [
        t for i, t in enumerate(texts)
        if len(t) >= 25 and i + 1 < len(texts) and texts[i + 1].strip()
    ]
    if len(candidates) < 8 or not total:
        return False
    in_short_lines = sum(len(t) for t in texts if len(t) <= 120) / total
    open_ended = sum(1 for t in candidates if not _TERMINAL.search(t))
    width = statistics.median(len(t) for t in candidates)
    return in_short_lines >= 0.7 and open_ended / len(candidates) >= 0.6 and width <= 110


def _script_of(text: str) -> str | None:
    """The dominant script of the letters in ``text`` (LATIN, ARABIC, CYRILLIC, ...)."""
    if text.isascii():  # the common case, at C speed: every ASCII letter is LATIN
        return "LATIN" if _ASCII_LETTER.search(text) else None
    counts: dict[str, int] = {}
    # Letters counted first (Counter keeps first-seen order), then named once each: naming every
    # character made layout the slowest stage on large articles.
    for ch, n in Counter(filter(str.isalpha, text)).items():
        script = _char_script(ch)
        counts[script] = counts.get(script, 0) + n
    if not counts:
        return None
    return max(counts, key=lambda s: counts[s])


_ASCII_LETTER = re.compile(r"[A-Za-z]")


@functools.lru_cache(maxsize=4096)
def _char_script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def _paragraph_groups(lines: list[Line], wrapped: bool, main_script: str | None) -> list[list[Line]]:
    """Group lines into paragraphs: blank lines always separate; wrapped text is re-joined."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            if current:
                groups.append(current)
                current = []
            continue
        if not wrapped:
            groups.append([line])
            continue
        if current and (_ends_paragraph(current, line) or _script_of(text) != main_script):
            groups.append(current)
            current = []
        current.append(line)
    if current:
        groups.append(current)
    return groups


def _ends_paragraph(current: list[Line], nxt: Line) -> bool:
    """In wrapped text, does a paragraph end before ``nxt``?"""
    prev = current[-1].text.rstrip()
    following = nxt.text.strip()
    if _BYLINE.match(following) or _BYLINE.match(prev) or is_dateline(prev) or is_dateline(following):
        return True
    if _SENTENCE_END.search(prev) and not _ABBREV_END.search(prev):
        return True
    if prev.endswith(")") and following[:1].isupper():
        return True
    # A short line that is not the paragraph's first and stops without punctuation: a heading.
    return len(current) > 1 and len(prev) < 40 and not _TERMINAL.search(prev) and following[:1].isupper()


#: Paragraphs whose verdict is remembered: the article's end and its blocks test each paragraph
#: again, and the verdict is a pure function of the text (a few articles' worth).
_FURNITURE_CACHE = 1024


@functools.lru_cache(maxsize=_FURNITURE_CACHE)
def _is_furniture(text: str, main_script: str | None) -> bool:
    words = text.split()
    short = len(words) <= 14
    if short and _CHROME_LINE.match(text):
        return True
    if len(words) <= MAX_LINK_LINE_WORDS and _LINK_LINE.match(text):
        return True
    if _COMMENT_HEADER.match(text) or _COUNTER_LINE.match(text) or _RENDER_TIME.match(text):
        return True
    if _CAPTION.search(text):
        return True
    script = _script_of(text)
    return bool(main_script and script and script != main_script and len(words) >= 3)


def analyse(body: str, title_hint: str | None = None) -> Layout:
    """Find the content blocks, bylines and title of an article body.

    ``title_hint`` is the title from metadata, when there is one: the first block is then the
    headline only if it says the same, so text that starts straight with the story keeps its
    first paragraph.
    """
    lines = split_lines(body)
    main_script = _script_of(body)
    groups = _paragraph_groups(lines, _is_wrapped(lines), main_script)
    paragraphs = [(g[0].start, g[-1].end, " ".join(ln.text.strip() for ln in g)) for g in groups]

    texts = [text for _, _, text in paragraphs]
    cut, inline_lists = _article_end(texts, main_script)
    paragraphs = [p for i, p in enumerate(paragraphs[:cut]) if i not in inline_lists]
    # Trailing fragments with no sentence punctuation are footers ("Store", "0.1 seconds"); a
    # parenthesised editor's line ("(Corrects figure in second paragraph)") is a notice, not a footer.
    while (paragraphs and len(paragraphs[-1][2].split()) <= 5 and not _SENTENCE_END.search(paragraphs[-1][2])
           and not _EDITORS_LINE.match(paragraphs[-1][2])):
        paragraphs.pop()

    blocks: list[Block] = []
    bylines: list[str] = []
    header: list[str] = []
    title: str | None = None
    seen_titles: set[str] = set()
    for start, end, text in paragraphs:
        if _BYLINE.match(text) and len(text.split()) <= 16:
            bylines.append(text)
            continue
        if _is_furniture(text, main_script) or is_dateline(text):
            if all(b.role == "title" for b in blocks):
                header.append(text)
            continue
        key = " ".join(text.split()).casefold()
        if key in seen_titles:
            continue  # the headline repeated by the page template
        start, end = _strip(body, start, end)
        if title is None and not blocks and _looks_like_title(text) and _matches_hint(text, title_hint):
            title = " ".join(text.split())
            seen_titles.add(key)
            blocks.append(Block(start, end, "title"))
            continue
        if not blocks and title is None and not _SENTENCE_END.search(text) and len(text.split()) <= 4:
            header.append(text)
            continue
        blocks.extend(Block(s, e, "text") for s, e in _bounded(body, start, end))
    return Layout(tuple(blocks), tuple(bylines), title, tuple(header))


#: Paragraphs of article prose a tail heading must come after before it can end the article.
MIN_PROSE_BEFORE_TAIL = 2
#: How far past a related-list heading to look for the article going on: a related list holds a
#: handful of headlines, so prose within this many paragraphs is the article resuming.
TAIL_LOOKAHEAD = 12
#: Paragraphs of prose after a related-list heading that show the article goes on there (one
#: could be a teaser sentence under a headline; two in a row before any tail sign are the story).
MIN_PROSE_AFTER_HEADING = 2
#: A paragraph of prose has at least this many words and ends a sentence.
MIN_PROSE_WORDS = 8
#: A tail heading is a short line; longer text that starts the same way is a paragraph.
MAX_TAIL_HEADING_WORDS = 12
_COMMENTS_HEADING = re.compile(
    r"""^\W*(?:comments?(?:\s*\(\d+\))?|\d+\s+comments?|reader\s+comments|what\s+you\s+say
    |post\s+a\s+(?:new\s+)?comment|join\s+the\s+discussion|discussion|responses?)\W*$""",
    re.IGNORECASE | re.VERBOSE,
)


#: Share of capitalised longer words above which a line is a headline ("Rand Paul Scores Direct
#: Hit On Donald Trump."), as related lists hold, not article prose.
HEADLINE_CASE_SHARE = 0.6
_LONG_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")


def _is_prose(text: str, main_script: str | None) -> bool:
    longer = _LONG_WORD.findall(text)
    headline = bool(longer) and sum(w[0].isupper() for w in longer) / len(longer) > HEADLINE_CASE_SHARE
    return (len(text.split()) >= MIN_PROSE_WORDS and bool(_SENTENCE_END.search(text)) and not headline
            and not _is_furniture(text, main_script) and not _COMMENT_HEADER.match(text))


def _ends_article(text: str) -> bool:
    """A sign that the page's tail starts here whatever follows: comments or a paywall."""
    return bool(_COMMENT_HEADER.match(text) or _PAYWALL.search(text)
                or (len(text.split()) <= MAX_TAIL_HEADING_WORDS and _COMMENTS_HEADING.match(text)))


def _prose_follows(texts: list[str], start: int, main_script: str | None) -> int | None:
    """Where the article resumes after a related-list heading at ``start - 1``, if it does.

    The list (short headline lines) may sit between; a comment header, a paywall or another
    tail heading first means the page's tail, and so does too little prose to be a story.
    """
    run = 0
    first: int | None = None
    for i in range(start, min(len(texts), start + TAIL_LOOKAHEAD)):
        text = texts[i]
        if _ends_article(text) or _is_tail_heading(text):
            return None
        if _is_prose(text, main_script):
            first = i if first is None else first
            run += 1
            if run >= MIN_PROSE_AFTER_HEADING:
                return first
        elif first is not None:
            return None  # prose broken off by more list items: teasers, not the story
    return None


def _is_tail_heading(text: str) -> bool:
    """A related-list heading; a link line ("READ MORE: <headline>") is one line, not a heading."""
    return (len(text.split()) <= MAX_TAIL_HEADING_WORDS and bool(_TAIL_HEADING.match(text))
            and not _LINK_LINE.match(text))


def _article_end(texts: list[str], main_script: str | None) -> tuple[int, set[int]]:
    """Where the article ends, and the related lists set inside it (heading and items).

    Comments and paywalls end the article. A related-list heading ends it only where no article
    prose follows; otherwise the heading and its list are left out and the article goes on.
    """
    seen_prose = 0
    inline: set[int] = set()
    i = 0
    while i < len(texts):
        text = texts[i]
        if seen_prose >= MIN_PROSE_BEFORE_TAIL and (_ends_article(text) or _is_tail_heading(text)):
            resume = None if _ends_article(text) else _prose_follows(texts, i + 1, main_script)
            if resume is None:
                return i, inline
            inline.update(range(i, resume))
            i = resume
            continue
        if len(text.split()) >= MIN_PROSE_WORDS and not _is_furniture(text, main_script):
            seen_prose += 1
        i += 1
    return len(texts), inline


def _matches_hint(text: str, hint: str | None) -> bool:
    if not hint:
        return True
    a, b = (" ".join(t.casefold().strip(" .").split()) for t in (text, hint))
    return a == b or (min(len(a), len(b)) >= 12 and (a in b or b in a))


#: Longer "paragraphs" (a whole file on one line, a text dump without breaks) are cut into blocks
#: of at most this many characters, at a sentence end where there is one, so that no sentence an
#: extractor sees (and no claim file that repeats it per claim) grows with the size of the input.
MAX_BLOCK_CHARS = 5000
_CUT_AFTER = re.compile(r"""[.?!…]["”’')\]]?\s""")


def _bounded(body: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_BLOCK_CHARS:
        limit = start + MAX_BLOCK_CHARS
        cut = None
        for match in _CUT_AFTER.finditer(body, limit - MAX_BLOCK_CHARS // 2, limit):
            cut = match.end()  # the last sentence end in the second half of the window
        if cut is None:
            space = max(body.rfind(" ", start + 1, limit), body.rfind("\n", start + 1, limit))
            cut = space + 1 if space > start else limit
        piece = _strip(body, start, cut)
        if piece[1] > piece[0]:
            pieces.append(piece)
        start = _strip(body, cut, end)[0]
    if end > start:
        pieces.append((start, end))
    return pieces


def _looks_like_title(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 30 and len(text) <= 250 and not _BYLINE.match(text)


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
