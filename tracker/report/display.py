"""How a figure, a value and a fragment read in every report format (Markdown, HTML, CSV).

The model keeps what extraction found (``measure`` "troop", ``unit`` "U.S. troops", a range's
low end in ``value``); readers need "U.S. troops in Iraq", "hundreds (100-999)", "5.42 feet"
and "2 of 42 words of the original". One place computes them, so the formats never disagree.
"""

from __future__ import annotations

import re
from typing import Any

#: Predicates a claim's ``measure`` takes from its sentence: said after what was counted
#: ("people killed"), not before it.
_PREDICATES = frozenset({"killed", "injured", "wounded", "shot", "arrested", "charged", "convicted",
                         "hospitalized", "held", "dead", "sought", "in_condition"})
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve a an".split())
#: Capitalised words after the figure's unit that say where or of what it is ("in Iraq").
#: The phrase must end there (punctuation, a clause word), not halfway ("in the Iraqi parliament").
_CONTEXT = re.compile(r"^\s+((?:in|at|of|from|for|on)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
                      r"(?=[,;:!?)]|\.(?:\s|$)|\s+(?:[a-z]+ing|and|or|to|for|with|that|who|which|as|after|since|but|"
                      r"is|are|was|were|has|have|had|will|would)\b|$)")
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+"
_AGE_NAME_BEFORE = re.compile(rf"({_NAME}),\s*(?:aged?\s+)?$")
_AGE_NAME_AFTER = re.compile(rf"^[\s-]*(?:years?|yrs?)?[\s-]*old\s+({_NAME})")
_AGE_NAME_JUST_AFTER = re.compile(rf"^\s+({_NAME})")  # the surface holds "year-old" already
#: Decimals shown for a figure that is not whole: "5.42 feet", never "5.41667".
DECIMALS = 2


def number(value: Any, kind: str | None = None) -> str:
    """A figure as a reader writes it: thousands separated, at most ``DECIMALS`` decimals,
    years without a separator."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if kind in ("year", "date"):
        return str(int(value)) if float(value).is_integer() else f"{value:g}"
    if float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) < 10 ** -DECIMALS:
        return f"{value:.{DECIMALS}g}"
    return f"{value:,.{DECIMALS}f}".rstrip("0").rstrip(".")


def is_range(v: dict[str, Any]) -> bool:
    """A group value or claim row that stands for a range (its ``high`` set, apart from its low end)."""
    high = v.get("high")
    return isinstance(high, int | float) and not isinstance(high, bool) and high != _low(v)


def _low(v: dict[str, Any]) -> Any:
    return v.get("low") if v.get("value") is None else v.get("value")


def low_high(v: dict[str, Any]) -> tuple[Any, Any]:
    """(low, high) of a value: both ends of a range, or the value twice."""
    low = _low(v)
    return (low, v.get("high")) if is_range(v) else (low, low)


def value_text(v: dict[str, Any], kind: str | None = None) -> str:
    """"> 4", "5,200 ≈", "100-999 ≈": bound, figure or range, and the approximation mark."""
    kind = kind or v.get("kind")
    bound = {">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ "}.get(str(v.get("bound")), "")
    low, high = low_high(v)
    shown = f"{number(low, kind)}–{number(high, kind)}" if is_range(v) else number(low, kind)
    return f"{bound}{shown}{' ≈' if v.get('approximate') else ''}"


def _plain_unit(unit: str) -> str:
    """"three years" -> "years": the number inside a unit is the figure, not what it counts."""
    words = unit.split()
    while len(words) > 1 and words[0].casefold() in _NUMBER_WORDS:
        words = words[1:]
    return " ".join(words)


def _same_word(measure: str, unit: str) -> bool:
    """Whether ``unit`` already names ``measure`` ("U.S. troops" names "troop")."""
    last = unit.split()[-1].casefold() if unit.split() else ""
    m = measure.casefold()
    return last == m or last.rstrip("s") == m or last.startswith(m[:max(4, len(m) - 1)]) or m in unit.casefold()


def _context(values: list[dict[str, Any]], unit: str) -> str:
    """What follows the unit in the first sentence that has it: "in Iraq" (capitalised places only)."""
    for v in values:
        sentence, surface = str(v.get("sentence") or ""), str(v.get("surface") or "")
        at = sentence.find(surface)
        where = sentence.find(unit, max(at, 0)) if unit else -1
        if at >= 0 and where >= 0 and where - (at + len(surface)) <= len(unit) + 2:
            found = _CONTEXT.match(sentence[where + len(unit):])
            if found:
                return " " + found.group(1).strip()
    return ""


def _age_of(values: list[dict[str, Any]]) -> str:
    """The person an age is written against ("Dwayne Curtis, 27"), from the first sentence naming one."""
    for v in values:
        sentence, surface = str(v.get("sentence") or ""), str(v.get("surface") or "")
        at = sentence.find(surface)
        if at < 0:
            continue
        after = sentence[at + len(surface):]
        found = (_AGE_NAME_BEFORE.search(sentence[max(0, at - 80):at]) or _AGE_NAME_AFTER.match(after)
                 or (_AGE_NAME_JUST_AFTER.match(after) if surface.casefold().endswith("old") else None))
        if found:
            return f" of {found.group(1).rstrip('.,;:')}"  # "Mason Powell." ends its sentence, not its name
    return ""


def figure_label(group: dict[str, Any]) -> str:
    """What a group's figures count, in words: "U.S. troops in Iraq", "people killed",
    "age of Dwayne Curtis", "year of release", "seats"."""
    measure = str(group.get("measure") or "").replace("_", " ")
    unit = _plain_unit(str(group.get("unit") or ""))
    values = list(group.get("values") or [])
    kind = str(values[0].get("kind") or "") if values else ""
    if kind == "age":
        return "age" + _age_of(values) + (f" ({unit})" if unit and unit != "years" else "")
    if kind in ("year", "date"):
        return f"{kind} of {measure}" if measure else kind
    if kind == "currency" or measure == unit == "%":
        return f"amount ({unit or measure})" if kind == "currency" else "percentage"
    if measure in _PREDICATES:
        return f"{unit} {measure}" if unit and not _same_word(measure, unit) else measure
    if unit and (not measure or _same_word(measure, unit)):
        return unit + _context(values, str(group.get("unit") or ""))
    if unit:
        return f"{unit} ({measure})"
    return measure or "figure"


def fragment_place(original: str, fragment: str) -> tuple[int, int, int] | None:
    """Where ``fragment`` sits in ``original``, in words: (first word, end word, words in the
    original); None when its words do not occur in order there."""
    def words(text: str) -> list[str]:
        return [w for w in (re.sub(r"[^\w']", "", t.casefold()) for t in text.split()) if w]
    whole, part = words(original), words(fragment)
    if not part:
        return None
    for start in range(len(whole) - len(part) + 1):
        if whole[start:start + len(part)] == part:
            return start, start + len(part), len(whole)
    return None


def relation_text(relation: str, original: str, text: str, score: Any) -> str:
    """What a member's relation to the cluster's original means, in words, never a bare score."""
    if relation == "original":
        return "the original"
    if relation == "verbatim":
        return "the same words"
    if relation == "fragment":
        place = fragment_place(original, text)
        if place is not None:
            start, end, total = place
            return f"{end - start} of the original's {total} words (words {start + 1}–{end})"
        return "part of the original"
    alike = f"{score:.0f}% alike" if isinstance(score, int | float) and not isinstance(score, bool) else "changed"
    return f"amended, {alike}"


def split_fragment(original: str, fragment: str) -> tuple[str, str, str] | None:
    """The original text cut around the fragment, (before, fragment, after), for highlighting it."""
    place = fragment_place(original, fragment)
    if place is None:
        return None
    tokens = original.split()
    start, end, _ = place
    # words() dropped tokens that are only punctuation; map back through the kept tokens
    kept = [i for i, t in enumerate(tokens) if re.sub(r"[^\w']", "", t.casefold())]
    first, last = kept[start], kept[end - 1]
    return " ".join(tokens[:first]), " ".join(tokens[first:last + 1]), " ".join(tokens[last + 1:])


def group_columns(g: dict[str, Any], v: dict[str, Any]) -> dict[str, Any]:
    """A group's columns on each of its value rows: verdict, what it counts, the value's two ends
    (equal unless a range), and the reviewers' decision."""
    low, high = low_high(v)
    resolution = g.get("resolution") or {}
    return {"group": g["id"], "status": g["status"], "verdict": g["verdict"], "reason": g["reason"],
            "measure": g["measure"], "unit": g["unit"], "figure": figure_label(g), "low": low, "high": high,
            "review": (g.get("review") or {}).get("status"), "review_by": (g.get("review") or {}).get("by"),
            "resolved": resolution.get("reason"), "resolved_by": resolution.get("by"), "reopened": g.get("reopened"),
            "sourcing": (g.get("sourcing") or {}).get("kind")}
