"""The one findings contract shared by the CLI, the service, the editors and CI.

Offsets are code points into ``Document.text``, end exclusive. Conversion to
UTF-16 (LanguageTool, LSP, Office.js) happens only at those edges, in
``doccheck.offsets``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Category(str):
    """A category id ("typo", "punctuation", or one a plugin declares). Which
    categories exist, with their Chinese labels, comes from the registry
    (``doccheck_categories``); the built-in ones are named here for code."""

    __slots__ = ()

    @property
    def value(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"Category({str(self)!r})"


for _name in ("header", "recipient", "punctuation", "typo", "date", "number", "banned", "placeholder",
              "structure", "layout"):
    setattr(Category, _name.upper(), Category(_name))


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    """A category as declared through ``doccheck_categories``."""

    id: str
    label: str  # Chinese, for people
    issue_type: str = "uncategorized"  # LanguageTool's issueType for its clients


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that are safe to apply without a person looking (ruff's "safe" fixes)."""

    edits: tuple[Edit, ...]

    def to_dict(self) -> dict:
        return {"edits": [e.to_dict() for e in self.edits]}

    @classmethod
    def replace(cls, start: int, end: int, replacement: str) -> "Fix":
        return cls((Edit(start, end, replacement),))


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding concerns: the earlier span a later one conflicts with."""

    start: int
    end: int
    message: str
    line: int = 0  # filled in by the engine
    column: int = 0

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "line": self.line, "column": self.column,
                "message": self.message}


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: a span and what to say about it.

    The engine turns a Hit into a Finding by adding the rule's identity,
    the severity in force, the line/column and the excerpt, so that no rule
    computes those itself.
    """

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    related: tuple[Related, ...] = ()

    @classmethod
    def fixing(cls, start: int, end: int, message: str, replacement: str) -> "Hit":
        """A hit whose one suggestion is also its safe fix."""
        return cls(start, end, message, (replacement,), Fix.replace(start, end, replacement))


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    excerpt: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    related: tuple[Related, ...] = ()  # earlier spans a consistency finding conflicts with

    FIELDS = (
        "rule", "category", "severity", "message", "start", "end",
        "line", "column", "excerpt", "suggestions", "fix", "related",
    )

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "suggestions": list(self.suggestions),
            "fix": self.fix.to_dict() if self.fix else None,
            "related": [r.to_dict() for r in self.related],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Finding":
        fix = d.get("fix")
        return cls(
            rule=d["rule"],
            category=Category(d["category"]),
            severity=Severity(d["severity"]),
            message=d["message"],
            start=d["start"],
            end=d["end"],
            line=d["line"],
            column=d["column"],
            excerpt=d["excerpt"],
            suggestions=tuple(d.get("suggestions", ())),
            fix=Fix(tuple(Edit(**e) for e in fix["edits"])) if fix else None,
            related=tuple(Related(**r) for r in d.get("related", ())),
        )


@dataclass(slots=True)
class Example:
    """A text a rule must flag (``bad``) or stay silent on (``good``).

    ``fixed`` is, for a bad example with a safe fix, the text after fixing.
    ``at`` optionally names the flagged substring, to pin the span. With
    ``docx`` set, the example is a .docx built in code from that defect spec
    (layout rules), and ``text`` only describes it.
    """

    text: str
    bad: bool
    fixed: str | None = None
    at: str | None = None
    docx: dict | None = field(default=None)  # a .docx built by doccheck.testing.gongwen_docx(**docx)
