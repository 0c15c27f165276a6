"""The 发文字号 (document number), in one place: 机关代字 + 〔年份〕 + 顺序号 + 号
(GB/T 9704-2012 §7.2.5). The pattern is deliberately loose, so that wrong
brackets, short years, 虚位 and 第 are found and reported, not missed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .stretches import Led

OPENERS = "〔[【(（［〖{｛"
CLOSERS = "〕]】)）］〗}｝"

_PATTERN = re.compile(
    # A number quoted without its 机关代字 ([2021]21号) is still a 发文字号, when its brackets
    # are square ones: (2021)3号 may be anything.
    # the 机关代字 may carry a bracketed kind: 市十中（函）字, 某政（办）发
    r"(?:(?P<org>[\u4e00-\u9fff]{1,10}(?:[（(][\u4e00-\u9fff]{1,2}[）)][\u4e00-\u9fff]{0,2})?)(?P<open>[" + re.escape(OPENERS) + r"])"
    r"|(?<![\u4e00-\u9fff])(?P<open2>[〔\[【［〖]))[ \u3000]*"
    # empty: 〔〕75号, the year lost; ××07: the century left as a placeholder
    r"(?P<year>\d{2,4}|[〇零一二三四五六七八九]{4}|[×XxＸ]{1,2}\d{2}|)[ \u3000]*"
    r"(?P<close>[" + re.escape(CLOSERS) + r"])[ \u3000]*"
    # the serial in brackets of its own: [2024][12号], 〔2024〕〔12〕号
    r"(?P<zi>字)?(?P<di>第)?(?P<sopen>[\[【［〔])?(?P<serial>\d{1,5})[ \u3000]*"
    r"(?(sopen)(?:(?P<sclose>[\]】］〕])[ \u3000]*号|号[ \u3000]*(?P<sclose2>[\]】］〕]))|号)"
)
# Words that commonly stand right before a cited number and are not part of the 机关代字.
_LEAD = re.compile(
    r"^.*(?:根据|按照|依据|依照|遵照|参照|参见|对照|结合|贯彻|落实|执行|印发|转发|下发|详见|见|即|和|及|与|或|的|是|以|经|将|"
    r"对|由|在|为|了|按|据|从|自|同)"
)


@dataclass(frozen=True, slots=True)
class DocNumber:
    start: int
    end: int
    org: str
    org_start: int
    open: str
    year: str
    close: str
    di: bool
    serial: str
    text: str
    zi: bool = False  # 〔1992〕字第36号, an old form
    serial_open: str = ""  # [2024][12号]: the serial in brackets of its own
    serial_close: str = ""
    serial_close_after: bool = False  # the closer after 号 ([12号]) rather than before it ([12]号)

    @property
    def year_value(self) -> int | None:
        return int(self.year) if self.year.isdigit() and len(self.year) == 4 else None

    @property
    def normalized(self) -> str:
        """The correct form, as far as it can be known from what was written."""
        year = self.year if len(self.year) == 4 and self.year.isdigit() else self.year
        serial = str(int(self.serial)) if self.serial.isdigit() else self.serial
        return f"{self.org}〔{year}〕{serial}号"

    def problems(self) -> list[str]:
        if not self.year:
            return ["年份缺失（“〔〕”中应填写四位年份）"]
        out = []
        if self.zi:
            out.append("年份之后不加“字”（旧式“〔1992〕字第36号”）")
        if self.open != "〔" or self.close != "〕":
            out.append(f"年份应使用六角括号“〔〕”，不用“{self.open}{self.close}”")
        if not (self.year.isdigit() and len(self.year) == 4):
            out.append("年份应使用阿拉伯数字写全四位，不得简写")
        if self.di:
            out.append("顺序号前不加“第”")
        if self.serial.startswith("0"):
            out.append("顺序号不编虚位（如 1 不写作 01）")
        if self.serial_open:
            out.append("顺序号不加括号")
        serial = (f"{self.serial}号{self.serial_close}" if self.serial_close_after
                  else f"{self.serial}{self.serial_close}号")
        if self.text != (f"{self.org}{self.open}{self.year}{self.close}{'字' if self.zi else ''}"
                         f"{'第' if self.di else ''}{self.serial_open}{serial}"):
            out.append("发文字号中不应有空格")
        return out


# Where a number can be: its bracket, year, closing bracket and serial. Scanning for these first and
# matching _PATTERN only just before them finds the same numbers as scanning _PATTERN over the whole
# text, which tries ten characters of 机关代字 at every Han character (a tenth of the anatomy's time).
_ANCHOR = Led(re.compile(
    r"[" + re.escape(OPENERS) + r"][ \u3000]*(?:\d{2,4}|[〇零一二三四五六七八九]{4}|[×XxＸ]{1,2}\d{2}|)[ \u3000]*"
    r"[" + re.escape(CLOSERS) + r"][ \u3000]*字?第?[\[【［〔]?\d"), OPENERS)
_BEFORE = 16  # 机关代字 (10) and a bracketed kind with its 字 (（函）字): how far before the bracket a number starts


def _matches(text: str, start: int, end: int):
    """_PATTERN.finditer(text, start, end), found from the anchors."""
    pos = start
    for a in _ANCHOR.finditer(text, start, end):
        if a.start() < pos:
            continue
        m = _PATTERN.search(text, max(pos, a.start() - _BEFORE), end)
        if m is None:
            return
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


def find_doc_numbers(text: str, start: int = 0, end: int | None = None) -> Iterator[DocNumber]:
    end = len(text) if end is None else end
    for m in _matches(text, start, end):
        if m.group("org") is None:
            org, s, opener = "", m.start(), m.group("open2")
        else:
            org = m.group("org")
            lead = _LEAD.match(org)
            cut = lead.end() if lead else 0
            if cut >= len(org):
                continue
            org = org[cut:]
            s, opener = m.start("org") + cut, m.group("open")
        if not m.group("year") and (opener not in "〔[【［" or not org):
            continue  # （）3号 may be anything; an empty 〔〕 after a 机关代字 is a number that lost its year
        yield DocNumber(
            start=s, end=m.end(), org=org, org_start=s, open=opener, year=m.group("year"),
            close=m.group("close"), di=bool(m.group("di")), serial=m.group("serial"), text=text[s:m.end()],
            zi=bool(m.group("zi")), serial_open=m.group("sopen") or "",
            serial_close=m.group("sclose") or m.group("sclose2") or "", serial_close_after=bool(m.group("sclose2")),
        )
