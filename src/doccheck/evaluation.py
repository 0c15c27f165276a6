"""Accuracy on annotated drafts: ``corpus/NAME.txt|.docx`` + ``NAME.expected.json``.

An expected finding names a rule and the text it should point at
(``{"rule": "header.doc-number-form", "text": "江水字[2025]07号"}``; ``"nth"``
picks a later occurrence, an empty text matches any finding of that rule).
A finding matches when the rule is the same and the spans overlap.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .draft import Draft
from .engine import check_document
from .session import read_path
from .findings import Category


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class CorpusReport:
    by_category: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    doctype_right: int = 0
    doctype_total: int = 0
    files: int = 0
    gongwen_rules_on_non_gongwen: int = 0


def _locate(text: str, want: str, nth: int) -> tuple[int, int] | None:
    pos = -1
    for _ in range(nth):
        pos = text.find(want, pos + 1)
        if pos == -1:
            return None
    return pos, pos + len(want)


def evaluate_corpus(folder: Path, config: Config | None = None) -> CorpusReport:
    config = config or Config()
    report = CorpusReport()
    for expected_path in sorted(folder.glob("*.expected.json")):
        stem = expected_path.name[: -len(".expected.json")]
        draft = next((p for p in folder.iterdir() if p.stem == stem and p.suffix in (".txt", ".md", ".docx")), None)
        if draft is None:
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        doc = Draft(read_path(draft))
        findings = check_document(doc, config)
        report.files += 1
        if "doctype" in expected:
            report.doctype_total += 1
            report.doctype_right += doc.anatomy.doctype == expected["doctype"]
        if not doc.anatomy.is_gongwen:
            report.gongwen_rules_on_non_gongwen += sum(f.category in (Category.HEADER, Category.RECIPIENT)
                                                       for f in findings)
        used = set()
        for exp in expected.get("findings", []):
            rule = exp["rule"]
            category = rule.split(".")[0]
            span = _locate(doc.text, exp.get("text", ""), exp.get("nth", 1)) if exp.get("text") else None
            if exp.get("text") and span is None:
                raise ValueError(f"{expected_path}: text {exp['text']!r} not found in {draft.name}")
            hit = None
            for i, f in enumerate(findings):
                if i in used or f.rule != rule:
                    continue
                if span is None or (f.start < span[1] and span[0] < max(f.end, f.start + 1)) \
                        or (f.start == f.end and span[0] <= f.start <= span[1]):
                    hit = i
                    break
            if hit is None:
                report.by_category[category].fn += 1
                report.misses.append(f"{draft.name}: {rule} “{exp.get('text', '')}”")
            else:
                used.add(hit)
                report.by_category[category].tp += 1
        for i, f in enumerate(findings):
            if i not in used:
                report.by_category[f.category.value].fp += 1
                report.false_alarms.append(f"{draft.name}:{f.line}: {f.rule} “{doc.text[f.start:f.end]}” {f.message}")
    return report


def format_corpus_report(report: CorpusReport) -> str:
    lines = [f"corpus/: {report.files} annotated drafts; 文种 recognised {report.doctype_right}/{report.doctype_total}; "
             f"header/recipient findings on speeches and articles: {report.gongwen_rules_on_non_gongwen}",
             f"{'category':<12} {'expected':>8} {'found':>6} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}"]
    total = Tally()
    from .plugins import default_registry

    for cat in default_registry().categories:
        t = report.by_category.get(cat, Tally())
        total.tp += t.tp
        total.fp += t.fp
        total.fn += t.fn
        lines.append(f"{cat:<12} {t.tp + t.fn:>8} {t.tp + t.fp:>6} {t.tp:>4} {t.fp:>4} {t.fn:>4} "
                     f"{t.precision:>9.3f} {t.recall:>7.3f}")
    lines.append(f"{'all':<12} {total.tp + total.fn:>8} {total.tp + total.fp:>6} {total.tp:>4} {total.fp:>4} "
                 f"{total.fn:>4} {total.precision:>9.3f} {total.recall:>7.3f}")
    if report.misses:
        lines += ["", "missed:"] + [f"  {m}" for m in report.misses]
    if report.false_alarms:
        lines += ["", "not expected:"] + [f"  {m}" for m in report.false_alarms]
    return "\n".join(lines)


# --- ECSpell (character errors) ------------------------------------------------

@dataclass
class SpellReport:
    sentences: int
    chars: Tally  # character-level detection on the source column
    clean_sentences: int
    clean_with_finding: int
    seconds: float
    warnings: Tally = field(default_factory=Tally)  # the same, counting only warnings and errors
    clean_with_warning: int = 0

    @property
    def f1(self) -> float:
        p, r = self.chars.precision, self.chars.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.clean_with_finding / self.clean_sentences if self.clean_sentences else 0.0


def read_ecspell(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and len(parts[1]) == len(parts[2]):
            rows.append((parts[1], parts[2]))
    return rows


def flagged_positions(text: str, findings) -> set[int]:
    """The characters a set of typo findings calls wrong: where the suggestion
    differs from the text, or the whole span when it cannot be aligned."""
    out: set[int] = set()
    for f in findings:
        span = text[f.start:f.end]
        sug = f.suggestions[0] if f.suggestions else None
        if sug is not None and len(sug) == len(span):
            out |= {f.start + k for k, (a, b) in enumerate(zip(span, sug)) if a != b}
        else:
            out |= set(range(f.start, f.end))
    return out


def evaluate_ecspell(path: Path, config: Config | None = None) -> SpellReport:
    """Character-level detection on the source column (every `typo` rule, as
    doccheck runs them), and the share of corrected sentences with any `typo` finding."""
    import time

    from . import check_text

    # typo.outdated-body is left out: ECSpell's sentences are undated excerpts of past documents, where
    # the body of their time (农业部, 2015) is right; the rule is about currency, not spelling.
    config = (config or Config()).with_cli(select=["typo"], ignore=["typo.outdated-body"])
    rows = read_ecspell(path)
    tp = fp = fn = flagged_clean = 0
    strict, strict_clean = Tally(), 0
    start = time.perf_counter()
    for src, tgt in rows:
        wrong = {i for i, (a, b) in enumerate(zip(src, tgt)) if a != b}
        findings = check_text(src, config).findings
        got = flagged_positions(src, findings)
        tp += len(wrong & got)
        fp += len(got - wrong)
        fn += len(wrong - got)
        sure = flagged_positions(src, [f for f in findings if f.severity.rank >= 1])
        strict.tp += len(wrong & sure)
        strict.fp += len(sure - wrong)
        strict.fn += len(wrong - sure)
        clean = check_text(tgt, config).findings
        flagged_clean += bool(clean)
        strict_clean += any(f.severity.rank >= 1 for f in clean)
    return SpellReport(len(rows), Tally(tp, fp, fn), len(rows), flagged_clean, time.perf_counter() - start,
                       strict, strict_clean)


def format_spell_report(name: str, r: SpellReport) -> str:
    return (f"ECSpell {name}: {r.sentences} sentences; character-level detection "
            f"P={r.chars.precision:.3f} R={r.chars.recall:.3f} F1={r.f1:.3f} "
            f"(TP {r.chars.tp}, FP {r.chars.fp}, FN {r.chars.fn}); "
            f"false alarms on corrected sentences: {r.clean_with_finding}/{r.clean_sentences} "
            f"= {r.false_alarm_rate:.1%}; {r.seconds:.1f} s\n"
            f"  warnings only (typo.possible and other info findings left out): P={r.warnings.precision:.3f} "
            f"R={r.warnings.recall:.3f} F1={_f1(r.warnings):.3f}; corrected sentences with a warning: "
            f"{r.clean_with_warning}/{r.clean_sentences} = {r.clean_with_warning / max(r.clean_sentences, 1):.1%}")


def _f1(t: Tally) -> float:
    p, r = t.precision, t.recall
    return 2 * p * r / (p + r) if p + r else 0.0


# --- published text (../shared/corpus-real) ------------------------------------

@dataclass
class Confirmed:
    """A real error in a published text (corpus/real-confirmed.toml): an alarm on it is true."""

    file: str  # relative to corpus-real, e.g. "normative/d181.txt"
    text: str
    rule: str
    why: str


def read_confirmed(path: Path) -> list[Confirmed]:
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return [Confirmed(e["file"], e["text"], e["rule"], e["why"]) for e in data.get("confirmed", [])]


@dataclass
class RealReport:
    folder: str
    files: int = 0
    chars: int = 0
    alarms: list = field(default_factory=list)  # (file, Finding, context) not on the confirmed list
    confirmed_hits: int = 0
    by_rule: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def per_10k(self) -> float:
        return len(self.alarms) / self.chars * 1e4 if self.chars else 0.0


def evaluate_real(root: Path, folder: str, confirmed: list[Confirmed], config: Config | None = None) -> RealReport:
    """False alarms (error or warning findings not on a confirmed real error) per 10,000 characters."""
    from .session import check_many

    report = RealReport(folder)
    paths = sorted((root / folder).glob("*.txt"))
    spans_of: dict[str, list[str]] = defaultdict(list)
    for c in confirmed:
        spans_of[c.file].append(c.text)
    for path, result in zip(paths, check_many(paths, config or Config())):
        text = result.document.text
        report.files += 1
        report.chars += len(text)
        spans = []
        for t in spans_of.get(f"{folder}/{path.name}", ()):
            i = text.find(t)
            while i >= 0:
                spans.append((i, i + len(t)))
                i = text.find(t, i + 1)
        for f in result.findings:
            if f.severity.value not in ("error", "warning"):
                continue
            if any(f.start <= e and s <= f.end for s, e in spans):
                report.confirmed_hits += 1
                continue
            report.by_rule[f.rule] += 1
            lo, hi = max(0, f.start - 25), min(len(text), f.end + 25)
            context = (text[lo:f.start] + "【" + text[f.start:f.end] + "】" + text[f.end:hi]).replace("\n", "⏎")
            report.alarms.append((f"{folder}/{path.name}", f, context))
    return report


def format_real_report(r: RealReport) -> str:
    rules = ", ".join(f"{k} {v}" for k, v in sorted(r.by_rule.items(), key=lambda kv: -kv[1]))
    return (f"corpus-real/{r.folder}: {r.files} files, {r.chars} chars: {r.per_10k:.2f} false alarms per 10,000 chars "
            f"({len(r.alarms)}; goal <= 1.0); {r.confirmed_hits} alarms on confirmed real errors\n"
            f"  by rule: {rules or '-'}")


def write_real_alarms(reports: list[RealReport], path: Path) -> None:
    """Every false alarm with its context, for a developer to read, not just count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for r in reports:
        for file, f, context in sorted(r.alarms, key=lambda a: (a[1].rule, a[0], a[1].start)):
            lines.append(f"{f.rule}\t{f.severity.value}\t{file}:{f.line}\t{context}\t{f.message}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- real errors with sources (../shared/real-errors-dev, corpus/real-errors.jsonl) -----------

# The categories a finding may have to count for an error of each category (a 发文字号's brackets
# are punctuation as much as header, a year's form is a number as much as a date).
ACCEPT = {"typo": {"typo"}, "punctuation": {"punctuation", "number"}, "placeholder": {"placeholder"},
          "date": {"date", "number", "consistency"}, "number": {"number", "date", "punctuation"},
          "header": {"header", "punctuation", "date"}, "structure": {"structure", "punctuation", "header"},
          "recipient": {"recipient", "header", "structure"}, "banned": {"banned"}}


def evaluate_real_errors(path: Path, config: Config | None = None, by: str = "category") -> dict[str, list[int]]:
    """Per category (or per the cases' ``by`` field) [caught, total]: each case checked as a text of
    its own; an error is caught by an error or warning finding of a fitting category on (or just
    around) its span."""
    from .session import check_text

    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        findings = [f for f in check_text(case["text"] + "\n", config).findings if f.severity.rank >= 1]
        for e in case["errors"]:
            s = case["text"].index(e["wrong"])
            t = s + len(e["wrong"])
            n = t - s
            hit = any(f.category.value in ACCEPT.get(e["category"], ()) and f.start <= t and s <= f.end
                      and f.end - f.start <= max(3 * n, n + 20) for f in findings)
            per[case[by] if by in case else e[by]][0 if hit else 1] += 1
    return {k: [v[0], v[0] + v[1]] for k, v in per.items()}


def format_real_errors(name: str, per: dict[str, list[int]]) -> str:
    caught = sum(v[0] for v in per.values())
    total = sum(v[1] for v in per.values())
    cats = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(per.items()))
    return f"real errors, {name}: {caught} of {total} caught ({caught / max(total, 1):.0%}); {cats}"
