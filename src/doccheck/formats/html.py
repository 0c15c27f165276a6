"""A report for the reviewer who never opens a terminal: one self-contained HTML file with each
document's text, the findings highlighted in place, filters by category and severity, and a
summary. No external resources: it opens offline, as drafts must stay."""

from __future__ import annotations

import json
from collections import Counter
from html import escape

from ..hookspecs import hookimpl
from . import Format

LABELS = {"error": "错误", "warning": "警告", "info": "提示"}

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222}
header{position:sticky;top:0;background:#fafafa;border-bottom:1px solid #ddd;padding:.6em 1.2em;z-index:2}
h1{font-size:1.2em;margin:.2em 0}.filters label{margin-right:1em;white-space:nowrap}
main{display:flex;gap:1.5em;padding:1em 1.2em}.doc{flex:3;min-width:0}.list{flex:2;min-width:0}
pre.text{white-space:pre-wrap;font-family:inherit;line-height:1.9;background:#fff;border:1px solid #eee;padding:1em}
mark{border-bottom:2px solid;background:none;cursor:pointer;padding:0 1px}
mark.error{border-color:#d32f2f;background:#ffebee}mark.warning{border-color:#f9a825;background:#fff8e1}
mark.info{border-color:#0288d1;background:#e1f5fe}mark.empty::after{content:"▲";color:#d32f2f;font-size:.7em}
li.finding{margin:.4em 0;list-style:none;border-left:4px solid #ccc;padding-left:.6em}
li.error{border-color:#d32f2f}li.warning{border-color:#f9a825}li.info{border-color:#0288d1}
.rule{color:#666;font-size:.85em}.hidden{display:none}.error-file{color:#d32f2f}
"""

SCRIPT = """
(function(){
  const boxes = document.querySelectorAll('.filters input');
  function apply(){
    const on = {};
    boxes.forEach(b => on[b.dataset.kind + ':' + b.value] = b.checked);
    document.querySelectorAll('[data-severity]').forEach(el => {
      const show = on['severity:' + el.dataset.severity] && on['category:' + el.dataset.category];
      el.classList.toggle('hidden', !show);
      if (el.tagName === 'MARK') el.classList.toggle('off', !show);
    });
    document.getElementById('shown').textContent =
      document.querySelectorAll('li.finding:not(.hidden)').length;
  }
  boxes.forEach(b => b.addEventListener('change', apply));
  document.querySelectorAll('mark[data-id]').forEach(m => m.addEventListener('click', () => {
    const li = document.getElementById('f' + m.dataset.id); if (li) li.scrollIntoView({block: 'center'});
  }));
  apply();
})();
"""


def _marked(text: str, findings: list, base: int) -> str:
    """The text with each finding's span in a <mark>; overlapping spans go to the first."""
    out, pos = [], 0
    for k, f in sorted(enumerate(findings), key=lambda kf: (kf[1].start, kf[1].end)):
        if f.start < pos:
            continue
        out.append(escape(text[pos:f.start]))
        span = text[f.start:f.end]
        cls = f"{f.severity.value}{'' if span else ' empty'}"
        out.append(f'<mark class="{cls}" data-id="{base + k}" data-severity="{f.severity.value}" '
                   f'data-category="{f.category.value}" title="{escape(f.message)}">{escape(span)}</mark>')
        pos = f.end
    out.append(escape(text[pos:]))
    return "".join(out)


def render(results, registry) -> str:
    counts = Counter((f.category.value, f.severity.value) for r in results for f in r.findings)
    categories = sorted({c for c, _ in counts}, key=lambda c: list(registry.categories).index(c)
                        if c in registry.categories else 99)
    labels = {c: (registry.categories[c].label if c in registry.categories else c) for c in categories}
    total = sum(counts.values())
    boxes = "".join(f'<label><input type="checkbox" data-kind="severity" value="{s}" checked>{LABELS[s]} '
                    f'{sum(n for (c, sv), n in counts.items() if sv == s)}</label>' for s in LABELS)
    boxes += "".join(f'<label><input type="checkbox" data-kind="category" value="{c}" checked>{escape(labels[c])} '
                     f'{sum(n for (cc, _), n in counts.items() if cc == c)}</label>' for c in categories)
    sections, base = [], 0
    for r in results:
        name = escape(r.path or "<stdin>")
        if r.error:
            sections.append(f'<section><h2>{name}</h2><p class="error-file">无法读取：{escape(r.error)}</p></section>')
            continue
        items = "".join(
            f'<li id="f{base + k}" class="finding {f.severity.value}" data-severity="{f.severity.value}" '
            f'data-category="{f.category.value}" data-rule="{escape(f.rule)}">第{f.line}行：{escape(f.message)}'
            + (f"<br>建议：{escape(' / '.join(s or '（删除）' for s in f.suggestions))}" if f.suggestions else "")
            + f'<div class="rule">{escape(f.rule)} · {LABELS[f.severity.value]}</div></li>'
            for k, f in enumerate(r.findings))
        notes = "".join(f"<p>{escape(n)}</p>" for n in r.document.notes)
        sections.append(f'<section><h2>{name}（{escape(r.doctype or "")}）</h2>{notes}<main>'
                        f'<div class="doc"><pre class="text">{_marked(r.document.text, r.findings, base)}</pre></div>'
                        f'<ul class="list">{items}</ul></main></section>')
        base += len(r.findings)
    summary = json.dumps({"files": len(results), "findings": total}, ensure_ascii=False)
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>doccheck 检查报告</title>'
            f"<style>{STYLE}</style></head><body><header><h1>doccheck 检查报告</h1>"
            f'<p id="summary" data-summary=\'{escape(summary)}\'>共 {len(results)} 个文件，{total} 个问题，'
            f'显示 <span id="shown">{total}</span> 个</p><div class="filters">{boxes}</div></header>'
            f'{"".join(sections)}<script>{SCRIPT}</script></body></html>\n')


@hookimpl
def doccheck_formats():
    return [Format("html", render, "自成一体的 HTML 报告（原文中标出问题，可按类别、级别筛选）")]
