"""Numeral rules (GB/T 15835-2011 《出版物上数字用法》).

Sub-clause numbers are cited only where checked; otherwise the standard and
the topic (shared/domain §5)."""

from __future__ import annotations

import re
import string
from typing import Iterator

from ..chinese import is_han
from ..dates import ZH_DIGIT, zh_number
from ..findings import Hit
from ..hookspecs import hookimpl
from ..resources import Resource
from ..rule import bad, good, rule
from ..stretches import Led, finditer_in, search_in

STD = "GB/T 15835-2011"
_FULL_DIGITS = re.compile(r"[０-９]+(?:[．.][０-９]+)?")


@rule(
    id="number.full-width-digits",
    category="number",
    severity="warning",
    summary="使用了全角数字",
    doc="""\
What it does: finds full-width digits (２０２５) and replaces them with ordinary Arabic digits.

Why is this bad? GB/T 15835-2011 uses Arabic digits in their half-width form; full-width digits
look alike on screen but break searching, sorting and the 发文字号 register.""",
    references=(f"{STD}（阿拉伯数字的书写）",),
    examples=[
        bad("请于２０２５年５月６日前报送。", fixed="请于2025年5月6日前报送。"),
        good("请于2025年5月6日前报送。"),
    ],
)
def full_width_digits(doc, ctx) -> Iterator[Hit]:
    if not any(d in doc.text for d in "０１２３４５６７８９"):
        return  # ten searches for one character cost a seventh of the class test at every character
    for m in _FULL_DIGITS.finditer(doc.text):
        right = m.group().translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
        yield Hit.fixing(m.start(), m.end(), f"数字应使用半角阿拉伯数字“{right}”，不用全角“{m.group()}”（{STD}）", right)


# 25年5月, 25年度, 25年底: a year cut to two digits. Not 25年来, 服役25年, 25年间. With a
# leading zero (09年) it can only be a year.
# The expressions below open with a digit they consume, and test what stands before it after: Python's
# engine then skips to the digits instead of trying the look-behind at every character
# (tests/test_expressions.py holds each to its plain form, the look-behind first).
_SHORT_YEAR = Led(re.compile(r"([0-9](?<![\d.０-９][0-9])[0-9])年(?=\d{1,2}月|度|底|初|上半年|下半年|第[一二三四]季度|春|秋|起(?!码))"
                             r"|(0(?<![\d.０-９]0)[0-9])年"), "0123456789", starts_number=".")


@rule(
    id="number.abbreviated-year",
    category="number",
    severity="error",
    summary="年份简写",
    doc="""\
What it does: finds years written with two digits: 25年5月, 25年度, 25年底.

Why is this bad? GB/T 15835-2011: 年份一般不应简写 — 2025年, not 25年. A two-digit year is ambiguous
in records that outlive the century.""",
    references=(f"{STD}（年份不简写）",),
    examples=[
        bad("25年5月起施行。", at="25年"),
        bad("完成24年度目标。", at="24年"),
        bad("09年完成验收。", at="09年"),
        good("全市已连续25年实现安全度汛。"),
        good("2025年5月起施行。"),
    ],
)
def abbreviated_year(doc, ctx) -> Iterator[Hit]:
    for m in finditer_in(_SHORT_YEAR, doc.text, doc.digit_stretches):
        right = f"20{m.group(1) or m.group(2)}年"
        yield Hit(m.start(), m.end(), f"年份不应简写，“{m.group()}”应写作“{right}”（{STD}）", (right,))


# Every branch starts where a run starts (the lookbehinds): without them a long run of
# digits or 一 is rescanned from each of its positions, time quadratic in its length.
_MIXED = re.compile(
    # 千 before a unit is its prefix (35千伏, 4500千克), not the numeral
    r"(?<!\d)\d+(?:千(?![伏瓦克米帕焦赫卡])|百)\d*(?:万|亿)?|(?<!\d)\d+万\d+千?(?![伏瓦克米帕焦赫卡])"
    r"|(?<![〇一二三四五六七八九十])[〇一二三四五六七八九十]+\d+(?=年|月|日|万|亿|元)"
    r"|(?<!\d)\d+[〇一二三四五六七八九](?=年)"
)


def _mixes(text: str, stretches) -> bool:
    """Whether ``_MIXING`` matches in ``text`` (whose digits lie in ``stretches``)."""
    return any(search_in(side, text, stretches) is not None for side in (_DIGIT_THEN_ZH, _DIGIT_AFTER_ZH))


@rule(
    id="number.mixed-numerals",
    category="number",
    severity="warning",
    summary="一个数值中混用阿拉伯数字和汉字数字",
    doc="""\
What it does: finds one number written partly in Arabic and partly in Chinese numerals: 5千元,
2万3千, 二〇25年; and one date whose year and month are in different scripts (二〇二五年3月6日). 万 and 亿 after Arabic digits are units and are fine (3万元, 1.5亿元).

Why is this bad? GB/T 15835-2011 keeps a number in one script: 5000元 or 五千元, never 5千元.""",
    references=(f"{STD}（同一数值不混用两种数字）",),
    examples=[
        bad("共投入资金5千元。", at="5千"),
        bad("二〇25年工作要点", at="二〇25"),
        bad("请于二〇二五年3月6日前报送。", at="二〇二五年3月6日"),  # one date, two scripts
        good("二〇二五年三月六日；2025年3月6日。"),
        good("共投入资金5000元，其中3万元用于培训，1.5亿元用于建设。"),
        good("第一百二十三条"),
        good("35千伏及以上线路；总质量4500千克及以下的货车。"),
    ],
)
def mixed_numerals(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    # each branch of _MIXED holds one of _MIXING's matches: a tenth of its scan; both need a digit, so
    # only the lines with one are read (over the whole text the test cost as much as it saved)
    if _mixes(text, doc.digit_stretches):
        for m in finditer_in(_MIXED, text, doc.digit_stretches):
            yield Hit(m.start(), m.end(), f"“{m.group()}”混用了阿拉伯数字和汉字数字，同一数值应使用同一种数字（{STD}）")
    if not search_in(_DATE_MIXING, text, doc.digit_stretches):
        return
    for m in finditer_in(_MIXED_DATE, text, doc.digit_stretches):
        yield Hit(m.start(), m.end(), f"日期“{m.group()}”的年与月日混用了汉字数字和阿拉伯数字，一个日期应使用同一种数字（{STD}）")


# Where the two scripts meet inside a number (5千, 3万5, 二〇25, 202五) and inside a date (二〇二五年3, 2025年三)
_MIXING = re.compile(r"\d[千百〇一二三四五六七八九]|\d万\d|[〇一二三四五六七八九十]\d")  # what _mixes() looks for
# its two sides, each read where it can stand: a digit with a numeral (or 万) next, a digit after a numeral
_DIGIT_THEN_ZH = Led(re.compile(r"\d[千百〇一二三四五六七八九]|\d万\d"), "", decimal=True, then="千百〇一二三四五六七八九万")
_DIGIT_AFTER_ZH = Led(re.compile(r"\d(?<=[〇一二三四五六七八九十]\d)"), "", decimal=True, after="〇一二三四五六七八九十")
_DATE_MIXING = Led(re.compile(r"[〇零一二三四五六七八九十]年\d|\d年[〇零一二三四五六七八九十]"), "〇零一二三四五六七八九十", decimal=True,
                   then="年")  # a digit is tried only where 年 follows it

# 二〇二五年3月6日, 2025年三月六日: one date, two scripts
_ZH_DIGIT = "〇零一二三四五六七八九十"
_MIXED_DATE = re.compile(rf"[{_ZH_DIGIT}]{{4}}年\d{{1,2}}月(?:\d{{1,2}}日)?|(?<!\d)\d{{4}}年[{_ZH_DIGIT}]{{1,2}}月(?:[{_ZH_DIGIT}]{{1,3}}日)?")


_UNIT = r"(?:%|‰|万元|亿元|万|亿|元|℃|人次|人|个|家|次|天|小时|公里|千米|米|吨|亩|公顷|岁|项|件|所|辆|台|套|平方米|立方米)"
_PCT_RANGE = Led(re.compile(r"(\d(?<![\d.]\d)\d*(?:\.\d+)?)([～~—－-]|至|到)(\d+(?:\.\d+)?)(%|‰|万元|亿元|万|亿)"), "",
                 decimal=True, starts_number=".")
# 5月1日-5日, 3月-5月: a span of dates joined by a hyphen after its first 月 or 日
_DATE_RANGE = re.compile(r"[-－](?<=\d[月日][-－])(?=\d{1,4}[年月日])")
_HYPHEN_RANGE = Led(re.compile(r"(\d(?<![\d.A-Za-z-]\d)\d*(?:\.\d+)?)[-－](\d+(?:\.\d+)?)(?=" + _UNIT + r"|年|月|日)"), "",
                    decimal=True, starts_number=".-" + string.ascii_letters)


@rule(
    id="number.range-form",
    category="number",
    severity="warning",
    summary="数值范围的写法",
    doc="""\
What it does: checks ranges of numbers. A range with % or a unit that changes the number's magnitude
repeats it on both ends (15%～30%, not 15～30%; 13万元～17万元, not 13～17万元); a range is joined by
a 浪纹线 ～ (numbers) or a 一字线 — (years), not a hyphen.

Why is this bad? GB/T 15835-2011 on ranges; GB/T 15834-2011 §4.13 (连接号): the short hyphen is for
phone numbers and codes, not for ranges. 15～30% can be read as 15 to 30 percent or 15 to 0.3.""",
    references=(f"{STD}（数值范围）", "GB/T 15834-2011 §4.13（连接号）"),
    examples=[
        bad("增长幅度控制在15～30%。", fixed="增长幅度控制在15%～30%。"),
        bad("每人补助13～17万元。", fixed="每人补助13万元～17万元。"),
        bad("气温5-10℃。", fixed="气温5～10℃。"),
        bad("2024-2025年度工作计划", fixed="2024—2025年度工作计划"),
        bad("培训时间为8月3日-7日。", fixed="培训时间为8月3日—7日。"),  # a span of dates
        good("培训时间为8月3日—7日，报名时间为7月1日至15日。"),
        good("增长幅度控制在15%～30%，气温5～10℃，电话0551-12345678。"),
    ],
)
def range_form(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    taken = set()
    for m in finditer_in(_PCT_RANGE, text, doc.digit_stretches):
        a, sep, b, unit = m.groups()
        sep_out = "～" if sep in "~-－—" else sep
        right = f"{a}{unit}{sep_out}{b}{unit}"
        taken.add(m.start())
        yield Hit.fixing(m.start(), m.end(), f"数值范围的两端都应带上“{unit}”：“{right}”（{STD}）", right)
    for m in finditer_in(_HYPHEN_RANGE, text, doc.digit_stretches):
        if m.start() in taken:
            continue
        a, b = m.group(1), m.group(2)
        if a.startswith("0") and len(a) >= 3:
            continue  # 0551-12345678: a phone number
        after = text[m.end():m.end() + 1]
        is_years = len(a) == 4 and len(b) == 4 and after == "年"
        sep = "—" if is_years else "～"
        right = f"{a}{sep}{b}"
        yield Hit.fixing(m.start(), m.end(), f"表示{'时间' if is_years else '数值'}范围用“{sep}”，不用短横线“-”"
                                      f"（GB/T 15834-2011 §4.13）", right)
    for m in finditer_in(_DATE_RANGE, text, doc.digit_stretches):
        yield Hit.fixing(m.start(), m.end(), "表示时间范围用一字线“—”（或“至”），不用短横线“-”（GB/T 15834-2011 §4.13）", "—")


_THOUSANDS = Led(re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![\d,])"), "", decimal=True,
                 starts_number=".,")


@rule(
    id="number.thousands-separator",
    category="number",
    severity="info",
    summary="中文行文中的数值使用了千分撇",
    doc="""\
What it does: finds numbers split with thousands commas (1,200万元) inside Chinese text.

Why is this bad? GB/T 15835-2011: in non-technical text numbers are usually not grouped, and in
Chinese text a half-width comma reads as punctuation. Write 1200万元 (or use 万/亿).""",
    references=(f"{STD}（多位数的分节）",),
    examples=[
        bad("共投入1,200万元。", fixed="共投入1200万元。"),
        good("共投入1200万元。"),
        good("Revenue was 1,200 million."),
    ],
)
def thousands_separator(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    for m in finditer_in(_THOUSANDS, text, doc.digit_stretches):
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        if not (is_han(before) or is_han(after)):
            continue
        right = m.group().replace(",", "")
        yield Hit.fixing(m.start(), m.end(), f"中文行文中的数值一般不分节，“{m.group()}”宜写作“{right}”（{STD}）", right)


# Issues, batches, sessions. Not 号: proposals and motions are numbered with zeros on
# purpose (政协提案第0123号).
_PADDED_SERIAL = re.compile(r"第(0+)([1-9]\d*)(?=[期批次届])")


@rule(
    id="number.padded-serial",
    category="number",
    severity="warning",
    summary="序号编了虚位",
    doc="""\
What it does: finds serial numbers padded with zeros after 第: 第01期, 第005号.

Why is this bad? 公文 numbers are written without 虚位 (GB/T 9704-2012 §7.2.5 for the 发文字号,
and the same practice for other serial numbers): 第1期, not 第01期.""",
    references=("GB/T 9704-2012 §7.2.5（不编虚位）", STD),
    examples=[
        bad("《政务信息》第05期", fixed="《政务信息》第5期"),
        good("《政务信息》第5期，第10号"),
        good("关于对市政协十二届四次会议第0123号提案的答复函"),
    ],
)
def padded_serial(doc, ctx) -> Iterator[Hit]:
    for m in finditer_in(_PADDED_SERIAL, doc.text, doc.digit_stretches):
        right = f"第{m.group(2)}"
        yield Hit.fixing(m.start(), m.end(), f"序号不编虚位：“{m.group()}”应写作“{right}”", right)


# A year in Chinese numerals: 二〇一九年. Its zero is 〇, not 零, a circle ○, or a letter or digit O/0.
# (Its first numeral is matched before the look-behind that tests the character before it: an expression
# that opens with a look-behind is tried at every character, one that opens with a character class lets
# the engine skip to the characters of the class. tests/test_expressions.py holds such forms to the plain one.)
_YEAR_DIGITS = "〇零○OoＯ0一二三四五六七八九"
_ZH_YEAR = Led(re.compile(r"([〇零○OoＯ0一二三四五六七八九](?<![〇零○OoＯ0一二三四五六七八九十百千万第].)[〇零○OoＯ0一二三四五六七八九]{1,3})"
                          r"年(?![级龄代纪])"), _YEAR_DIGITS, then=_YEAR_DIGITS)
_ZEROES = "零○OoＯ0"
# An Arabic year with a letter among its digits: 2O19年, 2OI9年.
_LETTER_YEAR = Led(re.compile(r"(?<![\w])(?=[0-9OoIl]{4}年)(?=(?:[OoIl]*[0-9]){2})(?=[0-9]*[OoIl])([0-9OoIl]{4})(?=年)"),
                   "0123456789OoIl", then="年", then_at=4)  # four characters and 年: tried where 年 stands four on


@rule(
    id="number.year-form",
    category="number",
    severity="warning",
    summary="年份的写法：汉字年份的“〇”、年份中混入字母",
    doc="""\
What it does: in a year written in Chinese numerals, finds a zero written 零, as a circle ○ or as the
letter O (二零一九年, 二○○九年, 二OO九年 → 二〇〇九年), and a two-numeral year (一〇年 → 2010年); in a
year in Arabic numerals, a letter among the digits (2O19年 → 2019年).

Why is this bad? GB/T 15835-2011 writes the zero of a Chinese-numeral year as 〇, and a year is not
shortened; a letter O in 2O19 looks like a digit on screen but is not one: searches and sorting miss
the document.""",
    references=(f"{STD}（汉字数字“〇”；年份不简写）",),
    examples=[
        bad("二零一九年是全面建成小康社会的关键之年。", at="二零一九"),
        bad("二OO九年", at="二OO九"),
        bad("2O19年，我们要统筹推进各项工作。", at="2O19"),
        bad("一零年", at="一零"),
        good("二〇一九年；2019年；三五年内完成；八九十年代；一二年级。"),
    ],
)
def year_form(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    for m in _ZH_YEAR.finditer(text):
        run = m.group(1)
        if not any(c in "一二三四五六七八九" for c in run):
            continue
        if len(run) == 2 and not any(c in _ZEROES + "〇" for c in run):
            continue  # 三五年: three to five years
        fixed = "".join("〇" if c in _ZEROES else c for c in run)
        if len(run) == 2:
            yield Hit(m.start(1), m.end(1), f"年份不应简写为“{run}年”，应写全（如2010年）（{STD}）")
        elif fixed != run:
            yield Hit.fixing(m.start(1), m.end(1), f"汉字年份中的零应写作“〇”：“{run}”应为“{fixed}”（{STD}）", fixed)
    for m in finditer_in(_LETTER_YEAR, text, doc.digit_stretches):
        fixed = m.group(1).translate(str.maketrans("OoIl", "0011"))
        yield Hit(m.start(1), m.end(1), f"年份“{m.group(1)}”中混入了字母，应为“{fixed}”（{STD}）", (fixed,))


_ZH_CENTURY = re.compile(r"([一二](?<![〇一二三四五六七八九十][一二])十[一二]?)世纪"
                         r"|([一二三四五六七八九](?<![〇一二三四五六七八九十][一二三四五六七八九])十)年代")


@rule(
    id="number.century-decade",
    category="number",
    severity="warning",
    summary="公历世纪、年代用阿拉伯数字",
    doc="""\
What it does: finds a Gregorian century or decade written in Chinese numerals: 二十世纪 → 20世纪,
八十年代 → 80年代.

Why is this bad? GB/T 15835-2011 uses Arabic numerals for the Gregorian century, decade, year, month
and day (its own example: 20世纪80年代).""",
    references=(f"{STD}（公历世纪、年代、年、月、日用阿拉伯数字）",),
    examples=[
        bad("二十世纪80年代", fixed="20世纪80年代"),
        bad("上世纪八十年代以来", fixed="上世纪80年代以来"),
        good("20世纪80年代；八九十年代；十年代"),
    ],
)
def century_decade(doc, ctx) -> Iterator[Hit]:
    if "世纪" not in doc.text and "年代" not in doc.text:
        return  # every match ends in one of them: a substring test is far cheaper than the scan
    for m in _ZH_CENTURY.finditer(doc.text):
        zh = m.group(1) or m.group(2)
        right = str(zh_number(zh))
        yield Hit.fixing(m.start(), m.start() + len(zh), f"公历世纪、年代应使用阿拉伯数字：“{zh}”应写作“{right}”（{STD}）",
                         right)


_NUMERALS = "一二三四五六七八九两"
_AS_DIGIT = {c: str(ZH_DIGIT[c]) for c in "一二三四五六七八九"} | {"两": "2"}
# A numeral followed by one of these counts or measures something: 1个多月 may be written with a figure.
_MEASURE = set("个年月日天次名人项条多余万千百十周季届批级类种件家位倍成号期轮层起元度户所座台辆吨亩米岁"
               "分秒时点版部章节款页步组队块张份套根只班间处段")
_MIN_FREQ = 3  # jieba gives idioms low counts (三心二意 56, 五讲四美 4)


def load_numeral_words(resources=None) -> dict[str, str]:
    """Fixed words of four characters with numerals as morphemes (七上八下, 三令五申, 四面八方), from
    jieba's dictionary, keyed by how they look with figures (7上8下)."""
    from importlib.metadata import version

    from ..resources import cached_on_disk

    def derive() -> dict[str, str]:
        import jieba

        out: dict[str, tuple[str, int]] = {}
        with jieba.dt.get_dict_file() as fh:
            for line in fh:
                parts = line.decode("utf-8").split()
                w = parts[0]
                if len(w) != 4 or len(parts) < 2 or int(parts[1]) < _MIN_FREQ:
                    continue
                nums = [i for i, c in enumerate(w) if c in _NUMERALS]
                if not nums or len(nums) == 4 or any(i + 1 < 4 and w[i + 1] in _MEASURE or
                                                     i + 1 < 4 and w[i + 1] in _NUMERALS for i in nums):
                    continue
                key, f = "".join(_AS_DIGIT.get(c, c) for c in w), int(parts[1])
                if key not in out or f > out[key][1]:  # 3心2意: 三心二意, the commoner of 三心二意/三心两意
                    out[key] = (w, f)
        return {k: w for k, (w, _) in out.items()}

    return cached_on_disk("numeral-words", (version("jieba"), sorted(_MEASURE), _MIN_FREQ, "commonest"), derive)


_LONE_DIGIT = Led(re.compile(r"[1-9](?<![\d.．%][1-9])(?![\d.．%])"), "123456789", starts_number=".．%")


@rule(
    id="number.fixed-word-digits",
    category="number",
    severity="warning",
    summary="定型词语、成语中的数字用汉字",
    doc="""\
What it does: finds a fixed word of four characters whose numerals are morphemes written as figures:
7上8下 → 七上八下, 3令5申 → 三令五申, 4面8方 → 四面八方. The words come from jieba's dictionary; a
figure that counts or measures (1个月内, 3年1次) is left alone.

Why is this bad? GB/T 15835-2011 §4.2.3: numerals in words, set phrases and idioms that have become
fixed are written in Chinese (its own example is 七上八下). With figures the idiom reads as a count.""",
    references=(f"{STD} §4.2.3（已定型的含汉字数字的词语）",),
    examples=[
        bad("上级部门3令5申，一些单位仍然我行我素。", fixed="上级部门三令五申，一些单位仍然我行我素。"),
        bad("对待工作不能3心2意。", fixed="对待工作不能三心二意。"),
        good("上级部门三令五申，一些单位仍然我行我素。"),
        good("全市共有3个片区8个街道，每1年1次考核。"),
        good("完成率为3.5%，第3季度同比增长8%。"),
    ],
)
def fixed_word_digits(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    words = None
    for m in finditer_in(_LONE_DIGIT, text, doc.digit_stretches):
        i = m.start()
        if words is None:
            words = ctx.resource("numeral-words")
        for start in range(max(0, i - 3), i + 1):
            got = words.get(text[start:start + 4])
            if got and (start == 0 or not text[start - 1].isdigit()) and not text[start + 4:start + 5].isdigit():
                yield Hit.fixing(start, start + 4, f"定型词语中的数字应用汉字：“{text[start:start + 4]}”应为“{got}”"
                                                    f"（{STD} §4.2.3）", got)
                break


def zh_percent(s: str) -> str | None:
    """二十 → 20, 二十五点五 → 25.5, 一百 → 100, 五 → 5; None for what is no plain numeral."""
    whole, _, frac = s.replace("两", "二").partition("点")
    n = 100 if whole == "一百" else zh_number(whole)
    if n is None or not all(c in ZH_DIGIT for c in frac):
        return None
    return str(n) + ("." + "".join(str(ZH_DIGIT[c]) for c in frac) if frac else "")


_PERCENT_WORDS = re.compile(r"百分之([零〇一二两三四五六七八九十百点]{1,6})")
# A statistic: a figure that grew, fell, was reached or makes up a share.
_STATISTIC = re.compile(r"(?:同比|环比|增长|下降|提高|降低|上升|回落|增幅|降幅|占|比重|达到|达|完成率|覆盖率|"
                        r"合格率|增加|减少|超过|不低于|不高于|以上|以下)[^。；，\n]{0,6}$")


@rule(
    id="number.percent-in-words",
    category="number",
    severity="warning",
    summary="统计数据中的百分数用阿拉伯数字",
    doc="""\
What it does: finds a percentage written in words where the text gives a statistic — 同比增长百分之二十
→ 同比增长20%, 占比达到百分之三十五点五 → 35.5%. Laws and regulations, which write their figures in
words by drafting convention (处货值金额百分之二十以下的罚款), are left alone, and so is a percentage that
no statistic word comes right before.

Why is this bad? GB/T 15835-2011 §4.1.1: numbers used to count and measure are written in Arabic
numerals (its examples: 34.05%, 63%～68%), which a reader compares at a glance.""",
    references=(f"{STD} §4.1.1（用于计量的数字）",),
    examples=[
        bad("全市地区生产总值同比增长百分之十二。", fixed="全市地区生产总值同比增长12%。"),
        bad("优良天数比例达到百分之八十五点五。", fixed="优良天数比例达到85.5%。"),
        good("全市地区生产总值同比增长12%。"),
        good("违反本条例规定的，处货值金额百分之二十以下的罚款。"),  # in a law, figures stay words
    ],
    skip_kinds=("规范性文件",),
)
def percent_in_words(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if "百分之" not in text:
        return
    for m in _PERCENT_WORDS.finditer(text):
        value = zh_percent(m.group(1))
        if value is None or not _STATISTIC.search(text, max(0, m.start() - 12), m.start()):
            continue
        if re.match(r"[以]?[上下内]?的?(?:罚款|罚金)", text[m.end():m.end() + 6]):
            continue  # a fine's rate in a penalty clause, wherever it stands
        yield Hit.fixing(m.start(), m.end(), f"统计数据中的百分数应使用阿拉伯数字：“{m.group()}”应写作“{value}%”"
                                             f"（{STD} §4.1.1）", f"{value}%")


@hookimpl
def doccheck_resources():
    return [Resource("numeral-words", load_numeral_words, "含汉字数字的四字定型词语（来自 jieba 词典）")]


@hookimpl
def doccheck_rules():
    return [full_width_digits, abbreviated_year, mixed_numerals, range_form, thousands_separator, padded_serial,
            year_form, century_decade, fixed_word_digits, percent_in_words]
