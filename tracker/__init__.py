"""tracker: quotes, speakers and numeric claims across news articles, and where sources disagree.

``tracker.load(claims_dir)`` returns the report as pandas DataFrames (see ``tracker.report.frame``);
it is imported on first use, so ``import tracker`` stays light (no pandas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "load"]

if TYPE_CHECKING:
    from .report.frame import load


def __getattr__(name: str) -> Any:
    if name == "load":
        from .report.frame import load

        return load
    raise AttributeError(f"module 'tracker' has no attribute {name!r}")


def __dir__() -> list[str]:
    """``load`` is listed (for tab completion and ``dir()``) though imported only on first use."""
    return sorted({*globals(), *__all__})
