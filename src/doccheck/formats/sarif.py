"""SARIF 2.1.0, as GitHub code scanning accepts it."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..hookspecs import hookimpl
from . import Format
from .json import dumps_streaming

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str | None) -> str:
    if not path:
        return "stdin"
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def as_dict(results, registry) -> dict:
    whole, found = _log(results, registry)
    whole["runs"][0]["results"] = list(found)
    return whole


def render(results, registry) -> str:
    return "".join(pieces(results, registry))


def pieces(results, registry) -> Iterator[str]:
    """``json.dumps(as_dict(...), ensure_ascii=False, indent=2)`` and a line end, a result at a time."""
    whole, found = _log(results, registry)
    return dumps_streaming(whole, ("runs", 0, "results"), found)


def _log(results, registry) -> tuple[dict, Iterator[dict]]:
    """The log without its results, and the results, made one at a time."""
    from .. import __version__

    used = sorted({f.rule for r in results for f in r.findings})
    index = {rid: i for i, rid in enumerate(used)}
    rules = []
    for rid in used:
        rule = registry.rules.get(rid)
        entry = {"id": rid}
        if rule:
            entry.update({
                "name": rid,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.doc.strip()[:2000]},
                "help": {"text": rule.documentation()[:4000]},
                "defaultConfiguration": {"level": LEVEL[rule.severity.value]},
                "properties": {"category": rule.category.value, "tags": [rule.category.value]},
            })
        rules.append(entry)
    notifications = [{
        "level": "error",
        "message": {"text": f"{r.path}: {r.error}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}],
    } for r in results if r.error]
    run = {
        "tool": {"driver": {
            "name": "doccheck",
            "version": __version__,
            "informationUri": "https://github.com/doccheck/doccheck",
            "rules": rules,
        }},
        "columnKind": "unicodeCodePoints",
        "results": [],
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, _results(results, index)


def _results(results, index: dict[str, int]) -> Iterator[dict]:
    for r in results:
        if r.error:
            continue
        uri = _uri(r.path)
        for f in r.findings:
            end_line, end_col = r.document.line_column(f.end)
            region = {
                "startLine": f.line,
                "startColumn": f.column,
                "endLine": end_line,
                "endColumn": max(end_col, f.column + (1 if end_line == f.line and f.end == f.start else 0)),
                "snippet": {"text": f.excerpt},
            }
            res = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVEL[f.severity.value],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
                "partialFingerprints": {"doccheck/v1": f"{f.rule}:{f.excerpt}"[:200]},
            }
            if f.related:
                res["relatedLocations"] = [{
                    "id": k,
                    "message": {"text": rel.message},
                    "physicalLocation": {"artifactLocation": {"uri": uri}, "region": {
                        "startLine": rel.line, "startColumn": rel.column,
                        "endLine": r.document.line_column(rel.end)[0],
                        "endColumn": max(r.document.line_column(rel.end)[1], rel.column + 1)}},
                } for k, rel in enumerate(f.related)]
            if f.fix and r.document.format in ("txt", "md"):  # offsets are into a text file's characters
                res["fixes"] = [{
                    "description": {"text": "可自动修正：" + " / ".join(f.suggestions)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": [{
                            "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                            "insertedContent": {"text": e.replacement},
                        } for e in f.fix.edits],
                    }],
                }]
            yield res


@hookimpl
def doccheck_formats():
    return [Format("sarif", render, "SARIF 2.1.0（GitHub 代码扫描）", pieces=pieces)]
