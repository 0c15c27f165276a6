"""Select rules from the config, run them, apply allowlist and inline
suppressions, and sort the findings. Every integration comes through here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .citations import cite
from .config import Config
from .draft import Draft
from .findings import Finding, Hit, Related, Severity
from .offsets import SpanIndex
from .plugins import Registry, default_registry
from .rule import Context, Rule


def select_rules(registry: Registry, config: Config) -> list[Rule]:
    """The rules the config selects, worked out once per registry and select/ignore (a tenth of
    a millisecond a document otherwise)."""
    key = (config.select, config.ignore, len(registry.rules))
    rules = registry._selected.get(key)
    if rules is None:
        _room(registry)
        rules = registry._selected[key] = [
            r for r in registry.rules.values()
            if any(r.matches(s) for s in config.select) and not any(r.matches(s) for s in config.ignore)
        ]
    return list(rules)


def _room(registry: Registry) -> None:
    """Keep the selections bounded: a service's clients may send any select and ignore."""
    if len(registry._selected) >= 256:
        registry._selected.clear()


class _Plan(list):
    """The steps of a check, (rule, context, severity) each, with what deferral reads: the rules by id
    and those that defer to others (worked out with the plan, not for every document)."""

    __slots__ = ("rules", "deferring")

    def __init__(self, steps):
        super().__init__(steps)
        self.rules = {r.id: r for r, _, _ in self}
        self.deferring = {rid: r.defers_to for rid, r in self.rules.items() if r.defers_to}


def _plan(registry: Registry, config: Config) -> _Plan:
    """Each selected rule with its context (its options, then the config's) and the severity in force,
    worked out once per registry and config (a quarter of a millisecond a document otherwise). The
    key is the config's values: the service makes a Config per request."""
    key = ("plan", config.select, config.ignore, tuple(config.severity.items()), repr(config.options),
           len(registry.rules))
    plan = registry._selected.get(key)
    if plan is None:
        _room(registry)
        plan = registry._selected[key] = _Plan(
            (r, Context(config, {**r.options, **config.options.get(r.id, {})}, registry.resources),
             severity_for(r, config))
            for r in select_rules(registry, config))
    return plan


def unknown_selectors(registry: Registry, config: Config) -> list[str]:
    """Selectors of the config that name no rule. One whose category is known is an error
    (a typo in a rule id must not select nothing in silence); ConfigError says which. The
    others are returned: ids of a plugin that is not installed, worth a warning."""
    from .config import ConfigError

    rules = list(registry.rules.values())
    missing = []
    for sel in (*config.select, *config.ignore, *config.severity):
        if sel == "ALL" or any(r.matches(sel) for r in rules):
            continue
        head = sel.split(".")[0]
        if head in registry.categories:
            where = f"（{config.source}）" if config.source else ""
            raise ConfigError(f"未知的规则或类别：{sel}{where}；可用 doccheck rules 查看全部规则")
        missing.append(sel)
    return missing


def severity_for(rule: Rule, config: Config) -> Severity:
    # a rule id beats its category
    return config.severity.get(rule.id) or config.severity.get(rule.category.value) or rule.severity


# `doccheck-disable-next-line punctuation.half-width`, `doccheck-disable`, `doccheck-enable`,
# alone on a line, optionally inside an HTML comment for Markdown.
_DIRECTIVE = re.compile(
    r"^[ \t]*(?:<!--)?[ \t]*doccheck-(disable-next-line|disable|enable)\b([^\n]*?)(?:-->)?[ \t]*$",
    re.M,
)


@dataclass(frozen=True, slots=True)
class _Suppression:
    start: int
    end: int
    selectors: tuple[str, ...]  # empty: every rule

    def covers(self, f: Finding, rule: Rule) -> bool:
        return self.start <= f.start < self.end and (
            not self.selectors or any(rule.matches(s) for s in self.selectors)
        )


def suppressions(text: str) -> list[_Suppression]:
    if "doccheck-" not in text:
        return []
    out: list[_Suppression] = []
    open_blocks: list[tuple[int, tuple[str, ...]]] = []
    for m in _DIRECTIVE.finditer(text):
        kind = m.group(1)
        selectors = tuple(s for s in re.split(r"[\s,，]+", m.group(2)) if s)
        out.append(_Suppression(m.start(), m.end() + 1, ()))  # the directive line itself
        if kind == "disable-next-line":
            nl = text.find("\n", m.end() + 1)
            out.append(_Suppression(m.end() + 1, len(text) if nl == -1 else nl, selectors))
        elif kind == "disable":
            open_blocks.append((m.end(), selectors))
        elif open_blocks:
            start, sel = open_blocks.pop()
            out.append(_Suppression(start, m.start(), sel))
    for start, sel in open_blocks:
        out.append(_Suppression(start, len(text) + 1, sel))
    return out


def allowed_spans(text: str, allow: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for term in allow:
        i = text.find(term) if term else -1
        while i != -1:
            spans.append((i, i + len(term)))
            i = text.find(term, i + 1)
    return spans


def to_finding(doc: Draft, rule: Rule, severity: Severity, hit: Hit, seen: dict | None = None) -> Finding:
    """The finding of ``hit``. With ``seen`` (one dict for the findings of one document), findings with
    the same message or the same suggestions share them, and those with the same excerpt one after
    another share it: a long text's 30,000 findings have 4,000 messages and 500 lists of suggestions,
    and each finding holding its own was 6 MiB."""
    n = len(doc.text)
    start = min(max(hit.start, 0), n)
    end = min(max(hit.end, start), n)
    line, column = doc.line_column(start)
    related = tuple(
        Related(min(max(r.start, 0), n), min(max(r.end, r.start, 0), n), r.message, *doc.line_column(min(max(r.start, 0), n)))
        for r in hit.related)
    suggestions = tuple(hit.suggestions)
    if seen is None:
        message, text = cite(hit.message, rule.references), excerpt(doc, start, end)
    else:
        if suggestions:
            suggestions = seen.setdefault("suggestions", {}).setdefault(suggestions, suggestions)
        message = seen.get((rule.id, hit.message))
        if message is None:
            message = seen[rule.id, hit.message] = cite(hit.message, rule.references)
        bounds = excerpt_bounds(doc.text, start, end)
        last = seen.get("excerpt")
        text = last[1] if last is not None and last[0] == bounds else doc.text[bounds[0]:bounds[1]]
        seen["excerpt"] = bounds, text
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=severity,
        message=message,
        start=start,
        end=end,
        line=line,
        column=column,
        excerpt=text,
        suggestions=suggestions,
        fix=hit.fix,
        related=related,
    )


_EXCERPT_LINE = 120  # a longer line is cut to 40 characters either side of the span


def excerpt_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines the span touches, cut to about 40 characters either side when long.

    Looks no further than a long line's limit for the line's ends, so that many
    findings on one very long line cost time linear in the line, not quadratic."""
    lo, hi = max(0, start - _EXCERPT_LINE), min(len(text), end + _EXCERPT_LINE)
    ls = text.rfind("\n", lo, start) + 1
    if ls == 0 and lo > 0:
        ls = lo - 1  # no line start within reach: the line is long
    le = text.find("\n", end, hi)
    if le == -1:
        le = hi if hi == len(text) else hi + 1
    if le - ls > _EXCERPT_LINE:
        ls, le = max(ls, start - 40), min(le, max(end, start + 1) + 40)
    return ls, le


def excerpt(doc: Draft, start: int, end: int) -> str:
    ls, le = excerpt_bounds(doc.text, start, end)
    return doc.text[ls:le]


def check_document(
    doc,
    config: Config | None = None,
    registry: Registry | None = None,
    strict: bool = False,
) -> list[Finding]:
    """Run the selected rules over ``doc`` (a Document or its Draft). With ``strict``,
    a rule that raises propagates (tests); otherwise it becomes a note on the
    document and the other rules still run (users)."""
    doc = Draft.of(doc)
    config = config or Config()
    registry = (registry or default_registry()).with_packs(config.packs)
    plan = _plan(registry, config)
    text = doc.text
    sup = suppressions(text)
    allow = SpanIndex(allowed_spans(text, config.allow))
    findings: list[Finding] = []
    seen_strings: dict = {}  # what the findings share (to_finding)
    for rule, ctx, severity in plan:
        if rule.gongwen_only and not doc.anatomy.is_gongwen:
            continue
        if rule.skip_kinds and doc.anatomy.kind in rule.skip_kinds:
            continue
        try:
            hits = list(rule.check(doc, ctx))
        except Exception as e:
            if strict:
                raise
            doc.notes.append(f"规则 {rule.id} 运行出错，已跳过：{type(e).__name__}: {e}")
            continue
        seen = set()  # a hit the rule gives twice is one finding
        for hit in hits:
            f = to_finding(doc, rule, severity, hit, seen_strings)
            key = (f.start, f.end, f.message)
            if key in seen:
                continue
            if allow.overlaps(f.start, max(f.end, f.start + 1)):
                continue
            if any(s.covers(f, rule) for s in sup):
                continue
            seen.add(key)
            findings.append(f)
    findings = _drop_deferred(findings, plan.rules, plan.deferring)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def _drop_deferred(findings: list[Finding], rules: dict[str, Rule],
                   deferring: dict[str, tuple[str, ...]]) -> list[Finding]:
    """Drop a finding of a rule that defers to others (``deferring``: its selectors) when a kept finding
    of theirs overlaps it. A rule that defers is heard by those that defer to it once its own deferring
    is done (typo.fixed-term gives way to the curated list, and the detector to what typo.fixed-term
    keeps); two rules that defer to each other, directly or through others (typo.statistical and
    typo.possible: each defers to every typo rule), do not silence each other."""
    if not deferring or not any(f.rule in deferring for f in findings):
        return findings
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    speakers = {r: [q for q in by_rule if q != r and any(rules[q].matches(s) for s in deferring[r])]
                for r in by_rule if r in deferring}
    reach: dict[str, set[str]] = {}  # the deferring rules each one defers to, directly or through others
    for r in speakers:
        seen, todo = set(), [q for q in speakers[r] if q in speakers]
        while todo:
            q = todo.pop()
            if q not in seen:
                seen.add(q)
                todo += [x for x in speakers[q] if x in speakers]
        reach[r] = seen
    heard = {r: [q for q in qs if q not in speakers or r not in reach[q]] for r, qs in speakers.items()}
    kept: dict[str, list[Finding]] = {r: fs for r, fs in by_rule.items() if r not in speakers}

    def settle(r: str) -> None:
        for q in heard[r]:
            if q not in kept:
                settle(q)  # heard deferring rules do not defer back: no cycle here
        index = SpanIndex((g.start, max(g.end, g.start + 1)) for q in heard[r] for g in kept[q])
        kept[r] = [f for f in by_rule[r] if not index.overlaps(f.start, max(f.end, f.start + 1))]

    for r in speakers:
        if r not in kept:
            settle(r)
    keep = {id(f) for fs in kept.values() for f in fs}
    return [f for f in findings if id(f) in keep]
