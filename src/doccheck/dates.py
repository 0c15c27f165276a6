"""The one date parser: every date written in a draft, with its span.

Forms: 2025年4月17日, 4月17日 (year from context), ranges (4月17日至18日,
4月17日—18日), 2025.6.9 / 2025-06-09 / 2025/6/9, Chinese numerals
(二〇二五年三月十日), each optionally followed by a weekday （星期三）/（周三）.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable

from .offsets import SpanIndex
from .stretches import Led, digit_stretches, finditer_in, lines_holding

ZH_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
WEEKDAYS = "一二三四五六日"  # Monday first, as datetime.weekday()
_ZD = "〇零○Ｏ一二三四五六七八九"
_ZN = "一二三四五六七八九十"

_WEEKDAY = r"(?P<wk>[ \u3000]?[（(](?:星期|周|礼拜)(?P<wd>[一二三四五六日天])[）)])?"
_RANGE = r"(?:(?P<rsep>至|到|—|－|-|～|~|－－|——)(?:(?P<rmonth>\d{1,2})月)?(?P<rday>\d{1,2})[日号])?"

_ARABIC = Led(re.compile(
    r"(?<![\d.])(?:(?P<year>\d{2,4})[ \u3000]*年[ \u3000]*)?(?P<month>\d{1,2})[ \u3000]*月[ \u3000]*"
    r"(?P<day>\d{1,2})[ \u3000]*(?P<dmark>[日号])" + _RANGE + _WEEKDAY
), "", decimal=True, starts_number=".")
_CHINESE = re.compile(
    r"(?P<year>[" + _ZD + r"]{4})年(?P<month>[" + _ZN + r"]{1,2})月(?P<day>[" + _ZN + r"]{1,3})日" + _WEEKDAY
)
_NUMERIC = Led(re.compile(
    # 第2024、3、5号 and 2021、3、5项 are numbers in a list, not a date. (The year's first digit is read
    # before what stands before it is tested: the engine then skips to a 1 or a 2.)
    r"(?P<year>(?:1(?<![\d.\-/、第]1)9|2(?<![\d.\-/、第]2)0)\d{2})(?P<sep>[.．/\-、])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?![\d.．/\-、]\d)(?![号期条项款届批个名人次])"
    + _WEEKDAY
), "12", starts_number=".-/、第")
_YEAR = Led(re.compile(r"(?<!\d)((?:19|20)\d{2})[ \u3000]*年"), "12", starts_number="")


def zh_number(s: str) -> int | None:
    """二十一 → 21, 十 → 10, 三 → 3; None if not a numeral of that kind."""
    if not s:
        return None
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = ZH_DIGIT.get(head, None) if head else 1
        ones = ZH_DIGIT.get(tail, None) if tail else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in ZH_DIGIT:
        return ZH_DIGIT[s]
    return None


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int  # end of the date itself (weekday excluded)
    year: int | None
    month: int
    day: int
    form: str  # "arabic" | "chinese" | "numeric"
    text: str
    year_written: str | None = None  # as written: "2025", "25", "二〇二五"
    year_inferred: bool = False
    weekday: int | None = None  # 0 = Monday, as written in brackets
    weekday_span: tuple[int, int] | None = None
    range_end: "DateMention | None" = None

    @property
    def exists(self) -> bool:
        return self.as_date() is not None or (self.year is None and _valid_month_day(self.month, self.day))

    def as_date(self) -> dt.date | None:
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


def _valid_month_day(month: int, day: int) -> bool:
    try:
        dt.date(2024, month, day)  # a leap year: 2月29日 may exist
        return True
    except ValueError:
        return False


def _weekday(m) -> tuple[int | None, tuple[int, int] | None]:
    if m.group("wk"):
        wd = m.group("wd")
        return (6 if wd in "日天" else WEEKDAYS.index(wd)), m.span("wk")
    return None, None


def find_dates(text: str, default_year: int | None = None, anchor: dt.date | None = None,
               with_digit: Iterable[tuple[int, int]] | None = None) -> list[DateMention]:
    """Every date in ``text`` in order. A date without a year takes the year of
    the nearest full date or ``N年`` written before it, else ``default_year``;
    with an ``anchor`` (the 成文日期), of those two years the one that puts the
    date nearer the anchor (12月29日 in a notice dated 2025年12月24日 that
    mentions 2026年1月1日 is 2025's)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []  # spans of the forms read before; one form's matches never overlap
    # No form spans a line (stretches.py): the two forms with 月 are looked for only in the lines that
    # have one, the numeric form in the lines with a digit (a draft's dates stand in few of its lines)
    with_month = lines_holding(text, "月")

    for m in (m for ls, le in with_month for m in _CHINESE.finditer(text, ls, le)):
        y = m.group("year")
        year = int("".join(str(ZH_DIGIT[c]) for c in y))
        month, day = zh_number(m.group("month")), zh_number(m.group("day"))
        if month is None or day is None:
            continue
        wd, wspan = _weekday(m)
        found.append(DateMention(m.start(), m.end("day") + 1, year, month, day, "chinese",
                                 text[m.start():m.end("day") + 1], y, False, wd, wspan))
        taken.append(m.span())
    earlier = SpanIndex(taken)
    if with_digit is None:  # the lines with a digit (Draft.digit_stretches, when the caller has them)
        with_digit = digit_stretches(text)
    for m in finditer_in(_NUMERIC, text, with_digit):
        if earlier.overlaps(*m.span()):
            continue
        wd, wspan = _weekday(m)
        found.append(DateMention(m.start(), m.end("day"), int(m.group("year")), int(m.group("month")),
                                 int(m.group("day")), "numeric", text[m.start():m.end("day")],
                                 m.group("year"), False, wd, wspan))
        taken.append(m.span())
    earlier = SpanIndex(taken)
    for m in (m for ls, le in with_month for m in _ARABIC.finditer(text, ls, le)):
        if earlier.overlaps(*m.span()):
            continue
        y = m.group("year")
        year = int(y) if y and len(y) == 4 else (2000 + int(y) if y and len(y) == 2 else None)
        month, day = int(m.group("month")), int(m.group("day"))
        end = m.end("dmark")
        wd, wspan = _weekday(m)
        rng = None
        if m.group("rday"):
            rmonth = int(m.group("rmonth")) if m.group("rmonth") else month
            rend = m.end("rday") + 1
            rng = DateMention(m.start("rsep") + len(m.group("rsep")), rend, year, rmonth, int(m.group("rday")),
                              "arabic", text[m.end("rsep"):rend], y)
        found.append(DateMention(m.start(), end, year, month, day, "arabic", text[m.start():end], y,
                                 False, wd, wspan, rng))
        taken.append(m.span())
    found.sort(key=lambda d: d.start)
    return _fill_years(text, found, default_year, anchor, with_digit)


def _nearest_year(month: int, day: int, years: list[int], anchor: dt.date) -> int:
    def distance(y: int) -> int:
        try:
            return abs((dt.date(y, month, day) - anchor).days)
        except ValueError:
            return 10 ** 6
    return min(years, key=distance)


def _fill_years(text: str, dates: list[DateMention], default_year: int | None,
                anchor: dt.date | None = None, with_digit: Iterable[tuple[int, int]] | None = None) -> list[DateMention]:
    if all(d.year is not None for d in dates):
        return dates
    if with_digit is None:
        with_digit = digit_stretches(text)
    years = [(m.start(), int(m.group(1))) for m in finditer_in(_YEAR, text, with_digit)]
    positions = [pos for pos, _ in years]
    out = []
    for d in dates:
        if d.year is None:
            k = bisect_left(positions, d.start)
            year = years[k - 1][1] if k else default_year
            if anchor is not None and year is not None and year != anchor.year:
                year = _nearest_year(d.month, d.day, [year, anchor.year], anchor)
            if year is not None:
                rng = d.range_end
                if rng is not None:
                    rng = DateMention(rng.start, rng.end, year, rng.month, rng.day, rng.form, rng.text,
                                      None, True)
                d = DateMention(d.start, d.end, year, d.month, d.day, d.form, d.text, None, True,
                                d.weekday, d.weekday_span, rng)
        out.append(d)
    return out


def format_date(d: dt.date) -> str:
    """成文日期 form per GB/T 9704-2012 §7.3.5.1."""
    return f"{d.year}年{d.month}月{d.day}日"
