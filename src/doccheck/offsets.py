"""Offsets are code points everywhere inside doccheck; editors that count in
UTF-16 code units (LanguageTool's protocol, LSP, Office.js) convert here, at
the edge, and nowhere else."""

from __future__ import annotations

from bisect import bisect_left


class Utf16Map:
    """Code-point offset → UTF-16 offset for one text (astral characters count twice)."""

    def __init__(self, text: str):
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset
