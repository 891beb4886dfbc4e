"""Maintenance scripts that are not part of the runtime package (model training)."""
