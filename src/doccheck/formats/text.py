"""Readable terminal output: location, message, the line and a marker under the span."""

from __future__ import annotations

import unicodedata

from ..engine import excerpt_bounds
from ..hookspecs import hookimpl
from . import Format


def width(s: str) -> int:
    """Display columns: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def marker(line_text: str, column: int, length: int) -> str:
    before = line_text[: column - 1]
    span = line_text[column - 1 : column - 1 + max(length, 1)] or " "
    return " " * width(before) + "^" * max(width(span), 1)


def render(results, registry) -> str:
    return "".join(render_file(r, registry) for r in results) + closing(results)


GROUP = 10  # this many findings of one rule in one file are summed up in one line
_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}


def render_file(r, registry, show_all: bool = False, color: bool = False) -> str:
    out = []
    path = r.path or "<stdin>"
    if r.error:
        return f"{path}: 错误：{r.error}\n"
    for note in r.document.notes if r.document else ():
        out.append(f"{path}: 提示：{note}")
    by_rule: dict[str, list] = {}
    for f in r.findings:
        by_rule.setdefault(f.rule, []).append(f)
    grouped = set() if show_all else {rule for rule, fs in by_rule.items() if len(fs) >= GROUP}
    for f in r.findings:
        level = f"{_COLORS[f.severity.value]}{f.severity.value}\x1b[0m" if color else f.severity.value
        if f.rule in grouped:
            if f is by_rule[f.rule][0]:
                fs = by_rule[f.rule]
                fixable = sum(1 for x in fs if x.fix)
                out.append(f"{path}:{f.line}:{f.column}: {level} [{f.rule}] 共 {len(fs)} 处：{f.message}"
                           + (f"（其中 {fixable} 处可由 doccheck check --fix 自动修正）" if fixable else "")
                           + "（--show-all 逐条列出）")
            continue
        out.append(f"{path}:{f.line}:{f.column}: {level} [{f.rule}] {f.message}")
        text = r.document.text
        ls, le = excerpt_bounds(text, f.start, f.end)
        shown = text[ls:le].split("\n")[0]
        length = min(f.end, ls + len(shown)) - f.start
        out.append(f"    {shown}")
        out.append(f"    {marker(shown, f.start - ls + 1, length)}")
        if f.suggestions:
            out.append(f"    建议：{' / '.join(s if s else '（删除）' for s in f.suggestions)}"
                       + ("（可自动修正）" if f.fix else ""))
        for rel in f.related:
            quoted = text[rel.start:rel.end][:40]
            first, _, more = quoted.partition("\n")  # one line of the related span; … says there is more
            out.append(f"    相关：第{rel.line}行第{rel.column}列“{first.rstrip(chr(13))}{'……' if more else ''}”（{rel.message}）")
    return "".join(line + "\n" for line in out)


def closing(results) -> str:
    total = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            total[f.severity.value] += 1
    unreadable = sum(1 for r in results if r.error)
    return (f"共检查 {len(results)} 个文件：{total['error']} 个错误，{total['warning']} 个警告，{total['info']} 条提示"
            + (f"；{unreadable} 个文件无法读取" if unreadable else "") + "\n")


@hookimpl
def doccheck_formats():
    return [Format("text", render, "便于阅读的文本", render_file, closing)]
