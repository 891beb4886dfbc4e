"""Every command on every hostile case at full size, as real processes: time, memory, invariants.

    python benchmarks/hostile_inputs.py                 # full size: 200 MB file, 10 MB line, 10,000 files
    python benchmarks/hostile_inputs.py --scale test    # the sizes the test suite uses
    python benchmarks/hostile_inputs.py --cases claims-billion-laughs,front-matter-bomb

Each case is built in a temporary folder (tests/hostile_cases.py) and every command (extract,
report md/json, run, check, check --strict) runs on it as ``python -m tracker``. Per command
the wall time and the child's peak RSS (``os.wait4``) are measured; the invariants of the fuzz
test are checked (documented exit code, no traceback, nothing written outside the output
folder, reviewer's edits kept). Prints the number of cases and commands run, the slowest, and
for the YAML bombs the time and the memory above a baseline run on a clean folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_cases import ALL_CASES, FULL, TEST, Workspace, make_workspace  # noqa: E402

BOMBS = ("claims-billion-laughs", "claims-huge-anchor", "claims-python-object", "front-matter-bomb", "sources-bomb",
         "front-matter-tag", "claims-deep")
TIMEOUT = 600.0


@dataclass
class Run:
    case: str
    command: str
    code: int
    seconds: float
    peak_mb: float
    ok: bool
    note: str = ""


TIME_BIN = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)


def run_command(args: list[str], cwd: Path) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak RSS in MB, output) of ``python -m tracker ARGS``.

    The peak RSS comes from GNU time when it is installed: a child forked straight from this
    (large) process would report this process's RSS as its own peak (Linux carries ru_maxrss
    over fork and exec), while a child of the small ``time`` process reports only its own.
    """
    command = [sys.executable, "-m", "tracker", *args]
    with tempfile.TemporaryDirectory() as scratch:
        rss_file = Path(scratch) / "rss"
        if TIME_BIN:
            command = [TIME_BIN, "-f", "%M", "-o", str(rss_file), *command]
        started = time.perf_counter()
        with tempfile.TemporaryFile() as sink:
            proc = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=sink)
            try:
                proc.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            seconds = time.perf_counter() - started
            sink.seek(0)
            output = sink.read().decode("utf-8", "replace")
        peak = 0.0
        if TIME_BIN and rss_file.exists():
            lines = rss_file.read_text(encoding="utf-8").split()
            peak = float(lines[-1]) / 1024 if lines and lines[-1].isdigit() else 0.0
    code = proc.returncode
    if TIME_BIN and output and "Command exited with non-zero status" in output:
        output = output.replace("Command exited with non-zero status", "")
    return code, seconds, peak, output


def commands(ws: Workspace) -> list[tuple[str, list[str]]]:
    return [
        ("extract", ["extract", str(ws.inputs), "--out", str(ws.out)]),
        ("report md", ["report", str(ws.out), "--format", "md"]),
        ("report json", ["report", str(ws.out), "--format", "json"]),
        ("run", ["run", str(ws.inputs), "--out", str(ws.out), "--report", str(ws.report)]),
        ("check", ["check", str(ws.out)]),
        ("check --strict", ["check", str(ws.out), "--strict"]),
    ]


def bench_case(case_name: str, scale_name: str) -> list[Run]:
    case = next(c for c in ALL_CASES if c.name == case_name)
    scale = FULL if scale_name == "full" else TEST
    runs = []
    with tempfile.TemporaryDirectory(prefix=f"hostile-{case.name}-") as tmp:
        ws = make_workspace(Path(tmp), case, scale)
        for label, args in commands(ws):
            code, seconds, peak, output = run_command(args, Path(tmp))
            problems = []
            if code not in (0, 1, 2):
                problems.append(f"exit {code}")
            if "Traceback" in output or "internal error" in output:
                problems.append("traceback")
            if seconds >= TIMEOUT:
                problems.append("timeout")
            try:
                ws.assert_intact()
            except AssertionError as exc:
                problems.append(str(exc))
            runs.append(Run(case.name, label, code, seconds, peak, not problems, "; ".join(problems)))
    return runs


def baseline() -> dict[str, float]:
    """Peak RSS of each command on a clean workspace: the interpreter and imports."""
    with tempfile.TemporaryDirectory(prefix="hostile-baseline-") as tmp:
        ws = make_workspace(Path(tmp))
        subprocess.run([sys.executable, "-m", "tracker", "extract", str(ws.inputs), "--out", str(ws.out), "-q"],
                       check=True, capture_output=True)
        return {label: run_command(args, Path(tmp))[2] for label, args in commands(ws)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=["full", "test"], default="full")
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    options = parser.parse_args()
    names = options.cases.split(",") if options.cases else [c.name for c in ALL_CASES]
    base = baseline()
    runs: list[Run] = []
    for name in names:
        case_runs = bench_case(name, options.scale)
        runs += case_runs
        worst = max(case_runs, key=lambda r: r.seconds)
        flag = "ok " if all(r.ok for r in case_runs) else "BAD"
        print(f"{flag} {name:34s} slowest: {worst.command:15s} {worst.seconds:7.2f} s  "
              f"peak {max(r.peak_mb for r in case_runs):7.1f} MB", flush=True)
        for r in case_runs:
            if not r.ok:
                print(f"    {r.command}: {r.note}", flush=True)
    slowest = max(runs, key=lambda r: r.seconds)
    print(f"\n{len(names)} cases x {len(commands_labels())} commands = {len(runs)} runs "
          f"({options.scale} scale); failures: {sum(not r.ok for r in runs)}")
    print(f"slowest: {slowest.case} / {slowest.command}: {slowest.seconds:.2f} s (exit {slowest.code})")
    print("\nYAML bombs and object tags (time of the command; peak RSS above the clean baseline):")
    for r in runs:
        if r.case in BOMBS:
            print(f"  {r.case:26s} {r.command:15s} exit {r.code}  {r.seconds:5.2f} s  "
                  f"+{max(0.0, r.peak_mb - base[r.command]):6.1f} MB (peak {r.peak_mb:.1f} MB)")
    return 0 if all(r.ok for r in runs) else 1


def commands_labels() -> list[str]:
    return ["extract", "report md", "report json", "run", "check", "check --strict"]


if __name__ == "__main__":
    sys.exit(main())
