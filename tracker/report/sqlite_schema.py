"""The SQLite tables of ``--format sqlite``: every column with its type and what it means.

One table of declarations serves the database (``CREATE TABLE``), Datasette's ``metadata.yml``
(descriptions) and the tests (every column described). A field the report model gains later
still lands in the database (as an added column, described as coming from the model) until it
is declared here.
"""

from __future__ import annotations

from dataclasses import dataclass

#: (column, SQLite type, description) in table order.
Column = tuple[str, type, str]


@dataclass(frozen=True)
class Table:
    """One table: what a row is, its key, its columns and the columns that point at other tables."""

    name: str
    description: str
    pk: str | tuple[str, ...]
    columns: tuple[Column, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, other table, other column)


_REVIEW = (
    ("review_status", str, "Reviewer's decision: unreviewed, confirmed, rejected or disputed."),
    ("review_by", str, "Who reviewed it."),
    ("review_note", str, "The reviewer's note."),
    ("review_resolved", str, "Why a reviewer settled a conflict (empty when unresolved)."),
)

#: Who a figure is credited to: the same columns on claims and on group values.
_CREDIT: tuple[Column, ...] = (
        ("source", str, "Who the figure is credited to (person, organisation or document), or empty."),
        ("source_reason", str, "Why source is empty (the reporter's own words, an unnamed source …)."),
        ("attribution", str, "quoted, reported, according_to, document, anonymous or unattributed."),
        ("cue", str, "The words crediting the figure (said, according to, includes)."),
        ("source_mention", str, "The words naming the source as written, as JSON {text, span}."),
        ("quote", str, "The id of the direct quote the figure stands in, when it does."),
)

TABLES: tuple[Table, ...] = (
    Table("outlets", "News outlets (sources) and how many of the articles each published.", "name", (
        ("name", str, "Outlet name as the article metadata gives it."),
        ("articles", int, "Articles from this outlet."),
    )),
    Table("articles", "One row per article (claim file).", "id", (
        ("id", str, "Article id (the claim file's name without .yaml)."),
        ("path", str, "The article file the claim file was extracted from."),
        ("sha256", str, "SHA-256 of the article body the spans point into."),
        ("title", str, "Headline."),
        ("outlet", str, "Publishing outlet."),
        ("authors", str, "Bylines, as a JSON list."),
        ("published", str, "Publication date, YYYY-MM-DD."),
        ("url", str, "Where the article was published."),
    ), (("outlet", "outlets", "name"),)),
    Table("speakers", "People quoted, spelling variants counted together.", "name", (
        ("name", str, "The fullest spelling of the speaker's name."),
        ("quotes", int, "Quotes attributed to this speaker."),
        ("articles", int, "Articles quoting this speaker."),
        ("sources", int, "Outlets quoting this speaker."),
        ("outlets", str, "Those outlets, as a JSON list."),
    )),
    Table("speaker_aliases", "Each spelling of a speaker's name in the articles.", ("speaker", "alias"), (
        ("speaker", str, "The speaker (speakers.name)."),
        ("alias", str, "One spelling the articles use."),
    ), (("speaker", "speakers", "name"),)),
    Table("quote_clusters", "The same quote across articles: its first appearance and every reuse.", "id", (
        ("id", str, "Cluster id (as in the JSON report and _reviews.yaml)."),
        ("speaker", str, "Who said it, as the first appearance credits it."),
        ("canonical", str, "The quote's fullest wording."),
        ("first_article", str, "Article of the first appearance."),
        ("first_published", str, "Date of the first appearance."),
        ("articles", int, "Articles carrying the quote; more than 1 means it was recycled."),
        *_REVIEW,
        ("speakers", str, "Every speaker the outlets give the quote: person, aliases seen, articles (JSON)."),
        ("misattributions", str, "Ids of possible-misattribution flags on this cluster (JSON list)."),
    ), (("first_article", "articles", "id"),)),
    Table("quotes", "Every quote of every claim file (rejected and orphaned ones included).", "ref", (
        ("ref", str, "ARTICLE-ID/QUOTE-ID, as review same_as lists write it."),
        ("article", str, "The article (articles.id)."),
        ("quote_id", str, "Quote id inside the claim file."),
        ("text", str, "The quoted words."),
        ("speaker", str, "Speaker as this article credits them."),
        ("speaker_name", str, "The speaker as counted in speakers (spellings joined)."),
        ("speaker_reason", str, "Why no speaker was found."),
        ("kind", str, "direct, partial, term, headline or indirect (reported speech)."),
        ("start", int, "Start of the first span (character offset in the article body)."),
        ("end", int, "End of the last span."),
        ("spans", str, "Every [start, end] span, as JSON."),
        ("status", str, "Review status."),
        ("orphaned", int, "1 when the text is no longer in the article."),
        ("versions", str, "The versions of its story (article ids, JSON list) that hold this record."),
        ("cluster", str, "The quote cluster (quote_clusters.id); empty for rejected or orphaned quotes."),
    ), (("article", "articles", "id"), ("speaker_name", "speakers", "name"), ("cluster", "quote_clusters", "id"))),
    Table("cluster_members", "Each appearance of a clustered quote, oldest first.", ("cluster", "quote"), (
        ("cluster", str, "The cluster (quote_clusters.id)."),
        ("quote", str, "The quote (quotes.ref)."),
        ("position", int, "Order in the cluster, 0 for the first appearance."),
        ("article", str, "The article (articles.id)."),
        ("outlet", str, "Its outlet."),
        ("published", str, "Its date."),
        ("speaker", str, "Speaker as this article credits them."),
        ("kind", str, "Quote kind."),
        ("relation", str, "original, verbatim, fragment or amended, against the first appearance."),
        ("score", float, "Similarity to the first appearance (0-100)."),
        ("text", str, "The words as this article prints them."),
        ("age_cue", str, "What the article says of the words' age: {says old|new, text, span} (JSON)."),
        ("days_since_first", int, "Days since the cluster was first seen."),
        ("recycled", str, "fresh, recycled_disclosed or recycled_undisclosed (empty for the first)."),
        ("recycled_reason", str, "Why: the time cue found, or its absence."),
    ), (("cluster", "quote_clusters", "id"), ("quote", "quotes", "ref"), ("article", "articles", "id"))),
    Table("claim_groups", "The same figure across articles, with the verdict on whether sources agree.", "id", (
        ("id", str, "Group id (as in the JSON report and _reviews.yaml)."),
        ("status", str, "conflict, to_check or consistent."),
        ("verdict", str, "conflict, update or consistent."),
        ("reason", str, "One line saying why."),
        ("confidence", str, "high or low."),
        ("evidence", str, "What the verdict rests on, as a JSON list."),
        ("measure", str, "What is measured (troop, killed, release …)."),
        ("unit", str, "Unit of the figures."),
        *_REVIEW,
        ("reopened", str, "Why a reviewer's resolution no longer covers the group (a new differing value), or empty."),
        ("resolution", str, "Who settled the group and why, as JSON (empty while unresolved)."),
        ("sourcing", str, "Whether values come from different sources (between_sources), one source reported "
         "differently (in_reporting), partly_sourced, unsourced or agreed, as JSON with a label."),
    )),
    Table("claims", "Every numeric claim of every claim file.", "ref", (
        ("ref", str, "ARTICLE-ID/CLAIM-ID."),
        ("article", str, "The article (articles.id)."),
        ("claim_id", str, "Claim id inside the claim file."),
        ("value", float, "The figure (empty for a range: see low and high)."),
        ("unit", str, "Unit."),
        ("measure", str, "What is measured."),
        ("kind", str, "count, money, percent, year, age …"),
        ("approximate", int, "1 for hedged figures (an estimated, some, around)."),
        ("bound", str, "> >= < <= for more than, at least, fewer than, up to."),
        ("low", float, "A range's low end."),
        ("high", float, "A range's high end."),
        ("surface", str, "The figure as printed."),
        ("start", int, "Start of the figure (character offset in the article body)."),
        ("end", int, "End of the figure."),
        ("sentence", str, "The sentence stating it."),
        ("status", str, "Review status."),
        ("orphaned", int, "1 when the text is no longer in the article."),
        ("versions", str, "The versions of its story (article ids, JSON list) that hold this record."),
        ("group", str, "The claim group (claim_groups.id), when the figure is compared across articles."),
        *_CREDIT,
    ), (("article", "articles", "id"), ("group", "claim_groups", "id"))),
    Table("group_values", "Each figure of a claim group, oldest first.", ("group", "claim"), (
        ("group", str, "The group (claim_groups.id)."),
        ("claim", str, "The claim (claims.ref)."),
        ("position", int, "Order in the group."),
        ("article", str, "The article (articles.id)."),
        ("outlet", str, "Its outlet."),
        ("published", str, "Its date."),
        ("value", float, "The figure (a range's low end)."),
        ("high", float, "A range's high end."),
        ("kind", str, "Claim kind."),
        ("approximate", int, "1 for hedged figures."),
        ("bound", str, "Bound, if any."),
        ("surface", str, "The figure as printed."),
        ("sentence", str, "The sentence stating it."),
        ("start", int, "Start of the figure in the article body."),
        ("end", int, "End of the figure."),
        ("counts", str, "What the figure counts (predicate, scope, owner …), as JSON."),
        *_CREDIT,
    ), (("group", "claim_groups", "id"), ("claim", "claims", "ref"), ("article", "articles", "id"))),
    Table("reviews", "Every review decision: on clusters and groups (_reviews.yaml) and on records.",
          ("target_table", "target"), (
        ("target_table", str, "quote_clusters, claim_groups, quotes or claims."),
        ("target", str, "The id (or ref) reviewed."),
        ("status", str, "confirmed, rejected, disputed (or unreviewed with a note)."),
        ("by", str, "Reviewer."),
        ("note", str, "Note."),
        ("resolved", str, "How a conflict was settled."),
    )),
    Table("corrections", "Correction, clarification, update and amendment notices, with the records they amend.",
          "ref", (
        ("ref", str, "ARTICLE-ID/CORRECTION-ID."),
        ("article", str, "The article carrying the notice (articles.id)."),
        ("correction_id", str, "Notice id inside the claim file."),
        ("kind", str, "correction, clarification, update or amendment."),
        ("text", str, "The notice as printed."),
        ("start", int, "Start of the notice in the article body."),
        ("end", int, "End of the notice."),
        ("target", str, "What the notice says it amends, as written (\"quote in seventh paragraph\")."),
        ("target_kind", str, "quote, figure, name, paragraph … (the kind of thing amended)."),
        ("paragraph", int, "The paragraph the notice names, counted as the outlet counts."),
        ("was", str, "The wrong value as the notice states it."),
        ("now", str, "The right value as the notice states it."),
        ("reason", str, "The stated reason (\"to reflect official transcript\")."),
        ("links", str, "Ids of the quotes and claims of this article the notice amends (\"; \"-joined)."),
        ("link_reason", str, "Why the notice links nothing, when it does not."),
        ("status", str, "Review status of the notice."),
        ("orphaned", str, "true when the notice is no longer in the article."),
    ), (("article", "articles", "id"),)),
    Table("version_changes", "What changed between consecutive versions of a story: quotes amended, figures "
          "updated, sentences removed.", "position", (
        ("position", int, "Order of the change in the report."),
        ("story", str, "The story id its versions share."),
        ("from", str, "The earlier version (articles.id)."),
        ("to", str, "The later version (articles.id)."),
        ("section", str, "quotes, claims, sentences or notices."),
        ("change", str, "amended, updated, added, removed."),
        ("old_id", str, "The record in the earlier version."),
        ("new_id", str, "The record in the later version."),
        ("old", str, "The earlier words or figure."),
        ("new", str, "The later words or figure."),
        ("diff", str, "Word-level difference ([-old-]{+new+})."),
    ), (("from", "articles", "id"), ("to", "articles", "id"))),
    Table("misattributions", "Possible misattributions: one quote credited to different people, one row per "
          "article's credit (the evidence).", ("flag", "quote"), (
        ("flag", str, "Flag id (as in the JSON report and _reviews.yaml's misattributions)."),
        ("quote", str, "The quote credited (quotes.ref)."),
        ("cluster", str, "The quote cluster (quote_clusters.id)."),
        ("first", str, "The person the first credit names."),
        ("other", str, "The other person credited."),
        ("confidence", str, "high, or low when a credit rests on a pronoun."),
        ("open", int, "1 while no reviewer has settled the flag."),
        ("review_status", str, "Reviewer's decision on the flag."),
        ("resolved", str, "How a reviewer settled it (e.g. alias)."),
        ("article", str, "The article giving this credit (articles.id)."),
        ("outlet", str, "Its outlet."),
        ("published", str, "Its date."),
        ("quote_id", str, "Quote id inside the claim file."),
        ("speaker", str, "The speaker as the claim file names them."),
        ("person", str, "The person that speaker resolves to."),
        ("mention", str, "The words naming the speaker, as written."),
        ("mention_start", int, "Start of the mention in the article body."),
        ("mention_end", int, "End of the mention."),
    ), (("cluster", "quote_clusters", "id"), ("quote", "quotes", "ref"), ("article", "articles", "id"))),
)

BY_NAME = {table.name: table for table in TABLES}

#: Columns searched by Datasette's full-text search, per table.
FULL_TEXT: dict[str, tuple[str, ...]] = {
    "quotes": ("text", "speaker"),
    "claims": ("sentence", "surface"),
    "speakers": ("name",),
    "speaker_aliases": ("alias",),
}

UNDECLARED = "From the report model (see tracker report --format json); not yet described here."
