"""YAML that comes with the input (front matter, ``sources.yaml``): loaded safely and boundedly.

``yaml.safe_load`` never runs code, but it still expands aliases ("billion laughs": a few lines
that stand for billions of values once anything walks them) and recurses once per nesting
level. Input metadata never needs anchors, aliases, tags or deep nesting, so they are refused
by a token scan (linear time, constant memory) before anything is built.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import InputError

MAX_DEPTH = 32
_OPEN = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockSequenceStartToken,
         yaml.BlockMappingStartToken)
_CLOSE = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)


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
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        raise fail(f"is not valid YAML: {exc.problem or exc.context}", exc.problem_mark or exc.context_mark) from None
    except (ValueError, OverflowError) as exc:  # a timestamp that is no date ("2020-13-45")
        raise fail(f"has a value YAML cannot read: {exc}", None) from None
    except yaml.YAMLError as exc:  # reader errors: characters YAML does not allow
        raise fail(f"is not valid YAML: {str(exc).splitlines()[0]}", None) from None
