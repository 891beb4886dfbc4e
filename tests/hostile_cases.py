"""The hostile corpus: every kind of broken or malicious input, built in a temporary folder.

Nothing here is committed as data: each case is a small function that writes its files, so the
same cases run small in the test suite (``TEST``) and at full size in the benchmark (``FULL``:
the 200 MB file, the 10 MB line, 10,000 files).

A workspace is laid out as::

    root/in/        the input folder (always holds good.txt and kept.txt besides the case)
    root/out/       the output folder, with kept.yaml: a claim file a reviewer has edited
    root/outside/   files symbolic links point at; nothing may ever change here

``Workspace.snapshot()`` and ``Workspace.assert_intact()`` check the invariants every command
must keep: nothing written outside ``out``, the reviewer's edits still there, and claim files
that were refused left byte for byte as they were.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import random
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GOOD = ("Bridge reopens after repairs\n\nBy Jo Bloggs | March 3, 2020\n\n"
        "The mayor said “we will rebuild the bridge stronger than before” after 12 people were hurt.\n\n"
        "Officials said repairs would cost about 4 million dollars, according to a statement on Tuesday.\n")
KEPT = ("Council approves budget\n\nBy Ann Roe | May 2, 2019\n\n"
        "The council approved a budget of 7 million dollars on Monday, the clerk said.\n\n"
        "“This is a good day for the town,” said the mayor, who voted for it.\n")
REVIEW_MARK = "status: confirmed, by: desk"
COMMENT_MARK = "# reviewer: checked against the council minutes"
PROSE = ("The minister said that {n} people were killed in attacks across the region on Tuesday, "
         "according to officials. ")


@dataclass(frozen=True)
class Scale:
    big_file: int  # bytes of the big article
    long_line: int  # bytes of the one-line article
    many_files: int  # files in the many-files folder
    huge_claim_file: int  # bytes of the oversized claim file (0: skip)


TEST = Scale(big_file=32 * 1024, long_line=16 * 1024, many_files=120, huge_claim_file=0)
FULL = Scale(big_file=200 * 1024 * 1024, long_line=10 * 1024 * 1024, many_files=10_000,
             huge_claim_file=70 * 1024 * 1024)


@dataclass(frozen=True)
class Case:
    """One hostile input. ``where`` is "in" (articles) or "out" (claim files already there).

    ``error`` is text the run must print in an ``Error:`` line (None: the case may succeed, as
    when hostile text is valid data); ``names`` is the file the error must name (relative to the
    folder), when it must.
    """

    name: str
    where: str
    build: Callable[[Path, Scale], None]
    error: str | None = None
    names: str | None = None
    root_only_skip: bool = False  # the case cannot be produced for real when running as root


@dataclass
class Workspace:
    root: Path
    inputs: Path
    out: Path
    outside: Path
    before: dict[str, tuple[int, str]] = field(default_factory=dict)
    protected: dict[str, bytes] = field(default_factory=dict)
    mergeable: set[str] = field(default_factory=set)

    @property
    def report(self) -> Path:
        return self.out / "report.md"

    def snapshot(self) -> None:
        """Remember every file outside ``out``, and the claim files that must not change."""
        self.before = _listing(self.root, skip=self.out)
        self.protected = {p.name: p.read_bytes() for p in self.out.glob("*.yaml")
                          if p.name != "kept.yaml" and p.is_file() and not p.is_symlink()}
        self.mergeable = {name for name, data in self.protected.items()
                          if not data.strip() or _loadable(self.out / name)}

    def assert_intact(self) -> None:
        after = _listing(self.root, skip=self.out)
        assert after == self.before, f"files outside the output folder changed: {_diff(self.before, after)}"
        kept = (self.out / "kept.yaml").read_text(encoding="utf-8")
        assert REVIEW_MARK in kept and COMMENT_MARK in kept, "the reviewer's edits were lost"
        import yaml

        yaml.safe_load(kept)
        for name, data in self.protected.items():  # refused claim files stay exactly as they were
            path = self.out / name
            assert path.is_file(), f"{name} was removed"
            if path.read_bytes() == data:
                continue
            if name in self.mergeable:  # a valid (or empty) claim file may be merged into, and stays valid
                assert _loadable(path), f"{name} was damaged"
            else:
                assert path.read_bytes() == data, f"{name} was changed"
        leftovers = [p.name for p in self.out.iterdir() if p.name.endswith(".tmp")]
        assert not leftovers, f"temporary files left behind: {leftovers}"


def _loadable(path: Path) -> bool:
    """tracker itself would merge into this file (so a re-run may rewrite it)."""
    from ruamel.yaml.comments import CommentedMap

    from tracker.claimfile.yaml_roundtrip import load_roundtrip
    from tracker.errors import TrackerError

    try:
        return isinstance(load_roundtrip(path), CommentedMap)
    except TrackerError:
        return False


def _listing(root: Path, skip: Path) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        if here == skip:
            dirnames[:] = []
            continue
        for name in filenames + [d for d in dirnames if (here / d).is_symlink()]:
            path = here / name
            st = path.lstat()
            if stat.S_ISREG(st.st_mode):
                digest = hashlib.sha256(path.read_bytes()).hexdigest() if st.st_size < 4 << 20 else str(st.st_mtime_ns)
            elif stat.S_ISLNK(st.st_mode):
                digest = "-> " + os.readlink(path)
            else:
                digest = oct(st.st_mode)
            out[str(path.relative_to(root))] = (st.st_size, digest)
    return out


def _diff(a: dict[str, tuple[int, str]], b: dict[str, tuple[int, str]]) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def make_workspace(root: Path, case: Case | None = None, scale: Scale = TEST) -> Workspace:
    """A fresh workspace with the case's files in place and the reviewer's edits made."""
    ws = Workspace(root, root / "in", root / "out", root / "outside")
    for folder in (ws.inputs, ws.out, ws.outside):
        folder.mkdir(parents=True, exist_ok=True)
    (ws.outside / "secret.txt").write_text("Outside text said “do not read me” 99 times.\n", encoding="utf-8")
    (ws.outside / "target.yaml").write_text("article: {id: target, path: t.txt, sha256: x}\nquotes: []\n"
                                            "claims: []\n", encoding="utf-8")
    (ws.inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    (ws.inputs / "kept.txt").write_text(KEPT, encoding="utf-8")
    write_reviewed_claim_file(ws.inputs / "kept.txt", ws.out)
    if case is not None:
        case.build(root, scale)
    ws.snapshot()
    return ws


def write_reviewed_claim_file(article: Path, out: Path) -> Path:
    """Extract ``article`` into ``out`` and make a reviewer's edits: a status and a comment line."""
    from tracker.claimfile.store import write_claim_file
    from tracker.extract import extract_document
    from tracker.ingest import iter_documents

    [doc] = list(iter_documents([article], lambda exc: None))
    quotes, claims = extract_document(doc)
    path, _ = write_claim_file(out, doc.article, quotes, claims, doc.body)
    return add_review(path)


def add_review(path: Path) -> Path:
    text = path.read_text(encoding="utf-8")
    if REVIEW_MARK not in text:
        text = text.replace("status: unreviewed, by: null", REVIEW_MARK, 1)
        text = text.replace("\nquotes:", f"\n{COMMENT_MARK}\nquotes:", 1)
        assert REVIEW_MARK in text and COMMENT_MARK in text, "the claim file has no record to review"
        path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# Article inputs


def _write(rel: str, data: bytes | str) -> Callable[[Path, Scale], None]:
    def build(root: Path, scale: Scale) -> None:
        path = root / "in" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8", newline="")
        else:
            path.write_bytes(data)

    return build


def _big_file(root: Path, scale: Scale) -> None:
    chunk = "".join(PROSE.format(n=i) + ("\n\n" if i % 5 == 4 else "") for i in range(200)).encode()
    with (root / "in" / "big.txt").open("wb") as handle:
        handle.write(b"A very long report\n\n")
        written = 0
        while written < scale.big_file:
            handle.write(chunk)
            written += len(chunk)


def _long_line(root: Path, scale: Scale) -> None:
    text = "".join(PROSE.format(n=i) for i in range(scale.long_line // len(PROSE) + 1))
    (root / "in" / "line.txt").write_text("One line\n\n" + text[: scale.long_line] + "\n", encoding="utf-8")


def _many_files(root: Path, scale: Scale) -> None:
    folder = root / "in" / "many"
    folder.mkdir()
    for i in range(scale.many_files):
        (folder / f"a{i:05d}.txt").write_text(f"Note {i}\n\nThe clerk said {i} forms were filed.\n",
                                                encoding="utf-8")


def _unreadable(root: Path, scale: Scale) -> None:
    path = root / "in" / "locked.txt"
    path.write_text(GOOD.replace("12", "13"), encoding="utf-8")
    path.chmod(0)


def _unreadable_dir(root: Path, scale: Scale) -> None:
    folder = root / "in" / "locked"
    folder.mkdir()
    (folder / "inner.txt").write_text(GOOD.replace("12", "14"), encoding="utf-8")
    folder.chmod(0)


def _symlink_out(root: Path, scale: Scale) -> None:
    (root / "in" / "link.txt").symlink_to(Path("..") / "outside" / "secret.txt")


def _symlink_abs(root: Path, scale: Scale) -> None:
    (root / "in" / "passwd.txt").symlink_to("/etc/passwd")


def _symlink_dir(root: Path, scale: Scale) -> None:
    (root / "in" / "linkdir").symlink_to(root / "outside", target_is_directory=True)


def _symlink_dangling(root: Path, scale: Scale) -> None:
    (root / "in" / "dangling.txt").symlink_to("nowhere.txt")


def _symlink_loop(root: Path, scale: Scale) -> None:
    (root / "in" / "loop1.txt").symlink_to("loop2.txt")
    (root / "in" / "loop2.txt").symlink_to("loop1.txt")


def _fifo(root: Path, scale: Scale) -> None:
    os.mkfifo(root / "in" / "pipe.txt")


def _hostile_names(root: Path, scale: Scale) -> None:
    for name in ("new\nline.txt", "esc\x1b[31mred.txt", "tab\there.txt", "-rf.txt", " lead.txt", "ünï.txt"):
        (root / "in" / name).write_text(GOOD.replace("12", str(len(name))), encoding="utf-8")


def _jsonl(lines: list[str]) -> Callable[[Path, Scale], None]:
    return _write("c.jsonl", "".join(line + "\n" for line in lines))


HOSTILE_IDS = ["../../etc/x", "/abs/path", "a\x00b", "a\nb", "..", ".", "", "a/b", "a_b", "CON", "x" * 5000,
               ".tracker.lock", "kept", "e\u0301", "\u00e9", "\x1b[2J", "report", "~", "-", "*", 7, None, 3.5,
               ["list"], {"a": 1}, True]


def _jsonl_ids(root: Path, scale: Scale) -> None:
    lines = [json.dumps({"id": rid, "text": GOOD.replace("12", str(i + 20))}) for i, rid in enumerate(HOSTILE_IDS)]
    _jsonl(lines)(root, scale)


def _unmatched_quotes(root: Path, scale: Scale) -> None:
    marks = "“\"”‘’'«»„"
    rng = random.Random(7)
    vocabulary = ["said", "the", "minister", "“", "\"", "”", "12", "people"]
    words = [rng.choice(vocabulary) for _ in range(scale.long_line // 8)]
    text = "Quotes everywhere\n\n" + " ".join(words) + "\n\n" + marks * (scale.long_line // 40) + "\n\n" + "“" * (
        scale.long_line // 2) + "\n"
    (root / "in" / "quotes.txt").write_text(text, encoding="utf-8")


BACKTRACK = [
    "!" * 20_000 + " A",  # runs of sentence punctuation
    "." * 20_000 + "x",
    "By " + "A" * 20_000,
    "(" * 5_000 + "photo" + " x" * 5_000,
    "Photo: " + "a " * 10_000,
    "| " * 10_000 + "(1)",
    "1/" * 10_000,
    "January " * 5_000,
    "Al-" * 5_000 + "x",
    " ".join(["Asaib"] * 10_000),
    "1," * 20_000 + "5",
    "1." * 20_000 + "5",
    "[" * 10_000 + "]" * 10_000,
    "a" * 40_000,
    " \n" * 20_000,
]


def _backtracking(root: Path, scale: Scale) -> None:
    for i, text in enumerate(BACKTRACK):
        (root / "in" / f"bt{i:02d}.txt").write_text(f"Title here\n\n{text}\n\nThe end came, he said.\n",
                                                    encoding="utf-8")


def _controls(root: Path, scale: Scale) -> None:
    text = ("Title \x1b]0;pwned\x07 here\n\nThe mayor said “\x1b[31mred\x1b[0m \u202eevil\u202c \x9b2J” and "
            "“\x1b[31mred\x1b[0m \u202eevil\u202c \x9b2J” again.\n")
    (root / "in" / "esc.txt").write_text(text, encoding="utf-8")
    # The same quote in a second article, so the report shows it as recycled.
    (root / "in" / "esc2.txt").write_text(text.replace("Title", "Other title"), encoding="utf-8")


def _sources(text: str) -> Callable[[Path, Scale], None]:
    return _write("sources.yaml", text)


BILLION_LAUGHS = "".join(
    f"{k}: &{k} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
    for p, k in zip(["", "a", "b", "c", "d", "e", "f", "g"], "abcdefgh", strict=False)
) + "title: [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"
HUGE_ANCHOR = "big: &big " + "x" * (8 * 1024 * 1024) + "\nrefs: [" + ", ".join(["*big"] * 1000) + "]\n"
PYTHON_TAG = "article: !!python/object/apply:os.system ['touch PWNED']\n"

INPUT_CASES: list[Case] = [
    Case("empty", "in", _write("empty.txt", b""), "empty file", "empty.txt"),
    Case("whitespace", "in", _write("blank.txt", " \n\t\n\r\n  "), "empty file", "blank.txt"),
    Case("png", "in", _write("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40), "binary", "image.txt"),
    Case("pdf", "in", _write("doc.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n" + bytes(200) + b"\n"),
         "binary", "doc.md"),
    Case("nul", "in", _write("nul.txt", b"Title\n\nSome text\x00with a NUL.\n"), "binary", "nul.txt"),
    Case("invalid-utf8", "in", _write("bad.txt", b"Title\n\nok line\nbad \xff\xfe here\n"), "not valid UTF-8",
         "bad.txt:4"),
    Case("latin1", "in", _write("latin.txt", "Title\n\nCaf\u00e9 au lait, said 3 people.\n".encode("latin-1")),
         "not valid UTF-8", "latin.txt:3"),
    Case("utf16-bom", "in", _write("u16.txt", codecs.BOM_UTF16_LE + GOOD.replace("12", "16").encode("utf-16-le"))),
    Case("utf16-be-bom", "in", _write("u16be.txt", codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"))),
    Case("utf16-no-bom", "in", _write("u16nobom.txt", GOOD.encode("utf-16-le")), "binary", "u16nobom.txt"),
    Case("utf16-odd", "in", _write("u16odd.txt", codecs.BOM_UTF16_LE + b"a\x00b"), "invalid UTF-16", "u16odd.txt"),
    Case("utf32-bom", "in", _write("u32.txt", codecs.BOM_UTF32_LE + "Hi there said 3.\n".encode("utf-32-le"))),
    Case("mixed-newlines", "in", _write("nl.txt", GOOD.replace("\n\n", "\r\n\r\n", 1).replace("\n", "\r", 2))),
    Case("big-file", "in", _big_file),
    Case("long-line", "in", _long_line),
    Case("many-files", "in", _many_files),
    Case("unreadable-file", "in", _unreadable, "permission denied", "locked.txt", root_only_skip=True),
    Case("unreadable-folder", "in", _unreadable_dir, "cannot read folder", "locked", root_only_skip=True),
    Case("symlink-outside", "in", _symlink_out, "outside the input folder", "link.txt"),
    Case("symlink-absolute", "in", _symlink_abs, "outside the input folder", "passwd.txt"),
    Case("symlink-folder", "in", _symlink_dir),
    Case("symlink-dangling", "in", _symlink_dangling, "file not found", "dangling.txt"),
    Case("symlink-loop", "in", _symlink_loop, "symbolic link loop", "loop1.txt"),
    Case("fifo", "in", _fifo, "not a regular file", "pipe.txt"),
    Case("hostile-file-names", "in", _hostile_names),
    Case("jsonl-broken", "in", _jsonl(["{broken", '{"text": "ok said 1."', "[1, 2]", "null", '"just a string"',
                                       "[" * 50_000, '{"text": "\\ud800 lone surrogate"}', "\x00\x01"]),
         "broken JSON", "c.jsonl:1"),
    Case("jsonl-missing-text", "in", _jsonl([json.dumps({"id": "a", "title": "T"}), json.dumps({"text": None}),
                                             json.dumps({"text": ["a"]}), json.dumps({"text": ""})]),
         'missing "text"', "c.jsonl:1"),
    Case("jsonl-bad-metadata", "in", _jsonl([json.dumps({"text": GOOD, "published": v, "authors": v, "title": v,
                                                         "outlet": v, "url": v, "id": f"m{i}"})
                                             for i, v in enumerate([[1, 2], {"a": "b"}, 1e308, -1, "31/31/31",
                                                                    "not a date", True, "9999-99-99"])]),
         "is not a date", "c.jsonl:1"),
    Case("jsonl-hostile-ids", "in", _jsonl_ids),
    Case("jsonl-binary", "in", _write("bin.jsonl", b"\x00\x01\x02" * 100), "binary", "bin.jsonl"),
    Case("jsonl-invalid-utf8", "in", _write("u.jsonl", b'{"text": "caf\xe9"}\n'), "not valid UTF-8", "u.jsonl:1"),
    Case("front-matter-broken", "in", _write("fm.md", "---\ntitle: [unclosed\nauthors: {\n---\nBody said 2.\n"),
         "front matter is not valid YAML", "fm.md"),
    Case("front-matter-not-mapping", "in", _write("fm.md", "---\n- a\n- b\n---\nBody said 2.\n"),
         "front matter must be a mapping", "fm.md:1"),
    Case("front-matter-bomb", "in", _write("fm.md", f"---\n{BILLION_LAUGHS}---\nBody said 2.\n"),
         "YAML anchor", "fm.md:2"),
    Case("front-matter-tag", "in", _write("fm.md", f"---\n{PYTHON_TAG}---\nBody said 2.\n"), "YAML tag", "fm.md:2"),
    Case("front-matter-deep", "in", _write("fm.md", "---\ntitle: " + "[" * 20_000 + "\n---\nBody said 2.\n"),
         "nested more than", "fm.md:2"),
    Case("front-matter-unclosed", "in", _write("fm.md", "---\ntitle: x\nBody said 2 things.\n")),
    Case("front-matter-wrong-types", "in", _write("fm.md", "---\ntitle: [1, 2]\nauthors: {a: b}\nid: [x]\n"
                                                           "published: [2020]\n---\nBody said 2.\n"),
         "is not a date", "fm.md"),
    Case("front-matter-impossible-date", "in", _write("fm.md", "---\npublished: 2020-13-45\n---\nBody said 2.\n"),
         "YAML cannot read", "fm.md"),
    Case("sources-bomb", "in", _sources(BILLION_LAUGHS), "YAML anchor", "sources.yaml:1"),
    Case("sources-tag", "in", _sources("good.txt:\n  title: !!python/object/apply:os.system ['touch PWNED']\n"),
         "YAML tag", "sources.yaml:2"),
    Case("sources-broken", "in", _sources("good.txt: [\n"), "not valid YAML", "sources.yaml"),
    Case("sources-wrong-types", "in", _sources("good.txt: 5\n"), "must be a mapping", "sources.yaml"),
    Case("unmatched-quotes", "in", _unmatched_quotes),
    Case("backtracking", "in", _backtracking),
    Case("control-sequences", "in", _controls),
]

# ---------------------------------------------------------------------------------------------
# Claim files already in the output folder. Each is written as good.yaml (the claim file the
# input good.txt maps to, so an extract re-run meets it) unless the case says otherwise.


def _claim(text: str | bytes, name: str = "good.yaml") -> Callable[[Path, Scale], None]:
    def build(root: Path, scale: Scale) -> None:
        path = root / "out" / name
        if isinstance(text, str):
            path.write_text(text, encoding="utf-8")
        else:
            path.write_bytes(text)

    return build


def _huge_claim_file(root: Path, scale: Scale) -> None:
    size = scale.huge_claim_file or 1024
    with (root / "out" / "huge.yaml").open("w", encoding="utf-8") as handle:
        handle.write("article: {id: huge, path: x, sha256: x}\nclaims:\n")
        line = "  - {id: c, value: 1, surface: '1', sentence: 'padding padding padding padding padding'}\n"
        for _ in range(size // len(line) + 1):
            handle.write(line)


def _claim_symlink(root: Path, scale: Scale) -> None:
    (root / "out" / "good.yaml").symlink_to(root / "outside" / "target.yaml")


def _lock_symlink(root: Path, scale: Scale) -> None:
    (root / "out" / ".tracker.lock").symlink_to(root / "outside" / "created-by-lock")


WRONG_TYPES = ("article: {id: [1, 2], path: 5, sha256: {}, published: 2020-01-02, outlet: [x]}\nquotes: 7\n"
               "claims:\n- value: [1]\n  span: {a: 1}\n  review: [x]\n- 5\n- id: c2\n  value: 1e999\n  measure: [x]\n"
               "  span: [1, 2, 3]\n  review: {status: [a], same_as: {x: 1}}\n")

CLAIM_CASES: list[Case] = [
    Case("claims-malformed", "out", _claim("article: {id: good\nquotes: [\n"), "malformed YAML", "good.yaml"),
    Case("claims-billion-laughs", "out", _claim(BILLION_LAUGHS), "YAML anchor", "good.yaml:1"),
    Case("claims-huge-anchor", "out", _claim(HUGE_ANCHOR), "YAML anchor", "good.yaml:1"),
    Case("claims-python-object", "out", _claim(PYTHON_TAG), "YAML tag", "good.yaml:1"),
    Case("claims-python-object-other-file", "out", _claim(PYTHON_TAG, "zz.yaml"), "YAML tag", "zz.yaml:1"),
    Case("claims-wrong-types", "out", _claim(WRONG_TYPES), "must be", "good.yaml"),
    Case("claims-wrong-types-2", "out", _claim("article: {id: good, path: good.txt, sha256: x}\nquotes:\n"
                                               "- {id: q, text: [a], spans: {a: 1}, speaker: [b], kind: {}}\n"
                                               "claims:\n- {id: c, value: 5, unit: [x], bound: {a: 1}}\n",
                                               "zz.yaml"), "must be", "zz.yaml"),
    Case("claims-deep", "out", _claim("article: " + "[" * 20_000 + "\n"), "nested more than", "good.yaml:1"),
    Case("claims-deep-block", "out", _claim("".join("  " * i + "a:\n" for i in range(2000))), "nested more than",
         "good.yaml:33"),
    Case("claims-control-chars", "out", _claim("article: {id: \"a\x1b[31m\", path: x}\n"), "malformed YAML",
         "good.yaml:1"),
    Case("claims-not-utf8", "out", _claim(b"article: \xff\xfe\n"), "not valid UTF-8", "good.yaml"),
    Case("claims-scalar", "out", _claim("just a string\n"), "not a claim file", "good.yaml"),
    Case("claims-list", "out", _claim("- a\n- b\n"), "not a claim file", "good.yaml"),
    Case("claims-empty", "out", _claim("", "zz.yaml"), "not a claim file", "zz.yaml"),
    Case("claims-unhashable-key", "out", _claim("? [a, b]\n: x\narticle: {id: z}\n"), "malformed YAML",
         "good.yaml"),
    Case("claims-two-documents", "out", _claim("article: {id: a}\n---\narticle: {id: b}\n"), "malformed YAML",
         "good.yaml:2"),
    Case("claims-impossible-date", "out", _claim("article: {id: good, path: p, sha256: s, published: 2020-13-45}\n"),
         "month must be in 1..12", "good.yaml"),
    Case("claims-huge-file", "out", _huge_claim_file, None),
    Case("claims-symlink-outside", "out", _claim_symlink),
    Case("lock-symlink", "out", _lock_symlink, "lock file", "out"),
]

ALL_CASES = INPUT_CASES + CLAIM_CASES


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
