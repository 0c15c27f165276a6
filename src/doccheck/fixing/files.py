"""`doccheck fix` and `doccheck annotate` on files: write safely, verify, never
lose text. The original is only replaced with --in-place, atomically, after a
backup, and only once the result has been read back and found right."""

from __future__ import annotations

import io
import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..engine import check_document, read_document
from ..findings import Edit
from ..plugins import Registry, default_registry
from . import apply_edits, safe_edits


class FixError(Exception):
    """The fix was refused; the message says why, in Chinese. Nothing was written."""


@dataclass
class FixReport:
    path: Path
    out: Path
    applied: list[Edit] = field(default_factory=list)
    skipped: list[Edit] = field(default_factory=list)
    by_rule: Counter = field(default_factory=Counter)
    backup: Path | None = None


def default_output(path: Path) -> Path:
    return path.with_name(f"{path.stem}.fixed{path.suffix}")


def _render(doc, edits: list[Edit]) -> tuple[bytes, list[Edit], list[Edit]]:
    if doc.format == "docx":
        from .docx import apply_edits as apply_docx

        applied, skipped = apply_docx(doc, edits)
        buf = io.BytesIO()
        doc.source.save(buf)
        return buf.getvalue(), applied, skipped
    from ..readers.text import encode

    return encode(doc, apply_edits(doc.text, edits)), edits, []


def _write_verified(target: Path, data: bytes, expected_text: str, registry: Registry,
                    before_replace=None) -> None:
    """Write to a temporary file beside ``target``, read it back, and move it
    into place only if its text is exactly what the edits should give."""
    tmp = target.with_name(f".{target.name}.doccheck-tmp{target.suffix}")
    try:
        tmp.write_bytes(data)
        reread = read_document(tmp, registry)
        if reread.text != expected_text:
            raise FixError("写回后重新读取的文本与预期不一致，已放弃写入，原文件未改动")
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def fix_file(path: Path, config: Config, out: Path | None = None, in_place: bool = False,
             backup: bool = True, registry: Registry | None = None) -> FixReport:
    registry = registry or default_registry()
    doc = read_document(path, registry)
    findings = check_document(doc, config, registry)
    edits = safe_edits(findings)
    target = path if in_place else (out or default_output(path))
    report = FixReport(path, target)
    if in_place and not edits:
        return report
    data, applied, skipped = _render(doc, edits)
    expected = apply_edits(doc.text, applied)

    def keep_backup():
        report.backup = path.with_name(path.name + ".bak")
        shutil.copy2(path, report.backup)

    _write_verified(target, data, expected, registry, keep_backup if in_place and backup else None)
    owner = {(e.start, e.end, e.replacement): f.rule for f in findings if f.fix for e in f.fix.edits}
    report.applied, report.skipped = applied, skipped
    report.by_rule = Counter(owner.get((e.start, e.end, e.replacement), "?") for e in applied)
    return report


def annotate_file(path: Path, out: Path, config: Config, registry: Registry | None = None) -> tuple[int, int]:
    """Write a copy of a .docx with one Word comment per finding. Returns (placed, findings)."""
    from .docx import add_comments

    registry = registry or default_registry()
    if path.suffix.lower() != ".docx":
        raise FixError("annotate 只处理 .docx 文件")
    doc = read_document(path, registry)
    findings = check_document(doc, config, registry)
    placed = add_comments(doc, findings)
    buf = io.BytesIO()
    doc.source.save(buf)
    _write_verified(out, buf.getvalue(), doc.text, registry)
    return placed, len(findings)
