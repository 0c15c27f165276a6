"""The stable JSON contract shared by the CLI, the service and every integration:
``{"version": 1, "files": [{"path", "doctype", "error", "findings": [...]}]}``."""

from __future__ import annotations

import json

from ..hookspecs import hookimpl
from . import Format

VERSION = 1


def as_dict(results) -> dict:
    return {"version": VERSION, "files": [r.to_dict() for r in results]}


def render(results, registry) -> str:
    return json.dumps(as_dict(results), ensure_ascii=False, indent=2) + "\n"


@hookimpl
def doccheck_formats():
    return [Format("json", render, "JSON（稳定的接口格式）")]
