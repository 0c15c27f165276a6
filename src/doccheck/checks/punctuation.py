"""Punctuation rules (GB/T 15834-2011)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import Iterator

from ..chinese import SURNAMES, is_han, is_zh, next_char, prev_char
from ..findings import Hit
from ..hookspecs import hookimpl
from ..rule import bad, good, rule
from ..stretches import WHITESPACE, Led, finditer_in, line_at, line_pieces, lines_holding_any
from .structure import heading_mark_rewrites

_HALF_MARKS = Led(re.compile(r"[,;:?!.()\"']"), ",;:?!.()\"'")
_SEE_THROUGH = " \t,;:?!.()\"'"
FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", ".": "句号",
         "(": "括号", ")": "括号", '"': "引号", "'": "引号"}


def _half_width_hits(text: str, mask, seed: dict[int, str] | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, replacement) for each half-width mark used in Chinese text.
    The span takes in spaces after the mark: the full-width mark has its own.

    A mark converted to full width becomes Chinese context for its neighbours
    ("通知,:" — both marks go), so the decisions are taken to a fixed point:
    the result is what repeated fixing would reach, in one pass."""
    n = len(text)
    seed = seed or {}
    cands = [m.start() for m in _HALF_MARKS.finditer(text) if not mask.inside(m.start()) and m.start() not in seed]
    converted: dict[int, str] = dict(seed)  # marks another rule rewrites: context as they will be
    order = {i: k for k, i in enumerate(cands)}
    work = list(reversed(cands))
    while work:
        i = work.pop()
        if i in converted:
            continue
        repl = _decide(text, i, converted)
        if repl is None:
            continue
        converted[i] = repl
        k = order[i]
        for j in (k - 1, k + 1):  # a neighbour's context has changed
            if 0 <= j < len(cands) and cands[j] not in converted:
                work.append(cands[j])
    for i in sorted(converted):
        if i in seed:
            continue
        repl = converted[i]
        end = i + 1
        if repl not in "“‘（":
            while end < n and text[end] == " " and (end + 1 >= n or text[end + 1] != " "):
                end += 1
        yield i, end, repl


def _near(text: str, i: int, step: int, converted: dict[int, str]) -> str:
    """The nearest character on the same line in direction ``step``, skipping
    spaces, and seeing a converted mark as its full-width form."""
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t":
        j += step
    if not 0 <= j < len(text) or text[j] == "\n":
        return ""
    return converted.get(j, text[j])


def _decide(text: str, i: int, converted: dict[int, str]) -> str | None:
    ch = text[i]
    before, after = _near(text, i, -1, converted), _near(text, i, 1, converted)
    if ch in ",;?!":
        if ch == "," and before.isdigit() and after.isdigit():
            return None  # 1,000 is a number question (GB/T 15835), not punctuation
        return FULL[ch] if is_zh(before) or is_han(after) else None
    if ch == ":":
        if before.isdigit() and after.isdigit():
            return None  # 9:00
        return FULL[ch] if is_zh(before) or is_han(after) else None
    if ch == ".":
        # Only a sentence-ending dot after Chinese: not 3.14, not "1." list numbers,
        # not file names, not an ellipsis (the ellipsis rule owns "...").
        if text[i - 1:i] == "." or text[i + 1:i + 2] == ".":
            return None
        if is_han(before) and (after == "" or is_han(after) or after in "”’）\"')"):
            return FULL[ch]
        if before.isdigit() and after == "" and _ends_chinese_sentence(text, i):
            return FULL[ch]  # 传真：0731-88888889. at the end of a Chinese line
        return None
    if ch in "()":
        return _paren(text, i, ch)
    return _quote(text, i, ch)


def _ends_chinese_sentence(text: str, i: int) -> bool:
    """The dot after a number ends a line of Chinese text: not a list number (1.) standing at
    the start of its line, nor a line with no Chinese."""
    line_start = text.rfind("\n", 0, i) + 1
    head = text[line_start:i].lstrip(" \t\u3000")
    return not head.isdigit() and any(is_han(c) for c in head)


def _paren(text: str, i: int, ch: str) -> str | None:
    """A half-width bracket whose pair holds or touches Chinese text."""
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i)
    line_end = len(text) if line_end == -1 else line_end
    # The two brackets of a pair are judged alike — by what they enclose, the character before the
    # opening one and the one after the closing one — so that fixing one never changes the other's verdict.
    if ch == "(":
        close = text.find(")", i + 1, line_end)
        inner = text[i + 1:close] if close != -1 else text[i + 1:min(line_end, i + 20)]
        touching = prev_char(text, i)
        outside = next_char(text, close) if close != -1 else ""
    else:
        open_ = text.rfind("(", line_start, i)
        inner = text[open_ + 1:i] if open_ != -1 else text[max(line_start, i - 20):i]
        touching = next_char(text, i)
        outside = prev_char(text, open_) if open_ != -1 else ""
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
    # Opening or closing: by the marks of the same kind earlier in the paragraph,
    # straight or curly (“安全生产月" closes the quote that “ opened).
    para_start = text.rfind("\n", 0, i) + 1
    left, right = ("“", "”") if ch == '"' else ("‘", "’")
    depth = text.count(ch, para_start, i) + text.count(left, para_start, i) - text.count(right, para_start, i)
    opening = depth % 2 == 0
    return left if opening else right


def _conversions(doc) -> list[tuple[int, int, str]]:
    """The half-width marks to convert, read with the heading marks as structure.heading-marker-form
    leaves them; asked by two rules, so kept in the draft's memo."""
    found = doc.memo.get("punctuation.half-width")
    if found is None:
        found = doc.memo["punctuation.half-width"] = list(
            _half_width_hits(doc.text, doc.prose_mask, heading_mark_rewrites(doc)))
    return found


def _owned_elsewhere(doc) -> set[int]:
    """Marks another rule corrects as a whole, so the two fixes never compete:
    doubled marks (punctuation.repeated), the mark after a heading number, the mark closing the 主送机关 line
    (recipient.colon turns it into "：") and the one closing the title
    (header.title-form deletes it)."""
    owned = set()
    for start, end, _ in _repeated_runs(doc):
        owned.update(range(start, end))
    a = doc.anatomy
    owned.update(heading_mark_rewrites(doc))  # the mark after a heading number is structure.heading-marker-form's
    if not a.is_gongwen:
        return owned
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
        bad("关于开展“安全生产月\"活动的通知", fixed="关于开展“安全生产月”活动的通知"),
        bad("(一)加强组织领导", fixed="（一）加强组织领导"),
        bad("会议由市政府主持.", fixed="会议由市政府主持。"),
        bad("咨询电话：0791-86001234.", fixed="咨询电话：0791-86001234。"),  # a number ends the sentence
        good("2.\nRelease 2.0.\n"),  # a list number alone on its line; a line with no Chinese
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
    for start, end, repl in _conversions(doc):
        if start in owned:
            continue
        ch = text[start]
        yield Hit.fixing(start, end, f"中文文本中应使用全角{NAMES[ch]}“{repl}”，不用半角“{ch}”（GB/T 15834-2011 §4）", repl)


PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "〈": "〉", "【": "】", "〔": "〕"}
CLOSERS = {v: k for k, v in PAIRS.items()}
_PAIR_CHARS = "".join(PAIRS) + "".join(CLOSERS) + '"'
_PAIR_MARKS = Led(re.compile("[" + re.escape(_PAIR_CHARS) + "]"), _PAIR_CHARS)
# Marks named in words as well as shown: LanguageTool clients normalise full-width glyphs, and a
# name reads where a glyph is hard to tell apart (“ ” ‘ ’).
MARK_NAMES = {"《": "前书名号", "》": "后书名号", "〈": "前单书名号", "〉": "后单书名号", "“": "前双引号",
              "”": "后双引号", "‘": "前单引号", "’": "后单引号", "（": "前括号", "）": "后括号", "【": "前方头括号",
              "】": "后方头括号", "，": "全角逗号", "。": "句号", "、": "顿号", "；": "全角分号", "：": "全角冒号",
              "？": "全角问号", "！": "全角叹号", "(": "半角前括号", ")": "半角后括号", '"': "半角引号"}


def _named(mark: str) -> str:
    return f"{MARK_NAMES[mark]}“{mark}”" if mark in MARK_NAMES else f"“{mark}”"


# What a mark nested in itself should be (GB/T 15834-2011 §4.8.3.2, §4.15.3.2).
NESTED = {"“": "‘", "《": "〈"}


@rule(
    id="punctuation.paired-marks",
    category="punctuation",
    severity="error",
    summary="成对标点不配对或嵌套错误",
    doc="""\
What it does: follows the paired marks of each paragraph — “ ” and ‘ ’, （ ）, 《 》 and 〈 〉, 【 】 —
and reports an opening mark never closed, a closing mark never opened, a pair closed by the wrong
mark (《……）), and double quotes or 书名号 nested in themselves (use ‘ ’ and 〈 〉 inside).

Why is this bad? GB/T 15834-2011 §4.8 (引号), §4.9 (括号), §4.15 (书名号): the marks come in pairs
and nest in a fixed way. A quotation running over several paragraphs, each opening with “ and only
the last closing, follows §4.8.3.4 and is not reported.""",
    references=("GB/T 15834-2011 §4.8（引号）", "§4.9（括号）", "§4.15（书名号）"),
    examples=[
        bad("贯彻落实《江州市防汛条例的要求。", at="《"),
        bad("按照“放管服”改革要求）推进。", at="）"),
        bad("学习《关于加强管理的通知）精神。", at="）"),
        bad("他说：“要落实“四个到位”要求。”", at="“"),
        bad("学习《关于印发《防汛预案》的通知》精神。", at="《"),
        good("他说：“要落实‘四个到位’要求。”学习《关于印发〈防汛预案〉的通知》精神（试行）。"),
        good("“第一段引文，\n“第二段引文。”"),
        bad("将第九条修改为：\n“清算组成员应当勤勉尽责。\n清算组成员违反前款规定的，依法承担责任。”\n", at="”"),
        good("附件：1.严重失信主体名单（法\n人类）\n2.严重失信主体名单（从业\n人员）"),
        good("江州市城市绿化条例\n2024年6月28日　江州市第十六届人民代表大会常务委员会第二十次\n会议通过）\n"
             "第一条　为了加强城市绿化管理，制定本条例。"),
        good("关于修改〈浙江省实施《中华人民共和国防洪法》办法〉的决定"),
        good("关于开展“安全生产月\"活动的通知"),
    ],
)
def paired_marks(doc, ctx) -> Iterator[Hit]:
    hits = _across_line_breaks(doc, list(_pair_hits(doc)))
    # A quotation over several paragraphs whose middle paragraphs lack their “: the first
    # paragraph is right as written, the paragraph that closes it is where the fault shows.
    unclosed = [(k, h) for k, h, kind in hits if kind == "unclosed“"]
    stray = {k: h for k, h, kind in hits if kind == "stray”"}
    merged: set[int] = set()
    for n, (k, h) in enumerate(unclosed):
        limit = unclosed[n + 1][0] if n + 1 < len(unclosed) else k + 40
        j = next((j for j in sorted(stray) if k < j <= min(limit, k + 40)), None)
        if j is not None:
            merged.add(id(h))
            stray[j] = Hit(stray[j].start, stray[j].end,
                           "引文不止一段时，每段开头都应使用前引号“，只在最后一段末尾使用后引号”"
                           "（GB/T 15834-2011 §4.8.3.4）", ("“",))
            merged.add(j)
    for k, h, kind in hits:
        if id(h) in merged:
            continue
        yield stray[k] if kind == "stray”" and k in merged else h


def _across_line_breaks(doc, hits: list) -> list:
    """A pair that a publishing page broke over a line or two (名单（法 / 人类）): an opener left
    open at the end of a line that ends mid-sentence, and its closer stray on the next line or
    the one after, are one pair."""
    text, starts = doc.text, doc.document.line_starts
    strays: dict[tuple[int, str], list] = {}
    for k, h, kind in hits:
        if kind.startswith("stray"):
            strays.setdefault((k, kind[len("stray"):]), []).append(h)
    dropped: set[int] = set()
    for k, h, kind in hits:
        if not kind.startswith("unclosed"):
            continue
        closer = PAIRS.get(kind[len("unclosed"):])
        for k2 in (k + 1, k + 2):
            if k2 >= len(starts) or re.search(r"[。！？；]\s*$", text[slice(*line_at(text, starts[k2 - 1], starts[k2 - 1]))]):
                break  # the sentence ended: no pair runs on
            waiting = [h2 for h2 in strays.get((k2, closer), ()) if id(h2) not in dropped]
            if waiting:
                dropped.update((id(h), id(waiting[0])))
                break
    return [x for x in hits if id(x[1]) not in dropped]


def _pair_hits(doc) -> Iterator[tuple[int, Hit, str]]:
    """(line number, hit, kind) per line; kind marks an unclosed “ and a stray ”. The marks are found in
    one scan of the text and read a line at a time (a line without one says nothing)."""
    text, starts = doc.text, doc.document.line_starts
    caption = doc.anatomy.caption
    marks = _PAIR_MARKS.finditer(text)
    m, k = next(marks, None), 0
    while m is not None:
        while k + 1 < len(starts) and starts[k + 1] <= m.start():
            k += 1
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
        in_line = []
        while m is not None and m.start() < end:
            in_line.append(m)
            m = next(marks, None)
        if caption is not None and caption.start <= starts[k] < caption.end:
            continue  # the 题注, reproduced without its opening bracket by many sources
        j = end + 1  # the next line, its alignment spaces passed over
        while j < len(text) and text[j] in " \u3000":
            j += 1
        yield from _line_pairs(k, in_line, end < len(text) and j < len(text) and text[j] == "“")


def _line_pairs(k: int, marks: list[re.Match], runs_on: bool) -> Iterator[tuple[int, Hit, str]]:
    """_pair_hits for the marks of line k; ``runs_on``: the next line opens with “."""
    stack: list[tuple[str, int]] = []
    for m in marks:
        at, ch = m.start(), m.group()
        if ch in PAIRS:
            if ch in NESTED and any(o == ch for o, _ in stack) and not (
                    ch == "《" and any(o == "〈" for o, _ in stack)):  # 《〈《》〉》: the third level
                yield k, Hit(at, at + 1, f"“{ch}”内再用时应改为“{NESTED[ch]}”（GB/T 15834-2011 §4.8.3.2、§4.15.3.2）",
                             (NESTED[ch],)), "nested"
            stack.append((ch, at))
        elif ch == '"' and stack and stack[-1][0] == "“":
            stack.pop()  # “…" closed by a straight quote: the half-width rule reports the mark
        elif ch in CLOSERS:
            opener = CLOSERS[ch]
            if stack and stack[-1][0] == opener:
                stack.pop()
            elif stack and stack[-1][0] in PAIRS and CLOSERS.get(ch) != stack[-1][0] and \
                    not any(o == opener for o, _ in stack):
                o, _ = stack.pop()
                yield k, Hit(at, at + 1, f"{_named(o)}应以{_named(PAIRS[o])}配对，不用{_named(ch)}", (PAIRS[o],)), "wrong"
            elif any(o == opener for o, _ in stack):
                while stack and stack[-1][0] != opener:
                    o, oat = stack.pop()
                    yield k, Hit(oat, oat + 1, f"{_named(o)}没有对应的{_named(PAIRS[o])}"), "inner"
                stack.pop()
            else:
                yield k, Hit(at, at + 1, f"{_named(ch)}没有对应的{_named(opener)}"), "stray" + ch
    for o, oat in stack:
        if o == "“" and runs_on:
            continue  # a quotation that runs on into the next paragraph (§4.8.3.4)
        yield k, Hit(oat, oat + 1, f"{_named(o)}没有对应的{_named(PAIRS[o])}"), "unclosed" + o


# A mark repeated, in either width (，, or ,，): one concept, owned by this rule, so
# the half-width rule leaves such runs alone and the two fixes never chain.
# a space between the two marks does not make them one (：：, ": :" after the half-width fix).
# Every run starts with a mark followed by a mark or a space: tried only there (Led), not by the
# alternation in full at every character.
_MARKS = "，,；;：:？?！!、。"
_REPEATED = Led(re.compile(r"[，,](?:[ \u3000]*[，,])+|[；;](?:[ \u3000]*[；;])+|[：:](?:[ \u3000]*[：:])+|"
                           r"[？?](?:[ \u3000]*[？?])+|[！!](?:[ \u3000]*[！!])+|、(?:[ \u3000]*、)+|。(?<!。。)。(?!。)"),
                _MARKS, then=_MARKS + " \u3000")
_WIDTH_PAIRS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def _repeated_runs(doc) -> tuple[tuple[int, int, str], ...]:
    """Runs of a doubled mark in Chinese context: (start, end, the full-width mark). Asked by
    two rules per document, so kept in the draft's memo. The runs are read in the text as the
    half-width fix leaves it (", ;" may be "，；" after it), so that the two fixes agree in one
    pass and fixing is idempotent."""
    runs = doc.memo.get("punctuation.repeated-runs")
    if runs is None:
        text = doc.text
        changed = {i: repl or " " for i, repl in heading_mark_rewrites(doc).items()}  # a dropped mark: a space
        changed.update((i, repl) for i, _end, repl in _conversions(doc))  # keeps the offsets
        # The view is built a piece of whole lines at a time (a run and the characters it is
        # judged by stand in one line), from slices: no copy of a long text is held whole.
        at = sorted(changed)
        found = []
        for lo, hi in line_pieces(text):
            parts, last = [], lo
            for i in at[bisect_left(at, lo):bisect_left(at, hi)]:
                parts += (text[last:i], changed[i])
                last = i + 1
            parts.append(text[last:hi])
            found += ((lo + a, lo + b, mark) for a, b, mark in _iter_repeated("".join(parts)))
        runs = doc.memo["punctuation.repeated-runs"] = tuple(found)
    return runs


def _iter_repeated(text: str):
    for m in _REPEATED.finditer(text):
        run = m.group()
        mark = _WIDTH_PAIRS.get(run[0], run[0])
        if run.isascii() and not (is_zh(prev_char(text, m.start())) or is_zh(next_char(text, m.end() - 1))):
            continue  # "?!" or "::" in code or English
        yield m.start(), m.end(), mark


@rule(
    id="punctuation.repeated",
    category="punctuation",
    severity="error",
    summary="标点符号重复",
    doc="""\
What it does: finds the same mark typed twice or more: ，， 。。 、、 ；； ？？ ！！.

Why is this bad? GB/T 15834-2011 §4: each mark is used once; a doubled mark is a slip of the
keyboard. (Three or more 句号 are a wrong 省略号, reported by punctuation.ellipsis-dash.)""",
    references=("GB/T 15834-2011 §4",),
    examples=[
        bad("经研究，，决定召开会议。", fixed="经研究，决定召开会议。"),
        bad("请认真贯彻执行。。", fixed="请认真贯彻执行。"),
        bad("现将有关事项通知如下：:", fixed="现将有关事项通知如下："),
        good("经研究，决定召开会议。"),
    ],
)
def repeated(doc, ctx) -> Iterator[Hit]:
    for start, end, mark in _repeated_runs(doc):
        yield Hit.fixing(start, end, f"{_named(mark)}重复（GB/T 15834-2011 §4）", mark)


_ELLIPSIS = re.compile(r"。{3,}|\.{3,}|…{3,}|(?<!…)…(?!…)|、{3,}|·{3,}")
_DASH = re.compile(r"(?<=[\u4e00-\u9fff”」）])(?:--|－－|――|——+—|—{3,}|~~)(?=[\u4e00-\u9fff“「（])")


@rule(
    id="punctuation.ellipsis-dash",
    category="punctuation",
    severity="warning",
    summary="省略号、破折号的写法",
    doc="""\
What it does: finds wrong forms of the 省略号 (。。。, ..., a lone …, ………) and the 破折号 (--, ――,
－－ between Chinese words), and writes them as …… and ——.

Why is this bad? GB/T 15834-2011 §4.11: the 省略号 is six dots in two character widths (……);
§4.10: the 破折号 is two em-dash widths (——). A single 一字线 — is a 连接号 (§4.13), not a dash.""",
    references=("GB/T 15834-2011 §4.10（破折号）", "§4.11（省略号）"),
    examples=[
        bad("包括道路、桥梁。。。等设施", fixed="包括道路、桥梁……等设施"),
        bad("包括道路、桥梁...等设施", fixed="包括道路、桥梁……等设施"),
        bad("包括道路、桥梁…等设施", fixed="包括道路、桥梁……等设施"),
        bad("这项工作--防汛--关系全局", fixed="这项工作——防汛——关系全局"),
        good("包括道路、桥梁……等设施；这项工作——防汛——关系全局；2024—2025年。"),
        good("see chapter 3... for details"),
    ],
)
def ellipsis_dash(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    mask = doc.prose_mask
    # each match holds one of these, in one line: the lines without one are not scanned
    for m in finditer_in(_ELLIPSIS, text, lines_holding_any(text, ("…", "。。。", "...", "、、、", "···"))):
        if mask.inside(m.start()):
            continue
        if m.group()[0] == "." and not (is_zh(prev_char(text, m.start())) or is_zh(next_char(text, m.end() - 1))):
            continue  # an English ellipsis
        yield Hit.fixing(m.start(), m.end(), f"省略号应写作“……”（六个点，占两个字的位置），不用“{m.group()}”"
                                      "（GB/T 15834-2011 §4.11）", "……")
    for m in finditer_in(_DASH, text, lines_holding_any(text, ("--", "－－", "――", "———", "~~"))):
        yield Hit.fixing(m.start(), m.end(), f"破折号应写作“——”（占两个字的位置），不用“{m.group()}”（GB/T 15834-2011 §4.10）", "——")


_ZH_DIGITS = "一二三四五六七八九十"
_APPROX = Led(re.compile(rf"([{_ZH_DIGITS}])(?<![{_ZH_DIGITS}第、].)、([{_ZH_DIGITS}])(?=[个名人天次家岁十百千万条件成批位])"),
              _ZH_DIGITS, then="、")
_DIGIT_VALUE = {ch: i for i, ch in enumerate("零一二三四五六七八九")}
_TITLED_LIST = re.compile(r"、(?<=[》”]、)(?=[《“])")
_ORDINAL = Led(re.compile(rf"([第其](?:(?<=^[第其])|(?<=[。；：\n\s][第其]))[{_ZH_DIGITS}]{{1,2}})、(?!第|其|[{_ZH_DIGITS}])"),
               "第其", then=_ZH_DIGITS, after="。；：\n" + WHITESPACE)


@rule(
    id="punctuation.enumeration-comma",
    category="punctuation",
    severity="warning",
    summary="顿号的误用",
    doc="""\
What it does: finds two misuses of the 顿号: between two neighbouring numerals that together give
an approximate number (三、四个 → 三四个), and after ordinals such as 第一、其二 that open a sentence
(第一、 → 第一，). A list of item numbers (第一、二、四项) is no approximation.

Why is this bad? GB/T 15834-2011 §4.5.3.5 (概数不用顿号), §4.4.3.3 (第一、其次 … 后用逗号).""",
    references=("GB/T 15834-2011 §4.5（顿号）", "§4.4.3.3（逗号）"),
    examples=[
        bad("每个乡镇配备三、四个人。", fixed="每个乡镇配备三四个人。"),
        bad("第一、加强组织领导。", fixed="第一，加强组织领导。"),
        good("三、四季度完成；第一、第二批次已下达；学习《条例》（2012年）、《规定》。"),
        good("符合本条第一款第一、二、四项规定的，予以登记；第三、五项另行规定。"),
    ],
)
def enumeration_comma(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    for m in _APPROX.finditer(text):
        a, b = _DIGIT_VALUE.get(m.group(1)), _DIGIT_VALUE.get(m.group(2))
        if a is None or b is None or b != a + 1:
            continue  # 二、四: two items, not an approximate number
        s = m.start() + 1
        yield Hit.fixing(s, s + 1, f"“{m.group(1)}{m.group(2)}”表示概数，中间不用顿号（GB/T 15834-2011 §4.5.3.5）", "")
    for m in _ORDINAL.finditer(text):
        s = m.end() - 1
        yield Hit.fixing(s, s + 1, f"“{m.group(1)}”用在句首表示次序时，后面用逗号（GB/T 15834-2011 §4.4.3.3）", "，")


@rule(
    id="punctuation.quoted-items-comma",
    category="punctuation",
    severity="info",
    summary="标有书名号或引号的并列成分之间通常不用顿号",
    doc="""\
What it does: points at a 顿号 between items that each stand in 书名号 or 引号 (《A》、《B》, “A”、“B”).

Why is this bad? It is not wrong: GB/T 15834-2011 §4.5.3.6 says such items are 通常 (usually) written
without the 顿号, and published State Council texts write both. Advice, so info.""",
    references=("GB/T 15834-2011 §4.5.3.6（顿号）",),
    examples=[
        bad("学习《条例》、《规定》。", fixed="学习《条例》《规定》。"),
        good("学习《条例》《规定》；学习《条例》（2012年）、《规定》。"),
    ],
)
def quoted_items_comma(doc, ctx) -> Iterator[Hit]:
    for m in _TITLED_LIST.finditer(doc.text):
        yield Hit.fixing(m.start(), m.end(), "标有书名号或引号的并列成分之间通常不用顿号（GB/T 15834-2011 §4.5.3.6）", "")


# 一是……；二是……；三是……: the mark before each later item
_ITEM = re.compile(r"([，；。,;])[ \u3000]*([二三四五六七八九十])是")
_ITEM_ORDER = "一二三四五六七八九十"


@rule(
    id="punctuation.parallel-items",
    category="punctuation",
    severity="warning",
    summary="“一是……二是……”各分项之间的标点不一致",
    doc="""\
What it does: in a paragraph that lists its points as 一是……二是……三是……, compares the mark that
ends each point: where most points end with one mark (；) and one or two with another (，), the odd
ones are reported, with the mark the others use. A list of two points has one mark and is left alone.

Why is this bad? The points of one list stand in the same relation to each other, so they are
divided by the same mark — in 公文 the 分号 between 分项 (GB/T 15834-2011 §4.6, 分号; with as many of
each, the 分号 is suggested): 一是……；二是……，
三是…… reads as if the third point belonged to the second.""",
    references=("GB/T 15834-2011 §4.6（分号）",),
    examples=[
        bad("一是加强组织领导；二是压实工作责任，三是强化督查考核；四是严格追责问责。", at="，"),
        bad("一是动员部署；二是集中整治，三是巩固提升。", at="，"),  # as many of each: the 分号
        good("一是加强组织领导；二是压实工作责任；三是强化督查考核。"),
        good("一是加强组织领导，二是压实工作责任，三是强化督查考核。"),
        good("一是加强领导，明确分工；二是压实责任。"),  # a comma inside a point is no divider
    ],
)
def parallel_items(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if "二是" not in text:
        return
    for ln in re.finditer(r"[^\n]+", text):
        line_start, line = ln.start(), ln.group()
        if "一是" not in line or "三是" not in line:
            continue
        marks, want = [], 1  # (offset, mark) before 二是, 三是 … in order
        for m in _ITEM.finditer(line, line.find("一是")):
            k = _ITEM_ORDER.index(m.group(2))
            if k != want:
                continue
            marks.append((line_start + m.start(1), FULL.get(m.group(1), m.group(1))))
            want += 1
        if len(marks) < 2:
            continue
        counts = Counter(mark for _, mark in marks)
        usual, n = counts.most_common(1)[0]
        if n == len(marks):
            continue  # all alike
        if n * 2 <= len(marks):
            if "；" not in counts:
                continue  # no usual mark to go by
            usual = "；"  # as many of each: the 分号 is the mark between 分项
        for pos, mark in marks:
            if mark != usual:
                yield Hit(pos, pos + 1, f"“一是……二是……”各分项之间的标点应一致：其余分项之间用“{usual}”，此处用“{mark}”"
                                        f"（GB/T 15834-2011 §4.6）", (usual,))


@rule(
    id="punctuation.heading-end",
    category="punctuation",
    severity="info",
    summary="独立成行的一级标题末尾加了标点",
    doc="""\
What it does: a level-1 heading that stands on its own line (一、总体要求) and ends with 。；，：.
Lower levels, and numbered items that are whole sentences, are left alone: they are often
one-sentence paragraphs.

Why is this bad? A heading on its own line takes no closing punctuation by the common practice of 公文
headings (GB/T 9704-2012 §7.3.3 shows them bare; GB/T 15834-2011 §4.1 puts the 句号 at the end of a
sentence). No clause requires it, so this is advice (info). A run-in heading followed by text on the
same line keeps its 句号.""",
    references=("GB/T 9704-2012 §7.3.3", "GB/T 15834-2011 §4.1"),
    examples=[
        bad("关于防汛的通知\n各单位：\n一、总体要求。\n坚持人民至上。", fixed="关于防汛的通知\n各单位：\n一、总体要求\n坚持人民至上。"),
        good("关于防汛的通知\n各单位：\n一、总体要求\n（一）指导思想。坚持人民至上，生命至上。"),
    ],
    gongwen_only=True,
)
def heading_end(doc, ctx) -> Iterator[Hit]:
    headings = doc.anatomy.headings
    # Numbered paragraphs (一、同意设立……，规划面积……。) are sentences, not headings:
    # when any item of a level carries sentence punctuation inside, the level is left alone.
    paragraphs = {h.level for h in headings if re.search(r"[，；。！？]", h.text[len(h.marker):-1])}
    for h in headings:
        if h.level > 1 or h.level in paragraphs or not h.text or h.text[-1] not in "。；，：":
            continue
        inner = h.text[len(h.marker):-1]
        if re.search(r"[。；，：！？]", inner) or len(inner) > 15:
            continue  # lower levels and longer items are often one-sentence paragraphs
        pos = h.end - 1
        yield Hit.fixing(pos, pos + 1, f"独立成行的标题末尾不加“{h.text[-1]}”", "")


_PHONE = re.compile(r"(0(?<![\d-]0)\d{2,3})[—－–―~～](\d{7,8})(?!\d)")
# (Each of these expressions matches a character before the look-behind that tests what precedes it: one
# that opens with a look-behind is tried at every character of the text; tests/test_expressions.py.)
_STRAY_SPACE = re.compile(r" (?<=[\u4e00-\u9fff，。；：、] ) {0,2}(?=[\u4e00-\u9fff])")
# Spaces that official texts set on purpose, not typing slips:
# after an article, chapter or part number (第三条 为了……), the separator;
_AFTER_NUMBER = re.compile(r"[第笫][一二三四五六七八九十百千零〇\d]+[条章节编款项部分](?:之[一二三四五六七八九十]+)?$")  # 笫: typo.ordinal-di's
# between joint issuers (上海市生态环境局 上海市消防救援总队关于……);
_ORGAN_END = re.compile(r"(?:局|委|委员会|办公室|办公厅|政府|总队|支队|院|部|厅|署|会|中心|办|党委|党组|街道|镇|所|公司)$")
_ORGAN_START = re.compile(r"^(?:中共|中国|中华|国家|国务院|最高|全国|[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|镇|街道|自治区|自治州))")
# form fields to fill in: boxes, blanks, options (高压/低压);
_FORM_LINE = re.compile(r"[□■☐☑£]|_{2,}|＿{2,}|[XＸ×]{2,}|[\u4e00-\u9fff]/[\u4e00-\u9fff]")
# a two-character name padded to three (孙  立), and the gap before it (土壤处  孙  立).
_PADDED_NAME = re.compile(rf"[{SURNAMES}](?:(?<=^[{SURNAMES}])|(?<=[\s：:，、（(][{SURNAMES}])) {{1,3}}[\u4e00-\u9fff]"
                          rf"(?=[\s，、。；）)]|$)")


def _deliberate_space(text: str, ls: int, le: int, start: int, end: int, doc) -> bool:
    line = text[ls:le]
    if len(re.sub(r"\W", "", line)) < 12:  # letters, digits and Han only: a fixed mark (… → ……) leaves the count
        return True  # short lines: names padded to align (王  伟), chapter titles (总  则)
    before, after = text[ls:start].rstrip(), text[end:le]
    if _AFTER_NUMBER.search(before):
        return True
    if not re.search(r"[。；，,;]|(?<=[\u4e00-\u9fff])\.", line):  # half-width too: fixing one must not change this answer
        return True  # a roster, a table row, a label (张小宏 副市长; 联系人：吴  建) — no running text
    colon = re.search(r"[：:]", line)
    if colon and ls + colon.start() > start and len(re.sub(r"\s", "", before)) <= 10:
        return True  # a label padded before its colon (电  话：, 主 任 委 员：)
    if _ORGAN_END.search(before) and _ORGAN_START.match(after):
        return True
    if _FORM_LINE.search(line):
        return True
    for m in _PADDED_NAME.finditer(line):
        if ls + m.start() - 3 <= start <= ls + m.end():
            return True
    a = doc.anatomy
    for span in (a.title, a.caption):
        if span is not None and span.start <= start < span.end:
            return True  # a title printed over two lines, or its 题注
    open_title = before.rfind("《")
    if open_title != -1 and "》" not in before[open_title:]:
        return True  # inside a cited title: a space stands for its line break (…管理 支持…)
    return False


@rule(
    id="punctuation.connector-and-spaces",
    category="punctuation",
    severity="warning",
    summary="电话号码中的连接号、汉字间多余的空格",
    doc="""\
What it does: writes the 连接号 in telephone numbers as the short hyphen (0551-12345678, not
0551—12345678 or 0551－12345678), and removes ASCII spaces typed between Chinese characters in
running text (a sentence).

Why is this bad? GB/T 15834-2011 §4.13: the short hyphen joins the parts of phone numbers and codes,
the 一字线 marks spans. A space inside a sentence is left from copying or from a PDF's line breaks
and shows as a gap in the issued document.

Spaces that official texts set on purpose are left alone: after an article or chapter number
(第三条 为了……), names and labels padded to align (总  指  挥：, 王  伟), rosters and table rows
(lines with no sentence punctuation), a space between joint issuers (……生态环境局 ……消防救援总队),
a title or cited title printed over two lines, its 题注, and form fields.""",
    references=("GB/T 15834-2011 §4.13（连接号）",),
    examples=[
        bad("联系电话：0551—12345678。", fixed="联系电话：0551-12345678。"),
        bad("各单位要高度 重视防汛工作。", fixed="各单位要高度重视防汛工作。"),
        bad("所需经费由区财政统筹安排，其 他费用由各街镇承担。", fixed="所需经费由区财政统筹安排，其他费用由各街镇承担。"),
        bad("请各单位于月底前报送，逾期不报的， 视为无异议。", fixed="请各单位于月底前报送，逾期不报的，视为无异议。"),
        good("联系电话：0551-12345678。\n王  伟\n2024—2025年"),
        good("第五条 本办法由市应急管理局负责解释，自印发之日起施行。"),
        good("一、组成人员\n总  指  挥：赵明远  市政府副市长\n副总指挥：钱  进  市应急管理局局长"),
        good("联系人：市生态环境局土壤处  孙  立，电话：12345678。"),
        good("江州市生态环境局 江州市消防救援支队关于开展联合检查的通知"),
        good("为贯彻落实《关于加快推进城市更新 促进高质量发展的意见》，现提出如下措施。"),
        good("江州市城市绿化条例\n（2024年6月28日江州市第十六届人民代表大会常务委员会 第二十次会议通过）\n"
             "第一条　为了加强城市绿化管理，制定本条例。"),
    ],
)
def connector_and_spaces(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    for m in _PHONE.finditer(text):
        right = f"{m.group(1)}-{m.group(2)}"
        yield Hit.fixing(m.start(), m.end(), "电话号码中的连接号用短横线“-”（GB/T 15834-2011 §4.13）", right)
    for m in _STRAY_SPACE.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        if _deliberate_space(text, ls, len(text) if le == -1 else le, m.start(), m.end(), doc):
            continue
        yield Hit.fixing(m.start(), m.end(), "汉字之间有多余的空格", "")


# National papers by name; a province's or city's paper is its short name + 日报/晚报 (浙江日报, 杭州日报).
_NATIONAL_PAPERS = ("人民日报", "光明日报", "经济日报", "法治日报", "法制日报", "工人日报", "农民日报", "科技日报",
                    "中国青年报", "中国妇女报", "中国纪检监察报", "学习时报", "解放军报")
_PAPER_END = Led(re.compile(r"日报|晚报|青年报|妇女报|监察报|时报|军报"), "日晚青妇监时军")
_PAPER_AFTER = re.compile(r"社|报业|集团|传媒|总编|编辑部|》|〉")


@rule(
    id="punctuation.newspaper-name",
    category="punctuation",
    severity="warning",
    summary="报纸名称未加书名号",
    doc="""\
What it does: finds the name of a newspaper written without 书名号: the national papers (人民日报,
光明日报 …) and a province's or city's paper (its short name + 日报/晚报: 浙江日报, ××日报), in running
text and in titles (关于订阅××日报的通知). The newspaper as an organisation (人民日报社, ××日报报业集团)
takes no 书名号 and is left alone.

Why is this bad? GB/T 15834-2011 §4.15.1: 书名号 mark the names of books, periodicals and newspapers;
in a title too (GB/T 9704-2012 §7.3.1 keeps them).""",
    references=("GB/T 15834-2011 §4.15.1（书名号标示报纸名）", "GB/T 9704-2012 §7.3.1（标题）"),
    examples=[
        bad("关于订阅2026年度湖州日报的通知", at="湖州日报"),
        bad("活动情况在人民日报刊发。", at="人民日报"),
        bad("关于做好××日报发行工作的通知", at="××日报"),
        good("关于订阅2026年度《湖州日报》的通知；活动情况在《人民日报》刊发。"),
        good("人民日报社、湖州日报报业集团派员参加；各单位报送工作日报。"),
    ],
)
def newspaper_name(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if "报" not in text:
        return
    places = None
    for m in _PAPER_END.finditer(text):
        e = m.end()
        s = next((e - len(n) for n in _NATIONAL_PAPERS if text.endswith(n, 0, e)), None)
        if s is None and m.group() in ("日报", "晚报"):
            places = places or ctx.resource("gazetteer").short_names
            s = next((m.start() - k for k in (3, 2) if m.start() >= k and (
                text[m.start() - k:m.start()] in places or text[m.start() - k:m.start()] in ("××", "ＸＸ", "XX"))), None)
        if s is None or (s and text[s - 1] in "《〈") or _PAPER_AFTER.match(text, e):
            continue
        name = text[s:e]
        yield Hit(s, e, f"报纸名称应加书名号：“《{name}》”（GB/T 15834-2011 §4.15.1）", (f"《{name}》",))


@hookimpl
def doccheck_rules():
    return [half_width, paired_marks, repeated, ellipsis_dash, enumeration_comma, quoted_items_comma,
            parallel_items, heading_end, connector_and_spaces, newspaper_name]
