"""Rule: the unit users see — id, category, severity, summary, doc, examples.

A rule is implemented either by a check function (code, see ``doccheck.checks``)
or by an entry in a data pack (``rules/*.toml``, see ``doccheck.packs``); both
become this same object and arrive through the same plugin hook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .findings import Category, Example, Hit, Severity

if TYPE_CHECKING:
    from .config import Config
    from .resources import Resources
    from .draft import Draft as Document

CheckFn = Callable[["Document", "Context"], Iterable[Hit]]


@dataclass(slots=True)
class Context:
    """What a check may know besides the document: its options, the config, and
    the shared resources (``doccheck.resources``)."""

    config: "Config"
    options: dict[str, Any]
    resources: "Resources | None" = None

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)

    def resource(self, name: str) -> Any:
        """A shared resource (jieba, the detector, a plugin's gazetteer), loaded once per process."""
        if self.resources is None:
            raise LookupError(f"no resources in this context to give {name!r} (the engine passes the registry's)")
        return self.resources.get(name)


@dataclass(slots=True)
class Rule:
    id: str
    category: Category
    severity: Severity
    summary: str
    doc: str
    check: CheckFn
    examples: list[Example]
    references: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)  # defaults; config overrides
    gongwen_only: bool = False  # header/recipient/structure rules skip speeches and articles
    # Kinds of text (doccheck.anatomy: "规范性文件", "工作报告", "讲话", "文章") the rule does not apply to;
    # a fragment of unknown kind is still checked.
    skip_kinds: tuple[str, ...] = ()
    origin: str = "doccheck"  # plugin or pack that contributed the rule
    # Selectors of rules that speak first: a finding of this rule that overlaps one of
    # theirs is dropped (the statistical detector defers to the curated lists).
    defers_to: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.category = Category(self.category)
        self.severity = Severity(self.severity)

    def matches(self, selector: str) -> bool:
        """A selector is a rule id, a category, or a dotted prefix of ids."""
        return (
            selector == "ALL"
            or selector == self.id
            or selector == self.category.value
            or self.id.startswith(selector.rstrip(".") + ".")
        )

    def documentation(self) -> str:
        """The rule's page, in ruff's shape, for ``doccheck rules ID``."""
        lines = [
            f"{self.id}  [{self.category.value} · {self.severity.value}]",
            self.summary,
            "",
            self.doc.strip(),
        ]
        if self.references:
            lines += ["", "References / 依据:"] + [f"  - {r}" for r in self.references]
        if self.options:
            lines += ["", "Options / 选项:"] + [f"  {k} = {v!r}" for k, v in self.options.items()]
        lines += ["", "Examples / 示例:"]
        for ex in self.examples:
            mark = "✗" if ex.bad else "✓"
            lines.append(f"  {mark} {ex.text}" + (f"  [.docx: {ex.docx or '合规'}]" if ex.docx is not None else ""))
            if ex.fixed is not None:
                lines.append(f"    → {ex.fixed}")
        lines.append(f"\nFrom: {self.origin}")
        return "\n".join(lines)


def bad(text: str, fixed: str | None = None, at: str | None = None) -> Example:
    return Example(text=text, bad=True, fixed=fixed, at=at)


def good(text: str) -> Example:
    return Example(text=text, bad=False)


def bad_docx(description: str, at: str | None = None, **defects) -> Example:
    """A .docx example with one defect, built by doccheck.testing.gongwen_docx."""
    return Example(text=description, bad=True, at=at, docx=dict(defects))


def good_docx(description: str = "符合GB/T 9704-2012的.docx", **spec) -> Example:
    return Example(text=description, bad=False, docx=dict(spec))


def rule(
    *,
    id: str,
    category: str,
    severity: str,
    summary: str,
    doc: str,
    examples: list[Example],
    references: Iterable[str] = (),
    options: dict[str, Any] | None = None,
    gongwen_only: bool = False,
    skip_kinds: Iterable[str] = (),
    defers_to: Iterable[str] = (),
) -> Callable[[CheckFn], Rule]:
    """Turn a check function into a Rule; the examples live beside the code."""

    def wrap(fn: CheckFn) -> Rule:
        return Rule(
            id=id,
            category=Category(category),
            severity=Severity(severity),
            summary=summary,
            doc=doc,
            check=fn,
            examples=list(examples),
            references=tuple(references),
            options=dict(options or {}),
            gongwen_only=gongwen_only,
            skip_kinds=tuple(skip_kinds),
            origin=fn.__module__,
            defers_to=tuple(defers_to),
        )

    return wrap
