"""doccheck — checks drafts of Chinese official documents (公文) before they are issued.

    >>> import doccheck
    >>> result = doccheck.check_text("关于召开全市安全生产工作会议的通知\\n各县（市、区）人民政府, 市政府各部门：")
    >>> [f.rule for f in result.findings]  # doctest: +SKIP

Importing doccheck is cheap: rules, dictionaries and jieba load on first use.
"""

from __future__ import annotations

from pathlib import Path

from .config import Config, load_config
from .document import Block, Document
from .engine import CheckResult, check_document, read_document
from .findings import Category, Edit, Example, Finding, Fix, Hit, Severity
from .hookspecs import hookimpl
from .readers import ReadError
from .rule import Context, Rule, bad, good, rule

__version__ = "0.1.0"

__all__ = [
    "check_text", "check_file", "Document", "Block", "Finding", "Hit", "Fix", "Edit",
    "Severity", "Category", "Example", "CheckResult", "Config", "load_config",
    "ReadError", "Rule", "Context", "rule", "bad", "good", "hookimpl",
]


def check_text(text: str, config: Config | None = None, *, path: str | None = None,
               select=None, ignore=None, strict: bool = False) -> CheckResult:
    """Check a draft given as text. ``path`` only names it (e.g. in reports)."""
    config = (config or Config()).with_cli(select=select, ignore=ignore)
    doc = Document.from_text(text, path=path)
    return CheckResult(path, check_document(doc, config, strict=strict), doc)


def check_file(path, config: Config | None = None, *, select=None, ignore=None,
               strict: bool = False) -> CheckResult:
    """Check a file (.txt, .md, .docx, or any format a plugin reads). The
    configuration is found upward from the file unless one is given.
    Raises ReadError when the file cannot be read."""
    path = Path(path)
    config = (config or load_config(path)).with_cli(select=select, ignore=ignore)
    doc = read_document(path)
    return CheckResult(str(path), check_document(doc, config, strict=strict), doc)
