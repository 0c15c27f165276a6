"""公文 anatomy: the parts of a draft (GB/T 9704-2012 §7; 条例 第九条) and its
文种 (条例 第八条), recognised once per Document and shared by every rule.

Real drafts are messy: full-width spaces for alignment, no 版头 at all (many
start at the title), titles broken over two lines, signature blocks pushed
right with spaces. Recognition works line by line on stripped text and keeps
the offsets of the original.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .dates import DateMention, find_dates
from .docnumber import DocNumber, find_doc_numbers
from .stretches import iter_lines

try:
    from ._wordtable import line_rows
except ImportError:  # built without a compiler
    line_rows = None

if TYPE_CHECKING:
    from .draft import Draft

DOCTYPES = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
            "请示", "批复", "议案", "函", "纪要")
UPWARD = {"请示", "报告", "议案"}  # 上行文
# Titles of texts that are not 公文 by themselves (gongwen-rules.md §1).
NON_GONGWEN = re.compile(
    r"(讲话|讲话稿|发言|发言稿|致辞|讲稿|主持词|主持稿|演讲|报告会|心得体会|体会|总结|述职报告|调研报告|"
    r"汇报提纲|提纲|方案|规划|计划|倡议书|简报|访谈|答记者问|评论|综述|纪实|侧记)$"
)
_SPACES = " \t\u3000\u00a0"
_MD_PREFIX = re.compile(r"^(#{1,6}\s+|\*\*)")
_HEADING_PATTERNS = (
    (1, re.compile(r"^(?P<num>[一二三四五六七八九十]+)(?P<sep>[、，,.．])")),
    (2, re.compile(r"^(?P<open>[（(])(?P<num>[一二三四五六七八九十]+)(?P<close>[）)])")),
    # 3.2021年起……: a heading whose text opens with a year, not the decimal 3.2021
    (3, re.compile(r"^(?P<num>\d{1,2})(?P<sep>[.．、])(?:(?!\d)|(?=\d{4}年))")),
    (4, re.compile(r"^(?P<open>[（(])(?P<num>\d{1,2})(?P<close>[）)])")),
)
# The 成文日期 line; template stand-ins (20XX年X月X日) count, so that the line is
# recognised and the placeholder rule, not a "missing date" rule, reports it.
_RULE_CHARS = "—-─━_＿="  # a line of these alone is a rule of the 版记
_DATE_LINE = re.compile(
    r"^[（(]?(?:[\dXx×○]{2,4}|[〇零○Ｏ一二三四五六七八九]{2,4})[ \u3000]*年.{1,8}[日号][）)]?$"
    r"|^(?:19|20)\d{2}[.．/\-]\d{1,2}[.．/\-]\d{1,2}$"
)
_ORG_HINT = re.compile(r"(政府|人民|委员会|党委|局|委|办公室|办|厅|部|院|署|所|中心|公司|单位|机关|集团|协会|学会|"
                       r"学校|大学|医院|银行|法院|检察院|街道|乡|镇|村|社区|处|科|队|站|会)")

_ORG_END = re.compile(r"(政府|委员会|常委会|党委|党组|局|委|办公室|办|厅|部|部门|院|署|所|中心|公司|单位|机关|集团|协会|"
                      r"学会|学校|大学|医院|银行|街道|乡|镇|村|社区|处|科|队|站|会|厂|行)$")


@dataclass(frozen=True, slots=True)
class Line:
    index: int  # 0-based line number
    start: int  # offset of the stripped text
    end: int
    text: str  # stripped of alignment spaces
    indent: int  # leading spaces (ASCII or full-width) in the original


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Region:
    """A span whose text is read from the document's when asked for: the body of a long text is
    not held twice."""

    start: int
    end: int
    source: str = field(repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.source[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading. Its line's text is read from the document's when asked for: a long text
    has tens of thousands of headings, and their lines held apart were a second copy of them."""

    level: int
    number: int
    start: int  # start of the number marker
    marker_end: int
    end: int  # end of the line
    source: str = field(repr=False, compare=False)  # the document's text, or the line's own
    origin: int = field(default=0, repr=False, compare=False)  # where ``source`` starts in the document

    @property
    def text(self) -> str:
        return self.source[self.start - self.origin:self.end - self.origin]

    @property
    def marker(self) -> str:
        return self.source[self.start - self.origin:self.marker_end - self.origin]


@dataclass
class Anatomy:
    doctype: str | None = None  # one of DOCTYPES, or "讲话" / "文章" for texts that are not 公文
    is_gongwen: bool = False
    # The kind of text: "公文"; "规范性文件" (laws, regulations, rules, judicial interpretations and
    # the 决定/批复 published with a 题注); "工作报告" (a government work report to a congress);
    # "讲话"; "文章"; None when no title says. Only 公文 get header, recipient and structure rules.
    kind: str | None = None
    caption: Span | None = None  # the 题注 under a normative text's title (dates, adopting meeting, 令号)
    forwarding: bool = False  # 印发/转发/批转 notice
    copy_number: Span | None = None  # 份号
    secrecy: Span | None = None  # 密级和保密期限
    urgency: Span | None = None  # 紧急程度
    issuer_mark: Span | None = None  # 发文机关标志
    doc_number: DocNumber | None = None  # 发文字号 in the 版头
    signer: Span | None = None  # 签发人
    title: Span | None = None
    title_lines: list[Line] = field(default_factory=list)
    main_recipient_line: Span | None = None  # whole line, colon included
    main_recipients: list[Span] = field(default_factory=list)
    body: Region | None = None
    headings: list[Heading] = field(default_factory=list)
    # Where heading numbers start anew: each 第X条 numbers its own items, and so does each
    # attached document (after the 成文日期, after a 附件 line).
    restarts: list[int] = field(default_factory=list)
    attachment_note: list[Span] = field(default_factory=list)  # 附件说明 lines
    signature: list[Span] = field(default_factory=list)  # 发文机关署名
    issue_date: DateMention | None = None  # 成文日期
    issue_date_line: Span | None = None
    remark: Span | None = None  # 附注
    attachments: list[Span] = field(default_factory=list)  # 附件 headings after the body
    cc: Span | None = None  # 抄送机关 line
    printed: Span | None = None  # 印发机关和印发日期 line
    printed_date: DateMention | None = None
    header_end: int = 0  # end of the 版头 (start of the title, or 0)
    dates: list[DateMention] = field(default_factory=list)

    @property
    def upward(self) -> bool:
        return self.doctype in UPWARD


class Lines(Sequence):
    """The lines ``split_lines`` finds, held as one array of their numbers and offsets (four numbers a
    line): a Line, with its text, is made when asked for. A 5 M-character text has 200,000 lines, and
    an object and a copy of the text per line held 40 MiB while the anatomy was read."""

    __slots__ = ("text", "_rows")

    def __init__(self, text: str, rows: array | memoryview):
        self.text = text
        self._rows = memoryview(rows)  # index, start, end, indent of each line; a slice is a view, not a copy

    def __len__(self) -> int:
        return len(self._rows) >> 2

    def __getitem__(self, k):
        n = len(self._rows) >> 2
        if isinstance(k, slice):
            lo, hi, step = k.indices(n)
            if step == 1:
                return Lines(self.text, self._rows[4 * lo:4 * max(lo, hi)])
            return Lines(self.text, array("q", [v for j in range(lo, hi, step) for v in self._rows[4 * j:4 * j + 4]]))
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError(k)
        rows, at = self._rows, 4 * k
        start, end = rows[at + 1], rows[at + 2]
        return Line(rows[at], start, end, self.text[start:end], rows[at + 3])

    def char_at(self, k: int, i: int) -> str:
        """``self[k].text[i]`` for i = 0 or -1 ("" for an empty line), without making the Line or its text."""
        rows = self._rows
        start, end = rows[4 * k + 1], rows[4 * k + 2]
        return "" if end == start else self.text[start] if i == 0 else self.text[end - 1]

    def start_at(self, k: int) -> int:
        return self._rows[4 * k + 1]

    def text_at(self, k: int) -> str:
        """``self[k].text``, without making the Line."""
        rows = self._rows
        return self.text[rows[4 * k + 1]:rows[4 * k + 2]]

    def __iter__(self):
        text, rows = self.text, iter(self._rows)
        for i, start, end, indent in zip(rows, rows, rows, rows):
            yield Line(i, start, end, text[start:end], indent)

    def index(self, line: Line, *_) -> int:
        """Where ``line`` is (lines start in order)."""
        k = bisect_left(self._rows[1::4], line.start)
        if k < len(self) and self[k] == line:
            return k
        raise ValueError(f"{line!r} is not one of these lines")


def split_lines(text: str, nonempty: bool = False) -> Lines:
    """The lines of ``text``, stripped of alignment spaces and of Markdown heading and emphasis marks;
    with ``nonempty``, those with some text left. Read in compiled code (``_wordtable.line_rows``: a
    tenth of the time) where it is built; ``split_lines_plain`` is the reference."""
    if line_rows is not None:
        return Lines(text, memoryview(line_rows(text, nonempty)).cast("q"))
    return split_lines_plain(text, nonempty)


def split_lines_plain(text: str, nonempty: bool = False) -> Lines:
    rows = array("q")
    pos = 0
    for i, raw in enumerate(iter_lines(text)):
        stripped_left = raw.lstrip(_SPACES)
        indent = len(raw) - len(stripped_left)
        stripped = stripped_left.rstrip(_SPACES)
        # Markdown headings and emphasis do not change what a line is.
        cut = 0
        size = len(stripped)
        if stripped[:1] in ("#", "*"):
            md = _MD_PREFIX.match(stripped)
            cut = md.end() if md else 0
            size -= cut
            if cut and size >= 2 and stripped.endswith("**"):
                size -= 2
        if size or not nonempty:
            start = pos + indent + cut
            rows.extend((i, start, start + size, indent))
        pos += len(raw) + 1
    return Lines(text, rows)


_SPACE_RUN = re.compile(f"[{_SPACES}]+")


def compact(s: str) -> str:
    if " " not in s and "\u3000" not in s and "\t" not in s and "\u00a0" not in s:  # _SPACES
        return s  # most lines: four finds cost less than the expression's scan
    return _SPACE_RUN.sub("", s)


def doctype_of(title: str) -> tuple[str | None, bool]:
    """(文种, is_gongwen) from a title."""
    t = compact(title).rstrip("。．.，,；;：:！!？?")
    t = re.sub(r"[（(][^（）()]*[）)]$", "", t)  # （征求意见稿）, （2025年修订）
    if NON_GONGWEN.search(t) or re.search(r"(在|上的)[^，。]*(讲话|发言|致辞)", t):
        return ("讲话" if re.search(r"讲话|发言|致辞|讲稿|主持|演讲", t) else "文章"), False
    for kind in sorted(DOCTYPES, key=len, reverse=True):
        if t.endswith(kind):
            if kind == "令" and not re.search(r"(命令|令)$", t):
                continue
            return ("命令" if kind == "令" else kind), True
    return None, False


# A 题注 line: a date, then the meeting that adopted the text or the 令 that issued it.
_CAPTION_DATE = re.compile(r"^[（(]?\d{4}年\d{1,2}月\d{1,2}日")
_CAPTION_CLOSED = re.compile(r"(?:[）)]|施行|生效|通过|发布|公布|批准|修订|修正|修改)$")
_ARTICLE_START = re.compile(r"^(?:第[一二三四五六七八九十百零〇]+[条章节编]|[一二三四五六七八九十]+、|各位代表)")
# Titles of normative texts: laws, regulations, rules, judicial interpretations.
_NORMATIVE_TITLE = re.compile(r"(?:法|条例|规定|办法|细则|规则|解释|准则|章程|规程|修正案|安排|守则)(?:[（(][^（）()]{1,8}[）)])?$")


def _is_normative_title(t: str) -> bool:
    t = compact(t)
    return len(t) <= 100 and _NORMATIVE_TITLE.search(t) is not None and not re.search(r"[。，；：？！]", t)


def _caption(lines: list[Line], title: str) -> list[Line]:
    """The 题注 block under a normative text's title: lines that start with a date,
    the lines that continue them (a meeting's name wrapped over two lines), and
    the title printed again over several lines after it."""
    out: list[Line] = []
    for ln in lines[:12]:
        t = ln.text
        if _CAPTION_DATE.match(t):
            out.append(ln)
        elif out and not _CAPTION_CLOSED.search(compact(out[-1].text)) and len(t) <= 80 \
                and not _ARTICLE_START.match(t) and not t.endswith(("：", ":", "。")):
            out.append(ln)
        else:
            break
    if out:
        # 北京市实施《中华人民共和国 / 反恐怖主义法》办法: the title again, wrapped
        rest = lines[len(out):len(out) + 3]
        want, got = compact(title), ""
        for k, ln in enumerate(rest):
            got += compact(ln.text)
            if got == want:
                out += rest[:k + 1]
                break
            if not want.startswith(got):
                break
    return out


def _kind(a: "Anatomy", first_body: list[Line]) -> str | None:
    t = compact(a.title.text) if a.title else ""
    if "政府工作报告" in t or any(x.text.startswith(("各位代表：", "各位代表:")) for x in first_body[:2]):
        return "工作报告"
    if a.caption is not None or (_is_normative_title(t) and not a.is_gongwen):
        return "规范性文件"
    if a.is_gongwen:
        return "公文"
    return None


def _is_title(line: Line) -> bool:
    t = line.text
    if not t or len(t) > 70 or "。" in t[:-1] or re.search(r"[>＞»|｜]", t):
        return False  # a sentence, or a web page's breadcrumb (首页 > 通知公告)
    kind, _ = doctype_of(t)
    if kind is None:
        return False
    if "关于" in t:
        return True
    # 江州市人民政府公告, 第5次常务会议纪要: short, and no sentence punctuation at all
    return len(t) <= 40 and not re.search(r"[，,。；;：:！？!?]", t)


def analyse(doc: "Draft") -> Anatomy:
    end = doc.document.body_end if hasattr(doc, "document") and doc.document.body_end is not None else None
    text = doc.text if end is None else doc.text[:end]
    nonempty = split_lines(text, nonempty=True)
    a = Anatomy()
    if not nonempty:
        return a

    # --- title: the first line (within the first 15) that reads as one -----
    title_i = None
    # A normative text's title is its first line: a law's name, or any line the 题注 follows.
    if _is_normative_title(nonempty[0].text) or (
            len(nonempty) > 1 and _CAPTION_DATE.match(nonempty[1].text) and len(nonempty[0].text) <= 100
            and not re.search(r"[。，；：]", nonempty[0].text)):
        title_i = 0
    for k, ln in enumerate(nonempty[:15] if title_i is None else ()):
        if _is_title(ln):
            title_i = k
            break
        # a title broken over two lines: 关于…… / ……的通知
        if k + 1 < len(nonempty) and len(ln.text) <= 40 and "。" not in ln.text and "：" not in ln.text \
                and not ln.text.endswith(("号", "文件")) and not _looks_like_number_line(ln.text):
            nxt = nonempty[k + 1]
            joined = Line(ln.index, ln.start, nxt.end, ln.text + nxt.text, ln.indent)
            if ("关于" in ln.text or ln.text.endswith(("关于", "的"))) and _is_title(joined) \
                    and not _is_title(nxt):
                title_i = k
                a.title_lines = [ln, nxt]
                break
    if title_i is not None:
        if not a.title_lines:
            a.title_lines = [nonempty[title_i]]
        first, last = a.title_lines[0], a.title_lines[-1]
        a.title = Span(first.start, last.end, "".join(x.text for x in a.title_lines))
        a.doctype, a.is_gongwen = doctype_of(a.title.text)
        a.forwarding = a.doctype == "通知" and bool(re.search(r"(印发|转发|批转)", a.title.text))
        a.header_end = first.start
        header = nonempty[:title_i]
        body_from = title_i + len(a.title_lines)
        caption = _caption(nonempty[body_from:], a.title.text)
        if caption:
            a.caption = Span(caption[0].start, caption[-1].end, "\n".join(x.text for x in caption))
            body_from += len(caption)
        a.kind = _kind(a, nonempty[body_from:body_from + 3])
        if a.kind != "公文":
            a.is_gongwen = False
    else:
        # No title: maybe a speech or an article; look at the opening lines.
        opening = "".join(x.text for x in nonempty[:3])
        if re.search(r"讲话|发言|致辞|同志们", opening):
            a.doctype = "讲话"
        header = []
        body_from = 0

    has_header = any(_looks_like_number_line(x.text) for x in nonempty[:6])
    if a.doctype is None and title_i is None and not has_header and _looks_like_article_title(nonempty[0].text):
        a.doctype = "文章"
        if _NORMATIVE_TITLE.search(compact(nonempty[0].text)):
            a.kind = "规范性文件"
    if a.doctype in (None, "讲话", "文章") and any(x.text.startswith(("同志们：", "同志们:", "各位领导")) for x in nonempty[:8]):
        a.doctype, a.is_gongwen = "讲话", False
    if a.doctype in ("讲话", "文章") and a.kind is None:
        a.kind = a.doctype

    _read_header(a, header, text, [n for n in doc.doc_numbers if n.end <= len(text)])

    rest = nonempty[body_from:]
    # --- 主送机关 -------------------------------------------------------------
    k = 0
    while k < len(rest) and k < 3 and _is_subtitle(rest[k].text):
        k += 1
    if k + 1 < len(rest) and _looks_like_number_line(rest[k].text) and compact(rest[k + 1].text) == compact(
            a.title.text if a.title else ""):
        k += 2  # a page's heading and 文号 above the document, whose title then follows again
    run = 0
    while k + run < len(rest) and run < 6 and _single_office(rest[k + run].text):
        run += 1
    if run >= 2:
        k += run  # joint issuers named one a line under the title
    if k < len(rest) and a.is_gongwen:
        cand = rest[k]
        colon = re.search(r"[：:]", cand.text)
        joined = colon is not None and colon.end() < len(cand.text) and colon.start() <= 80 and \
            _is_recipient_line(cand.text[:colon.end()]) and cand.text[:colon.start()].startswith("各")
        if joined:
            # 各镇人民政府、街道办事处：现将……: the 主送 and the body run on in one line
            end = cand.start + colon.end()
            a.main_recipient_line = Span(cand.start, end, cand.text[:colon.end()])
            a.main_recipients = split_recipients(cand.text[:colon.start()], cand.start)
            k += 1
        elif _is_recipient_line(cand.text):
            a.main_recipient_line = Span(cand.start, cand.end, cand.text)
            a.main_recipients = split_recipients(cand.text.rstrip("：:。；，,.;"), cand.start)
            k += 1
    body_start_i = k

    # --- the end: 版记, attachments, 成文日期, 署名 ---------------------------
    end_i = len(rest)
    for j in range(len(rest) - 1, body_start_i - 1, -1):
        if rest.char_at(j, 0) not in _VERSO_FIRST and j < len(rest) - 4:
            # a line none of the branches below can take is not read: only the last asks about it
            if j < end_i - 3 and (a.cc or a.printed):
                break
            continue
        t = rest.text_at(j)
        if t.startswith(("抄送", "抄报", "主送：")) and a.cc is None and t.startswith("抄"):
            a.cc = Span(rest[j].start, rest[j].end, t)
            end_i = min(end_i, j)
        elif t.endswith("印发") and len(t) <= 60 and a.printed is None and j >= len(rest) - 4:
            a.printed = Span(rest[j].start, rest[j].end, t)
            ds = find_dates(t)
            if ds:
                d = ds[-1]
                a.printed_date = _shift(d, rest[j].start)
            end_i = min(end_i, j)
        elif len(t) >= 3 and not t.strip(_RULE_CHARS):
            end_i = min(end_i, j)  # separator lines of the 版记 (all of their characters rules)
        elif j < end_i - 3 and (a.cc or a.printed):
            break

    date_i = None
    date_i = _first_date_line(rest, range(end_i - 1, max(body_start_i, end_i - 40) - 1, -1), body_start_i)
    if date_i is None:
        # A notice that prints or forwards a long text: its 成文日期 stands after the notice,
        # before the text it attaches.
        date_i = _first_date_line(rest, range(body_start_i + 1, end_i), body_start_i)
    if date_i is not None:
        ln = rest[date_i]
        if _YEAR_ALONE.fullmatch(compact(rest[date_i - 1].text)) and date_i - 1 >= body_start_i \
                and compact(ln.text).startswith("年"):
            # "2014" / "年8月12日": a date the publishing page broke over two lines
            prev = rest[date_i - 1]
            ln = Line(prev.index, prev.start, ln.end, text[prev.start:ln.end], prev.indent)
            date_i -= 1
        if "\n" in ln.text:
            cut = ln.text.index("\n")
            ds = find_dates(ln.text.replace("\n", ""))
            if ds:  # back to offsets of the text, which has the line break
                d = ds[0]
                a.issue_date = _shift(d, ln.start)
                if d.end > cut:
                    from dataclasses import replace

                    a.issue_date = replace(a.issue_date, end=a.issue_date.end + 1)
        else:
            ds = find_dates(ln.text)
            if ds:
                a.issue_date = _shift(ds[0], ln.start)
        a.issue_date_line = Span(ln.start, ln.end, ln.text)
        # 署名: short lines right above the date, not sentences
        j = date_i - 1
        sig = []
        while j >= body_start_i and len(sig) < 3:
            t = rest.text_at(j)
            if len(t) <= 30 and not re.search(r"[。；：，]$", t) and "。" not in t and _ORG_HINT.search(t) \
                    and not t.startswith("附件"):
                sig.insert(0, Span(rest[j].start, rest[j].end, t))
                j -= 1
            else:
                break
        a.signature = sig
        body_end_i = j + 1
        # 附注 right after the date; attachments after that, up to the 版记
        after = rest[date_i + 1:end_i]
        if after and re.match(r"^[（(].*[）)]$", after[0].text):
            a.remark = Span(after[0].start, after[0].end, after[0].text)
            after = after[1:]
        for ln in after:
            if re.match(r"^附件\s*\d*\s*$", compact(ln.text)) or re.match(r"^附件\d+[：:]?$", compact(ln.text)):
                a.attachments.append(Span(ln.start, ln.end, ln.text))
    else:
        body_end_i = end_i

    # --- 附件说明: "附件：" lines at the end of the body ----------------------
    j = body_end_i - 1
    notes = []
    while j >= body_start_i:
        t = rest.text_at(j)
        if t.startswith(("附件：", "附件:")):
            notes.insert(0, rest[j])
            break
        if re.match(r"^\d+[.．]", t) and len(t) <= 60 and "。" not in t:
            notes.insert(0, rest[j])
            j -= 1
            continue
        notes = []
        break
    if notes and notes[0].text.startswith(("附件：", "附件:")):
        a.attachment_note = [Span(x.start, x.end, x.text) for x in notes]
        body_end_i = rest.index(notes[0])

    body_lines = rest[body_start_i:body_end_i]
    if body_lines:
        a.body = Region(body_lines[0].start, body_lines[-1].end, text)
    # Headings of the body and of what is attached after it; the list of attachments
    # (附件：1.… 2.…) numbers itself and holds no headings.
    in_list = False
    date_line = a.issue_date_line.start if a.issue_date_line else None
    lines = rest[body_start_i:end_i]
    for k in range(len(lines)):
        first = lines.char_at(k, 0)
        if not in_list and first not in _OPENERS and not first.isdecimal() and lines.start_at(k) != date_line:
            continue  # opens neither a heading nor a restart: most lines
        t, start = lines.text_at(k), lines.start_at(k)  # a Line is made for a heading's test only
        listed = first == "附" and _ATTACHMENT_LIST.match(t) is not None
        if start == date_line or listed or (first == "第" and _ARTICLE.match(t)):
            a.restarts.append(start)  # (第…条: every article of a normative text)
            in_list = listed
            continue
        if in_list and "。" not in t and (
                (re.match(r"^\d+(?:[-－]\d+)?[.．、]", t) and len(t) <= 60) or len(t) <= 12):
            continue  # an item of the list, or the tail of one the page wrapped
        in_list = False
        if a.attachment_note and a.attachment_note[0].start <= start <= a.attachment_note[-1].end:
            continue
        h = heading_of(lines[k], text)
        if h:
            a.headings.append(h)
    a.dates = find_dates(text, a.issue_date.year if a.issue_date else None,
                         a.issue_date.as_date() if a.issue_date else None,
                         doc.digit_stretches if text is doc.text else None)
    return a


_YEAR_ALONE = re.compile(r"(?:19|20)\d{2}")
_VERSO_FIRST = frozenset("抄主" + _RULE_CHARS)  # the first characters of the 版记's lines looked for


_DATE_LINE_MOST = 16  # characters a 成文日期 line has at most, spaces aside: （, 4, 年, 8, 日, ）
_DATE_LINE_LAST = "日号）)" + _SPACES  # and decimal digits: what a date line ends with (_is_date_line)


def _first_date_line(rest: Lines, lines: range, first: int) -> int | None:
    """The first of ``lines`` that is a date line (``_is_date_line``); the test of its last character
    made here, in the loop, first: most lines end a sentence, and a call each cost more than the test."""
    for j in lines:
        if ((last := rest.char_at(j, -1)) in _DATE_LINE_LAST or last.isdecimal()) and _is_date_line(rest, j, first):
            return j
    return None


def _is_date_line(rest: Lines, j: int, first: int) -> bool:
    last = rest.char_at(j, -1)
    if last not in _DATE_LINE_LAST and not last.isdecimal():
        return False  # a date line ends as _DATE_LINE does (spaces aside); most lines end a sentence
    raw = rest.text_at(j)
    if len(raw) > _DATE_LINE_MOST and len(raw) - sum(map(raw.count, _SPACES)) > _DATE_LINE_MOST:
        return False  # a sentence: most lines, looked at from the end when a text has no date line
    t = compact(raw)
    if _DATE_LINE.match(t):
        return True
    return j > first and t.startswith("年") and _YEAR_ALONE.fullmatch(compact(rest[j - 1].text)) is not None \
        and _DATE_LINE.match(compact(rest[j - 1].text) + t) is not None


_ATTACHMENT_LIST = re.compile(r"^附件\s*\d*\s*[：:]|^附件\s*\d*\s*$")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+[条章节]")


def _shift(d: DateMention, offset: int) -> DateMention:
    from dataclasses import replace

    wspan = (d.weekday_span[0] + offset, d.weekday_span[1] + offset) if d.weekday_span else None
    return replace(d, start=d.start + offset, end=d.end + offset, weekday_span=wspan,
                   range_end=_shift(d.range_end, offset) if d.range_end else None)


def _looks_like_article_title(t: str) -> bool:
    """A heading line over prose that names no 文种: an article or a study."""
    return 4 <= len(t) <= 40 and not re.search(r"[，。；：:,;！？]", t) and not _looks_like_number_line(t)


def _looks_like_number_line(t: str) -> bool:
    return any(True for _ in find_doc_numbers(t))


def _is_subtitle(t: str) -> bool:
    """Lines between the title and the recipient: （征求意见稿）, a bracketed date, a doc number."""
    return bool(re.match(r"^[（(].{1,40}[）)]$", t)) or _looks_like_number_line(t) and len(t) < 30


def _single_office(t: str) -> bool:
    """One office's name alone on a line, no punctuation: joint issuers under a title are
    printed so (上海市生态环境局 / 上海市规划和自然资源局)."""
    return len(t) <= 20 and _ORG_END.search(t) is not None and not re.search(r"[：:、，,。；;]", t)


def _is_recipient_line(t: str) -> bool:
    """The line after the title that names who the document goes to. A line
    without the closing colon still counts when every piece is an office name,
    so that the missing colon can be reported."""
    if len(t) > 120 or "。" in t[:-1] or re.match(r"^(同志们|各位|尊敬的)", t):
        return False
    if heading_of(Line(0, 0, len(t), t, 0)):
        return False
    if t.endswith(("：", ":")):
        return bool(_ORG_HINT.search(t)) or t.startswith("各")
    t = t.rstrip("。；，,.;")  # closed with the wrong mark: still the recipient line
    pieces = split_recipients(t, 0)
    return len(t) <= 60 and bool(pieces) and all(
        _ORG_END.search(p.text) and len(p.text) <= 20 and not re.search(r"[的了是要在，]", p.text) for p in pieces
    )


def split_recipients(t: str, offset: int) -> list[Span]:
    """Split on 、，,；; outside brackets: 各县（市、区）人民政府 is one recipient."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(t + "，"):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in "、，,；;" and depth == 0:
            piece = t[start:i]
            stripped = piece.strip(_SPACES)
            if stripped:
                s = start + (len(piece) - len(piece.lstrip(_SPACES)))
                out.append(Span(offset + s, offset + s + len(stripped), stripped))
            start = i + 1
    return out


_HEADING_FIRST = frozenset("一二三四五六七八九十（(")  # and digits: the first characters _HEADING_PATTERNS allow
# the patterns a line's first character leaves (each pattern has first characters of its own), in their order
_HEADINGS_AT = {**{c: _HEADING_PATTERNS[:1] for c in "一二三四五六七八九十"}, "（": _HEADING_PATTERNS[1::2],
                "(": _HEADING_PATTERNS[1::2]}
_OPENERS = _HEADING_FIRST | frozenset("附第")  # the first characters of a heading or a restart (and digits)


def heading_of(ln: Line, text: str | None = None) -> Heading | None:
    """The heading ``ln`` opens with, if any; ``text`` is the document's text the line is from."""
    first = ln.text[:1]
    patterns = _HEADINGS_AT.get(first) or (_HEADING_PATTERNS[2:3] if first.isdecimal() else ())
    for level, rx in patterns:  # most lines: none, four failed matches spared
        m = rx.match(ln.text)
        if not m:
            continue
        num_s = m.group("num")
        if level in (1, 2):
            from .dates import zh_number

            num = zh_number(num_s)
            if num is None:
                continue
        else:
            num = int(num_s)
        if text is None:
            return Heading(level, num, ln.start, ln.start + m.end(), ln.end, ln.text, ln.start)
        return Heading(level, num, ln.start, ln.start + m.end(), ln.end, text)
    return None


def _read_header(a: Anatomy, header: list[Line], text: str, doc_numbers) -> None:
    for ln in header:
        t = compact(ln.text)
        if re.fullmatch(r"\d{6}", t) and a.copy_number is None:
            a.copy_number = Span(ln.start, ln.end, ln.text)
            continue
        if re.match(r"^(绝密|机密|秘密)", t):
            a.secrecy = Span(ln.start, ln.end, ln.text)
            continue
        if re.fullmatch(r"(特急|加急|特提|平急|急件|特级|紧急)", t):
            a.urgency = Span(ln.start, ln.end, ln.text)
            continue
        nums = [n for n in doc_numbers if ln.start <= n.start and n.end <= ln.end]
        if nums and a.doc_number is None:
            a.doc_number = nums[0]
        m = re.search(r"签发人[：:]?", ln.text)
        if m:
            a.signer = Span(ln.start + m.start(), ln.end, ln.text[m.start():])
        if not nums and not m and (t.endswith("文件") or _ORG_HINT.search(t)) and a.issuer_mark is None \
                and len(t) <= 40:
            a.issuer_mark = Span(ln.start, ln.end, ln.text)
