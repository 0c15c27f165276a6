"""Punctuation rules (GB/T 15834-2011)."""

from __future__ import annotations

from typing import Iterator

from ..chinese import is_han, is_zh, next_char, prev_char
from ..findings import Fix, Hit
from ..hookspecs import hookimpl
from ..rule import bad, good, rule

_SEE_THROUGH = " \t,;:?!()\"'"
FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", ".": "句号",
         "(": "括号", ")": "括号", '"': "引号", "'": "引号"}


def _half_width_hits(text: str, mask) -> Iterator[tuple[int, int, str]]:
    """(start, end, replacement) for each half-width mark used in Chinese text.
    The span takes in spaces after the mark: the full-width mark has its own."""
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in ',;:?!.()"\'':
            continue
        if mask.inside(i):
            continue
        # Neighbouring half-width marks are looked through: in "通知,:" both
        # marks are in Chinese context, and fixing one must not expose the other.
        before, after = prev_char(text, i, _SEE_THROUGH), next_char(text, i, _SEE_THROUGH)
        repl = None
        if ch in ",;?!":
            if ch == "," and before.isdigit() and after.isdigit():
                continue  # 1,000 is a number question (GB/T 15835), not punctuation
            if is_zh(before) or is_han(after):
                repl = FULL[ch]
        elif ch == ":":
            if before.isdigit() and after.isdigit():
                continue  # 9:00
            if is_zh(before) or is_han(after):
                repl = FULL[ch]
        elif ch == ".":
            # Only a sentence-ending dot after Chinese: not 3.14, not "1." list numbers,
            # not file names, not an ellipsis (the ellipsis rule owns "...").
            if text[i - 1:i] == "." or text[i + 1:i + 2] == ".":
                continue
            if is_han(before) and (after == "" or is_han(after) or after in "”’）\"')"):
                repl = FULL[ch]
        elif ch in "()":
            repl = _paren(text, i, ch)
        else:
            repl = _quote(text, i, ch)
        if repl is None:
            continue
        end = i + 1
        if repl not in "“‘（":
            while end < n and text[end] == " " and (end + 1 >= n or text[end + 1] != " "):
                end += 1
        yield i, end, repl


def _paren(text: str, i: int, ch: str) -> str | None:
    """A half-width bracket whose pair holds or touches Chinese text."""
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i)
    line_end = len(text) if line_end == -1 else line_end
    if ch == "(":
        close = text.find(")", i + 1, line_end)
        inner = text[i + 1:close] if close != -1 else text[i + 1:min(line_end, i + 20)]
        touching = prev_char(text, i)
        outside = text[close + 1:close + 2] if close != -1 else ""
    else:
        open_ = text.rfind("(", line_start, i)
        inner = text[open_ + 1:i] if open_ != -1 else text[max(line_start, i - 20):i]
        touching = next_char(text, i)
        outside = text[open_ - 1:open_] if open_ > 0 else ""
    if any(is_han(c) for c in inner) or is_han(touching) or is_han(outside):
        return "（" if ch == "(" else "）"
    return None


def _quote(text: str, i: int, ch: str) -> str | None:
    before, after = text[i - 1:i], text[i + 1:i + 2]
    # Han only: fixing a neighbouring mark must not change the verdict here.
    if not (is_han(prev_char(text, i, _SEE_THROUGH)) or is_han(next_char(text, i, _SEE_THROUGH))):
        return None
    if ch == "'" and before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
        return None  # an English apostrophe
    # Opening or closing: by the count of the same mark earlier in the paragraph.
    para_start = text.rfind("\n", 0, i) + 1
    opening = text.count(ch, para_start, i) % 2 == 0
    if ch == '"':
        return "“" if opening else "”"
    return "‘" if opening else "’"


def _owned_elsewhere(doc) -> set[int]:
    """Marks another rule corrects as a whole, so the two fixes never compete:
    the mark closing the 主送机关 line (recipient.colon turns it into "：") and
    the one closing the title (header.title-form deletes it)."""
    a = doc.anatomy
    if not a.is_gongwen:
        return set()
    owned = set()
    if a.main_recipient_line is not None:
        owned.add(a.main_recipient_line.end - 1)
    if a.title is not None:
        owned.add(a.title.end - 1)
    return owned


@rule(
    id="punctuation.half-width",
    category="punctuation",
    severity="warning",
    summary="中文文本中使用了半角标点",
    doc="""\
What it does: finds half-width (ASCII) marks — , . : ; ? ! ( ) " ' — used in Chinese text, and
replaces each with its full-width form (，。：；？！（）“”‘’), dropping the space typed after it.

Why is this bad? GB/T 15834-2011 prescribes the full-width forms for Chinese text; half-width marks
copied from English input or web pages are among the commonest visible errors in drafts.

Left alone: numbers (3.14, 1,000, 9:00), URLs, e-mail addresses, file names, English phrases and
list numbers such as "1." at the start of a line.""",
    references=("GB/T 15834-2011 §4（标点符号的种类及用法）",),
    examples=[
        bad("各县（市、区）人民政府, 市政府各部门：", fixed="各县（市、区）人民政府，市政府各部门："),
        bad("请于9:00前到达会场;迟到者通报批评。", fixed="请于9:00前到达会场；迟到者通报批评。"),
        bad("提高\"放管服\"改革水平", fixed="提高“放管服”改革水平"),
        bad("(一)加强组织领导", fixed="（一）加强组织领导"),
        bad("会议由市政府主持.", fixed="会议由市政府主持。"),
        good("详见 https://www.gov.cn/zhengce/index.htm 和 office@example.gov.cn 。"),
        good("增长3.5%，合计1,200万元，上午9:00开始。"),
        good("1. 总体要求"),
        good("下载附件 report.docx 后填写。"),
        good("He said \"hello\", and left."),
    ],
)
def half_width(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    owned = _owned_elsewhere(doc)
    for start, end, repl in _half_width_hits(text, doc.prose_mask):
        if start in owned:
            continue
        ch = text[start]
        yield Hit(
            start, end,
            f"中文文本中应使用全角{NAMES[ch]}“{repl}”，不用半角“{ch}”（GB/T 15834-2011 §4）",
            (repl,), Fix.replace(start, end, repl),
        )


@hookimpl
def doccheck_rules():
    return [half_width]
