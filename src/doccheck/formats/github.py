"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from ..hookspecs import hookimpl
from . import Format

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(results, registry) -> str:
    return "".join(render_file(r, registry) for r in results)


def render_file(r, registry, **options) -> str:
    out = []
    path = r.path or "<stdin>"
    if r.error:
        out.append(f"::error file={_prop(path)},title=doccheck::{_data(r.error)}")
    for f in r.findings:
        end_line, end_col = r.document.line_column(f.end) if r.document else (f.line, f.column)
        loc = f"file={_prop(path)},line={f.line},col={f.column}"
        if end_line == f.line:
            loc += f",endColumn={end_col}"
        else:
            loc += f",endLine={end_line}"
        msg = f.message + (f"（建议：{'、'.join(f.suggestions)}）" if f.suggestions else "")
        out.append(f"::{LEVEL[f.severity.value]} {loc},title={_prop(f.rule)}::{_data(msg)}")
    return "\n".join(out) + ("\n" if out else "")


@hookimpl
def doccheck_formats():
    return [Format("github", render, "GitHub Actions 注释", render_file, lambda results: "")]
