"""The one orchestration: read → check → result.

The Python API, the CLI, the service, the language server and batch runs (a
process pool, a Dask cluster: anything with a ``map``) all come through here,
so a reader error, a config or a suppression behaves the same everywhere.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .config import Config, load_config
from .engine import check_document
from .findings import Finding
from .model import Document
from .plugins import Registry, default_registry
from .readers import ReadError


@dataclass
class CheckResult:
    """What checking one input gives: its findings, the document read, or why it could not be read."""

    path: str | None
    findings: list[Finding] = field(default_factory=list)
    document: Document | None = None
    error: str | None = None  # set when the file could not be read
    doctype: str | None = None  # the 文种 recognised, e.g. "通知"

    def to_dict(self, findings: bool = True) -> dict:
        """The file in the JSON contract; without ``findings``, all but them (the last key)."""
        out = {
            "path": self.path,
            "doctype": self.doctype,
            "error": self.error,
            "notes": list(self.document.notes) if self.document else [],  # what the reader wants said
        }
        if findings:
            out["findings"] = [f.to_dict() for f in self.findings]
        return out


# -- reading --------------------------------------------------------------------

def _reader(name: str | None, registry: Registry, suffix: str | None = None):
    suffix = (suffix or Path(name or "").suffix).lower()
    reader = registry.readers.get(suffix)
    if reader is None:
        known = "、".join(sorted(registry.readers))
        raise ReadError(f"不支持的文件类型“{suffix or '（无扩展名）'}”（支持：{known}）")
    return reader


def read_path(path: Path, registry: Registry | None = None) -> Document:
    """Read a file into a Document; ReadError says, in Chinese, why it cannot be."""
    registry = registry or default_registry()
    reader = _reader(path.name, registry)
    if path.is_dir():
        raise ReadError("是文件夹，不是文件")
    if not path.exists():
        raise ReadError("文件不存在")
    return reader.read(path)


def read_bytes(data: bytes, name: str | None, registry: Registry | None = None,
               suffix: str | None = None) -> Document:
    """Read a file's bytes (an upload, standard input). The reader is chosen by
    ``suffix`` or the suffix of ``name``; one without ``read_bytes`` is given a
    temporary file."""
    registry = registry or default_registry()
    reader = _reader(name, registry, suffix)
    if reader.read_bytes is not None:
        return reader.read_bytes(data, name)
    with tempfile.TemporaryDirectory(prefix="doccheck-") as d:
        p = Path(d) / f"input{(suffix or Path(name or '').suffix).lower()}"
        p.write_bytes(data)
        doc = reader.read(p)
    doc.path = name
    return doc


def read_file(path: Path, registry: Registry | None = None) -> tuple[bytes, Document]:
    """The file's bytes and the Document read from exactly those bytes (the writers
    edit what was checked, even if the file changes meanwhile)."""
    registry = registry or default_registry()
    _reader(path.name, registry)
    if path.is_dir():
        raise ReadError("是文件夹，不是文件")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("文件不存在") from None
    except OSError as e:
        raise ReadError(f"无法读取文件：{e.strerror or e}") from None
    return data, read_bytes(data, str(path), registry)


# -- checking -------------------------------------------------------------------

def check(document: Document, config: Config | None = None, registry: Registry | None = None,
          strict: bool = False) -> CheckResult:
    """Check a Document already read."""
    from .draft import Draft

    draft = Draft(document)
    findings = check_document(draft, config, registry, strict=strict)
    return CheckResult(document.path, findings, document, doctype=draft.anatomy.doctype)


def check_text(text: str, config: Config | None = None, *, path: str | None = None,
               select=None, ignore=None, registry: Registry | None = None,
               strict: bool = False) -> CheckResult:
    """Check a draft given as text. ``path`` only names it (e.g. in reports)."""
    config = (config or Config()).with_cli(select=select, ignore=ignore)
    return check(Document.from_text(text, path=path), config, registry, strict)


def check_bytes(data: bytes, name: str | None, config: Config | None = None, *,
                registry: Registry | None = None, suffix: str | None = None,
                strict: bool = False) -> CheckResult:
    """Check an upload or standard input. An unreadable input gives a result with ``error``."""
    try:
        document = read_bytes(data, name, registry, suffix)
    except ReadError as e:
        return CheckResult(name, error=str(e))
    return check(document, config, registry, strict)


def check_path(path, config: Config | None = None, registry: Registry | None = None,
               strict: bool = False, *, select=None, ignore=None) -> CheckResult:
    """Check a file. The config is found upward from the file unless one is given.
    An unreadable file gives a result with ``error`` (the message names no path:
    the caller does)."""
    path = Path(path)
    config = (config if config is not None else load_config(path)).with_cli(select=select, ignore=ignore)
    try:
        document = read_path(path, registry)
    except ReadError as e:
        return CheckResult(str(path), error=str(e))
    return check(document, config, registry, strict)


def check_file(path, config: Config | None = None, *, select=None, ignore=None,
               strict: bool = False) -> CheckResult:
    """Like ``check_path``, but raises ReadError when the file cannot be read."""
    result = check_path(path, config, strict=strict, select=select, ignore=ignore)
    if result.error is not None:
        raise ReadError(result.error)
    return result


def _check_job(job: tuple[str, Config | None]) -> CheckResult:
    # Top-level, so a process pool or a Dask worker can pickle it; each worker
    # builds the default registry and loads shared resources once.
    path, config = job
    return check_path(path, config)


def check_many(paths: Iterable, config: Config | Callable[[Path], Config] | None = None, *,
               map: Callable = map) -> Iterator[CheckResult]:
    """Check many files, in the order given, through ``map``: the built-in one, a
    process pool's (``ProcessPoolExecutor().map``), a Dask client's, or any other
    with the same meaning. ``config`` is one Config for all, a function of the path,
    or None to find each file's config upward. The default registry is used (a
    worker builds its own)."""
    jobs = []
    for p in paths:
        p = Path(p)
        jobs.append((str(p), config(p) if callable(config) else config))
    return iter(map(_check_job, jobs))
