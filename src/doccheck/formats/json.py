"""The stable JSON contract shared by the CLI, the service and every integration:
``{"version": 1, "files": [{"path", "doctype", "error", "findings": [...]}]}``."""

from __future__ import annotations

import json
import os
from typing import Iterable, Iterator

from ..hookspecs import hookimpl
from . import Format

VERSION = 1


def as_dict(results) -> dict:
    return {"version": VERSION, "files": [r.to_dict() for r in results]}


def render(results, registry) -> str:
    return "".join(pieces(results, registry))


def pieces(results, registry) -> Iterator[str]:
    """``json.dumps(as_dict(results), ensure_ascii=False, indent=2)`` and a line end, the same
    characters, a finding at a time: the report of a long text is not held as a dict and a
    string at once (30,000 findings: 20 MB of text, and twice that in dicts)."""
    if not results:
        yield _nested(as_dict(results), 0) + "\n"
        return
    yield f'{{\n  "version": {VERSION},\n  "files": ['
    for k, result in enumerate(results):
        yield ("," if k else "") + "\n    "
        yield from dumps_streaming(result.to_dict(findings=False), ("findings",),
                                   (f.to_dict() for f in result.findings), level=2)
    yield "\n  ]\n}\n"


def dumps_streaming(whole: dict, path: tuple, items: Iterable, level: int | None = None) -> Iterator[str]:
    """``json.dumps(whole, ensure_ascii=False, indent=2)`` and a line end, with ``items`` as the list at
    ``path`` (keys and indices into ``whole``; ``whole`` is changed there, a missing last key added at
    the end), the same characters, an item at a time: a long report's items are not held as dicts and
    one string at once. With ``level``, ``whole`` is written that many levels deep (as ``_nested``) and
    without the line end."""
    token = f"doccheck-items-{os.urandom(16).hex()}"  # no text of a report holds it (as uuid4, without importing uuid)
    place = whole
    for key in path[:-1]:
        place = place[key]
    place[path[-1]] = [token]
    text = json.dumps(whole, ensure_ascii=False, indent=2) + "\n" if level is None else _nested(whole, level)
    head, tail = text.split(f'"{token}"')
    indent = len(head) - len(head.rstrip(" "))
    items = iter(items)
    first = next(items, _NONE)
    if first is _NONE:  # json.dumps writes an empty list as []
        yield head.rstrip(" ")[:-1] + tail.lstrip(" \n")
        return
    yield head + _nested(first, indent // 2)
    for item in items:
        yield ",\n" + " " * indent + _nested(item, indent // 2)
    yield tail


_NONE = object()


def _nested(value, level: int) -> str:
    """``value`` as json.dumps writes it ``level`` levels deep (indent 2): a string holds no line
    end of its own, which JSON writes as \\n."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


@hookimpl
def doccheck_formats():
    return [Format("json", render, "JSON（稳定的接口格式）", pieces=pieces)]
