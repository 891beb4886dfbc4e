"""tracker: quotes, speakers and numeric claims across news articles, and where sources disagree."""

__version__ = "0.1.0"
