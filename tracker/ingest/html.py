"""Saved web pages -> article body and metadata, through trafilatura (the ``html`` extra).

trafilatura finds the article in the page (navigation, comments, related links, scripts and
share bars left out) and reads the title, author, date, canonical url and site name. Its text
then goes through the tracker's own layout rules like any text file, so a caption or a sign-in
prompt trafilatura kept is still left out. The body is the headline, then one paragraph per
line trafilatura gives, separated by blank lines (as a text file holds them); spans in the claim
file point into that body, which the claim file records (``article.body``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from ..optional import MissingExtra, require

HTML_SUFFIXES = (".html", ".htm")
#: Paragraph separator of the body built from trafilatura's lines: a blank line, as in text files,
#: so the layout rules never re-join two paragraphs as if they were one hard-wrapped one.
PARAGRAPH_BREAK = "\n\n"
#: trafilatura options: precision over recall (a comment or a teaser in the body would be quoted
#: as the article's), no comments, no tables (figures in tables have no sentence to read).
#: Dates only from the page's markup (meta tags, JSON-LD, <time>): trafilatura's extensive search
#: would take a year from the text ("in 2003 …") as the publication date, a guess we do not make.
OPTIONS = {"favor_precision": True, "include_comments": False, "include_tables": False,
           "include_images": False, "include_links": False, "with_metadata": True,
           "date_extraction_params": {"extensive_search": False, "original_date": True}}
#: Fewer words than this is not an article but a login, index or error page (trafilatura then returns
#: a menu or a button label): the page is refused rather than extracted as a story of one line.
MIN_ARTICLE_WORDS = 25
#: Metadata trafilatura reads -> the tracker's metadata key.
META_KEYS = {"title": "title", "author": "authors", "date": "published", "url": "url", "sitename": "outlet"}


@dataclass(frozen=True)
class Page:
    """What a saved page holds for the tracker: the body and the metadata found in it."""

    body: str
    meta: dict[str, Any]


def extract_page(html: str, where: str, line: int | None = None) -> Page:
    """The article of a saved page; InputError when the page holds no article text."""
    try:
        trafilatura = require("trafilatura")
    except MissingExtra as exc:  # named per file, as every input problem is
        raise InputError(exc.message, where, line) from None
    found = trafilatura.bare_extraction(html, **OPTIONS)
    data = found.as_dict() if hasattr(found, "as_dict") else (found or {})
    text = data.get("text") or ""
    paragraphs = [" ".join(p.split()) for p in text.split("\n") if p.strip()]
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise InputError("no article text found in this web page", where, line)
    meta = {key: data[source] for source, key in META_KEYS.items() if data.get(source)}
    if meta.get("outlet") and meta["outlet"] == urlsplit(str(meta.get("url") or "")).hostname:
        del meta["outlet"]  # the page names no site: trafilatura fell back to the host, a guess
    if isinstance(meta.get("authors"), str):
        meta["authors"] = [a.strip() for a in meta["authors"].split(";") if a.strip()]
    title = meta.get("title")
    if isinstance(title, str) and " ".join(title.split()) != paragraphs[0]:
        paragraphs.insert(0, " ".join(title.split()))
    return Page(PARAGRAPH_BREAK.join(paragraphs) + "\n", meta)
