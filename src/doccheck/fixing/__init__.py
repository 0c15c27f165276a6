"""Applying safe fixes: to plain text here, to .docx runs in ``fixing.docx``."""

from __future__ import annotations

from typing import Iterable

from ..findings import Edit, Finding


def safe_edits(findings: Iterable[Finding]) -> list[Edit]:
    """The edits of every safe fix, in order, dropping any that would overlap
    one already taken (the next run of ``doccheck fix`` picks it up)."""
    edits = sorted((e for f in findings if f.fix for e in f.fix.edits), key=lambda e: (e.start, e.end))
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        if out and e.start == out[-1].start == out[-1].end == e.end:
            continue  # two insertions at one point: keep the first
        out.append(e)
    return out


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (as from ``safe_edits``) to ``text``."""
    pieces, pos = [], 0
    for e in edits:
        pieces.append(text[pos:e.start])
        pieces.append(e.replacement)
        pos = e.end
    pieces.append(text[pos:])
    return "".join(pieces)
