"""Every rule of ``tracker check`` in one registry: id, level, what it means, and two examples.

Each problem ``tracker check`` prints ends with its rule id in parentheses (yamllint's
convention), so a reader, an editor or a CI filter can look the rule up here or in the README's
table (generated from this registry). Every rule carries a failing and a passing example: edits
of the small house example below (an article ``a.txt`` and its claim file ``claims/a.yaml``);
``tests/test_check_rules.py`` runs both for every rule, so an example that stops failing, or a
rule id used in ``check`` but not registered, fails the suite.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal, get_args

RuleId = Literal[
    "syntax", "yaml-version", "schema", "unknown-key", "type", "value", "span", "span-text", "stale-source",
    "duplicate-id", "duplicate-article", "edited-id", "unknown-ref", "unknown-id", "orphaned", "unreviewed",
    "unresolved", "conflict", "dangling-link",
]
Level = Literal["error", "warning"]

#: The house example: an article and the claim file extraction would write for it.
EXAMPLE_BODY = "The mayor said “we will rebuild” and 200 people came.\n"
_SHA = hashlib.sha256(EXAMPLE_BODY.encode()).hexdigest()
EXAMPLE_CLAIM_FILE = f"""\
# yaml-language-server: $schema=claim-file.schema.json
article:
  id: a
  path: a.txt
  sha256: {_SHA}
  title: T
  outlet: Daily A
  authors: []
  published: "2020-01-02"
  url:
quotes:
  - id: q1
    text: we will rebuild
    spans: [[16, 31]]
    speaker: The mayor
    speaker_mention: {{text: The mayor, span: [0, 9]}}
    cue: said
    kind: direct
    review: {{status: confirmed, by: ed, note: null}}
claims:
  - id: c1
    value: 200
    unit:
    measure: people
    kind: count
    approximate: false
    bound:
    high:
    surface: "200"
    span: [37, 40]
    sentence: The mayor said “we will rebuild” and 200 people came.
    review: {{status: confirmed, by: ed, note: null}}
"""
#: The claim's sentence line, after which the ``dangling-link`` examples name a quote.
_SENTENCE = "    sentence: The mayor said “we will rebuild” and 200 people came.\n"
#: A second claim record (the ``duplicate-id`` examples give it the first one's id or its own).
_SECOND_CLAIM = "claims:\n  - id: {id}\n    value: 7\n    kind: count\n    approximate: false\n"
EXAMPLE_FILES = {"a.txt": EXAMPLE_BODY, "claims/a.yaml": EXAMPLE_CLAIM_FILE}


def _with_count(value: str, count: str, outlet: str) -> dict[str, str]:
    """An article reporting a death toll and its claim file (for the cross-article rules)."""
    text = f"Police said {count} people were killed in the shooting on Saturday night in Dayton.\n"
    name = outlet.split()[-1].lower()
    sha = hashlib.sha256(text.encode()).hexdigest()
    start = text.index(count)
    claim_file = (EXAMPLE_CLAIM_FILE.replace("id: a\n", f"id: {name}\n").replace("a.txt", f"{name}.txt")
                  .replace(_SHA, sha).replace("Daily A", outlet).split("quotes:")[0]
                  + f"""quotes: []
claims:
  - id: c1
    value: {value}
    unit: people
    measure: killed
    kind: count
    approximate: false
    surface: {count}
    span: [{start}, {start + len(count)}]
    sentence: {text.strip()}
    counts: {{predicate: killed, scope: total}}
    review: {{status: confirmed, by: ed, note: null}}
""")
    return {f"{name}.txt": text, f"claims/{name}.yaml": claim_file}


@dataclass(frozen=True)
class Example:
    """Edits of the house example: (file, old, new) replacements, extra files, and ``--strict``."""

    edits: tuple[tuple[str, str, str], ...] = ()
    files: dict[str, str] = field(default_factory=dict)
    strict: bool = False


def _claim(old: str, new: str) -> tuple[str, str, str]:
    return ("claims/a.yaml", old, new)


@dataclass(frozen=True)
class Rule:
    id: RuleId
    level: Level
    summary: str
    failing: Example
    passing: Example


RULES: dict[RuleId, Rule] = {rule.id: rule for rule in (
    Rule("syntax", "error", "the file is not YAML both readers can parse (placed where an editor shows it)",
         Example((_claim("  title: T\n", "  title: [T\n"),)), Example((_claim("  title: T\n", "  title: '[T'\n"),))),
    Rule("yaml-version", "error", "a value YAML 1.1 and YAML 1.2 read differently (`no`, `1e3`, `012`): quote it",
         Example((_claim("  title: T\n", "  title: no\n"),)), Example((_claim("  title: T\n", '  title: "no"\n'),))),
    Rule("schema", "error", "a required part is missing (the article mapping, its id/path/sha256, a record id)",
         Example((_claim("  - id: c1\n", "  - value_only: 1\n"),)), Example()),
    Rule("unknown-key", "error", "a key the schema does not know, with the closest known key",
         Example((_claim("    speaker: The mayor\n", "    speakr: The mayor\n"),)), Example()),
    Rule("type", "error", "a field of the wrong type (`value: two hundred`, `speaker: [a, b]`)",
         Example((_claim("value: 200", "value: two hundred"),)), Example((_claim("value: 200", "value: 200.0"),))),
    Rule("value", "error", "a value outside its allowed set or form (kinds, statuses, bounds, dates, finite numbers)",
         Example((_claim("status: confirmed, by: ed, note: null}\nclaims", "status: confirmd, by: ed}\nclaims"),)),
         Example((_claim("status: confirmed, by: ed, note: null}\nclaims", "status: disputed, by: ed}\nclaims"),))),
    Rule("span", "error", "a span that is not [start, end] inside the article body",
         Example((_claim("span: [37, 40]", "span: [37, 4000]"),)), Example()),
    Rule("span-text", "warning", "a span that no longer holds its text (the record was edited or the text moved)",
         Example((_claim('surface: "200"', 'surface: "300"'),)), Example()),
    Rule("stale-source", "warning", "the article changed since extraction, or its file cannot be read safely",
         Example((("a.txt", "200 people", "300 people"),)), Example()),
    Rule("duplicate-id", "error", "two records of one file share an id",
         Example((_claim("claims:\n", _SECOND_CLAIM.format(id="c1")),)),
         Example((_claim("claims:\n", _SECOND_CLAIM.format(id="c2")),))),
    Rule("duplicate-article", "error", "two claim files hold the same article id",
         Example(files={"claims/b.yaml": EXAMPLE_CLAIM_FILE}),
         Example(files={"claims/b.yaml": EXAMPLE_CLAIM_FILE.replace("id: a\n", "id: b\n")})),
    Rule("edited-id", "error", "an extracted record's id no longer matches its content, which would detach its review",
         Example((_claim("  - id: q1\n", "  - id: qdeadbeef00\n    auto: '0'\n"),)),
         Example((_claim("  - id: q1\n", "  - id: qdeadbeef00\n"),))),
    Rule("unknown-ref", "error", "a `same_as`/`different_from` naming a record that is not in the folder",
         Example((_claim("by: ed, note: null}\nclaims", "by: ed, note: null, same_as: a/q9}\nclaims"),)),
         Example((_claim("by: ed, note: null}\nclaims", "by: ed, note: null, same_as: a/q1}\nclaims"),))),
    Rule("unknown-id", "error", "a `_reviews.yaml` key naming no quote cluster or claim group of the report",
         Example(files={"claims/_reviews.yaml": "claim_groups:\n  cg-nope: {status: confirmed, resolved: ok}\n"}),
         Example(files={"claims/_reviews.yaml": "claim_groups: {}\n"})),
    Rule("orphaned", "warning", "a record whose text left the article (kept for its review): reject or delete it",
         Example((_claim("    kind: direct\n", "    kind: direct\n    orphaned: true\n"),)),
         Example((_claim("    kind: direct\n", "    kind: direct\n    orphaned: false\n"),))),
    Rule("unreviewed", "error", "with `--strict`: a record nobody has reviewed yet",
         Example((_claim("status: confirmed, by: ed, note: null}\nclaims", "status: unreviewed}\nclaims"),),
                 strict=True),
         Example(strict=True)),
    Rule("unresolved", "error", "with `--strict`: a disputed record without a `resolved` reason",
         Example((_claim("status: confirmed, by: ed, note: null}\nclaims", "status: disputed, by: ed}\nclaims"),),
                 strict=True),
         Example((_claim("status: confirmed, by: ed, note: null}\nclaims",
                         "status: disputed, by: ed, resolved: the mayor's own count}\nclaims"),), strict=True)),
    Rule("conflict", "error", "with `--strict`: a claim group the report marks as a conflict nobody has settled",
         Example(files={**_with_count("3", "three", "Daily Alpha"), **_with_count("5", "five", "Herald Beta")},
                 strict=True),
         Example(files={**_with_count("3", "three", "Daily Alpha"), **_with_count("3", "three", "Herald Beta")},
                 strict=True)),
    Rule("dangling-link", "error", "a claim's `quote` naming no quote of its own file",
         Example((_claim(_SENTENCE, _SENTENCE + "    quote: q9\n"),)),
         Example((_claim(_SENTENCE, _SENTENCE + "    quote: q1\n"),))),
)}

assert set(RULES) == set(get_args(RuleId)), "every rule id has one entry"


def rules_table() -> str:
    """The README's table of rules, one row per rule (kept equal to the README by a test)."""
    rows = ["| rule | level | what it means |", "|---|---|---|"]
    rows += [f"| `{rule.id}` | {rule.level} | {rule.summary} |" for rule in RULES.values()]
    return "\n".join(rows) + "\n"
