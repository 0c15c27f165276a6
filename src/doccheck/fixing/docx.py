"""Edits and comments placed inside the runs of a .docx.

Only runs whose content is plain text (w:t) are edited, so tabs, breaks,
fields, drawings and comments elsewhere are never touched, and each run keeps
its own w:rPr: a fix spanning two runs puts the replacement in the first and
removes the covered text from the second, each keeping its formatting.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass

from docx.oxml.ns import qn

from ..findings import Edit, Finding
from ..model import Document
from ..readers.docx import open_docx
from ..readers.docx_xml import has_entities, iter_paragraphs, iter_runs, run_text

W_T = qn("w:t")
W_RPR = qn("w:rPr")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class LiveRun:
    el: object
    start: int  # offset in the paragraph's text
    end: int
    text: str

    @property
    def plain(self) -> bool:
        """Text only in w:t children (the common case) — safe to rewrite."""
        return all(child.tag in (W_T, W_RPR) for child in self.el.iterchildren()) and not has_entities(self.el)


def live_runs(p) -> list[LiveRun]:
    out, pos = [], 0
    for r in iter_runs(p):
        t = run_text(r)
        out.append(LiveRun(r, pos, pos + len(t), t))
        pos += len(t)
    return out


def set_plain_text(r, text: str) -> None:
    ts = [c for c in r.iterchildren() if c.tag == W_T]
    if not ts:
        t = r.makeelement(W_T, {})
        r.append(t)
        ts = [t]
    ts[0].text = text
    if text != text.strip():
        ts[0].set(XML_SPACE, "preserve")
    for extra in ts[1:]:
        r.remove(extra)


def paragraphs_by_index(wd) -> list:
    return [p for _, p in iter_paragraphs(wd.element.body)]


def _block_for(doc: Document, start: int, end: int):
    b = doc.block_at(start)
    if b is None or b.source_index is None or end > b.end:
        return None
    return b


def _save(wd) -> bytes:
    buf = io.BytesIO()
    wd.save(buf)
    return buf.getvalue()


def write_edits(data: bytes, doc: Document, edits: list[Edit]) -> tuple[bytes, list[Edit], list[Edit]]:
    """The .docx ``data`` (that ``doc`` was read from) with non-overlapping edits
    (offsets into ``doc.text``) made inside its runs. Returns (new bytes, applied,
    skipped): an edit that crosses paragraphs or touches a run holding more than
    text is skipped."""
    wd = open_docx(data)
    paragraphs = paragraphs_by_index(wd)
    applied, skipped = [], []
    # Last first: earlier offsets in the same paragraph stay valid.
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        block = _block_for(doc, e.start, e.end)
        if block is None:
            skipped.append(e)
            continue
        p = paragraphs[block.source_index]
        a, b = e.start - block.start, e.end - block.start
        runs = live_runs(p)
        if a == b:
            touched = [r for r in runs if r.start <= a < r.end or (r.end == a and r.end > r.start)][:1]
            if not touched:
                touched = [r for r in runs if r.end == a][-1:]
        else:
            touched = [r for r in runs if r.start < b and a < r.end]
        if not touched or not all(r.plain for r in touched):
            skipped.append(e)
            continue
        for k, r in enumerate(touched):
            la, lb = max(a, r.start) - r.start, min(b, r.end) - r.start
            new = r.text[:la] + (e.replacement if k == 0 else "") + r.text[lb:]
            set_plain_text(r.el, new)
        applied.append(e)
    return _save(wd), sorted(applied, key=lambda e: e.start), skipped


def split_run(r: LiveRun, at: int) -> None:
    """Split a plain-text run at ``at`` (offset within the run) into two runs
    with identical formatting."""
    if not 0 < at < len(r.text):
        return
    twin = copy.deepcopy(r.el)
    set_plain_text(r.el, r.text[:at])
    set_plain_text(twin, r.text[at:])
    r.el.addnext(twin)


def runs_for_span(p, a: int, b: int) -> list:
    """The python-docx Runs covering exactly [a, b) of the paragraph's text,
    splitting plain runs at the boundaries; whole runs where splitting is not safe."""
    from docx.text.run import Run

    for at in (b, a):
        for r in live_runs(p):
            if r.start < at < r.end and r.plain:
                split_run(r, at - r.start)
                break
    runs = live_runs(p)
    chosen = [r for r in runs if r.start < max(b, a + 1) and a < r.end and r.end > r.start]
    if not chosen:
        chosen = [r for r in runs if r.end > r.start][:1]
    return [Run(r.el, p) for r in chosen]


def write_comments(data: bytes, doc: Document, findings: list[Finding],
                   author: str = "doccheck") -> tuple[bytes, int]:
    """The .docx ``data`` (that ``doc`` was read from) with one Word comment per
    finding, anchored on its text. Returns (new bytes, how many were placed)."""
    wd = open_docx(data)
    paragraphs = paragraphs_by_index(wd)
    placed = 0
    for f in sorted(findings, key=lambda f: (f.start, f.end), reverse=True):
        block = doc.block_at(f.start)
        if block is None or block.source_index is None:
            continue
        p = paragraphs[block.source_index]
        a = f.start - block.start
        b = min(f.end, block.end) - block.start
        if a == b:  # something missing: anchor on the paragraph where it belongs
            a, b = 0, block.end - block.start
        runs = runs_for_span(p, a, b)
        if not runs:
            continue
        text = f"[{f.rule}] {f.message}"
        if f.suggestions:
            text += "\n建议：" + " / ".join(s if s else "（删除）" for s in f.suggestions)
        wd.add_comment(runs, text=text, author=author, initials="DC")
        placed += 1
    return _save(wd), placed
