"""The ``tracker`` command line: parse options, call the library, print results.

Errors the user can fix become ``Error: …`` and exit 1; usage errors exit 2; anything
unexpected exits 3 with a one-line message (and a traceback only with TRACKER_DEBUG=1).
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import ClaimFileError, TrackerError

F = TypeVar("F", bound=Callable[..., Any])
EXIT_PROBLEMS = 1
EXIT_UNEXPECTED = 3
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Text from articles shown on a terminal: control and escape sequences removed."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """An error or problem line: safe, and a newline in a file name or message cannot split it."""
    return safe(text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " "))


def safe_json(text: str) -> str:
    """JSON for a terminal without losing data: C1 controls and bidi/line-separator characters
    become ``\\uXXXX`` escapes (json.dumps already escapes C0 controls), so the value is unchanged."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _warn(message: str) -> None:
    click.echo(one_line(message), err=True)


def handle_errors(func: F) -> F:
    """Map library errors to ``Error: …`` (exit 1) and unexpected ones to exit 3, in one place."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TrackerError as exc:
            raise click.ClickException(one_line(str(exc))) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except OSError as exc:  # the file system refused (read-only, full disk, no permission): fixable
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(one_line(f"{where}{exc.strerror or exc}")) from None
        except KeyboardInterrupt:
            _warn("Interrupted.")
            sys.exit(130)
        except Exception as exc:  # a bug: say so in one line, keep the traceback for debugging
            if os.environ.get("TRACKER_DEBUG"):
                raise
            _warn(f"Error: internal error ({type(exc).__name__}: {safe(str(exc))[:300]}); "
                  "re-run with TRACKER_DEBUG=1 for a traceback and report it")
            sys.exit(EXIT_UNEXPECTED)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tracker")
def main() -> None:
    """Track quotes and numeric claims across news articles and report where sources disagree.

    \b
    Example:
      tracker run seeds          # extract to claims/ and write report.md
    """


def _progress(enabled: bool) -> Callable[[str], None] | None:
    if not (enabled and sys.stderr.isatty()):
        return None
    count = [0]

    def tick(_: str) -> None:
        count[0] += 1
        if count[0] % 50 == 0:
            click.echo(f"\r{count[0]} articles", err=True, nl=False)

    return tick


def _extract(inputs: tuple[Path, ...], out: Path, fail_fast: bool, quiet: bool) -> int:
    from .pipeline import extract_paths

    summary = extract_paths(list(inputs), out, fail_fast=fail_fast,
                            on_problem=lambda exc: _warn(f"Error: {exc}"), on_article=_progress(not quiet))
    if not quiet:
        click.echo(f"{summary.articles} articles: {summary.quotes} quotes, {summary.claims} claims "
                   f"-> {out} ({summary.written} written, {summary.unchanged} unchanged)")
    if summary.problems:
        _warn(f"{len(summary.problems)} input(s) had problems; see the Error lines above")
        return EXIT_PROBLEMS
    if summary.articles == 0:
        raise TrackerError("no articles found (expected .txt, .md or .jsonl files)", str(inputs[0]) if inputs else None)
    return 0


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("claims"),
              show_default=True, help="Folder for the claim files (one YAML file per article).")
@click.option("--fail-fast", is_flag=True, help="Stop at the first input that cannot be read.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@handle_errors
def extract(inputs: tuple[Path, ...], out: Path, fail_fast: bool, quiet: bool) -> None:
    """Extract quotes and numeric claims from articles into claim files.

    INPUTS are folders or .txt/.md/.jsonl files. Existing claim files are updated in place:
    review fields, corrected speakers and comments are kept.

    \b
    Example:
      tracker extract seeds --out claims
    """
    sys.exit(_extract(inputs, out, fail_fast, quiet))


def _render(folder: Path, fmt: str) -> str:
    from .report.markdown import render_markdown
    from .report.model import build_report

    report = build_report(folder)
    if fmt == "json":
        return safe_json(json.dumps(report, ensure_ascii=False, indent=2)) + "\n"
    return safe(render_markdown(report))


def _write_output(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from .yamlio import atomic_write

    atomic_write(output, text)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE, not stdout.")
@handle_errors
def report(folder: Path, fmt: str, output: Path | None) -> None:
    """Write the cross-source consistency report for a folder of claim files.

    \b
    Example:
      tracker report claims --format json -o report.json
    """
    _write_output(_render(folder, fmt), output)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("claims"),
              show_default=True, help="Folder for the claim files.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("report.md"), show_default=True, help="Where to write the Markdown report.")
@handle_errors
def run(inputs: tuple[Path, ...], out: Path, report_path: Path) -> None:
    """Extract INPUTS (default: seeds) into claim files and write the report: the main job.

    \b
    Example:
      tracker run seeds
    """
    code = _extract(inputs or (Path("seeds"),), out, fail_fast=False, quiet=False)
    from .report.markdown import render_markdown
    from .report.model import build_report

    rep = build_report(out)
    _write_output(safe(render_markdown(rep)), report_path)
    s = rep["summary"]
    click.echo(f"report: {report_path} — {s['quote_clusters']} quote clusters ({s['recycled_quotes']} recycled), "
               f"{s['claim_groups']} claim groups, {s['conflicts']} conflicts")
    sys.exit(code)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Also fail on unresolved conflicts and unreviewed records.")
@handle_errors
def check(folder: Path, strict: bool) -> None:
    """Validate claim files; print path:line:col: [level] message (rule). Exit 1 on errors.

    \b
    Example:
      tracker check claims --strict
    """
    from .check import Problem, check_folder, conflict_problems

    problems = list(check_folder(folder, strict=strict))
    if strict and not any(p.level == "error" and p.rule == "syntax" for p in problems):
        try:
            problems += list(conflict_problems(folder))
        except ClaimFileError as exc:  # a file the report cannot read: one more problem, not a stop
            problems.append(Problem(exc.path or str(folder), exc.line or 1, 1, "error", exc.message, "schema"))
    for problem in problems:
        click.echo(one_line(str(problem)))
    failing = [p for p in problems if p.level == "error" or strict]
    if failing:
        sys.exit(EXIT_PROBLEMS)


if __name__ == "__main__":  # pragma: no cover
    main()
