"""The date parser: every valid date written in each supported form parses back to itself."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from doccheck.dates import find_dates, zh_number

ZH = "〇一二三四五六七八九"


def zh_small(n: int) -> str:
    if n < 10:
        return ZH[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else ZH[tens]) + "十" + (ZH[ones] if ones else "")


FORMS = {
    "arabic": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "arabic-padded": lambda d: f"{d.year}年{d.month:02d}月{d.day:02d}日",
    "chinese": lambda d: "".join(ZH[int(c)] for c in str(d.year)) + f"年{zh_small(d.month)}月{zh_small(d.day)}日",
    "dotted": lambda d: f"{d.year}.{d.month}.{d.day}",
    "iso": lambda d: d.isoformat(),
    "slash": lambda d: f"{d.year}/{d.month}/{d.day}",
}
dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))
surround = st.sampled_from(["", "会议定于", "请于", "截至"]), st.sampled_from(["", "前报送。", "召开。", "（星期一）"])


@settings(max_examples=300, deadline=None)
@given(dates, st.sampled_from(sorted(FORMS)), *surround)
def test_each_form_parses_back(d, form, before, after):
    written = FORMS[form](d)
    text = before + written + after
    found = find_dates(text)
    assert len(found) == 1, (text, found)
    (m,) = found
    assert m.as_date() == d
    assert text[m.start:m.end] == written
    assert m.form == ("chinese" if form == "chinese" else "numeric" if form in ("dotted", "iso", "slash") else "arabic")


@settings(max_examples=100, deadline=None)
@given(dates)
def test_year_from_context(d):
    text = f"{d.year}年工作要点。请于{d.month}月{d.day}日前报送。"
    (m,) = [x for x in find_dates(text) if x.start > 5]
    assert m.year == d.year and m.year_inferred


def test_ranges_and_weekdays():
    (d,) = find_dates("定于2025年4月17日至18日（星期五）举行")
    assert (d.month, d.day, d.range_end.day) == (4, 17, 18)
    (d,) = find_dates("2025年4月17日—18日")
    assert d.range_end.day == 18
    (d,) = find_dates("2025年3月5日（周三）")
    assert d.weekday == 2 and d.as_date().weekday() == 2


def test_zh_number():
    assert [zh_number(s) for s in ["一", "十", "十一", "二十", "三十一", "廿"]] == [1, 10, 11, 20, 31, None]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="2025年3月1日至5号二〇三十一（星期三）\n 　-.、/期", max_size=60))
def test_the_forms_with_a_month_are_found_line_by_line_as_in_the_whole_text(text):
    from doccheck.dates import _ARABIC, _CHINESE, _NUMERIC, _YEAR
    from doccheck.stretches import digit_stretches, finditer_in, lines_holding

    for form in (_ARABIC, _CHINESE):
        whole = [m.span() for m in form.finditer(text)]
        by_line = [m.span() for ls, le in lines_holding(text, "月") for m in form.finditer(text, ls, le)]
        assert by_line == whole
    for form in (_NUMERIC, _YEAR):
        assert [m.span() for m in finditer_in(form, text, digit_stretches(text))] == \
            [m.span() for m in form.finditer(text)]
