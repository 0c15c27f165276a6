"""Readers turn a file into a Document. Each is contributed through the
``doccheck_readers`` hook, so a plugin can add a format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..document import Document


class ReadError(Exception):
    """The file cannot be read as a draft; the message says why, in Chinese."""


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path], Document]
