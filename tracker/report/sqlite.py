"""``--format sqlite``: the report model as a SQLite database for Datasette (built with sqlite-utils).

Tables with foreign keys, full-text search on quotes, sentences and speakers, the views of
``datasette_metadata`` and, beside the database, ``<name>.metadata.yml`` for
``datasette tracker.db -m tracker.metadata.yml``. The database is built in a temporary file
and renamed into place, so a reader never sees half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..optional import require
from .datasette_metadata import VIEWS, metadata
from .model import Report
from .sqlite_rows import table_rows
from .sqlite_schema import FULL_TEXT, TABLES


def metadata_path(database: Path) -> Path:
    """Where the Datasette metadata of ``database`` goes: ``tracker.db`` -> ``tracker.metadata.yml``."""
    return database.with_name(f"{database.stem}.metadata.yml")


def write_sqlite(report: Report, database: Path) -> Path:
    """Write the database (replacing any old one) and its metadata file; returns the metadata path."""
    sqlite_utils = require("sqlite_utils")
    database.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{database.name}.", suffix=".tmp", dir=database.parent)
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp, recreate=True)
        columns = _fill(db, report)
        db.conn.commit()
        db.close()
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, database)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    meta = metadata_path(database)
    text = yaml.safe_dump(metadata(database.stem, columns), sort_keys=False, allow_unicode=True, width=100)
    from ..claimfile.yaml_roundtrip import atomic_write

    atomic_write(meta, text)
    return meta


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fill(db: Any, report: Report) -> dict[str, list[str]]:
    """Create every table, view and search index; returns each table's columns."""
    rows = table_rows(report)
    for table in TABLES:
        db[table.name].create({name: kind for name, kind, _ in table.columns}, pk=table.pk,
                              foreign_keys=list(table.foreign_keys))
        if rows[table.name]:
            db[table.name].insert_all(rows[table.name], alter=True)
    for table_name, searched in FULL_TEXT.items():
        db[table_name].enable_fts(list(searched), create_triggers=False, tokenize="porter")
    for name, (_, sql) in VIEWS.items():
        db.create_view(name, sql.strip())
    return {table.name: [c.name for c in db[table.name].columns] for table in TABLES}
