"""The ``tracker`` command line: parse options, call the library, print results.

Errors the user can fix become ``Error: …`` and exit 1; usage errors exit 2; anything
unexpected exits 3 with a one-line message (and a traceback only with TRACKER_DEBUG=1).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .errors import TrackerError
from .text import plural

if TYPE_CHECKING:
    from .progress import Progress

F = TypeVar("F", bound=Callable[..., Any])
EXIT_PROBLEMS = 1
EXIT_UNEXPECTED = 3
#: 128 + SIGPIPE, what a shell reports for a program that a closed pipe stopped (``yes | head``).
EXIT_CLOSED_PIPE = 141
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Text from articles shown on a terminal: control and escape sequences removed."""
    return _CONTROL.sub("", text)


# What a terminal acts on in a report written to stdout: C0 controls but tab and line ends, a
# carriage return that ends no line (it overwrites the line shown), DEL and C1 (ESC sequences:
# window titles, hidden OSC 8 links, screen clears).
_TERMINAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def terminal_safe(text: str) -> str:
    """A CSV or HTML report for stdout: what a terminal would act on is removed, lines are kept."""
    return _TERMINAL.sub("", text)


def one_line(text: str) -> str:
    """An error or problem line: safe, and a newline in a file name or message cannot split it."""
    return safe(text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " "))


def safe_json(text: str) -> str:
    """JSON for a terminal without losing data: C1 controls and bidi/line-separator characters
    become ``\\uXXXX`` escapes (json.dumps already escapes C0 controls), so the value is unchanged."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _warn(message: str) -> None:
    click.echo(one_line(message), err=True)


def _end_at_closed_pipe() -> None:
    """Exit as a program killed by SIGPIPE would (``yes | head``), without a message; stdout is
    pointed at /dev/null first, so the interpreter's last flush cannot complain either."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_CLOSED_PIPE)


def handle_errors(func: F) -> F:
    """Map library errors to ``Error: …`` (exit 1) and unexpected ones to exit 3, in one place."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            try:
                return func(*args, **kwargs)
            finally:  # what is still buffered meets a closed pipe here, not at interpreter exit
                sys.stdout.flush()
        except BrokenPipeError:  # `tracker … | head` stopped reading: nothing is wrong, end quietly
            _end_at_closed_pipe()
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


def _progress(noun: str, total: Callable[[], int | None], enabled: bool = True) -> Progress:
    """A progress display on stderr when a person watches (see ``tracker.progress``); ``total`` is
    only computed then, as counting may read the inputs once more."""
    from .progress import Progress, wanted

    show = enabled and wanted(sys.stderr)
    return Progress(noun, total() if show else None, enabled=show)


@dataclass(frozen=True)
class Engine:
    """Where extraction runs: ``jobs`` processes here, or a Dask cluster (``--engine dask``)."""

    jobs: int | None = None
    name: str = "local"
    scheduler: str | None = None


def engine_options(func: F) -> F:
    """``--jobs``, ``--engine`` and ``--scheduler``, shared by ``extract`` and ``run``."""
    func = click.option("--scheduler", metavar="ADDRESS",
                        help="With --engine dask: the scheduler's address (tcp://host:8786); default: a local "
                             "cluster of --jobs workers.")(func)
    func = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                        help="local: a process pool on this machine; dask: a Dask cluster (pip install "
                             "'tracker[dask]').")(func)
    return click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
                        help="Processes (or local Dask workers) extracting at once; default: every core.")(func)


def _engine(jobs: int | None, engine: str, scheduler: str | None) -> Engine:
    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    return Engine(jobs, engine, scheduler)


def _extract(inputs: tuple[Path, ...], out: Path, fail_fast: bool, quiet: bool, outputs: tuple[Path, ...] = (),
             engine: Engine = Engine()) -> int:
    from .commands.coverage import record_coverage
    from .commands.extract import extract_paths
    from .ingest import count_articles

    recorded = record_coverage(out) if out.is_dir() else 0  # before new articles can join resolved groups
    if recorded and not quiet:
        click.echo(f"{out / '_reviews.yaml'}: recorded the values covered by {plural(recorded, 'resolution')}")

    with _progress("articles", lambda: count_articles(list(inputs), (out, *outputs)), not quiet) as bar:
        def problem(exc: TrackerError) -> None:
            bar.close()  # the line is redrawn with the next article
            _warn(f"Error: {exc}")

        def warning(exc: TrackerError) -> None:
            bar.close()
            _warn(f"Warning: {exc}")

        summary = extract_paths(list(inputs), out, fail_fast=fail_fast, on_problem=problem,
                                on_article=lambda _: bar.advance(), on_warning=warning, outputs=outputs,
                                jobs=engine.jobs, engine=engine.name, scheduler=engine.scheduler)
    if not quiet:
        click.echo(f"{plural(summary.articles, 'article')}: {plural(summary.quotes, 'quote')}, "
                   f"{plural(summary.claims, 'claim')} -> {out} ({summary.written} written, "
                   f"{summary.unchanged} unchanged)")
    if summary.problems:
        _warn(f"{plural(len(summary.problems), 'input')} had problems; see the Error lines above")
        return EXIT_PROBLEMS
    if summary.articles == 0:
        raise TrackerError("no articles found (expected .txt, .md, .jsonl or .html files)",
                           str(inputs[0]) if inputs else None)
    return 0


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("claims"),
              show_default=True, help="Folder for the claim files (one YAML file per article).")
@click.option("--fail-fast", is_flag=True, help="Stop at the first input that cannot be read.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@engine_options
@handle_errors
def extract(inputs: tuple[Path, ...], out: Path, fail_fast: bool, quiet: bool, jobs: int | None, engine: str,
            scheduler: str | None) -> None:
    """Extract quotes and numeric claims from articles into claim files.

    INPUTS are folders or .txt/.md/.jsonl files, or saved web pages (.html/.htm). Existing
    claim files are updated in place: review fields, corrected speakers and comments are kept.

    \b
    Example:
      tracker extract seeds --out claims
      tracker extract archive/ --out claims --jobs 4
      tracker extract archive/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    sys.exit(_extract(inputs, out, fail_fast, quiet, engine=_engine(jobs, engine, scheduler)))


def _checked_report(folder: Path) -> Any:
    """The report model for ``folder``, after the validation ``tracker check`` applies: a folder
    ``check`` fails (a misspelled status, an unknown key, a link to no record) is refused with
    each problem at path:line:col, rather than reported on as if it said something else."""
    from .claimfile.reviews import REVIEWS_FILE, claim_file_paths, load_reviews
    from .commands.check import validate_folder
    from .match.cache import MatchCache, folder_key, sources_signature
    from .report.model import build_report_from

    if not folder.is_dir():
        return validate_folder(folder)  # raises: no such folder
    paths = claim_file_paths(folder)
    key = folder_key(paths, folder / REVIEWS_FILE)
    cache = MatchCache(folder)
    try:
        cached = cache.report(key) if key else None
        if isinstance(cached, dict) and cached.get("sources") == sources_signature(
                cached["model"]["articles"], folder):
            return cached["model"]  # the same files, reviews, sources and code gave this model
        with _progress("claim files", lambda: len(paths)) as bar:
            files, problems = validate_folder(folder, on_file=bar.advance, cache=cache)
        for problem in problems:
            _warn(str(problem))
        if problems:
            count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
            raise TrackerError(f"{count} in the claim files (listed above); fix them and re-run "
                               f"(tracker check {folder} lists them too)", str(folder))
        model = build_report_from(files, load_reviews(folder), folder=folder)
        if key:
            cache.store_report(key, {"sources": sources_signature(model["articles"], folder), "model": model})
        return model
    finally:
        cache.close()


#: Formats whose output is a file, never stdout (a binary database).
FILE_ONLY = ("sqlite",)
FORMATS = ("md", "html", "json", "csv", "sqlite", "prov-json", "prov-n", "claimreview")
#: What ``tracker run --format F`` writes beside ``--report`` (report.md -> report.html …).
RUN_SUFFIXES = {"md": ".md", "html": ".html", "json": ".json", "csv": "-tables", "sqlite": ".db",
                "prov-json": ".prov.json", "prov-n": ".provn", "claimreview": ".claimreview.jsonld"}


def _render(folder: Path, fmt: str, report: Any = None) -> str:
    """The report for ``folder`` in one format; the model is built once and handed to the writer."""
    report = _checked_report(folder) if report is None else report
    if fmt == "json":
        from .report.json_format import render_json

        return safe_json(render_json(report))
    if fmt == "csv":
        from .report.csv import render_csv

        return render_csv(report)
    if fmt == "html":
        from .report.bodies import load_bodies
        from .report.html import render_html

        return render_html(report, load_bodies(report, folder))
    if fmt in ("prov-json", "prov-n"):
        from .report.prov_format import render_prov

        return safe_json(render_prov(report, fmt))
    if fmt == "claimreview":
        from .report.claimreview import render_claimreview

        return safe_json(render_claimreview(report))
    from .report.markdown import render_markdown

    return safe(render_markdown(report))


#: Formats rendered as one text, which the cache keeps per folder state (csv and sqlite write several files).
CACHED_TEXT = ("md", "html", "json", "prov-json", "prov-n", "claimreview")


class FolderReport:
    """A folder's report, its model built at most once: a format rendered before for the same
    claim files, reviews, article files and code comes from the cache without the model."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._model: Any = None
        self._summary: Any = None

    def model(self) -> Any:
        if self._model is None:
            self._model = _checked_report(self.folder)
        return self._model

    def summary(self) -> Any:
        return self._summary if self._model is None and self._summary is not None else self.model()["summary"]

    def text(self, fmt: str) -> str:
        """The report in ``fmt``, as ``_render`` gives it."""
        from .claimfile.reviews import REVIEWS_FILE, claim_file_paths
        from .match.cache import MatchCache, folder_key, sources_signature

        if fmt not in CACHED_TEXT or not self.folder.is_dir():
            return _render(self.folder, fmt, self.model())
        key = folder_key(claim_file_paths(self.folder), self.folder / REVIEWS_FILE)
        cache = MatchCache(self.folder)
        try:
            hit = cache.rendered(key, fmt) if key else None
            meta = hit[0] if hit is not None and isinstance(hit[0], dict) else {}
            if hit is not None and isinstance(meta.get("paths"), list) and meta.get("sources") == sources_signature(
                    [{"path": path} for path in meta["paths"]], self.folder):
                self._summary = meta.get("summary")
                return hit[1]
            model = self.model()
            text = _render(self.folder, fmt, model)
            if key:
                articles = model["articles"]
                cache.store_rendered(key, fmt, {"sources": sources_signature(articles, self.folder),
                                                "paths": [a.get("path") for a in articles],
                                                "summary": model["summary"]}, text)
            return text
        finally:
            cache.close()


def _write_format(folder: Path, fmt: str, output: Path, report: FolderReport) -> None:
    """One format written to ``output`` (a folder for csv, a database for sqlite)."""
    if fmt == "csv":
        _write_tables(folder, output, report.model())
    elif fmt == "sqlite":
        from .report.sqlite import write_sqlite

        meta = write_sqlite(report.model(), output)
        click.echo(f"browse it: datasette {output} -m {meta}", err=True)
    else:
        _write_output(report.text(fmt), output)


def _write_tables(folder: Path, out: Path, report: Any = None) -> None:
    from .claimfile.yaml_roundtrip import atomic_write
    from .report.csv import csv_files

    if out.exists() and not out.is_dir():
        raise TrackerError("is a file; with --format csv, -o names a folder for the tables", str(out))
    for name, text in csv_files(_checked_report(folder) if report is None else report).items():
        atomic_write(out / name, text)


def _write_output(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from .claimfile.yaml_roundtrip import atomic_write

    atomic_write(output, text)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="md",
              show_default=True, help="Report format (see Formats above).")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write to FILE, not stdout; with --format csv, a FOLDER of tables.")
@handle_errors
def report(folder: Path, fmt: str, output: Path | None) -> None:
    """Write the cross-source consistency report for a folder of claim files.

    \b
    Formats:
      md    Markdown for pull-request comments: conflicts and recycled quotes as tables.
      html  One self-contained page (no network): conflicts, recycled and amended quotes with
            word diffs, speakers, timelines, and each article's text with the items highlighted.
            Article text is read from each article's path (relative to the current folder, then
            to FOLDER's parent) when its sha256 still matches.
      json  The report model: articles, quote_clusters, claim_groups, summary, quotes, claims,
            speakers, corrections (notices and what they point at), versions (what changed
            between versions of one story), misattributions (one quote credited to different
            people), people.
      csv   To stdout: the group values table (one row per value of each claim group).
            With -o DIR: a folder of tables, one row each per article (articles.csv), quote
            (quotes.csv), claim (claims.csv), cluster member (cluster_members.csv, with its age
            and recycled status), group value (group_values.csv), correction notice
            (corrections.csv), change between versions of a story (version_changes.csv) and
            piece of evidence of a possible misattribution (misattributions.csv). Text cells
            starting with = + - @ get a leading ' so spreadsheets do not run them as formulas.
      sqlite       With -o FILE.db: a SQLite database for Datasette (tables with foreign keys,
                   full-text search, views recycled_quotes, conflicts_by_outlet, figure_timeline)
                   and FILE.metadata.yml describing it, with canned queries:
                   datasette FILE.db -m FILE.metadata.yml. Needs: pip install 'tracker[sqlite]'.
      prov-json    W3C PROV-JSON: articles attributed to outlets, quotes quoted from their first
      prov-n       appearance, speakers as agents in one bundle per outlet, figures as
                   specializations of one measure. Needs: pip install 'tracker[prov]'.
      claimreview  schema.org Claim (per quote cluster and claim group) and ClaimReview (per
                   group a reviewer settled) as JSON-LD, as Google's fact-check markup expects.
    From Python, tracker.load(FOLDER) gives the same tables as pandas DataFrames.

    \b
    Example:
      tracker report claims --format html -o report.html
      tracker report claims --format csv -o tables/
      tracker report claims --format json -o report.json
      tracker report claims --format sqlite -o tracker.db
    """
    if fmt in FILE_ONLY and output is None:
        raise click.UsageError(f"--format {fmt} writes a file; pass -o, e.g. -o tracker.db")
    if fmt == "csv" and output is not None:
        _write_tables(folder, output)
        return
    if output is not None and output.is_dir():
        raise TrackerError("is a folder; pass a file name to -o (only --format csv writes a folder)", str(output))
    if output is not None:
        _write_format(folder, fmt, output, FolderReport(folder))
        return
    _write_output(terminal_safe(FolderReport(folder).text(fmt)), output)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("claims"),
              show_default=True, help="Folder for the claim files.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("report.md"), show_default=True,
              help="Where to write the report; other formats go beside it (report.html, report.db …).")
@click.option("--format", "-f", "formats", type=click.Choice(FORMATS), multiple=True,
              help="Report format, repeatable (default md); see tracker report --help.")
@engine_options
@handle_errors
def run(inputs: tuple[Path, ...], out: Path, report_path: Path, formats: tuple[str, ...], jobs: int | None,
        engine: str, scheduler: str | None) -> None:
    """Extract INPUTS (default: seeds) into claim files and write the report: the main job.

    With --format (repeatable) the report is written in each format, beside --report:
    md -> report.md, html -> report.html, json -> report.json, csv -> report-tables/,
    sqlite -> report.db (+ report.metadata.yml), prov-json -> report.prov.json,
    prov-n -> report.provn, claimreview -> report.claimreview.jsonld.

    \b
    Example:
      tracker run seeds
      tracker run seeds --format html --format sqlite
    """
    targets = {fmt: _run_target(report_path, fmt) for fmt in dict.fromkeys(formats or ("md",))}
    code = _extract(inputs or (Path("seeds"),), out, fail_fast=False, quiet=False, outputs=tuple(targets.values()),
                    engine=_engine(jobs, engine, scheduler))
    rep = FolderReport(out)
    for fmt, target in targets.items():
        _write_format(out, fmt, target, rep)
    s = rep.summary()
    written = ", ".join(str(t) for t in targets.values())
    click.echo(f"report: {written} — {plural(s['quote_clusters'], 'quote cluster')} ({s['recycled_quotes']} "
               f"recycled), {plural(s['claim_groups'], 'claim group')}, {plural(s['conflicts'], 'conflict')}")
    sys.exit(code)


def _run_target(report_path: Path, fmt: str) -> Path:
    """Where ``tracker run`` writes ``fmt``: --report itself for md, else a sibling named after it."""
    if fmt == "md":
        return report_path
    stem = report_path.name[:-len(report_path.suffix)] if report_path.suffix else report_path.name
    return report_path.with_name(stem + RUN_SUFFIXES[fmt])


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True,
              help="Also fail on warnings (stale sources, orphaned records), unresolved conflicts and "
                   "unreviewed records: the CI gate.")
@handle_errors
def check(paths: tuple[Path, ...], strict: bool) -> None:
    """Validate claim files; print path:line:col: [level] message (rule). Exit 1 on errors.

    PATHS are folders of claim files (their _reviews.yaml included) or single claim files, as
    pre-commit passes them. Checks: the schema (unknown keys with a "did you mean" hint, types,
    allowed values), values PyYAML and YAML 1.2 readers would read differently, duplicate ids,
    spans outside the article or no longer holding their text, articles changed since extraction
    (stale) or gone, review decisions naming records that do not exist. Without --strict only
    errors fail; with it every problem does, as with yamllint.

    \b
    Example:
      tracker check claims            # before committing
      tracker check claims --strict   # in CI: every conflict resolved, every record reviewed
    """
    from .commands.check import Tally, check_paths, check_summary, count_files

    tally = Tally()
    with _progress("claim files", lambda: count_files(list(paths))) as bar:
        problems = list(check_paths(list(paths), strict=strict, on_file=bar.advance, tally=tally))
    for problem in problems:
        click.echo(one_line(str(problem)))
    failing = [p for p in problems if p.level == "error" or strict]
    _warn(check_summary(tally, problems, strict))
    if failing:
        sys.exit(EXIT_PROBLEMS)


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the schema to FILE instead of stdout.")
@handle_errors
def schema(output: Path | None) -> None:
    """Print the JSON Schema of claim files, for editors and other validators.

    Every claim file starts with a yaml-language-server line pointing at
    claim-file.schema.json in the same folder; write it there once (and commit it) so
    editors validate claim files as you type, offline.

    \b
    Example:
      tracker schema -o claims/claim-file.schema.json
    """
    from .claimfile.schema import schema_text

    _write_output(schema_text(), output)


@main.command()
@click.argument("old")
@click.argument("new", required=False)
@click.option("--path", "-p", "path", default="claims", show_default=True,
              help="The claims folder inside the repository, for sides given as bare git revisions.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when there are differences, as git diff --exit-code.")
@handle_errors
def diff(old: str, new: str | None, path: str, exit_code: bool) -> None:
    """Show what changed in meaning between two sets of claim files.

    OLD and NEW are folders of claim files or git revisions: REV (with --path), or REV:FOLDER.
    Without NEW, OLD is compared with the claim files in the working folder (--path).
    Prints one line per change, by article: quotes added (+) or removed (-), quotes amended
    word by word ([-old-]{+new+}), speakers, values and other fields changed, review changes;
    then claim-group verdicts and cluster/group reviews that changed. Exit 0; with --exit-code
    1 when anything changed. Errors (an unknown revision, a broken file) exit 2.

    \b
    Example:
      tracker diff HEAD~1 HEAD --path claims     # what the last commit changed
      tracker diff main:claims claims            # a branch against your working copy
      tracker diff old-claims new-claims --exit-code
    """
    from .commands.diff import diff_sides, resolve

    try:
        changes = diff_sides(resolve(old, path), resolve(new, path))
    except TrackerError as exc:
        _warn(f"Error: {exc}")
        sys.exit(2)
    for change in changes:
        click.echo(safe(str(change)))
    if exit_code and changes:
        sys.exit(EXIT_PROBLEMS)


if __name__ == "__main__":  # pragma: no cover
    main()
