"""Scanning only the lines where an expression can match.

Python's ``re`` tries an expression at every position it is given, and most expressions of the rules
can only match in a few lines: those with a 月 for a date, those with a digit for a number. An
expression whose every match lies inside one line (it matches no line break) and needs such a line
is run on those lines alone, with the same matches as a scan of the whole text: the scan of a stretch
starts fresh, as the whole scan does after a line with no match; its look-behind sees the text before
the stretch; a look-ahead may read ``TAIL`` characters past it. Property tests hold each use equal to
the scan of the whole text.

Within a line, too: an expression that opens with a class (``[县区旗]``), a look-behind or alternatives
led by classes is tried by sre at every character, its class tested by a call a character. ``Led``
tries it only where one of the characters it can start with stands (``CharSet``, in compiled code).
"""

from __future__ import annotations

import re
import weakref
from array import array
from itertools import chain
from typing import Iterable, Iterator

TAIL = 8  # characters past a stretch a look-ahead may read


class PlainCharSet:
    """Where an expression that can only match from one of a few characters may match: ``matches(rx,
    text)`` is ``list(rx.finditer(text))`` for an ``rx`` whose every match is not empty and starts with
    one of ``chars`` (or, with ``decimal``, a decimal digit, ``\\d``) — with ``then``, one that has a
    character of that set ``then_at`` characters on; with ``after``, one at the start or after a
    character of that set; with ``not_after``, one at the start or after a character not in that set:
    ``rx.match`` at each such character past the last match. The reference, and the stand-in where the
    compiled part (``_wordtable.CharSet``: a bit tested a character) is not built."""

    def __init__(self, chars: str, decimal: bool = False, then: "PlainCharSet | None" = None, then_at: int = 1,
                 after: "PlainCharSet | None" = None, not_after: "PlainCharSet | None" = None):
        members = "".join(re.escape(c) for c in chars) + ("\\d" if decimal else "")
        self._class = f"[{members}]" if members else "(?!)"
        ahead = f"(?=[\\s\\S]{{{then_at - 1}}}{then._class})" if then is not None else ""
        behind = f"(?:(?<={after._class})|(?<![\\s\\S]))" if after is not None else ""
        behind += f"(?<!{not_after._class})" if not_after is not None else ""
        self._rx = re.compile(behind + self._class + ahead)

    def find(self, text: str, start: int = 0, end: int | None = None) -> int:
        m = self._rx.search(text, start, len(text) if end is None else end)
        return -1 if m is None else m.start()

    def matches(self, rx, text: str, start: int = 0, end: int | None = None) -> list:
        end = len(text) if end is None else min(end, len(text))
        out, i = [], self.find(text, start, end)
        while i != -1:
            m = rx.match(text, i, end)
            if m is not None:
                out.append(m)
            i = self.find(text, max(i + 1, m.end()) if m is not None else i + 1, end)
        return out

    def matches_in(self, rx, text: str, stretches, tail: int) -> list:
        """``finditer_in``'s matches (``stretches``: int64 start, end pairs, one after another)."""
        pairs = iter(stretches)
        return [m for start, end in zip(pairs, pairs)
                for m in self.matches(rx, text, start, min(len(text), end + tail)) if m.start() < end]

    def search(self, rx, text: str, start: int = 0, end: int | None = None):
        end = len(text) if end is None else min(end, len(text))
        i = self.find(text, start, end)
        while i != -1:
            m = rx.match(text, i, end)
            if m is not None:
                return m
            i = self.find(text, i + 1, end)
        return None


try:
    from ._wordtable import CharSet
except ImportError:  # built without a compiler
    CharSet = PlainCharSet

_DIGITS = CharSet("", decimal=True)  # \d
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
              "\u2009\u200a\u2028\u2029\u202f\u205f\u3000")  # \s: every character str.isspace() holds (a test checks)


class Led:
    """An expression every match of which is not empty and starts with one of ``chars`` (or, with
    ``decimal``, a decimal digit) — and, where given, has one of ``then`` ``then_at`` characters on and
    stands after one of ``after`` or at the start — tried only where such a character stands
    (``CharSet``): ``finditer``, ``search`` and ``finditer_in`` give the expression's own matches. A pair
    is rare where each of its characters is common (一、, 。，, a surname after a comma). With
    ``starts_number``, every match starts a number: it never stands right after a decimal digit or one of
    those characters (the look-behind of ``\\d(?<![\\d.]\\d)``), and only a number's first digit is tried. Every
    one made is in ``ALL``, where a property test holds it equal to its expression. Positions are read as re
    reads them (a negative one is 0), also for an expression of the ``regex`` package."""

    __slots__ = ("rx", "chars", "decimal", "then", "then_at", "after", "starts_number", "_set", "__weakref__")
    ALL: "weakref.WeakSet[Led]" = weakref.WeakSet()  # those alive: a resource's go with it

    def __init__(self, rx: re.Pattern, chars: str, decimal: bool = False, then: str | None = None, then_at: int = 1,
                 after: str | None = None, starts_number: str | None = None):
        self.rx, self.chars, self.decimal, self.then, self.then_at, self.after = rx, chars, decimal, then, then_at, after
        self.starts_number = starts_number
        then_set, after_set = (CharSet(x) if x else None for x in (then, after))
        not_after = CharSet(starts_number, True) if starts_number is not None else None
        self._set = CharSet(chars, decimal, then_set, then_at, after_set, not_after)
        Led.ALL.add(self)

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
        return iter(self._set.matches(self.rx, text, start, len(text) if end is None else end))

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
        return self._set.search(self.rx, text, start, len(text) if end is None else end)

    def finditer_in(self, text: str, stretches) -> Iterator[re.Match]:
        """``finditer_in(self, text, stretches)``, the stretches read in one compiled call."""
        flat = stretches._flat if isinstance(stretches, Stretches) else array("q", chain.from_iterable(stretches))
        return iter(self._set.matches_in(self.rx, text, flat, TAIL))


PIECE = 1 << 16  # characters of a long text handled at a time, about


def line_pieces(text: str, size: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of ``text`` of about ``size`` characters (``PIECE``) that are runs of
    whole lines: each but the last ends before a line break, the next starts after it. What is read
    a line at a time can be read a piece at a time, and a long text is not copied whole."""
    size = size or PIECE
    pos, n = 0, len(text)
    while True:
        cut = text.find("\n", pos + size) if pos + size < n else -1
        if cut == -1:
            yield pos, n
            return
        yield pos, cut
        pos = cut + 1


def iter_lines(text: str) -> Iterator[str]:
    """``text.split("\n")``, a piece at a time: the whole list is a second copy of a long text."""
    for lo, hi in line_pieces(text):
        yield from text[lo:hi].split("\n")


def line_at(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the line of ``text`` that holds text[start:end] (of the lines, if it spans several)."""
    last = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if last == -1 else last


def lines_holding(text: str, needle: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds ``needle``, in order."""
    out = []
    i = text.find(needle)
    while i != -1:
        out.append(line_at(text, i, i))
        i = text.find(needle, out[-1][1])
    return out


def merged(spans, gap: int = 0) -> list[tuple[int, int]]:
    """Spans (start, end) joined where they overlap or lie at most ``gap`` characters apart (1: the
    line break between two lines), in order."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + gap:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def lines_holding_any(text: str, needles) -> list[tuple[int, int]]:
    """The runs of consecutive lines of ``text`` that hold one of ``needles``, in order."""
    return merged({span for needle in needles for span in lines_holding(text, needle)}, gap=1)


def lines_of(text: str, spans) -> list[tuple[int, int]]:
    """The runs of consecutive lines of ``text`` that hold one of ``spans`` (start, end), in order."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            continue  # in the line found last
        out.append(line_at(text, start, end))
    return merged(out, gap=1)


class Stretches:
    """Runs of lines (start, end), in order, held as one array of their offsets: a long text has
    tens of thousands, and a tuple and two numbers each cost ten times the room."""

    __slots__ = ("_flat",)

    def __init__(self, flat: array):
        self._flat = flat  # start, end, start, end, …

    def __iter__(self) -> Iterator[tuple[int, int]]:
        pairs = iter(self._flat)
        return zip(pairs, pairs)

    def __len__(self) -> int:
        return len(self._flat) >> 1


def digit_stretches(text: str) -> Stretches:
    """(start, end) of each run of consecutive lines that hold a digit (``\\d``, as the expressions
    read it), the runs apart by at least one line without. From digit to digit, a line at a time."""
    flat = array("q")
    i = _DIGITS.find(text)
    while i != -1:  # the lines come in order: joined as found (merged(lines, gap=1))
        start, end = line_at(text, i, i + 1)
        if flat and start <= flat[-1] + 1:
            flat[-1] = end
        else:
            flat.extend((start, end))
        i = _DIGITS.find(text, end)
    return Stretches(flat)


def finditer_in(rx: re.Pattern, text: str, stretches: Iterable[tuple[int, int]]) -> Iterator[re.Match]:
    """``rx.finditer(text)`` for an expression whose matches each lie in one line, among the lines of
    ``stretches`` (runs of whole lines, a line without a match between two): the same matches."""
    if isinstance(rx, Led):
        yield from rx.finditer_in(text, stretches)
        return
    size = len(text)
    for start, end in stretches:
        for m in rx.finditer(text, start, min(size, end + TAIL)):
            if m.start() >= end:
                break  # in the line after the stretch, which holds no match
            yield m


def search_in(rx: re.Pattern, text: str, stretches: Iterable[tuple[int, int]]) -> re.Match | None:
    """``rx.search(text)``, as ``finditer_in`` reads ``rx.finditer``: the first match in ``stretches``."""
    return next(finditer_in(rx, text, stretches), None)
