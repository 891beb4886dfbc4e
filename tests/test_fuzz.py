"""Every command on every hostile case, plus hypothesis over bytes, articles and claim files.

Invariants, whatever the input: no traceback, an exit code the README documents (0, 1, 2),
nothing written outside the output folder, the reviewer's edits in existing claim files kept,
refused claim files left byte for byte, and no control or escape sequence on the terminal.
Whatever extractor is installed is what runs.
"""

from __future__ import annotations

import json
import string
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_cases import ALL_CASES, GOOD, KEPT, TEST, Case, Workspace, is_root, make_workspace
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.cli import main

DOCUMENTED_EXIT_CODES = (0, 1, 2)
TERMINAL_UNSAFE = ("\x1b", "\x07", "\x9b", "\x00", "\u202e", "\u2066", "\r")


def commands(ws: Workspace) -> list[list[str]]:
    return [
        ["extract", str(ws.inputs), "--out", str(ws.out)],
        ["report", str(ws.out), "--format", "md"],
        ["report", str(ws.out), "--format", "json"],
        ["run", str(ws.inputs), "--out", str(ws.out), "--report", str(ws.report)],
        ["check", str(ws.out)],
        ["check", str(ws.out), "--strict"],
    ]


def run_command(args: list[str]) -> tuple[int, str, float]:
    started = time.perf_counter()
    result = CliRunner().invoke(main, args)
    seconds = time.perf_counter() - started
    where = f"tracker {' '.join(args)!r}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{where} raised {result.exception!r}")
    assert result.exit_code in DOCUMENTED_EXIT_CODES, f"{where} exited {result.exit_code}: {result.output[-500:]}"
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output[-2000:]
    bad = [ch for ch in TERMINAL_UNSAFE if ch in result.output]
    assert not bad, f"{where} printed control characters {bad!r}"
    if args[0] == "report" and "json" in args and result.exit_code == 0:
        json.loads(result.output)
    return result.exit_code, result.output, seconds


def run_everything(ws: Workspace, quick: bool = False) -> list[tuple[list[str], int, str]]:
    """Every command (``quick``: extract, report --format json, check --strict) and the invariants."""
    results = []
    for args in commands(ws) if not quick else [commands(ws)[i] for i in (0, 2, 5)]:
        code, output, _ = run_command(args)
        results.append((args, code, output))
        ws.assert_intact()
    return results


@pytest.mark.slow
@pytest.mark.parametrize("case", ALL_CASES, ids=[c.name for c in ALL_CASES])
def test_every_command_on_every_hostile_case(case: Case, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path, case, TEST)
    results = run_everything(ws)
    if not case.error or (case.root_only_skip and is_root()):
        return
    if case.where == "in":
        assert results[0][1] == 1, f"extract should exit 1: {results[0][2]}"
    lines = [ln for _, code, output in results if code == 1 for ln in output.splitlines() if case.error in ln]
    assert lines, f"no command reported {case.error!r}"
    if case.names:
        folder = ws.inputs if case.where == "in" else ws.out
        named = str(folder / case.names) if case.names != "out" else str(ws.out)
        assert any(named in ln for ln in lines), f"expected {named!r} named in {lines}"
    if case.where == "in":  # the run went on: the good article was extracted
        assert (ws.out / "good.yaml").is_file() or case.name.startswith("sources")


# --- hypothesis ---------------------------------------------------------------------------------

HOSTILE_ALPHABET = (string.printable + "“”‘’«»„\"'…—–\u00a0\u200b\u202e\u2066\u2028\u2029\x85\x1b\x07\x9b\x00\ufeff"
                    "éüßçøπ中文العربية")
# Each example runs real commands on a real folder (~0.5 s), so examples are few per run; the
# database and CI runs over time accumulate coverage.
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _fuzz_workspace(root: Path) -> Workspace:
    return make_workspace(root)


@pytest.mark.slow  # a property run of many examples: CI's slow pass runs it in full
@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.md", "a.jsonl"]))
def test_fuzz_bytes(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = _fuzz_workspace(Path(tmp))
        (ws.inputs / name).write_bytes(data)
        ws.snapshot()
        run_everything(ws, quick=True)


hostile_text = st.text(alphabet=HOSTILE_ALPHABET, max_size=400)
paragraph = st.one_of(
    hostile_text,
    st.builds(lambda a, q, b: f"{a} “{q}” {b}", hostile_text, hostile_text, hostile_text),
    st.builds(lambda n, w: f"{w} said {n:,} people were killed.", st.integers(-10**15, 10**15), hostile_text),
    st.sampled_from(["By Jo Bloggs | March 3, 2020", "Comments", "Sign in", "Photo: AP", "---", "“" * 50,
                     "\"" * 51, "!" * 300, "1," * 200, "\x1b[2J\x1b[H", "\u202egnp.exe"]),
)
front_matter = st.one_of(
    st.just(""),
    st.builds(lambda t: f"---\n{t}\n---\n", hostile_text),
    st.builds(lambda t, d: f"---\ntitle: {json.dumps(t)}\npublished: {d}\n---\n", hostile_text,
              st.sampled_from(["2020-01-02", "2020-13-45", "[1]", "{a: b}", "&a x", "*a", "!!binary x", "''"])),
)


@pytest.mark.slow  # a property run of many examples: CI's slow pass runs it in full
@FUZZ
@given(front_matter, st.lists(paragraph, max_size=8), st.sampled_from(["\n\n", "\n", "\r\n", "\r"]))
def test_fuzz_structured_articles(head: str, paragraphs: list[str], newline: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = _fuzz_workspace(Path(tmp))
        (ws.inputs / "art.md").write_text(head + newline.join(paragraphs), encoding="utf-8", errors="surrogatepass")
        ws.snapshot()
        run_everything(ws, quick=True)


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3), max_leaves=8)
jsonl_record = st.fixed_dictionaries(
    {},
    optional={"id": json_value | st.sampled_from(["../../etc/x", "/abs", "a\x00b", "a\nb", "..", "kept", "good"]),
              "text": hostile_text | json_value | st.just(GOOD), "title": json_value, "outlet": json_value,
              "authors": json_value, "published": json_value, "url": json_value},
)


@pytest.mark.slow  # a property run of many examples: CI's slow pass runs it in full
@FUZZ
@given(st.lists(st.one_of(jsonl_record.map(lambda r: json.dumps(r, ensure_ascii=False)), hostile_text),
                max_size=6))
def test_fuzz_jsonl_collections(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = _fuzz_workspace(Path(tmp))
        (ws.inputs / "c.jsonl").write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        ws.snapshot()
        run_everything(ws, quick=True)


YAML_BITS = ["article:", "quotes:", "claims:", "- ", "  ", "id: ", "review: ", "{", "}", "[", "]", ",", ": ", "\n",
             "&a ", "*a", "!!python/object:os.system", "? ", "|", ">", "'", '"', "#", "---", "...", "%YAML 1.1",
             "spans: [[0, 5]]", "value: 5", "status: confirmed", "same_as: ", "2020-01-02", "null", ".nan", "~",
             "\t", "\x1b", "\ufeff", "é"]


@pytest.mark.slow  # a property run of many examples: CI's slow pass runs it in full
@FUZZ
@given(st.lists(st.sampled_from(YAML_BITS) | hostile_text, max_size=30), st.booleans())
def test_fuzz_claim_files(bits: list[str], as_good: bool) -> None:
    """Junk in a claim file: refused with its name, never executed, never overwritten."""
    with tempfile.TemporaryDirectory() as tmp:
        ws = _fuzz_workspace(Path(tmp))
        (ws.out / ("good.yaml" if as_good else "zz.yaml")).write_text("".join(bits), encoding="utf-8",
                                                                      errors="surrogatepass")
        ws.snapshot()
        run_everything(ws, quick=True)


def test_kept_article_really_has_reviewable_records() -> None:
    """The workspace's reviewer edit needs a record in KEPT; guard against an extractor finding none."""
    with tempfile.TemporaryDirectory() as tmp:
        ws = make_workspace(Path(tmp))
        assert KEPT.splitlines()[0] and (ws.out / "kept.yaml").read_text(encoding="utf-8").count("id:") >= 2
