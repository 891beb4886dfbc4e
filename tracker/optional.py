"""Optional dependencies: large libraries live in pyproject extras, so the default install stays light.

A feature that needs one imports it through ``require``; without it the user gets one line
saying which extra to install, never an ImportError traceback.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import TrackerError

#: Module -> (extra that installs it, what it is for), as named in pyproject.toml.
EXTRAS: dict[str, tuple[str, str]] = {
    "sqlite_utils": ("sqlite", "--format sqlite"),
    "prov": ("prov", "--format prov-json/prov-n"),
    "trafilatura": ("html", "reading a saved web page"),
}


class MissingExtra(TrackerError):
    """A feature's optional dependency is not installed."""


def require(module: str) -> ModuleType:
    """``module`` imported, or MissingExtra naming the pip command that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.partition(".")[0]
        extra, feature = EXTRAS.get(top, (top, "this feature"))
        raise MissingExtra(f"{feature} needs the '{extra}' extra: pip install 'tracker[{extra}]'") from None
