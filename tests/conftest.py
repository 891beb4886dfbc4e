"""Shared helpers for the extraction tests: blocks shaped the way the ingest shapes them."""

from __future__ import annotations

import re
from pathlib import Path

from tracker.records import Block

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def line_blocks(text: str) -> list[Block]:
    """One block per non-empty line; the first is the title."""
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            blocks.append(Block(start, end, "title" if not blocks else "text"))
    return blocks


def wrapped_blocks(text: str) -> list[Block]:
    """Hard-wrapped text: a paragraph ends at a line ending a sentence; blocks keep the newlines."""
    blocks: list[Block] = []
    start = None
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            if start is None:
                start = pos
            if re.search(r"[.?!:”\"]\s*$", line) or not blocks:
                blocks.append(Block(start, end, "title" if not blocks else "text"))
                start = None
        pos = end + 1
    if start is not None:
        blocks.append(Block(start, len(text.rstrip()), "text"))
    return blocks


def seed(name: str) -> str:
    (path,) = SEEDS.glob(name + "_*.txt")
    return path.read_text(encoding="utf-8")
