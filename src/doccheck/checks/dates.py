"""Date rules: dates that do not exist, weekdays that do not match, the form of
the 成文日期 (GB/T 9704-2012 §7.3.5.1), and consistency between the dates of
one document. Dates come from ``doccheck.dates`` via the anatomy."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Iterator

from ..dates import WEEKDAYS, DateMention, format_date, zh_number
from ..findings import Fix, Hit
from ..hookspecs import hookimpl
from ..rule import bad, good, rule
from ..stretches import finditer_in, lines_holding


def _doc(body: str, date: str = "2025年5月6日") -> str:
    return f"关于做好防汛工作的通知\n各县（市、区）人民政府：\n{body}\n江州市人民政府\n{date}\n"


@rule(
    id="date.nonexistent",
    category="date",
    severity="error",
    summary="日期不存在",
    doc="""\
What it does: finds dates that do not exist: 4月31日, 2月29日 in a common year, 13月, 0日.

Why is this bad? A deadline or meeting on a day that does not exist cannot be met, and shows the
document was not read before it was issued.""",
    references=("GB/T 15835-2011（公历日期）",),
    examples=[
        bad(_doc("请于2025年4月31日前报送。"), at="2025年4月31日"),
        bad(_doc("请于2月29日前报送。"), at="2月29日"),
        bad("会议定于2025年13月5日召开。", at="2025年13月5日"),
        good(_doc("请于2024年2月29日前报送。")),
        good(_doc("请于4月30日前报送。")),
    ],
)
def nonexistent(doc, ctx) -> Iterator[Hit]:
    for d in doc.anatomy.dates:
        for part in (d, d.range_end):
            if part is None:
                continue
            if part.year is not None and part.as_date() is None and 1 <= part.month <= 12 and part.day == 29 \
                    and part.month == 2:
                yield Hit(part.start, part.end, f"{part.year}年不是闰年，没有2月29日")
            elif not part.exists:
                yield Hit(part.start, part.end, f"日期“{part.text}”不存在（{part.month}月没有{part.day}日）"
                          if 1 <= part.month <= 12 else f"日期“{part.text}”不存在（没有{part.month}月）")


@rule(
    id="date.weekday-mismatch",
    category="date",
    severity="error",
    summary="日期与所注星期不符",
    doc="""\
What it does: compares a weekday written after a date — （星期三）, （周三） — with the calendar. A
date without a year takes the year from the text before it, or the 成文日期.

Why is this bad? When date and weekday disagree, readers do not know which day is meant; the
meeting is missed by half of them.""",
    references=("Consistency check (shared/domain §6)",),
    examples=[
        bad("定于2025年3月5日（星期二）上午9:00召开会议。", at="（星期二）"),
        bad(_doc("定于5月8日（周五）召开会议。"), at="（周五）"),
        good("定于2025年3月5日（星期三）上午9:00召开会议。"),
        good(_doc("定于5月8日（周四）召开会议。")),
        good(_doc("元旦放假时间为2026年1月1日至3日。请于12月29日（星期一）前报送值班表。", "2025年12月24日")),
    ],
)
def weekday_mismatch(doc, ctx) -> Iterator[Hit]:
    for d in doc.anatomy.dates:
        if d.weekday is None or d.weekday_span is None:
            continue
        real = d.as_date()
        if real is None or real.weekday() == d.weekday:
            continue
        s, e = d.weekday_span
        written = doc.text[s:e]
        right = written[:-2] + WEEKDAYS[real.weekday()] + written[-1]  # the day sits before the bracket
        yield Hit(s, e, f"{real.year}年{real.month}月{real.day}日是星期{WEEKDAYS[real.weekday()]}，"
                        f"不是{written.strip(' （）()　')}" + ("（年份按上下文推定）" if d.year_inferred else ""),
                  (right.strip(),))


# GB/T 9704-2012 applies from this day; the 1999 edition it replaced wrote the 成文日期 in
# Chinese numerals (二〇一〇年一月十九日), so older documents follow that form.
GBT_9704_2012_IN_FORCE = dt.date(2012, 7, 1)


def _issue_date_hits(d: DateMention, what: str) -> Iterator[Hit]:
    right = format_date(d.as_date()) if d.as_date() else None
    if d.as_date() is not None and d.as_date() < GBT_9704_2012_IN_FORCE:
        return  # GB/T 9704-1999's form, right for its time
    if d.form == "chinese":
        why = f"{what}应使用阿拉伯数字（GB/T 9704-2012 §7.3.5.1）"
    elif d.form == "numeric":
        why = f"{what}应写明年、月、日，不用“{d.text}”这样的写法（GB/T 9704-2012 §7.3.5.1）"
    elif d.year_written is None:
        why = f"{what}应写全年份（GB/T 9704-2012 §7.3.5.1）"
    elif len(d.year_written) != 4:
        why = f"{what}的年份应写全四位（GB/T 9704-2012 §7.3.5.1）"
    elif re.search(r"(?<!\d)0\d", d.text):
        why = f"{what}的月、日不编虚位（如5月6日不写作05月06日）（GB/T 9704-2012 §7.3.5.1）"
    else:
        return
    safe = right is not None and d.year_written is not None and len(d.year_written) == 4
    yield Hit(d.start, d.end, why, (right,) if right else (), Fix.replace(d.start, d.end, right) if safe else None)


@rule(
    id="date.issue-date-form",
    category="date",
    severity="error",
    summary="成文日期、印发日期的写法",
    doc="""\
What it does: checks the 成文日期 below the signature, and the 印发日期 in the 版记: Arabic numerals,
the year in full, month and day without 虚位 — 2025年5月6日, not 二〇二五年五月六日, 2025.5.6,
2025年05月06日. Fixed automatically when the date is unambiguous.

Why is this bad? GB/T 9704-2012 §7.3.5.1 (and §7.4.3 for the 印发日期) changed the old rule of
Chinese numerals: drafts copied from pre-2012 templates still carry 二〇一二年. Documents dated before
2012-07-01, when the 2012 edition took effect, followed GB/T 9704-1999 and are left alone.""",
    references=("GB/T 9704-2012 §7.3.5.1（成文日期）", "§7.4.3（印发机关和印发日期）"),
    examples=[
        bad(_doc("请认真贯彻执行。", "二〇二五年五月六日"), fixed=_doc("请认真贯彻执行。", "2025年5月6日")),
        bad(_doc("请认真贯彻执行。", "2025年05月06日"), fixed=_doc("请认真贯彻执行。", "2025年5月6日")),
        bad(_doc("请认真贯彻执行。", "2025.5.6"), fixed=_doc("请认真贯彻执行。", "2025年5月6日")),
        good(_doc("请认真贯彻执行。", "2025年5月6日")),
        good(_doc("请认真贯彻执行。", "二〇一〇年一月十九日")),
        good(_doc("请认真贯彻执行。", "2016 年 3月8日")),
    ],
    gongwen_only=True,
)
def issue_date_form(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.issue_date is not None:
        yield from _issue_date_hits(a.issue_date, "成文日期")
    if a.printed_date is not None:
        yield from _issue_date_hits(a.printed_date, "印发日期")


@rule(
    id="date.number-year-mismatch",
    category="date",
    severity="error",
    summary="发文字号年份与成文日期年份不一致",
    doc="""\
What it does: compares the year in the 发文字号 of the 版头 with the year of the 成文日期.

Why is this bad? The 发文字号 carries the year the document is issued (GB/T 9704-2012 §7.2.5); a
number from last year on a document dated this year means one of them was copied from an old file.""",
    references=("GB/T 9704-2012 §7.2.5（发文字号）", "§7.3.5.1（成文日期）"),
    examples=[
        bad("江州市人民政府文件\n江政发〔2024〕3号\n" + _doc("请认真贯彻执行。", "2025年1月6日"), at="江政发〔2024〕3号"),
        good("江州市人民政府文件\n江政发〔2025〕3号\n" + _doc("请认真贯彻执行。", "2025年1月6日")),
    ],
    gongwen_only=True,
)
def number_year_mismatch(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.doc_number is None or a.issue_date is None or a.issue_date.year is None:
        return
    y = a.doc_number.year_value
    if y is not None and y != a.issue_date.year:
        n = a.doc_number
        yield Hit(n.start, n.end, f"发文字号年份（{y}）与成文日期年份（{a.issue_date.year}）不一致")


@rule(
    id="date.printed-before-issue",
    category="date",
    severity="error",
    summary="印发日期早于成文日期",
    doc="""\
What it does: compares the 印发日期 on the last line of the 版记 with the 成文日期.

Why is this bad? A document cannot be printed and sent before it is signed (GB/T 9704-2012 §7.4.3:
印发日期 is the date the document is sent to print).""",
    references=("GB/T 9704-2012 §7.4.3（印发机关和印发日期）",),
    examples=[
        bad(_doc("请认真贯彻执行。", "2025年5月6日") + "抄送：市委办公室。\n江州市人民政府办公室　　2025年5月5日印发\n",
            at="2025年5月5日"),
        good(_doc("请认真贯彻执行。", "2025年5月6日") + "抄送：市委办公室。\n江州市人民政府办公室　　2025年5月7日印发\n"),
    ],
    gongwen_only=True,
)
def printed_before_issue(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.printed_date is None or a.issue_date is None:
        return
    p, i = a.printed_date.as_date(), a.issue_date.as_date()
    if p and i and p < i:
        yield Hit(a.printed_date.start, a.printed_date.end,
                  f"印发日期（{format_date(p)}）早于成文日期（{format_date(i)}）（GB/T 9704-2012 §7.4.3）")


# A date followed by 前/之前/以前, or preceded by 截止/不迟于: a deadline. 截至 ("as of") dates a
# figure or a list, and a date that describes a thing (2009年10月1日前生产的机械) sets no task.
_DEADLINE_BEFORE = re.compile(r"^(?:（[^）]{1,4}）)?\s*(?:[上下]午\s*\d{1,2}[:：]\d{2}\s*)?(?:之前|以前|前)"
                              r"(?!(?:已|所|依法)?(?:生产|出厂|制造|注册|登记|建成|建设|竣工|购买|购置|取得|出生|设立|"
                              r"成立|投入使用|批准|颁发|核发|发放|签订|入学|入职|参加工作|办理|申领)的?)")
_DEADLINE_AFTER = re.compile(r"(截止|截止到|截止于|截至到|不迟于|最迟于?)\s*$")


def deadlines(doc) -> Iterator[DateMention]:
    text = doc.text
    for d in doc.anatomy.dates:
        end = d.weekday_span[1] if d.weekday_span else (d.range_end.end if d.range_end else d.end)
        before = text[max(0, d.start - 6):d.start]
        if re.search(r"截至\s*$", before):
            continue  # as of
        if _DEADLINE_BEFORE.match(text[end:end + 16]) or _DEADLINE_AFTER.search(before):
            yield d


@rule(
    id="date.deadline-before-issue",
    category="date",
    severity="error",
    summary="期限早于成文日期",
    doc="""\
What it does: finds deadlines in the body — "于5月10日前报送", "截至4月30日" — and compares them with
the 成文日期. A deadline that has already passed when the document is signed is reported.

Why is this bad? Recipients cannot meet a deadline in the past; usually the date was copied from
last year's notice or the document was delayed without the dates being updated.""",
    references=("Consistency check (shared/domain §6)",),
    examples=[
        bad(_doc("请于5月1日前将材料报送市应急局。"), at="5月1日"),
        bad(_doc("统计时间截至2025年4月30日，请于2025年4月20日前报送。"), at="2025年4月20日"),
        good(_doc("请于5月20日前将材料报送市应急局。")),
        good(_doc("统计时间截至2025年4月30日。")),
        good(_doc("请于5月20日前报送，截至4月30日的数据要准确。")),
        good(_doc("附件：建设用地风险管控名录（截至2025年3月31日）")),
        good(_doc("禁止使用2009年10月1日前生产的高排放非道路移动机械。")),
    ],
    gongwen_only=True,
)
def deadline_before_issue(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    issued = a.issue_date.as_date() if a.issue_date else None
    if issued is None:
        return
    text = doc.text
    for d in deadlines(doc):
        when = d.as_date()
        if when is None or when >= issued:
            continue
        if _DEADLINE_AFTER.search(text[max(0, d.start - 6):d.start]) and not re.match(r"^\S{0,3}前", text[d.end:d.end + 4]):
            # "截至4月30日" often sets a statistics cut-off, which may lie in the past
            if re.search(r"(统计|数据|时间|情况)", text[max(0, d.start - 12):d.start]) or \
                    re.match(r"^(?:止)?的?(?:数据|情况|统计|数字|人数|金额|余额)", text[d.end:d.end + 6]):
                continue
        yield Hit(d.start, d.end, f"期限{format_date(when)}早于成文日期{format_date(issued)}，收文单位无法执行"
                  + ("（年份按成文日期推定）" if d.year_inferred else ""))


_EVENT = re.compile(r"(召开|举行|举办|开会|会议|报到|报送|上报|提交|报名|截至)")


@rule(
    id="date.non-working-day",
    category="date",
    severity="info",
    summary="会议或期限落在周末或法定节假日",
    doc="""\
What it does: a meeting date or deadline that falls on a weekend or a public holiday, by the
official 调休 calendar (chinese-calendar, offline; a weekend made a working day is not reported).

Why is this bad? Not always wrong — but a deadline on 10月1日 or a meeting on a Sunday is usually a
slip, and worth a second look.""",
    references=("国务院办公厅关于部分节假日安排的通知（各年度）, via chinese-calendar",),
    examples=[
        bad(_doc("定于2025年10月1日召开会议。"), at="2025年10月1日"),
        bad(_doc("请于2025年5月11日前报送。"), at="2025年5月11日"),
        good(_doc("定于2025年9月28日召开会议。")),
        good(_doc("请于2025年5月12日前报送。")),
        good(_doc("降雨发生前，市防指于2025年5月17日启动防汛四级应急响应。")),  # a past event, not a meeting
    ],
    gongwen_only=True,
)
def non_working_day(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    text = doc.text
    for d in a.dates:
        if a.issue_date and d.start == a.issue_date.start or a.printed_date and d.start == a.printed_date.start:
            continue
        when = d.as_date()
        if when is None:
            continue
        around = text[max(0, d.start - 8):min(len(text), d.end + 14)]
        deadline = _DEADLINE_BEFORE.match(text[d.end:d.end + 16])  # 于……前
        if not (deadline or _EVENT.search(around)):
            continue
        kind = _day_kind(when)
        if kind:
            yield Hit(d.start, d.end, f"{format_date(when)}是{kind}，请确认会议或期限安排")


@lru_cache(maxsize=4096)
def _day_kind(d: dt.date) -> str | None:
    """What kind of day off ``d`` is, or None for a working day. Remembered: chinese_calendar checks a
    date's year against the whole table at every question (15 µs), and a draft re-checked after each
    edit asks about the same few dates again."""
    try:
        import chinese_calendar

        if chinese_calendar.is_workday(d):
            return None
        on_holiday, name = chinese_calendar.get_holiday_detail(d)
        if on_holiday and name:
            return {"New Year's Day": "元旦假期", "Spring Festival": "春节假期", "Tomb-sweeping Day": "清明节假期",
                    "Labour Day": "劳动节假期", "Dragon Boat Festival": "端午节假期",
                    "National Day": "国庆节假期", "Mid-autumn Festival": "中秋节假期"}.get(name, "法定节假日")
        return "周末"
    except (ImportError, NotImplementedError):
        # years the official calendar does not cover yet: weekends only
        return "周末" if d.weekday() >= 5 else None


@rule(
    id="date.written-form",
    category="date",
    severity="warning",
    summary="日期写法：不用圆点、斜线分隔年月日，月、日不编虚位",
    doc="""\
What it does: a date anywhere in the text written 2025.6.9, 2025/6/9, 2025、6、9 or 2025年06月09日 — forms the
standards do not provide — with the fix 2025年6月9日 where the date exists. The 成文日期 and 印发日期
are left to date.issue-date-form, which holds them to the stricter GB/T 9704 rule.

Why is this bad? GB/T 15835-2011《出版物上数字用法》§5.4.1 writes dates with 年、月、日, or in the
extended form of GB/T 7408 with hyphens (2025-06-09, where a 0 may pad the month and day); dots,
slashes and 顿号 are neither, and 06月09日 mixes the two. In a 公文 a careful reviewer writes 2025年6月9日.""",
    references=("GB/T 15835-2011《出版物上数字用法》§5.4.1（年月日的表达）",),
    examples=[
        bad("请各单位于2025.6.9前报送材料。", fixed="请各单位于2025年6月9日前报送材料。"),
        bad("会议定于2025/11/3召开。", fixed="会议定于2025年11月3日召开。"),
        bad("报名截止日期：2025、9、12", fixed="报名截止日期：2025年9月12日"),  # 顿号 as separators
        good("2021、2022、2023年连续三年获评先进；第2024、3、5号文件。"),  # lists, not dates
        bad("本通知自2025年07月01日起施行。", fixed="本通知自2025年7月1日起施行。"),
        bad("请于11月05日前报送。", fixed="请于11月5日前报送。"),
        bad("请各单位于6.30前报送自查报告。", fixed="请各单位于6月30日前报送自查报告。"),  # a month and day with a dot
        good("圆周率约为3.14，增长了2.5个百分点。"),
        good("请各单位于2025年6月9日前报送材料。"),
        good("数据截至2025-06-30。"),  # the extended form of GB/T 7408, allowed
        good("软件版本号为2025.6.9.1，请及时升级。"),  # a version number, not a date
        good("网址为www.example.gov.cn/2025/6/9/notice.html。"),  # a path
        good(_doc("请认真贯彻执行。", "2025.5.6")),  # the 成文日期 is date.issue-date-form's
        bad("2025年07月01日", fixed="2025年7月1日"),  # a date checked on its own
    ],
)
def written_form(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    text = doc.text
    for m in _DOTTED_MONTH_DAY.finditer(text) if "." in text else ():  # a dot in every match
        month, day = int(m.group("m")), int(m.group("d"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            right = f"{month}月{day}日"
            yield Hit(m.start("m"), m.end("d"), f"日期不用“.”分隔月日，应写作“{right}”（GB/T 15835-2011 §5.4.1）",
                      (right,), Fix.replace(m.start("m"), m.end("d"), right))
    own = {d.start for d in (a.issue_date, a.printed_date) if d is not None} if a.is_gongwen else set()
    for d in a.dates:
        if d.start in own:
            continue
        if d.form == "numeric":
            sep = d.text[len(d.year_written or ""):][:1]
            if sep not in "./．、" or _in_address(text, d.start, d.end):
                continue
            why = f"日期不用“{sep}”分隔年月日"
        elif d.form == "arabic" and re.search(r"(?<!\d)0\d[ \u3000]*[月日号]", d.text):
            why = "日期中的月、日不编虚位（如6月9日不写作06月09日）"
        else:
            continue
        right = None
        if d.exists:
            right = (f"{d.year_written}年" if d.year_written and len(d.year_written) == 4 else
                     d.text[:d.text.index("年") + 1] if "年" in d.text else "") + f"{d.month}月{d.day}日"
        yield Hit(d.start, d.end, f"{why}，应写作“{right or '××××年×月×日'}”（GB/T 15835-2011 §5.4.1）",
                  (right,) if right else (), Fix.replace(d.start, d.end, right) if right else None)


# 请于6.30前报送: a month and day with a dot, where the words around make it a date (not 3.14).
_DOTTED_MONTH_DAY = re.compile(r"(?:于|定于|截至|截止|自|从)(?P<m>\d{1,2})\.(?P<d>\d{1,2})"
                               r"(?![\d.])(?=前|之前|以前|召开|举行|举办|起|开始|截止|报送|上报|[，。；至—～])")


def _in_address(text: str, start: int, end: int) -> bool:
    """Digits inside a web address, file path or version number (v2025.6.9), not a date."""
    token = re.search(r"[^\s，。；、：（）“”《》]*$", text[max(0, start - 60):start]).group()
    return bool(re.search(r"[A-Za-z_]$|[/\\]|www\.|://", token) or re.match(r"[/\\_]|\.[A-Za-z]", text[end:end + 2]))


# The five-year plans by their short names and first years (十一五 2006–2010 … 十六五 2031–2035). 九五 and
# 十五 are left out: as words they are also numbers.
_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026, "十六五": 2031}
_PLAN = "(十[一二三四五六]五)"
# “十四五”时期（2020—2025年）: the plan and the years it is given
_PLAN_RANGE = re.compile(_PLAN + r"[”\"]?[^。；\n\d]{0,12}?(\d{4})\s*年?\s*(?:—|–|-|－|~|～|至|到)+\s*(\d{4})\s*年")
# 2020年是“十四五”开局之年: a year named as the plan's first or last
_PLAN_YEAR = re.compile(r"(\d{4})年是[^。；\n]{0,24}?" + _PLAN + r"[”\"]?[^。；，\n]{0,6}?(开局|起步|收官)之年")


@rule(
    id="date.plan-years",
    category="date",
    severity="warning",
    summary="五年规划（“十四五”等）与所写年份不符",
    doc="""\
What it does: checks the years given with a five-year plan's short name against the plan: “十四五”时期
（2021—2025年）, 2021年是“十四五”开局之年, 2025年是“十四五”收官之年 (十一五 2006–2010 … 十六五 2031–2035).

Why is this bad? The plans' periods are fixed by the NPC; a period one year off (“十四五”（2020—2025
年）) or 2020 called the 十四五's first year states a wrong fact in the document's own frame.""",
    references=("《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》等各五年规划纲要",),
    examples=[
        bad("“十四五”时期（2020—2025年），全市将新建公园50个。", at="2020—2025年"),
        bad("2020年是“十四五”开局之年。", at="2020年"),
        good("“十四五”时期（2021—2025年），全市将新建公园50个。2021年是“十四五”开局之年，2025年是“十四五”收官之年。"),
        good("“十三五”期间，全市新建公园30个；2021—2025年，将再建50个。"),
    ],
)
def plan_years(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if "五" not in text:
        return
    for m in _PLAN_RANGE.finditer(text):
        first = _PLANS[m.group(1)]
        a, b = int(m.group(2)), int(m.group(3))
        if (a, b) != (first, first + 4) and a in range(first - 1, first + 2) and b in range(first + 3, first + 6):
            # its own period, a year off (a range to 2035 is the long-range goal, not the plan)
            yield Hit(m.start(2), m.end(), f"“{m.group(1)}”时期为{first}—{first + 4}年，此处写作{a}—{b}年",
                      (f"{first}—{first + 4}年",))
    for m in finditer_in(_PLAN_YEAR, text, lines_holding(text, "之年")):  # a match lies in one line
        first = _PLANS[m.group(2)]
        right = first if m.group(3) in ("开局", "起步") else first + 4
        if int(m.group(1)) != right:
            yield Hit(m.start(1), m.end(1) + 1, f"“{m.group(2)}”的{m.group(3)}之年是{right}年，不是{m.group(1)}年",
                      (f"{right}年",))


# Events whose anniversaries documents name, by the year they happened.
_EVENTS = {"新中国成立": 1949, "中华人民共和国成立": 1949, "中国共产党成立": 1921, "建党": 1921, "改革开放": 1978,
           "抗日战争胜利": 1945, "抗战胜利": 1945, "世界反法西斯战争胜利": 1945, "香港回归祖国": 1997,
           "香港回归": 1997, "澳门回归祖国": 1999, "澳门回归": 1999, "五四运动": 1919, "辛亥革命": 1911,
           "红军长征胜利": 1936, "中国人民解放军建军": 1927, "建军": 1927, "西藏和平解放": 1951}
_ANNIVERSARY = re.compile(r"(\d{4})年是[^。；！\n]{0,30}?(" + "|".join(sorted(_EVENTS, key=len, reverse=True))
                          + r")([0-9]{1,3}|[一二三四五六七八九十百零〇]{1,6})周年")


def _count(s: str) -> int | None:
    """75, 七十五, 一百, 一百零三 → the number."""
    if s.isdigit():
        return int(s)
    if "百" in s:
        head, _, tail = s.partition("百")
        hundreds = zh_number(head) if head else 1
        rest = zh_number(tail.lstrip("零〇")) if tail.strip("零〇") else 0
        return None if hundreds is None or rest is None else hundreds * 100 + rest
    return zh_number(s)


@rule(
    id="date.anniversary-years",
    category="date",
    severity="warning",
    summary="纪念年份与周年数不符",
    doc="""\
What it does: in a sentence that says which anniversary a year is (2024年是新中国成立75周年), checks the
number against the event's year: 新中国成立 1949, 建党 1921, 改革开放 1978, 抗战胜利 1945, 香港回归 1997 ….

Why is this bad? The anniversary is the year minus the event's year; a wrong number in a
commemorative sentence is the kind of error readers notice first.""",
    references=("GB/T 15835-2011 §4.1（计量、计数）", "各纪念活动的官方表述"),
    examples=[
        bad("2024年是新中国成立70周年，各地要精心组织纪念活动。", at="70"),
        bad("2021年是中国共产党成立一百零一周年。", at="一百零一"),
        good("2024年是新中国成立75周年；2021年是中国共产党成立100周年；2025年是抗战胜利八十周年。"),
    ],
)
def anniversary_years(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if "周年" not in text:
        return
    for m in _ANNIVERSARY.finditer(text):
        right = int(m.group(1)) - _EVENTS[m.group(2)]
        written = _count(m.group(3))
        if written is not None and right > 0 and written != right:
            yield Hit(m.start(3), m.end(3), f"{m.group(1)}年是{m.group(2)}{right}周年，不是{m.group(3)}周年",
                      (str(right),) if m.group(3).isdigit() else ())


# The National People's Congress: the year each term's first session met (five years a term since
# the fifth, 1978); its K-th session meets in the term's K-th year.
_NPC_FIRST = {5: 1978, 6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023, 15: 2028}
_NPC_SESSION = re.compile(r"(\d{4})年\d{1,2}月\d{1,2}日[在　 ]*第([一二三四五六七八九十]+)届全国人民代表大会"
                          r"第([一二三四五六七八九十]+)次会议")


@rule(
    id="date.npc-session-year",
    category="date",
    severity="warning",
    summary="全国人民代表大会第几次会议与年份不符",
    doc="""\
What it does: checks a date given with a session of the National People's Congress (2024年3月11日第十四届
全国人民代表大会第二次会议通过) against the session: the K-th session of a term meets in the term's K-th
year (第十四届 from 2023: 第一次会议 2023, 第二次会议 2024 …). Sessions of its Standing Committee are not read.

Why is this bad? The 题注 of a law and the heading of a work report date the text by this session;
a year that does not fit it misdates the law or the report.""",
    references=("《中华人民共和国宪法》第六十条、第六十一条（全国人民代表大会每届任期五年，每年举行一次会议）",),
    examples=[
        bad("（2023年3月11日第十四届全国人民代表大会第二次会议通过）", at="2023年"),
        good("（2024年3月11日第十四届全国人民代表大会第二次会议通过）"),
        good("2018年12月29日第十三届全国人民代表大会常务委员会第七次会议通过"),
    ],
)
def npc_session_year(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if "全国人民代表大会第" not in text:
        return
    for m in _NPC_SESSION.finditer(text):
        term, session = zh_number(m.group(2)), zh_number(m.group(3))
        if term not in _NPC_FIRST or session is None or not 1 <= session <= 5:
            continue
        right = _NPC_FIRST[term] + session - 1
        if int(m.group(1)) != right:
            yield Hit(m.start(1), m.end(1) + 1, f"第{m.group(2)}届全国人民代表大会第{m.group(3)}次会议在{right}年举行，"
                      f"此处写作{m.group(1)}年", (f"{right}年",))


@hookimpl
def doccheck_rules():
    return [nonexistent, weekday_mismatch, issue_date_form, number_year_mismatch, printed_before_issue,
            deadline_before_issue, non_working_day, written_form, plan_years, anniversary_years, npc_session_year]
