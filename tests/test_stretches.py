"""Expressions run only on the lines (or at the characters) where they can match find what a scan of the
whole text finds."""

from __future__ import annotations

import functools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from doccheck.checks import numbers
from doccheck.stretches import TAIL, digit_stretches, finditer_in, line_pieces, search_in

NUMBER_EXPRESSIONS = [numbers._SHORT_YEAR, numbers._MIXED, numbers._MIXED_DATE, numbers._PCT_RANGE,
                      numbers._HYPHEN_RANGE, numbers._DATE_RANGE, numbers._THOUSANDS, numbers._PADDED_SERIAL,
                      numbers._LETTER_YEAR, numbers._LONE_DIGIT]
ALPHABET = "0123０４5,.-－~至%万亿千百元年月日度第期一二三〇十O l\n 　春季"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_number_expressions_find_in_digit_lines_what_they_find_in_the_text(text):
    stretches = digit_stretches(text)
    for rx in NUMBER_EXPRESSIONS:
        assert [m.span() for m in finditer_in(rx, text, stretches)] == [m.span() for m in rx.finditer(text)], rx.pattern


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_number_tests_find_in_digit_lines_whether_the_text_has_a_match(text):
    stretches = digit_stretches(text)
    found = search_in(numbers._DATE_MIXING, text, stretches)
    assert (found and found.span()) == ((m := numbers._DATE_MIXING.rx.search(text)) and m.span())
    assert numbers._mixes(text, stretches) == (numbers._MIXING.search(text) is not None)  # either side of it


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="1２٣a月\n 　", max_size=60))
def test_digit_stretches_are_the_runs_of_the_lines_with_a_digit(text):
    import re

    from doccheck.stretches import merged

    lines = [m.span() for m in re.finditer(r"^.*\d.*$", text, re.M)]
    assert list(digit_stretches(text)) == merged(lines, gap=1)


def test_digit_stretches_are_runs_of_whole_lines():
    text = "第一行\n2025年\n3月\n无数字\n\n第4条"
    assert [text[a:b] for a, b in digit_stretches(text)] == ["2025年\n3月", "第4条"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="。.…、·-－―—~市局委办公室厅中心管理环境\n a", max_size=80))
def test_expressions_find_in_the_lines_with_their_strings_what_they_find_in_the_text(text):
    from doccheck.checks import consistency, punctuation
    from doccheck.stretches import lines_holding_any

    for rx, needles in ((punctuation._ELLIPSIS, ("…", "。。。", "...", "、、、", "···")),
                        (punctuation._DASH, ("--", "－－", "――", "———", "~~")),
                        (consistency._ORG, "局委室厅心")):
        stretches = lines_holding_any(text, needles)
        assert [m.span() for m in finditer_in(rx, text, stretches)] == [m.span() for m in rx.finditer(text)], rx.pattern


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["2021年是", "2025", "年是", "“十四五”", "十三五", "时期", "开局", "收官之年", "之年", "之",
                                 "年", "\n", "。", "，", "；", "的"]), max_size=30).map("".join))
def test_plan_years_are_found_in_the_lines_that_name_a_year_of_a_plan(text):
    from doccheck.checks import dates
    from doccheck.stretches import lines_holding

    rx = dates._PLAN_YEAR
    assert [m.span() for m in finditer_in(rx, text, lines_holding(text, "之年"))] == [m.span() for m in rx.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n", max_size=40), st.integers(1, 8))
def test_line_pieces_are_runs_of_whole_lines_that_make_the_text(text, size):
    pieces = list(line_pieces(text, size))
    assert "\n".join(text[a:b] for a, b in pieces) == text
    assert all(b == len(text) or text[b] == "\n" for _, b in pieces)
    assert all(b - a >= size for a, b in pieces[:-1])  # each but the last at least the size asked


# Pieces of drafts: the marks, terms and lines that the rules reading a piece at a time look at.
_FRAGMENTS = ["坚持推进乡村振新。", "报国务院办工厅：", "全面推进乡村振兴，", "中华人民共和国", "，", ",", "：", ":", "“", "”",
              "（", "）", "(", "《", "》", "\n", "\n\n", "一、", "（二）", "2025年3月", "。", "、", "；;", " ", "各单位",
              "要加强管里，，", "工作", "抄送：", "——"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40))
@example(["各单位", "\n", "坚持推进乡村振新。", "\n", "要加强管里，，", "（", "\n", "）"])  # each in a piece after the first
def test_findings_are_the_same_read_a_piece_at_a_time(fragments):
    import doccheck
    from doccheck import stretches

    text = "".join(fragments)
    whole = [(f.rule, f.start, f.end, f.message) for f in doccheck.check_text(text).findings]
    size = stretches.PIECE
    try:
        stretches.PIECE = 3  # a piece of a line or two: every piece boundary is tried
        pieces = [(f.rule, f.start, f.end, f.message) for f in doccheck.check_text(text).findings]
    finally:
        stretches.PIECE = size
    assert pieces == whole


@functools.cache
def _led_expressions():
    from doccheck.plugins import default_registry
    from doccheck.stretches import Led

    default_registry()  # every module of rules loaded: every Led made
    from doccheck.checks.leaders import load_leaders

    load_leaders()  # and a resource's, made when first used
    return list(Led.ALL)


# Pieces that make the expressions read a character at a time match, and characters around them.
_LED_PIECES = ["王明", "，李强同志", "\n张三、", "第一、", "；其二、", "胡锦滔", "习近平", "李克勤", "二〇二五年", "一九九八年", "O一年", "二、三名", "，，", "。 ，", "、、", "；　；", "？！", "〔2025〕", "[2024]", "（２０２３）", "12号", "第3号", "2025年", "19年", "20O5年", "3月5日", "10月", "日报", "晚报",
               "时报", "（一）", "第一、", "其二、", "一、二", "三、四个", "县", "区", "旗", "城区", "江州县", "1,000", "5-10%",
               "3～5万元", "6-8年", "2024.3.5", "2024-3-5", "2024/3/5", "第2024、3、5号", "1,234,567.5", ".5", "A12-15个",
               "x-3年", "２０２５", "12.5%", "5月1日-5日", "20XX年", "×月×日", "X市", "{{名称}}", "${a}", "[单位名称]", "＿＿", "***",
               "某某", "○○", "【姓名】", "株洲", "随州", "洲", "市长张明", "联系人：王伟", "以下简称绿线", "所称绿线是指",
               "下称", "3.5%", "．", "7上8下", "1998 年", "2020\u3000年", "二〇二五年3月", "2025年三月", "3万5", "五6", "x", "某", "【", "$", "“", "”", "《",
               "》", "(", ")", ",", ".", ";", "'", '"', "٣", "\n", " ", "　", "。", "：", "、", "的", "是"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LED_PIECES), max_size=25).map("".join), st.integers(-2, 90), st.integers(-2, 90))
def test_expressions_read_where_their_first_characters_stand_find_what_they_find(text, start, end):
    from doccheck.stretches import PlainCharSet

    asked = start, end
    for led in _led_expressions():
        # regex (unlike re) reads a negative position from the end, as a slice does; a Led reads it as re
        start, end = asked if isinstance(led.rx, re.Pattern) else (max(0, p) for p in asked)
        expected = [m.span() for m in led.rx.finditer(text, start, end)]
        first = led.rx.search(text, start, end)
        then, after = (PlainCharSet(x) if x else None for x in (led.then, led.after))
        not_after = PlainCharSet(led.starts_number, True) if led.starts_number is not None else None
        plain = PlainCharSet(led.chars, led.decimal, then, led.then_at, after, not_after)
        for where in (led._set, plain):  # compiled, and reference
            assert [m.span() for m in where.matches(led.rx, text, start, end)] == expected, led.pattern
            found = where.search(led.rx, text, start, end)
            assert (found and found.span()) == (first and first.span()), led.pattern
        # finditer_in's stretches read in one call: as the expression over each stretch (and TAIL past it)
        stretches = digit_stretches(text)
        expected = [m.span() for a, b in stretches for m in led.rx.finditer(text, a, min(len(text), b + TAIL))
                    if m.start() < b]
        for where in (led._set, plain):
            assert [m.span() for m in where.matches_in(led.rx, text, stretches._flat, TAIL)] == expected, led.pattern


def test_a_character_set_finds_its_characters_and_every_decimal_digit():
    from doccheck.stretches import CharSet, PlainCharSet

    text = "第三条（二）٣和𝟘与2"  # an Arabic-Indic three, a mathematical zero past the BMP
    for kind in (CharSet, PlainCharSet):
        digits, marks = kind("", decimal=True), kind("（）𝟘")
        assert [digits.find(text, i) for i in (0, 7, 9, 11)] == [6, 8, 10, -1]
        assert [marks.find(text, i) for i in (0, 4, 6)] == [3, 5, 8]
        assert marks.find(text, 4, 5) == -1 and digits.find(text, 12) == -1
        pair = kind("一二三", then=kind("、"))  # a character of the set followed by one of then's
        assert [pair.find("一二、三、", i) for i in (0, 2, 3)] == [1, 3, 3] and pair.find("一二、", 0, 2) == -1
        apart = kind("习胡", then=kind("平涛"), then_at=2)  # … by one of then's two characters on
        assert [apart.find("胡锦涛习近平", i) for i in (0, 1, 4)] == [0, 3, -1]
        led = kind("王李", after=kind("，\n"))  # at the start, or after one of after's
        assert [led.find("王五李四，李六\n王七", i) for i in (0, 1, 6)] == [0, 5, 8]
        first = kind("", decimal=True, not_after=kind(".", decimal=True))  # a number's first digit only
        assert [first.find("12.5和٣4与6", i) for i in (0, 1, 6)] == [0, 5, 8] and first.find("0.25", 1) == -1


def test_whitespace_is_every_character_that_is_space():
    import re
    import sys

    from doccheck.stretches import WHITESPACE

    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    assert sorted(WHITESPACE) == spaces and all(re.fullmatch(r"\s", c) for c in spaces)
