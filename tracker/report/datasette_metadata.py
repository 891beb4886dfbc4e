"""Views over the SQLite tables and Datasette's ``metadata.yml``: descriptions and canned queries.

The views answer what a journalist asks first: which quotes were recycled, where outlets
disagree on a figure, and how one figure moved over time.
"""

from __future__ import annotations

from typing import Any

from .sqlite_schema import TABLES, UNDECLARED

VIEWS: dict[str, tuple[str, str]] = {
    "recycled_quotes": ("Every reuse of a quote in a later article, beside its first appearance.", """
        SELECT m.cluster, c.speaker, c.canonical, c.first_article, c.first_published,
               m.article, m.outlet, m.published, m.relation, m.score, m.text AS reused_text
        FROM cluster_members m JOIN quote_clusters c ON c.id = m.cluster
        WHERE c.articles > 1 AND m.article != c.first_article
        ORDER BY c.first_published, c.id, m.position"""),
    "conflicts_by_outlet": ("Figures of conflicting claim groups, one row per outlet's figure.", """
        SELECT g.id AS "group", g.measure, g.unit, g.reason, g.confidence, g.review_resolved,
               v.outlet, v.article, v.published, v.value, v.high, v.surface, v.sentence
        FROM group_values v JOIN claim_groups g ON g.id = v."group"
        WHERE g.status = 'conflict'
        ORDER BY g.id, v.outlet, v.published, v.position"""),
    "figure_timeline": ("Each figure of each claim group by date: how a number moved across coverage.", """
        SELECT v."group", g.measure, g.unit, g.status, g.verdict, v.published, v.outlet, v.article,
               v.value, v.high, v.approximate, v.bound, v.surface, v.sentence
        FROM group_values v JOIN claim_groups g ON g.id = v."group"
        ORDER BY v."group", v.published, v.position"""),
}

CANNED: dict[str, dict[str, str]] = {
    "conflicts": {"title": "Conflicting figures by outlet",
                  "description": "Claim groups whose sources disagree, each outlet's figure in its sentence.",
                  "sql": "SELECT * FROM conflicts_by_outlet"},
    "recycled": {"title": "Recycled quotes",
                 "description": "Quotes reused in later articles, with where they first appeared.",
                 "sql": "SELECT * FROM recycled_quotes"},
    "timeline": {"title": "A figure's timeline",
                 "description": "Every figure of one measure (troop, killed, release …) by date.",
                 "sql": "SELECT * FROM figure_timeline WHERE measure = :measure"},
    "speaker_quotes": {"title": "What one person was quoted saying",
                       "description": "Quotes of a speaker under any spelling of the name, oldest first.",
                       "sql": "SELECT q.article, a.outlet, a.published, q.kind, q.text, q.cluster "
                              "FROM quotes q JOIN articles a ON a.id = q.article "
                              "WHERE q.speaker_name = :speaker ORDER BY a.published, q.start"},
}

TITLE = "tracker: quotes and figures across news coverage"


def metadata(database: str, columns: dict[str, list[str]]) -> dict[str, Any]:
    """Datasette metadata for ``database`` (its file name without .db); ``columns`` are the columns
    each table really has, so a column the model added later is listed too."""
    tables: dict[str, Any] = {}
    for table in TABLES:
        described = {name: text for name, _, text in table.columns}
        tables[table.name] = {
            "description": table.description,
            "columns": {name: described.get(name, UNDECLARED) for name in columns.get(table.name, described)},
        }
    for name, (description, _) in VIEWS.items():
        tables[name] = {"description": description}
    return {"title": TITLE, "databases": {database: {"tables": tables, "queries": CANNED}}}
