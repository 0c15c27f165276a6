"""Output formats, contributed through the ``doccheck_formats`` hook."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from ..session import CheckResult
    from ..plugins import Registry


@dataclass(frozen=True, slots=True)
class Format:
    """``render(results, registry)`` gives the whole report. A format that can be written
    file by file (text, github) also gives ``per_file(result, registry)`` and
    ``closing(results)``; the CLI then prints each file's part as soon as it is checked. A
    whole-document format may give ``pieces(results, registry)``, the same report in pieces,
    which the CLI writes one by one rather than holding the report of a long text whole."""

    name: str
    render: Callable[[list["CheckResult"], "Registry"], str]
    summary: str = ""
    per_file: Callable[..., str] | None = None  # (result, registry, **options: show_all, color)
    closing: Callable[[list["CheckResult"]], str] | None = None
    pieces: Callable[[list["CheckResult"], "Registry"], Iterable[str]] | None = None
