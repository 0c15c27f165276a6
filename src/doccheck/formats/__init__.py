"""Output formats, contributed through the ``doccheck_formats`` hook."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..session import CheckResult
    from ..plugins import Registry


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    render: Callable[[list["CheckResult"], "Registry"], str]
    summary: str = ""
