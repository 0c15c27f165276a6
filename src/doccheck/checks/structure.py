"""Structure rules: heading numbering, 请示 matters in a 报告, how documents are
cited, 附件说明, 署名 and 成文日期, length limits (GB/T 9704-2012 §7.3;
条例 第十五条; 办法2000 第二十五条)."""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Hit
from ..hookspecs import hookimpl
from ..rule import bad, good, rule

ZH_NUM = "零一二三四五六七八九十"
LEVEL_NAMES = {1: "一级标题（一、）", 2: "二级标题（（一））", 3: "三级标题（1.）", 4: "四级标题（（1））"}


def zh_numeral(n: int) -> str:
    if n <= 10:
        return ZH_NUM[n]
    if n < 20:
        return "十" + (ZH_NUM[n - 10] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return ZH_NUM[tens] + "十" + (ZH_NUM[ones] if ones else "")


def _marker(level: int, n: int) -> str:
    return {1: f"{zh_numeral(n)}、", 2: f"（{zh_numeral(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]


def _wrap(text: str, body: str) -> str:
    return f"关于加强防汛工作的通知\n各县（市、区）人民政府：\n{body}\n{text}"


@rule(
    id="structure.heading-sequence",
    category="structure",
    severity="error",
    summary="标题序号跳号、重号或层级颠倒",
    doc="""\
What it does: follows the heading numbers of the body level by level — 一、 → （一） → 1. → （1） —
and reports a number that skips (一、二、四、), repeats (二、二、) or restarts wrongly, and a lower
level that appears before the first 一、 of a document that has them.

What is fine: a level left out (一、 followed by 1., GB/T 9704 says the levels 可以 be used in this
order); lower levels numbered on across sections ((一)…(三) under 一、, (四) under 二、, as State
Council documents do); items that each 第X条 numbers anew; the list of attachments.

Why is this bad? A skipped or repeated number tells the reader a section was lost or pasted twice.""",
    references=("GB/T 9704-2012 §7.3.3（正文，结构层次序数）",),
    examples=[
        bad(_wrap("", "一、总体要求\n二、主要任务\n四、保障措施"), at="四、"),
        bad(_wrap("", "一、总体要求\n（一）指导思想\n（一）工作目标\n二、主要任务"), at="（一）"),
        bad(_wrap("", "（一）指导思想\n一、总体要求\n（一）工作目标"), at="（一）"),
        good(_wrap("", "一、总体要求\n（一）指导思想\n1.坚持人民至上\n2.坚持系统观念\n（二）工作目标\n二、主要任务\n（一）完善机制")),
        good(_wrap("", "一、总体要求\n（一）指导思想\n（二）工作目标\n二、主要任务\n（三）完善机制\n（四）压实责任")),
        good(_wrap("", "一、总体要求\n1.坚持人民至上\n2.坚持系统观念\n二、主要任务\n3.完善机制")),
        good(_wrap("", "第一条 为加强管理，制定本办法。\n第二条 申请奖励应当具备下列条件：\n（一）事实清楚；\n"
                       "（二）证据确实。\n第三条 有下列情形之一的，不予奖励：\n（一）匿名举报的；\n（二）重复举报的。")),
        good(_wrap("", "一、总体要求\n1.坚持人民至上\n2.坚持系统观念\n附件：1.责任分工表\n2.进度安排表")),
        good(_wrap("", "一、工作安排\n1.2026年3月底前完成摸底。\n2.2026年6月底前完成整改。")),
    ],
    gongwen_only=True,
)
def heading_sequence(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    headings = a.headings
    if not headings:
        return
    expected: dict[int, int] = {}
    last: dict[int, int] = {}  # the last number of each level, across higher sections
    seen_levels: set[int] = set()
    has_top = any(h.level == 1 for h in headings)
    restarts, k = a.restarts, 0
    for h in headings:
        if k < len(restarts) and restarts[k] < h.start:
            while k < len(restarts) and restarts[k] < h.start:
                k += 1
            expected.clear()  # each 第X条, each attached document numbers its own items
            last.clear()
        if has_top and not restarts and h.level > 1 and 1 not in seen_levels and h.level not in seen_levels:
            yield Hit(h.start, h.marker_end,
                      f"{LEVEL_NAMES[h.level]}出现在{LEVEL_NAMES[1]}之前，层次顺序颠倒"
                      "（GB/T 9704-2012 §7.3.3）")
        want = expected.get(h.level, 1)
        if want == 1 and h.number == last.get(h.level, 0) + 1 and h.level in seen_levels:
            want = h.number  # numbered on across sections: （一）…（三） under 一、, （四） under 二、
        if h.number != want:
            what = "重复" if h.number < want else "跳号"
            right = _marker(h.level, want)
            yield Hit(h.start, h.marker_end,
                      f"{LEVEL_NAMES[h.level]}序号{what}：此处应为“{right}”，写成了“{h.marker}”（GB/T 9704-2012 §7.3.3）",
                      (right,))
        expected[h.level] = h.number + 1
        last[h.level] = h.number
        seen_levels.add(h.level)
        for deeper in range(h.level + 1, 5):
            expected.pop(deeper, None)  # numbering of lower levels restarts under a new heading


# Laws and work reports number their own way (第X条, their own styles); 公文, speeches, articles and
# fragments follow GB/T 15834.
_OWN_NUMBERING = ("规范性文件", "工作报告")
_AFTER_BRACKET = re.compile(r"[、，,.．]+")  # marks after （一）, all dropped


def heading_mark_rewrites(doc) -> dict[int, str]:
    """Where structure.heading-marker-form rewrites the mark after a heading number, and what it
    becomes (一. → 一、, 1、 → 1., （一）、 → （一） with "" for a dropped mark): the punctuation rules
    read the text as it will be, so that the fixes agree in one pass."""
    found = doc.memo.get("structure.heading-marks")
    if found is not None:
        return found
    found = doc.memo["structure.heading-marks"] = {}
    a = doc.anatomy
    if a.kind in _OWN_NUMBERING:
        return found
    for h in a.headings:
        if h.level == 1 and h.marker[-1] != "、":
            found[h.marker_end - 1] = "、"
        elif h.level == 3 and h.marker[-1] in "、，,":
            found[h.marker_end - 1] = "."
        elif h.level in (2, 4):
            m = _AFTER_BRACKET.match(doc.text, h.marker_end)
            if m:
                found.update((k, "") for k in range(m.start(), m.end()))
    return found


@rule(
    id="structure.heading-marker-form",
    category="structure",
    severity="warning",
    summary="标题序号后的标点用法",
    doc="""\
What it does: checks the mark after a heading number: 一、 (not 一. 一， 一．), 1. (not 1、 1，).

Why is this bad? GB/T 9704-2012 §7.3.3 writes the levels as 一、 （一） 1. （1）; GB/T 15834-2011
§4.5 uses the 顿号 after Chinese numerals only. (Half-width brackets in （一） are the punctuation
rule's.)""",
    references=("GB/T 9704-2012 §7.3.3", "GB/T 15834-2011 §4.5（顿号）"),
    examples=[
        bad(_wrap("", "一.总体要求\n二、主要任务"), fixed=_wrap("", "一、总体要求\n二、主要任务")),
        bad(_wrap("", "一、总体要求\n1、坚持人民至上\n2.坚持系统观念"), fixed=_wrap("", "一、总体要求\n1.坚持人民至上\n2.坚持系统观念")),
        good(_wrap("", "一、总体要求\n1.坚持人民至上")),
        # a mark after the bracket of （一） or （1）: the bracket is the separator
        bad(_wrap("", "一、总体要求\n（一）、压实工作责任"), fixed=_wrap("", "一、总体要求\n（一）压实工作责任")),
        # a heading checked on its own line
        bad("（一）、压实工作责任", fixed="（一）压实工作责任"),
        bad("1、加强组织领导", fixed="1.加强组织领导"),
        bad("2、", fixed="2."),  # the number quoted alone
        good("（一）压实工作责任"),
    ],
    skip_kinds=_OWN_NUMBERING,
)
def heading_marker_form(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    for h in doc.anatomy.headings:
        if h.level in (2, 4):
            m = _AFTER_BRACKET.match(text, h.marker_end)
            if m:
                yield Hit.fixing(m.start(), m.end(), f"括号序号“{h.marker}”后不再加“{m.group()}”"
                                                     "（GB/T 9704-2012 §7.3.3；GB/T 15834-2011 §4.5）", "")
            continue
        sep = h.marker[-1]
        if h.level == 1 and sep != "、":
            yield Hit.fixing(h.marker_end - 1, h.marker_end, f"一级标题序号后应使用顿号“、”，不用“{sep}”（GB/T 9704-2012 §7.3.3）", "、")
        elif h.level == 3 and sep in "、，,":
            yield Hit.fixing(h.marker_end - 1, h.marker_end, f"三级标题序号应写作“{h.number}.”，阿拉伯数字后不用“{sep}”"
                                                      "（GB/T 9704-2012 §7.3.3；GB/T 15834-2011 §4.5）", ".")


REQUEST_PHRASES = re.compile(
    r"(妥否|当否|是否妥当)[，,]?\s*请(予)?(批示|审批|批复)|请(予)?(批准|审批|批示|批复|核准|审核批准)|恳请(批准|审批|批复|同意)|"
    r"请(上级|领导)?(审定|核准)后?(批复|下达)|"
    r"恳请[^。；，\n]{0,12}?(安排|拨付|解决|给予|支持|批准|同意|审定)"
)


@rule(
    id="structure.request-in-report",
    category="structure",
    severity="error",
    summary="报告中不得夹带请示事项",
    doc="""\
What it does: in a 报告, finds the phrases that ask the superior for a decision (请予批准, 请批示,
妥否请批示, 请审批 …).

Why is this bad? 条例 第十五条（四）: 除上级机关负责人直接交办事项外，不得……在报告等非请示性公文中
夹带请示事项. A 报告 is read and filed, not answered: the request in it is never decided.

Use instead: send the request as a separate 请示.""",
    references=("《党政机关公文处理工作条例》第十五条（四）",),
    examples=[
        bad("关于2025年防汛工作情况的报告\n市人民政府：\n今年以来……以上报告，妥否，请批示。\n", at="妥否，请批示"),
        bad("关于防汛工作情况的报告\n市人民政府：\n拟增加防汛资金200万元，请予批准。\n", at="请予批准"),
        bad("关于强降雨应对情况的报告\n市人民政府：\n恳请市政府安排救灾资金2000万元。\n", at="恳请市政府安排"),
        good("关于申请防汛资金的请示\n市人民政府：\n拟增加防汛资金200万元，妥否，请批示。\n"),
        good("关于防汛工作情况的报告\n市人民政府：\n今年以来……特此报告。\n"),
    ],
    gongwen_only=True,
)
def request_in_report(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.doctype != "报告":
        return
    for m in REQUEST_PHRASES.finditer(doc.text, a.title.end if a.title else 0):
        yield Hit(m.start(), m.end(), f"报告中不得夹带请示事项（“{m.group()}”），需要上级批准的事项应另行请示"
                                      "（条例 第十五条（四））")


@rule(
    id="structure.citation-order",
    category="structure",
    severity="warning",
    summary="引用公文应先引标题，后引发文字号",
    doc="""\
What it does: finds a document cited by its 发文字号 alone ("根据市政发〔2023〕11号文件要求").

Why is this bad? 办法2000 第二十五条（四）, still the common practice: 引用公文应当先引标题，后引
发文字号 — 《关于……的通知》（江政发〔2024〕8号）. A bare number sends the reader searching.""",
    references=("《国家行政机关公文处理办法》（2000）第二十五条（四）",),
    examples=[
        bad("根据市政发〔2023〕11号文件要求，现将有关事项通知如下。", at="市政发〔2023〕11号"),
        bad("按照省政府的通知（省政发〔2023〕11号）要求，现将有关事项通知如下。", at="省政发〔2023〕11号"),
        good("根据《关于印发〈防汛工作方案〉的通知》（市政发〔2023〕11号）要求，现通知如下。"),
        good("根据市政府《关于做好防汛工作方案》的通知（市政发〔2023〕11号）要求，现通知如下。"),
        good("附件：1.江州市防汛工作实施意见（市政发〔2023〕11号）\n2.责任分工表"),
        good("按照《关于加强防汛工作的通知》（市政发〔2023〕11号）要求，各地要严格落实市政发〔2023〕11号文件规定的措施。"),
        good("根据《江州市人民政府关于加强防汛工作的通知》（江政发〔2024〕8号）要求，现将有关事项通知如下。"),
        good("江州市人民政府文件\n江政发〔2025〕3号\n关于加强防汛工作的通知\n各单位：\n"),
    ],
)
def citation_order(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    own = a.doc_number
    text = doc.text
    start = a.header_end if a.title else 0
    for n in doc.doc_numbers:
        if n.start < start:
            continue
        if own is not None and n.start == own.start:
            continue
        if _cited_after_title(text, n.start) or _cited_before(text, n):
            continue
        line_start = text.rfind("\n", 0, n.start) + 1
        line_end = text.find("\n", n.end)
        rest = (text[line_start:n.start] + text[n.end:len(text) if line_end == -1 else line_end]).strip(" \u3000")
        if not rest or rest.startswith("签发人"):
            continue  # a number standing alone on its line: a 版头, a list of documents
        yield Hit(n.start, n.end, f"引用公文应先引标题，后引发文字号，如《关于……的通知》（{n.normalized}），"
                                  "不宜只引发文字号（办法2000 第二十五条（四））")


def _cited_before(text: str, n) -> bool:
    """The same number already cited after its title: a later bare reference is fine."""
    i = text.find(n.text)
    while i != -1 and i < n.start:
        if _cited_after_title(text, i):
            return True
        i = text.find(n.text, i + 1)
    return False


# What a document's name ends with when it stands without 书名号 (an attachment list, 《…》的通知).
_DOC_WORDS = (r"(?:通知|意见|办法|规定|细则|方案|决定|通报|批复|函|请示|报告|规划|纲要|要点|计划|规则|条例|标准|"
              r"导则|指南|清单|目录)")
_NAMED_DOC = re.compile(r"[》〉]的" + _DOC_WORDS + "$")
_LISTED_DOC = re.compile(r"[\u4e00-\u9fff]" + _DOC_WORDS + "$")  # in a list of attachments, names go bare


def _cited_after_title(text: str, start: int) -> bool:
    """Inside a bracket that follows a document's name: 《…》（江政发〔2024〕8号、…）,
    《关于……方案》的通知（沪绿容〔2025〕137号）, 1.……实施意见（闵征收〔2023〕12号）."""
    line_start = text.rfind("\n", 0, start) + 1
    k = start - 1
    depth = 0
    while k >= line_start:
        ch = text[k]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                before = text[max(0, k - 12):k]
                listed = re.match(r"^\s*(?:附件\s*\d*\s*[：:]|\d+[.．、])", text[line_start:k]) is not None
                return k > 0 and (text[k - 1] in "》〉" or _NAMED_DOC.search(before) is not None
                                  or (listed and _LISTED_DOC.search(before) is not None))
            depth -= 1
        elif ch in "。；" and depth == 0:
            return False
        k -= 1
    return False


@rule(
    id="structure.attachment-note",
    category="structure",
    severity="warning",
    summary="附件说明与所附附件不一致或格式不对",
    doc="""\
What it does: checks the 附件说明 below the body: with several attachments they are numbered
(附件：1.…  2.…); with one, no number; names end without punctuation; and the number of
attachments announced matches the attachments that follow the 成文日期 (附件1, 附件2 …).

Why is this bad? GB/T 9704-2012 §7.3.4 and §7.3.7: the 附件说明 tells the receiving office what it
should have received; a mismatch means a missing or extra attachment.""",
    references=("GB/T 9704-2012 §7.3.4（附件说明）", "§7.3.7（附件）"),
    examples=[
        bad("关于防汛的通知\n各单位：\n请认真贯彻执行。\n附件：1.防汛责任人名单。\n江州市人民政府\n2025年5月6日\n", at="。"),
        bad("关于防汛的通知\n各单位：\n请认真贯彻执行。\n附件：1.防汛责任人名单\n      2.物资清单\n江州市人民政府\n"
            "2025年5月6日\n附件1\n防汛责任人名单\n", at="附件：1.防汛责任人名单"),
        good("关于防汛的通知\n各单位：\n请认真贯彻执行。\n附件：1.防汛责任人名单\n      2.物资清单\n江州市人民政府\n"
             "2025年5月6日\n附件1\n防汛责任人名单\n附件2\n物资清单\n"),
        good("关于防汛的通知\n各单位：\n请认真贯彻执行。\n附件：防汛责任人名单\n江州市人民政府\n2025年5月6日\n"),
    ],
    gongwen_only=True,
)
def attachment_note(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    note = a.attachment_note
    if not note:
        return
    items = []
    for i, line in enumerate(note):
        t = line.text
        body = re.sub(r"^附件[：:]\s*", "", t) if i == 0 else t
        offset = line.start + len(t) - len(body)
        items.append((offset, body))
        if body and body[-1] in "。；，.;,":
            pos = offset + len(body) - 1
            yield Hit.fixing(pos, pos + 1, "附件名称后不加标点符号（GB/T 9704-2012 §7.3.4）", "")
    numbered = [b for _, b in items if re.match(r"^\d+[.．、]", b)]
    if len(items) == 1 and numbered:
        off, body = items[0]
        m = re.match(r"^\d+[.．、]\s*", body)
        yield Hit.fixing(off, off + m.end(), "只有一个附件时，附件名称前不加序号（GB/T 9704-2012 §7.3.4）", "")
    if a.attachments and len(a.attachments) != len(items):
        first = note[0]
        yield Hit(first.start, first.end, f"附件说明列出{len(items)}个附件，正文后实际附有{len(a.attachments)}个，"
                                          "请核对（GB/T 9704-2012 §7.3.4、§7.3.7）")


@rule(
    id="structure.signature-date",
    category="structure",
    severity="warning",
    summary="缺少成文日期",
    doc="""\
What it does: in a 公文 with a body, looks for the 成文日期 after it (at the end, or, in a notice that
prints or forwards a long text, after the notice and before what it attaches). A missing date is
reported where it belongs: after the body. (A missing 署名 is structure.signature's.)

Why is this bad? 条例 第九条（十一）and GB/T 9704-2012 §7.3.5: the 成文日期 dates the document; without it
neither the document nor its deadlines can be dated (纪要 and 命令 aside, which have their own formats).""",
    references=("GB/T 9704-2012 §7.3.5（发文机关署名、成文日期和印章）", "《党政机关公文处理工作条例》第九条（十）（十一）"),
    examples=[
        bad("关于防汛的通知\n各单位：\n请认真贯彻执行。\n"),
        good("关于防汛的通知\n各单位：\n请认真贯彻执行。\n　　　　　　　　　　江州市人民政府办公室\n　　　　　　　　　　　2025年5月6日\n"),
        good("关于印发《江州市防汛应急预案》的通知\n各区人民政府：\n现将《江州市防汛应急预案》印发给你们，请认真执行。\n"
             "江州市人民政府\n2025年5月6日\n江州市防汛应急预案\n一、总则\n为做好防汛工作，制定本预案。\n"),
        good("关于防汛的通知\n各单位：\n请认真贯彻执行。\n江州市人民政府\n2025\n年5月6日\n"),
        good("江州市城市绿化条例\n（2024年6月28日江州市第十六届人民代表大会常务委员会第二十次会议通过）\n"
             "第一条　为了加强城市绿化管理，制定本条例。\n第二条　本条例自2025年1月1日起施行。\n"),
    ],
    gongwen_only=True,
)
def signature_date(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.doctype in ("纪要", "命令", "公报", "议案") or a.body is None:
        return
    if a.issue_date_line is None:
        pos = a.body.end
        yield Hit(pos, pos, "缺少成文日期：应在正文（或附件说明）之后署发文机关名称并标注成文日期"
                            "（GB/T 9704-2012 §7.3.5）")


@rule(
    id="structure.signature",
    category="structure",
    severity="info",
    summary="成文日期上方没有发文机关署名",
    doc="""\
What it does: finds a 成文日期 with no 发文机关署名 above it.

Why is this advice? GB/T 9704-2012 §7.3.5.1 puts the 署名 above the 成文日期 一般 (as a rule), and
条例 第九条 lists the elements a 公文 一般 has; pages that publish a 公文 often leave out the 署名 with
the seal. Worth a look in a draft, not an error.""",
    references=("GB/T 9704-2012 §7.3.5（发文机关署名、成文日期和印章）", "《党政机关公文处理工作条例》第九条（十）"),
    examples=[
        bad("关于防汛的通知\n各单位：\n请认真贯彻执行。\n2025年5月6日\n", at=""),
        good("关于防汛的通知\n各单位：\n请认真贯彻执行。\n江州市人民政府\n2025年5月6日\n"),
    ],
    gongwen_only=True,
)
def signature(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.doctype in ("纪要", "命令", "公报", "议案") or a.body is None or a.issue_date_line is None:
        return
    if not a.signature:
        pos = a.issue_date_line.start
        yield Hit(pos, pos, "成文日期上方缺少发文机关署名（GB/T 9704-2012 §7.3.5）")


@rule(
    id="structure.length-limit",
    category="structure",
    severity="warning",
    summary="文稿超过规定篇幅",
    doc="""\
What it does: counts the characters of the body. Materials for the mayor's office meeting (titles
naming 常务会议, 办公会议, 市长办公会) are held to `meeting-max-chars` (3,000 by the office rule);
`max-chars` sets a limit for every document (0, the default, sets none).

Why is this bad? Office rule: written reports for the mayor's office meeting are at most 3,000
characters, so that the meeting reads them. Configure in doccheck.toml:
    [options."structure.length-limit"]
    max-chars = 5000""",
    references=("Office rule (市政府常务会议汇报材料不超过3000字); see shared/domain §3",),
    options={"max-chars": 0, "meeting-max-chars": 3000},
    examples=[
        bad("关于提请市政府常务会议研究防汛工作的报告\n市人民政府：\n" + "今年以来全市防汛工作有序推进。" * 220 + "\n"),
        good("关于提请市政府常务会议研究防汛工作的报告\n市人民政府：\n" + "今年以来全市防汛工作有序推进。" * 50 + "\n"),
    ],
    gongwen_only=True,
)
def length_limit(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.body is None:
        return
    limit = int(ctx.option("max-chars", 0) or 0)
    title = a.title.text if a.title else ""
    if re.search(r"常务会议|办公会议|市长办公会|常务会", title):
        meeting = int(ctx.option("meeting-max-chars", 3000) or 0)
        limit = min(limit, meeting) if limit else meeting
    if not limit:
        return
    count = sum(1 for ch in a.body.text if not ch.isspace())
    if count > limit:
        yield Hit(a.body.start, a.body.start, f"正文{count}字，超过规定的{limit}字，请压缩篇幅（办公规定）")


_ATTACHMENT_NUMERAL = re.compile(r"(?m)^[ \u3000]*附件([一二三四五六七八九十]+)(?=[：:\s]|$)")


@rule(
    id="structure.attachment-number",
    category="structure",
    severity="warning",
    summary="附件序号用阿拉伯数字",
    doc="""\
What it does: finds an attachment numbered in Chinese numerals where the 附件 mark stands at the
start of a line: 附件一： → 附件1：.

Why is this bad? GB/T 9704-2012 §7.3.4 numbers attachments with Arabic numerals (附件：1.×××), and
§7.3.7 marks each attachment with 附件 and its Arabic number. Applies to any text, fragments too.""",
    references=("GB/T 9704-2012 §7.3.4（附件说明）", "§7.3.7（附件）"),
    examples=[
        bad("附件一：防汛责任人名单", fixed="附件1：防汛责任人名单"),
        good("附件1：防汛责任人名单\n详见附件一览表。"),
    ],
)
def attachment_number(doc, ctx) -> Iterator[Hit]:
    from ..dates import zh_number

    for m in _ATTACHMENT_NUMERAL.finditer(doc.text) if "附件" in doc.text else ():  # in every match
        n = zh_number(m.group(1))
        if n is None:
            continue
        yield Hit.fixing(m.start(1), m.end(1), f"附件序号应使用阿拉伯数字：“附件{m.group(1)}”应写作“附件{n}”"
                                              "（GB/T 9704-2012 §7.3.4、§7.3.7）", str(n))


# 关于申请防汛资金和增加人员编制的请示: two requests, each with its own verb and object.
_REQUEST_VERB = "申请|请求|增加|追加|调整|拨付|批准|审批|核定|解决|设立|成立|购置|划拨|减免|新建|变更|撤销"
_TWO_MATTERS = re.compile(r"关于(?:" + _REQUEST_VERB + r")[^，、。和及并]{3,24}(?:和|及|以及|并)(?:" + _REQUEST_VERB +
                          r")[^，、。]{2,24}的请示")


@rule(
    id="structure.one-matter",
    category="structure",
    severity="warning",
    summary="请示应当一文一事",
    doc="""\
What it does: reports a 请示 whose title asks for two things, each with its own verb and object
(关于申请防汛资金和增加人员编制的请示). One request with two verbs on one object (关于调整和完善……的请示)
is left alone.

Why is this bad? 《党政机关公文处理工作条例》第十五条（四）: 请示应当一文一事. Two matters often go to different
offices and are decided at different times: one is answered, the other forgotten.

Use instead: a 请示 for each matter.""",
    references=("《党政机关公文处理工作条例》第十五条（四）",),
    examples=[
        bad("关于申请防汛资金和增加人员编制的请示\n市人民政府：\n现请示如下。\n", at="关于申请防汛资金和增加人员编制的请示"),
        good("关于申请防汛资金的请示\n市人民政府：\n现请示如下。\n"),
        good("关于调整和完善防汛物资储备标准的请示\n市人民政府：\n现请示如下。\n"),
        good("关于申请设立江北新区管理委员会的请示\n市人民政府：\n现请示如下。\n"),
    ],
    gongwen_only=True,
)
def one_matter(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.doctype != "请示" or a.title is None:
        return
    m = _TWO_MATTERS.search(a.title.text)
    if m:
        s = a.title.start + m.start()
        yield Hit(s, a.title.start + m.end(), "请示应当一文一事：此标题同时请示两件事项，宜分别行文"
                                              "（《党政机关公文处理工作条例》第十五条（四））")


# A reply to several 请示 at once: 对你镇的三份请示……批复如下, or two cited 请示 titles before 收悉.
_SEVERAL_REQUESTS = re.compile(r"你(?:们)?[\u4e00-\u9fff]{0,6}?(?:报来|报送|上报|呈报)?的?(?:数|多|几|两|二|三|四|五|六|七|八|九|十)"
                               r"(?:次|份|个|件)请示")
_TWO_CITED_REQUESTS = re.compile(r"《[^《》\n]{2,80}?的请示》[^《》。\n]{0,30}?[和及、与]《[^《》\n]{2,80}?的请示》"
                                 r"[^。\n]{0,40}?收悉")
_REPLYING = re.compile(r"批复|答复|复函|收悉")


@rule(
    id="structure.one-reply",
    category="structure",
    severity="warning",
    summary="批复应一文一批：一份批复答复了多份请示",
    doc="""\
What it does: in a reply (a sentence that answers: 批复如下、答复如下、收悉), finds several 请示 answered
at once: 对你镇的三份请示, or two cited 请示 titles joined before 收悉.

Why is this bad? A 请示 is one document for one matter (《党政机关公文处理工作条例》第十五条（四）：请示应当一文一事), and
each is registered, answered and filed on its own: a reply to several leaves the others without an answer
of their own. The practice is 一文一批 — one 批复 for each 请示.

Use instead: one 批复 for each 请示.""",
    references=("《党政机关公文处理工作条例》第十五条（四）（请示应当一文一事）", "第八条（十二）（批复适用于答复下级机关请示事项）"),
    examples=[
        bad("你县报来的三份请示收悉，经研究，批复如下：", at="三份请示"),
        bad("《关于新建城南水厂的请示》（江水〔2025〕3号）和《关于调整供水价格的请示》（江水〔2025〕5号）收悉。",
            at="《关于新建城南水厂的请示》（江水〔2025〕3号）和《关于调整供水价格的请示》（江水〔2025〕5号）收悉"),
        good("你县《关于新建城南水厂的请示》（江水〔2025〕3号）收悉。经研究，批复如下："),
        good("县水利局曾多次请示，省厅已作答复。"),  # a narrative, not a reply addressed to the office
    ],
)
def one_reply(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if "请示" not in text:
        return
    for m in _SEVERAL_REQUESTS.finditer(text):
        end = text.find("。", m.end())
        if _REPLYING.search(text, m.start(), end if end >= 0 else len(text)):
            s = m.end() - 4
            yield Hit(s, m.end(), "批复应一文一批：对每份请示分别作出批复（《党政机关公文处理工作条例》第十五条（四））")
    for m in _TWO_CITED_REQUESTS.finditer(text):
        yield Hit(m.start(), m.end(), "批复应一文一批：两份请示应分别作出批复（《党政机关公文处理工作条例》第十五条（四））")


@hookimpl
def doccheck_rules():
    return [one_reply, one_matter, heading_sequence, heading_marker_form, request_in_report, citation_order, attachment_note,
            signature_date, signature, length_limit, attachment_number]
