"""`doccheck fix` and `doccheck annotate` on files: write safely, verify, never
lose text. The original is only replaced with --in-place, atomically, after a
backup, and only once the result has been read back and found right."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..engine import check_document
from ..findings import Edit
from ..plugins import Registry, default_registry
from ..session import read_file
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


def _render(data: bytes, doc, edits: list[Edit]) -> tuple[bytes, list[Edit], list[Edit]]:
    """The original bytes ``data`` (that ``doc`` was read from) with ``edits`` made."""
    if doc.format == "docx":
        from .docx import write_edits

        return write_edits(data, doc, edits)
    return _render_text(data, doc, edits), edits, []


def _render_text(data: bytes, doc, edits: list[Edit]) -> bytes:
    """Every line end, the encoding and the BOM stay exactly as they were outside
    the edited spans."""
    from ..readers.text import decode_with_source, encode_text

    raw, _, source = decode_with_source(data)
    at = doc.source_offset
    return encode_text(apply_edits(raw, [Edit(at(e.start), at(e.end), e.replacement) for e in edits]), source)


def _check_target(target: Path, source: Path, force: bool) -> None:
    if target.exists() and target.samefile(source):
        raise FixError("输出文件就是输入文件；要改写原文件请用 --in-place（会先备份）")
    if os.path.lexists(target) and not force:
        raise FixError(f"输出文件 {target} 已存在，未覆盖；确要覆盖请加 --force")


def _free_backup(path: Path) -> Path:
    """NAME.bak, else NAME.bak.1, NAME.bak.2 …: an earlier backup is never overwritten."""
    n = 0
    while True:
        candidate = path.with_name(path.name + (".bak" if n == 0 else f".bak.{n}"))
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            n += 1
            continue
        with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
            shutil.copyfileobj(src, out)
        shutil.copystat(path, candidate)
        return candidate


def _write_verified(target: Path, data: bytes, expected_text: str, read, like: Path,
                    before_replace=None) -> None:
    """Write ``data`` to a new temporary file beside ``target`` (random name, O_EXCL:
    no planted file or link is followed), fsync it, read it back with ``read``, and
    move it into place only if its text is exactly what the edits should give.

    The result takes the mode and owner of ``like`` (the file replaced, or the input
    for a new output), so a private draft stays private. A symlinked ``target`` keeps
    its link: the file it points to is replaced."""
    target = target.resolve() if target.is_symlink() else target
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".doccheck-tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if read(tmp).text != expected_text:
            raise FixError("写回后重新读取的文本与预期不一致，已放弃写入，原文件未改动")
        _copy_ownership(like, tmp)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    finally:
        if os.path.lexists(tmp):
            tmp.unlink()


def _copy_ownership(like: Path, path: Path) -> None:
    st = like.stat()
    os.chmod(path, stat.S_IMODE(st.st_mode))
    if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (path.stat().st_uid, path.stat().st_gid):
        try:
            os.chown(path, st.st_uid, st.st_gid)
        except PermissionError:
            pass  # only root may give a file away; the mode still holds


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reader_for(path: Path, registry: Registry):
    """Read a written file as its input was read, whatever the output is named."""
    reader = registry.readers.get(path.suffix.lower())
    if reader is None:
        raise FixError(f"不支持的文件类型“{path.suffix or '（无扩展名）'}”")
    return reader.read


def fix_file(path: Path, config: Config, out: Path | None = None, in_place: bool = False,
             backup: bool = True, registry: Registry | None = None, force: bool = False) -> FixReport:
    registry = registry or default_registry()
    data, doc = read_file(path, registry)
    if doc.format == "docx-converted":
        raise FixError(f"不改写 {path.suffix} 文件：请在 Word/WPS 中另存为 .docx 后再修正")
    findings = check_document(doc, config, registry)
    edits = safe_edits(findings)
    target = path if in_place else (out or default_output(path))
    if not in_place:
        _check_target(target, path, force)
    report = FixReport(path, target)
    if in_place and not edits:
        return report
    data, applied, skipped = _render(data, doc, edits)
    expected = apply_edits(doc.text, applied)

    def keep_backup():
        report.backup = _free_backup(path)

    _write_verified(target, data, expected, _reader_for(path, registry),
                    path, keep_backup if in_place and backup else None)
    owner = {(e.start, e.end, e.replacement): f.rule for f in findings if f.fix for e in f.fix.edits}
    report.applied, report.skipped = applied, skipped
    report.by_rule = Counter(owner.get((e.start, e.end, e.replacement), "?") for e in applied)
    return report


def annotate_file(path: Path, out: Path, config: Config, registry: Registry | None = None,
                  force: bool = False) -> tuple[int, int]:
    """Write a copy of a .docx with one Word comment per finding. Returns (placed, findings)."""
    from .docx import write_comments

    registry = registry or default_registry()
    if path.suffix.lower() != ".docx":
        raise FixError("annotate 只处理 .docx 文件")
    _check_target(out, path, force)
    data, doc = read_file(path, registry)
    findings = check_document(doc, config, registry)
    data, placed = write_comments(data, doc, findings)
    _write_verified(out, data, doc.text, _reader_for(path, registry), path)
    return placed, len(findings)
