"""Why a claim file is not YAML, said in plain words at the line and column an editor shows.

Parsers report where they gave up, which is often lines after the mistake (an unclosed quote is
noticed at the next quote, an unclosed ``[`` at the next key), and in their own vocabulary
(``expected <block end>, but found '<scalar>'``). A reviewer needs the place to edit and what to
type there. Positions are 1-based, as editors number lines and columns. Every message ends with
the advice to fix the file in place: it holds reviews, and tracker never rewrites a file it cannot
read, so nothing is lost meanwhile.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import ClaimFileError

ADVICE = "fix it in an editor; the file was left as it is, reviews included"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
#: Mistakes recognised by the parser's wording, in order: (problem or context text, plain words).
_PLAIN: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "a tab character; YAML indents with spaces only"),
    ("mapping values are not allowed here",
     "a ': ' inside a value is read as a new key; put the whole value in double quotes"),
    ("found unknown escape character",
     "an unknown escape after a backslash inside double quotes; write \\\\ for a backslash"),
    ("could not find expected ':'",
     "this line is not 'key: value'; a value going on to a new line must be in double quotes"),
    ("did not find expected '-' indicator", "this list item is indented differently from the items above"),
    ("duplicate key", ""),  # already plain (the loader's own message)
)
_UNCLOSED = {
    "while scanning a quoted scalar": "this quoted value is never closed; add the closing quote",
    "while parsing a flow sequence": "the list opened with '[' here is not closed with ']'",
    "while parsing a flow mapping": "the mapping opened with '{' here is not closed with '}'",
}
_IN_FLOW = "inside [...] or {...}, a value holding , : ? # [ ] { } must be in double quotes"
_OPEN_QUOTE = "this double-quoted value is not closed on its line; add the closing quote"
#: A line whose value starts with a double quote: after "key: ", "- ", or "[", "{", ", " in flow.
_VALUE_QUOTE = re.compile(r'\s*(?:- +)*(?:[^\s"#][^"#]*?(?::\s+|[\[{,]\s*))?"')
_BLOCK = "this line's indentation does not match the lines above it"


def yaml_error(exc: yaml.MarkedYAMLError, text: str, where: str) -> ClaimFileError:
    """``exc`` (from PyYAML reading ``text``) as one plain sentence at the place to edit."""
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    quote = _open_quote(text, line)
    if quote is not None and context != "while scanning a quoted scalar":
        line, column = quote  # the parser stumbled lines later, where the quote finally closed
        return ClaimFileError(f"malformed YAML: {_OPEN_QUOTE} ({ADVICE})", where, line + 1, column + 1)
    message = next((plain or problem for needle, plain in _PLAIN if needle in problem or needle in context), None)
    if message is None and context in _UNCLOSED and exc.context_mark is not None:
        if mark is not None and exc.context_mark.line == mark.line and "flow" in context:
            message = _IN_FLOW  # on the same line: not unclosed, but a value that needed quotes
        else:
            message = _UNCLOSED[context]
            line, column = exc.context_mark.line, exc.context_mark.column
    if message is None and ("expected <block end>" in problem or "expected key" in problem):
        message = _BLOCK
    if message is None:
        message = problem or context or "not YAML"
    return ClaimFileError(f"malformed YAML: {message} ({ADVICE})", where, line + 1, column + 1)


def _open_quote(text: str, last: int) -> tuple[int, int] | None:
    """(line, column), 0-based, of the first value up to line ``last`` that opens a double quote
    its line does not close: from there the quote swallowed the lines after it."""
    for number, content in enumerate(text.split("\n")[:last + 1]):
        body = re.sub(r"\\.", "__", content)  # escaped characters are not quotes
        opening = _VALUE_QUOTE.match(body)
        if opening is not None and body.count('"') % 2 == 1:
            return number, opening.end() - 1
    return None


def value_error(text: str, where: str, exc: Exception) -> ClaimFileError:
    """A value the loaders cannot build (a date like ``2020-13-45``), at the value's place."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        root = None
    node = _bad_timestamp(root) if root is not None else None
    if node is None:
        return ClaimFileError(f"malformed value: {exc} ({ADVICE})", where)
    return ClaimFileError(
        f"'{node.value}' reads as a date but is not a real one ({exc}); correct it, or put it in double quotes "
        f"to keep it as text ({ADVICE})", where, node.start_mark.line + 1, node.start_mark.column + 1)


def _bad_timestamp(node: Any, depth: int = 0) -> Any:
    """The first scalar that YAML resolves to a timestamp but that is no date."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _TIMESTAMP:
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(node)
            except (ValueError, OverflowError):
                return node
        return None
    if depth > 64:  # deeper nesting was refused by the safety scan
        return None
    children: list[Any] = []
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    for child in children:
        found = _bad_timestamp(child, depth + 1)
        if found is not None:
            return found
    return None
