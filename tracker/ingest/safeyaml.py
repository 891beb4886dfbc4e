"""YAML that comes with the input (front matter, ``sources.yaml``): loaded safely and boundedly.

``yaml.safe_load`` never runs code, but it still expands aliases ("billion laughs": a few lines
that stand for billions of values once anything walks them) and recurses once per nesting
level. Input metadata never needs anchors, aliases, tags or deep nesting, so they are refused
by a token scan (linear time, constant memory) before anything is built.

Values then read with YAML 1.2 (core schema) semantics, as editors, ruamel and claim files do,
not PyYAML's YAML 1.1: ``title: no`` is the text "no" (not false), ``012`` is twelve (not octal
ten), ``12:30`` is the text "12:30" (not sexagesimal 750). Dates (``2020-01-02``) still read as
dates, as ruamel reads them.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import InputError

MAX_DEPTH = 32
_OPEN = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockSequenceStartToken,
         yaml.BlockMappingStartToken)
_CLOSE = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)

_BOOL, _INT, _FLOAT = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
#: The YAML 1.2 core schema's implicit types (https://yaml.org/spec/1.2.2/#1032-tag-resolution),
#: each with the characters a matching plain scalar can start with.
_CORE_1_2 = (
    (_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (_INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789"),
    (_FLOAT, re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"), "-+.0123456789"),
)


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's booleans, integers and floats."""

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        text = str(self.construct_scalar(node))
        if text.startswith(("0o", "0x")):
            return int(text[2:], 8 if text[1] == "o" else 16)
        return int(text, 10)  # "012" is twelve: YAML 1.2 has no leading-zero octal


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL, _INT, _FLOAT)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _regexp, _first in _CORE_1_2:
    Yaml12Loader.add_implicit_resolver(_tag, _regexp, list(_first))
Yaml12Loader.add_constructor(_INT, Yaml12Loader.construct_yaml_int)


def load_metadata_yaml(text: str, path: str, what: str, first_line: int = 1) -> Any:
    """Plain data from ``text``; InputError naming ``path`` and the line (``first_line`` is the
    file line the text starts on) for malformed or unsafe YAML."""

    def fail(message: str, mark: Any) -> InputError:
        line = first_line + mark.line if mark is not None else first_line
        return InputError(f"{what} {message}", path, line)

    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AliasToken | yaml.AnchorToken):
                kind = "alias" if isinstance(token, yaml.AliasToken) else "anchor"
                raise fail(f"uses a YAML {kind} ('{token.value}'), which is not allowed here", token.start_mark)
            if isinstance(token, yaml.TagToken):
                handle, suffix = token.value
                raise fail(f"uses a YAML tag ('{handle or ''}{suffix}'), which is not allowed here",
                           token.start_mark)
            if isinstance(token, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    raise fail(f"is nested more than {MAX_DEPTH} levels deep", token.start_mark)
            elif isinstance(token, _CLOSE):
                depth -= 1
        return yaml.load(text, Loader=Yaml12Loader)  # safe: SafeLoader constructors only
    except yaml.MarkedYAMLError as exc:
        raise fail(f"is not valid YAML: {exc.problem or exc.context}", exc.problem_mark or exc.context_mark) from None
    except (ValueError, OverflowError) as exc:  # a timestamp that is no date ("2020-13-45")
        raise fail(f"has a value YAML cannot read: {exc}", None) from None
    except yaml.YAMLError as exc:  # reader errors: characters YAML does not allow
        raise fail(f"is not valid YAML: {str(exc).splitlines()[0]}", None) from None
