"""Offsets are code points everywhere inside doccheck; editors that count in
UTF-16 code units (LanguageTool's protocol, LSP, Office.js) convert here, at
the edge, and nowhere else. SpanIndex answers "is this offset inside any of these
spans?" in logarithmic time (a test per finding against a list of spans is quadratic
on a long text)."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right


class Utf16Map:
    """Code-point offset → UTF-16 offset for one text (astral characters count twice)."""

    def __init__(self, text: str):
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset


_LONG = 4096  # spans of an index held as arrays beyond this many


class SpanIndex:
    """Spans sorted by start with the furthest end so far: does any overlap [start, end)?"""

    def __init__(self, spans):
        self.starts, self.reach, best = [], [], -1
        for a, b in sorted(spans):
            best = max(best, b)
            self.starts.append(a)
            self.reach.append(best)
        if len(self.starts) > _LONG:  # a long text's: 8 bytes a number rather than 40 (bisect is a bit slower)
            self.starts, self.reach = array("q", self.starts), array("q", self.reach)

    @classmethod
    def of_columns(cls, starts: array, ends: array) -> "SpanIndex":
        """The index of the spans (starts[k], ends[k]), built without a tuple a span (a long text's
        terms are a hundred thousand): each packed into one number, start high, to be sorted."""
        if len(starts) <= _LONG:
            return cls(zip(starts, ends))
        packed = sorted((a << 24) | (b - a) for a, b in zip(starts, ends) if 0 <= b - a < 1 << 24)
        if len(packed) < len(starts):
            return cls(zip(starts, ends))  # a span too long to pack: the plain way
        index, best, low = cls(()), -1, (1 << 24) - 1
        index.starts, index.reach = array("q"), array("q")
        for v in packed:
            a = v >> 24
            best = max(best, a + (v & low))
            index.starts.append(a)
            index.reach.append(best)
        return index

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)
        return bool(k) and self.reach[k - 1] > start

    def contains(self, start: int, end: int) -> bool:
        """Does some span hold all of [start, end)?"""
        k = bisect_right(self.starts, start)
        return bool(k) and self.reach[k - 1] >= end

    def covers(self, offset: int) -> bool:
        return self.overlaps(offset, offset + 1)
