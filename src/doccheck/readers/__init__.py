"""Readers turn a file into a Document. Each is contributed through the
``doccheck_readers`` hook, so a plugin can add a format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..model import Document


class ReadError(Exception):
    """The file cannot be read as a draft; the message says why, in Chinese."""


@dataclass(frozen=True, slots=True)
class Reader:
    """``read(path)`` reads a file. ``read_bytes(data, name)``, optional, reads the same
    format from memory (the service's uploads); a reader without it is given a
    temporary file by ``doccheck.session.check_bytes``."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path], Document]
    read_bytes: Callable[[bytes, str | None], Document] | None = None
