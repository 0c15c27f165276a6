"""doccheck — checks drafts of Chinese official documents (公文) before they are issued.

    >>> import doccheck
    >>> result = doccheck.check_text("关于召开全市安全生产工作会议的通知\\n各县（市、区）人民政府, 市政府各部门：")
    >>> [f.rule for f in result.findings]  # doctest: +SKIP

Importing doccheck is cheap: rules, dictionaries and jieba load on first use.
Every entry point here is ``doccheck.session``'s, the one orchestration that the
CLI, the service and batch runs share.
"""

from __future__ import annotations

from .config import Config, load_config
from .findings import Category, Edit, Example, Finding, Fix, Hit, Severity
from .hookspecs import hookimpl
from .model import Block, Document
from .readers import ReadError
from .rule import Context, Rule, bad, good, rule
from .session import CheckResult, check, check_bytes, check_file, check_many, check_path, check_text

__version__ = "0.1.0"

__all__ = [
    "check", "check_text", "check_path", "check_file", "check_bytes", "check_many",
    "Document", "Block", "Finding", "Hit", "Fix", "Edit",
    "Severity", "Category", "Example", "CheckResult", "Config", "load_config",
    "ReadError", "Rule", "Context", "rule", "bad", "good", "hookimpl",
]
