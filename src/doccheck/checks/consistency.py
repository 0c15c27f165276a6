"""Checks of a 公文 against itself: its closing against its 文种, the attachments its body
refers to against its 附件说明, and totals against the parts listed after 其中. Each finding
points at the later, conflicting span and carries the earlier one as a related location."""

from __future__ import annotations

import re
from typing import Iterator

from ..dates import zh_number
from ..docnumber import find_doc_numbers
from ..findings import Hit, Related
from ..hookspecs import hookimpl
from ..lexicon import one_edit
from ..rule import bad, good, rule
from ..stretches import CharSet, merged

# Closings that belong to one 文种 (《党政机关公文处理工作条例》第八条 on what each type is for).
_CLOSINGS = {
    "请示": re.compile(r"(妥否|当否|是否妥当|是否可行)[，,]?\s*请(予)?(批示|审批|批复|审定)|请予?批准|请批示"),
    "通知": re.compile(r"特此通知"),
    "通报": re.compile(r"特此通报"),
    "报告": re.compile(r"特此报告"),
    "函": re.compile(r"特此函告|特此函复|请予函复|盼复"),
    "批复": re.compile(r"此复|特此批复"),
}
# Which closings a type must not end with.
_WRONG = {
    "通知": ("请示", "报告", "函", "批复"),
    "通报": ("请示", "批复"),
    "意见": ("请示",),
    "决定": ("请示", "批复"),
    "请示": ("通知", "通报", "报告", "批复"),
    "报告": ("通知", "批复"),  # 请示 matters in a 报告 are structure.request-in-report's
    "函": ("通知", "报告", "请示"),
    "批复": ("通知", "请示", "报告"),
}


def _wrap(doctype: str, body: str) -> str:
    recipient = "省人民政府：" if doctype in ("请示", "报告") else "各区人民政府："
    return f"关于做好防汛工作的{doctype}\n{recipient}\n{body}\n江州市人民政府\n2025年5月6日\n"


@rule(
    id="consistency.closing-formula",
    category="consistency",
    severity="warning",
    summary="结束语与文种不符",
    doc="""\
What it does: reads the last paragraphs of the body and finds a closing that belongs to another
文种: a 通知 that ends with 妥否，请批示 (a 请示's), a 请示 that ends with 特此通知, a 函 that ends
with 特此报告. The title's 文种 is given as the related location.

Why is this bad? 《党政机关公文处理工作条例》第八条 gives each 文种 its use; a closing copied from
another type shows the document was adapted from one and not finished, and a 请示 that does not ask
for an answer may not get one.""",
    references=("《党政机关公文处理工作条例》第八条（公文种类）",),
    examples=[
        bad(_wrap("通知", "请各区认真做好防汛准备工作。\n妥否，请批示。"), at="妥否，请批示"),
        bad(_wrap("请示", "拟安排防汛资金500万元。\n特此通知。"), at="特此通知"),
        bad(_wrap("函", "请贵局协助做好相关工作。\n特此报告。"), at="特此报告"),
        good(_wrap("请示", "拟安排防汛资金500万元。\n妥否，请批示。")),
        good(_wrap("通知", "请各区认真做好防汛准备工作。\n特此通知。")),
        good(_wrap("函", "请贵局协助做好相关工作。\n特此函告。")),
    ],
    gongwen_only=True,
)
def closing_formula(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    wrong = _WRONG.get(a.doctype)
    if not wrong or a.body is None or a.title is None:
        return
    text = doc.text
    tail_start = max(a.body.start, text.rfind("\n", a.body.start, max(a.body.start, a.body.end - 1)) + 1)
    tail_start = max(a.body.start, text.rfind("\n", a.body.start, max(a.body.start, tail_start - 1)) + 1)
    for other in wrong:
        for m in _CLOSINGS[other].finditer(text, tail_start, a.body.end):
            kind = text.rfind(a.doctype, a.title.start, a.title.end)
            related = (Related(kind, kind + len(a.doctype), f"标题所示文种为“{a.doctype}”"),) if kind >= 0 else ()
            yield Hit(m.start(), m.end(), f"{a.doctype}的结束语不应使用{other}的“{m.group()}”"
                      f"（《党政机关公文处理工作条例》第八条）", related=related)


_ATTACHMENT_REF = re.compile(r"附件\s*(\d{1,2})(?!\d)")


@rule(
    id="consistency.attachment-reference",
    category="consistency",
    severity="warning",
    summary="正文所引附件与附件说明不符",
    doc="""\
What it does: compares the attachments the body refers to by number (详见附件3) with the 附件说明: a
number beyond those listed is reported, with the 附件说明 as the related location. An attachment
referred to by name, or a document without a 附件说明, is not checked.

Why is this bad? GB/T 9704-2012 §7.3.4 and §7.3.7: the 附件说明 lists the attachments in order, by
number and name, and the attachments follow it. A reference to 附件3 in a document with two means an
attachment was dropped or renumbered after a late edit.""",
    references=("GB/T 9704-2012 §7.3.4（附件说明）", "§7.3.7（附件）"),
    examples=[
        bad("关于做好防汛工作的通知\n各区人民政府：\n责任人名单见附件1，物资清单见附件3。\n"
            "附件：1.防汛责任人名单\n2.防汛物资清单\n江州市人民政府\n2025年5月6日\n", at="附件3"),
        good("关于做好防汛工作的通知\n各区人民政府：\n责任人名单见附件1，物资清单见附件2。\n"
             "附件：1.防汛责任人名单\n2.防汛物资清单\n江州市人民政府\n2025年5月6日\n"),
        good("关于做好防汛工作的通知\n各区人民政府：\n物资清单见附件。\n附件：防汛物资清单\n江州市人民政府\n2025年5月6日\n"),
        good("关于做好防汛工作的通知\n各区人民政府：\n物资清单见附件2。\n附件：\n1.防汛责任人名单\n2.防汛物资清单\n"
             "江州市人民政府\n2025年5月6日\n"),
    ],
    gongwen_only=True,
)
def attachment_reference(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if not a.attachment_note or a.body is None:
        return
    note = a.attachment_note
    listed = sum(bool(re.match(r"^(?:附件\s*[：:])?\s*\d+[.．、]", x.text)) for x in note) or 1
    text = doc.text
    for m in _ATTACHMENT_REF.finditer(text, a.body.start, a.body.end):
        n = int(m.group(1))
        if n > listed:
            yield Hit(m.start(), m.end(), f"正文提到附件{n}，但附件说明只列了{listed}个附件（GB/T 9704-2012 §7.3.4）",
                      related=(Related(note[0].start, note[-1].end, "附件说明"),))


_UNIT = r"(万元|亿元|元|万人|人|个|家|项|吨|亩|公里)"
_TOTAL = re.compile(r"(?:共|合计|总计|累计)(?:安排|下达|投入|筹集|拨付|落实|完成|有|计)?[^。；，\n]{0,8}?"
                    r"(\d+(?:\.\d+)?)" + _UNIT + r"[，,]\s*其中")
_PART = re.compile(r"(\d+(?:\.\d+)?)" + _UNIT)


@rule(
    id="consistency.total",
    category="consistency",
    severity="warning",
    summary="合计数与分项之和不符",
    doc="""\
What it does: where a sentence states a total and lists its parts after 其中 in the same unit
(共安排资金800万元，其中A500万元、B200万元、C200万元), reports parts that add up to more than the
total, or, when the parts are joined as a complete list (、 and 和, no 等), to less.

Why is this bad? A total that its parts contradict is found by every reader who adds them up; it
comes from a late edit of one figure.""",
    references=("Consistency check (the brief's checks across one document)",),
    examples=[
        bad("共安排资金800万元，其中市级资金500万元、区级资金400万元。", at="400万元"),
        bad("共安排资金800万元，其中市级资金500万元、区级资金200万元。", at="200万元"),
        good("共安排资金800万元，其中市级资金500万元、区级资金300万元。"),
        good("共安排资金800万元，其中市级资金500万元。"),
        good("共安排资金800万元，其中市级资金500万元、区级资金200万元等。"),
    ],
)
def total(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if "其中" not in text:
        return  # every match ends with it: a text without one is not scanned (six texts in seven)
    for m in _TOTAL.finditer(text):
        whole, unit = float(m.group(1)), m.group(2)
        end = text.find("。", m.end())
        end = len(text) if end == -1 else end
        rest = text[m.end():end]
        if re.search(r"\n|；", rest):
            rest = re.split(r"\n|；", rest)[0]
        parts = [p for p in _PART.finditer(rest) if p.group(2) == unit]
        if len(parts) < 2 or re.search(r"等|约|余|多|左右|以上|以下|超过|不少于|不低于|分别|同比|增长|下降", rest):
            continue
        added = sum(float(p.group(1)) for p in parts)
        last = parts[-1]
        s = m.end() + last.start()
        related = (Related(m.start(1), m.end(2), f"合计{m.group(1)}{unit}"),)
        if added > whole + 1e-9:
            yield Hit(s, s + len(last.group()), f"分项之和{_fmt(added)}{unit}超过合计{m.group(1)}{unit}", related=related)
        elif added < whole - 1e-9 and "、" in rest and re.search(r"[、和及]", rest[:last.start()]):
            yield Hit(s, s + len(last.group()), f"分项之和{_fmt(added)}{unit}少于合计{m.group(1)}{unit}，请核对",
                      related=related)


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


_IN_FORCE = re.compile(r"自\s*$")
_IN_FORCE_AFTER = re.compile(r"^\s*起(?:施行|执行|实施|生效|试行)")


@rule(
    id="consistency.in-force-before-issue",
    category="consistency",
    severity="warning",
    summary="施行日期早于成文日期",
    doc="""\
What it does: compares the date a document takes effect (自2026年5月1日起施行) with its 成文日期, and
reports one that is earlier, unless the document says it applies retroactively (追溯, 溯及). The
成文日期 is the related location.

Why is this bad? A document cannot take effect before it is signed; an earlier date is usually
last year's, copied with the text.""",
    references=("Consistency check (the brief's checks across one document)",),
    examples=[
        bad("关于调整停车收费标准的通知\n各区人民政府：\n本通知自2025年3月1日起施行。\n江州市人民政府\n2025年5月6日\n",
            at="2025年3月1日"),
        good("关于调整停车收费标准的通知\n各区人民政府：\n本通知自2025年6月1日起施行。\n江州市人民政府\n2025年5月6日\n"),
        good("关于调整补贴标准的通知\n各区人民政府：\n本通知自2025年1月1日起施行，补贴追溯至当年1月。\n"
             "江州市人民政府\n2025年5月6日\n"),
    ],
    gongwen_only=True,
)
def in_force_before_issue(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    issued = a.issue_date.as_date() if a.issue_date else None
    if issued is None or re.search(r"追溯|溯及", doc.text):
        return
    text = doc.text
    for d in a.dates:
        if d.start >= a.issue_date_line.start or not _IN_FORCE.search(text[max(0, d.start - 3):d.start]):
            continue
        end = d.range_end.end if d.range_end else d.end
        if not _IN_FORCE_AFTER.match(text[end:end + 8]):
            continue
        when = d.as_date()
        if when is not None and when < issued:
            yield Hit(d.start, d.end, f"施行日期早于成文日期，文件不能在签发之前施行",
                      related=(Related(a.issue_date.start, a.issue_date.end, "成文日期"),))


_ITEMS_PROMISED = re.compile(r"(?:以下|下列|如下)([一二三四五六七八九十两]|\d{1,2})(?:项|个方面|条|点|方面)[^。；\n]{0,8}[：:]\s*$",
                             re.M)


@rule(
    id="consistency.item-count",
    category="consistency",
    severity="warning",
    summary="所称项数与列出的项数不符",
    doc="""\
What it does: where a paragraph announces a number of items (做好以下三项工作：) and numbered headings
follow, counts the headings of that level until the level above resumes, and reports a count that
differs. The announcement is the related location.

Why is this bad? One item added or dropped in a late edit, the announcement left as it was.""",
    references=("Consistency check (the brief's checks across one document)",),
    examples=[
        bad("关于做好防汛工作的通知\n各区人民政府：\n一、工作要求\n请做好以下三项工作：\n（一）压实责任\n"
            "（二）加强值守\n（三）储备物资\n（四）及时报告\n二、其他\n江州市人民政府\n2025年5月6日\n", at="（四）"),
        good("关于做好防汛工作的通知\n各区人民政府：\n一、工作要求\n请做好以下三项工作：\n（一）压实责任\n"
             "（二）加强值守\n（三）储备物资\n二、其他\n江州市人民政府\n2025年5月6日\n"),
    ],
    gongwen_only=True,
)
def item_count(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    text = doc.text
    for m in _ITEMS_PROMISED.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else (2 if m.group(1) == "两" else zh_number(m.group(1)))
        after = [h for h in a.headings if h.start > m.end()]
        if not n or not after or text[m.end():after[0].start].strip():
            continue  # the items must follow at once
        level = after[0].level
        items = []
        for h in after:
            if h.level < level:
                break
            if h.level == level:
                items.append(h)
        if len(items) != n and items[0].number == 1:
            extra = items[n] if len(items) > n else items[-1]
            yield Hit(extra.start, extra.marker_end, f"前文说“{m.group().rstrip('：: ')}”，此处却列出了{len(items)}项",
                      related=(Related(m.start(), m.end(), "所称项数"),))


_CITATION = re.compile(r"《([^《》\n]{2,80})》\s*[（(]([^（）()\n]{4,40})[）)]")


@rule(
    id="consistency.citation",
    category="consistency",
    severity="warning",
    summary="同一文件的标题与发文字号前后不一致，或所引文件晚于本文",
    doc="""\
What it does: collects the documents a draft cites as 《title》（发文字号）. The same title with two
different numbers, or one number with two titles, is reported at the later citation, with the earlier
one as the related location; so is a cited number whose year is later than the draft's 成文日期.

Why is this bad? 办法2000 第二十五条（四） has documents cited by title and number so that the reader can
find them; two numbers for one title send the reader to the wrong one, and a document cannot cite one
issued after it.""",
    references=("《国家行政机关公文处理办法》（2000）第二十五条（四）",),
    examples=[
        bad("关于做好防汛工作的通知\n各区人民政府：\n根据《江州市防汛应急预案》（江政发〔2024〕3号），……。"
            "请按照《江州市防汛应急预案》（江政发〔2024〕8号）的要求落实。\n江州市人民政府\n2025年5月6日\n",
            at="江政发〔2024〕8号"),
        bad("关于做好防汛工作的通知\n各区人民政府：\n根据《江州市防汛应急预案》（江政发〔2026〕3号），请落实。\n"
            "江州市人民政府\n2025年5月6日\n", at="江政发〔2026〕3号"),
        good("关于做好防汛工作的通知\n各区人民政府：\n根据《江州市防汛应急预案》（江政发〔2024〕3号），……。"
             "请按照《江州市防汛应急预案》（江政发〔2024〕3号）的要求落实。\n江州市人民政府\n2025年5月6日\n"),
    ],
)
def citation(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    issued = a.issue_date.as_date() if a.issue_date else None
    text = doc.text
    first_number: dict[str, tuple[str, int, int]] = {}
    first_title: dict[str, tuple[str, int, int]] = {}
    for m in _CITATION.finditer(text):
        numbers = list(find_doc_numbers(text, m.start(2), m.end(2)))
        if len(numbers) != 1:
            continue  # several numbers, or none: nothing to pair
        n = numbers[0]
        title, number = m.group(1), n.normalized
        if title in first_number and first_number[title][0] != number:
            prev, s, e = first_number[title]
            yield Hit(n.start, n.end, f"《{title}》前文引作“{prev}”，此处为“{n.text}”，发文字号前后不一致",
                      related=(Related(s, e, f"前文所引：{prev}"),))
        elif number in first_title and first_title[number][0] != title:
            prev, s, e = first_title[number]
            yield Hit(n.start, n.end, f"“{n.text}”前文是《{prev}》的发文字号，此处标题却是《{title}》",
                      related=(Related(s, e, f"前文所引：《{prev}》"),))
        first_number.setdefault(title, (number, n.start, n.end))
        first_title.setdefault(number, (title, m.start(1) - 1, m.end(1) + 1))
        if issued is not None and n.year_value is not None and n.year_value > issued.year:
            yield Hit(n.start, n.end, f"所引文件的发文字号年份（{n.year_value}年）晚于本文成文日期（{issued.year}年）",
                      related=(Related(a.issue_date.start, a.issue_date.end, "成文日期"),))


_ORG = re.compile(r"(?:[市区县省]|国家)?[\u4e00-\u9fff]{2,14}?(?:委员会|办公室|办公厅|管理局|局|委|厅|中心)")
_ORG_LAST = CharSet("会室厅局委心")  # the last character of every name _ORG finds
_ORG_LONGEST = 19  # characters: 国家, fourteen, 委员会


def org_names(text: str) -> Iterator[re.Match]:
    """``_ORG.finditer(text)``, read only within the longest name's reach before a character a name ends
    with: a match lies inside the reach of its own last character, so reaches that touch are read as one
    and none is crossed by a match. The expression tries up to fourteen lengths at every character it is
    given; most characters of a text are nowhere near a 局 or a 委."""
    ends, i = [], _ORG_LAST.find(text)
    while i != -1:
        ends.append(i + 1)
        i = _ORG_LAST.find(text, i + 1)
    for lo, hi in merged((max(0, end - _ORG_LONGEST), end) for end in ends):
        yield from _ORG.finditer(text, lo, hi)
_ABBREVIATED = re.compile(r"(?:以下简称|下称|简称)")
_LEAD = set("由和与及向对在经请将把会同并")


@rule(
    id="consistency.body-name",
    category="consistency",
    severity="warning",
    summary="同一机关前后写法不一",
    doc="""\
What it does: finds one body written two ways in one document — 市自然资源和规划局 and later
市自然资源规划局, a character more or fewer inside the name — unless the document introduces the
short form (以下简称……). The first form is the related location.

Why is this bad? A body named two ways reads as two bodies; 条例 and GB/T 9704 want full names or the
standard short name, used alike throughout.""",
    references=("GB/T 9704-2012 §7.3.2（机关名称用全称或者规范化简称）",),
    examples=[
        bad("关于做好防汛工作的通知\n各区人民政府：\n由市自然资源和规划局牵头，市水务局配合。"
            "市自然资源规划局负责汇总。\n江州市人民政府\n2025年5月6日\n", at="市自然资源规划局"),
        # the shorter form first: the longer one is the variant
        bad("关于做好防汛工作的通知\n各区人民政府：\n由市应急管理局牵头，市自然资源规划局配合。"
            "市自然资源和规划局负责汇总。\n江州市人民政府\n2025年5月6日\n", at="市自然资源和规划局"),
        good("关于做好防汛工作的通知\n各区人民政府：\n由市自然资源和规划局（以下简称市规划资源局）牵头。"
             "市规划资源局负责汇总；市教育局、区教育局配合。\n江州市人民政府\n2025年5月6日\n"),
    ],
    gongwen_only=True,
)
def body_name(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if _ABBREVIATED.search(text):
        return  # the document introduces its short forms; they are not checked against each other
    seen: set[str] = set()
    # the names met so far by first and last character and length, each with its place in that order:
    # a name is compared only with those a character longer or shorter that begin and end as it does
    first: dict[tuple[str, str, int], list[tuple[int, str, int]]] = {}
    for m in org_names(text):
        name, start = m.group(), m.start()
        cut = next((k for k in (1, 2) if k < len(name) and name[k] in "市区县省" and name[k - 1] in _LEAD), 0)
        name, start = name[cut:], start + cut  # 由市自然资源和规划局: the name starts at 市
        if len(name) < 6:
            continue
        n = len(name)
        near = first.get((name[0], name[-1], n - 1), []) + first.get((name[0], name[-1], n + 1), [])
        for _, other, at in sorted(near):  # the first met, as the document has them
            if one_edit(name, other):
                yield Hit(start, m.end(), f"“{name}”与前文的“{other}”写法不一，同一机关应前后一致",
                          related=(Related(at, at + len(other), f"前文写作“{other}”"),))
                break
        if name not in seen:
            seen.add(name)
            first.setdefault((name[0], name[-1], n), []).append((len(seen), name, start))


@rule(
    id="consistency.signature-issuer",
    category="consistency",
    severity="warning",
    summary="署名与标题中的发文机关不一致",
    doc="""\
What it does: compares the issuer named at the start of the title (江州市人民政府办公室关于……) with the
发文机关署名: a 办公室's document signed by the government itself (or the other way round), and a joint
document whose 署名 names fewer bodies than its title. The title is the related location.

Why is this bad? GB/T 9704-2012 §7.3.5: the 署名 is the issuer's; a 办公室 notice signed by the
government claims an authority the document does not have, and a joint document must be signed by
every issuer.""",
    references=("GB/T 9704-2012 §7.3.5（发文机关署名）",),
    examples=[
        bad("江州市人民政府办公室关于做好防汛工作的通知\n各区人民政府：\n请认真落实。\n江州市人民政府\n2025年5月6日\n",
            at="江州市人民政府"),
        bad("江州市水务局、江州市应急管理局关于做好防汛工作的通知\n各区水务局：\n请认真落实。\n江州市水务局\n"
            "2025年5月6日\n", at="江州市水务局"),
        good("江州市人民政府办公室关于做好防汛工作的通知\n各区人民政府：\n请认真落实。\n江州市人民政府办公室\n"
             "2025年5月6日\n"),
        good("江州市水务局、江州市应急管理局关于做好防汛工作的通知\n各区水务局：\n请认真落实。\n江州市水务局\n"
             "江州市应急管理局\n2025年5月6日\n"),
        # two of three names on one line
        bad("江州市财政局、江州市教育局、江州市人力资源和社会保障局关于调整培训补贴标准的通知\n各区财政局：\n"
            "请认真贯彻执行。\n江州市财政局　　　江州市教育局\n2025年5月6日\n", at="江州市财政局　　　江州市教育局"),
        good("江州市财政局、江州市教育局关于调整培训补贴标准的通知\n各区财政局：\n"
             "请认真贯彻执行。\n江州市财政局　　　江州市教育局\n2025年5月6日\n"),
    ],
    gongwen_only=True,
)
def signature_issuer(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.title is None or not a.signature or "关于" not in a.title.text:
        return
    issuer = a.title.text.split("关于", 1)[0].strip(" \u3000")
    if len(issuer) < 4:
        return
    issuers = [x for x in re.split(r"[、 \u3000]+", issuer) if x]
    # a joint signature may set two or more names on one line, apart by a run of spaces
    signed = [re.sub(r"[ \u3000]", "", name) for x in a.signature
              for name in re.split(r"[ \u3000]{2,}", x.text.strip(" \u3000")) if name]
    related = (Related(a.title.start, a.title.start + len(issuer), "标题中的发文机关"),)
    last = a.signature[-1]
    if len(issuers) >= 2 and len(signed) < len(issuers) and all(s in issuers for s in signed):
        yield Hit(last.start, last.end, f"标题中有{len(issuers)}个发文机关，署名只有{len(signed)}个", related=related)
    elif len(issuers) == 1 and len(signed) == 1:
        mine, theirs = issuers[0], signed[0]
        for office in ("办公室", "办公厅"):
            if mine == theirs + office or theirs == mine + office:
                yield Hit(last.start, last.end, f"标题中的发文机关是“{mine}”，署名却是“{theirs}”", related=related)


_NOTE_ITEM = re.compile(r"^(?:附件\s*[：:])?\s*(?:(\d+)[.．、]\s*)?(.*)$")
_PART_HEAD = re.compile(r"^附件\s*(\d*)\s*[：:]?\s*(.*)$")


def _normal_title(t: str) -> str:
    """A title as compared: without marks, spaces and a trailing punctuation mark."""
    return re.sub(r"[\s\u3000《》〈〉“”‘’\"'。；，.;,：:]", "", t)


def _attached_parts(doc) -> list[tuple[int | None, object, tuple[int, int, str] | None]]:
    """(number, heading span, (start, end, title) or None) for each attached part: the title is
    what follows 附件1： on its line, or the next non-empty line."""
    a, text = doc.anatomy, doc.text
    out = []
    for span in a.attachments:
        m = _PART_HEAD.match(span.text.strip(" \u3000"))
        number = int(m.group(1)) if m and m.group(1) else None
        title = None
        if m and m.group(2):
            start = span.start + span.text.index(m.group(2))
            title = (start, start + len(m.group(2)), m.group(2))
        else:
            pos = span.end
            while pos < len(text):
                nl = text.find("\n", pos + 1)
                line_end = len(text) if nl == -1 else nl
                line = text[pos:line_end].strip()
                if line:
                    start = text.index(line, pos)
                    if len(line) <= 80 and "。" not in line and not line.startswith("附件"):
                        title = (start, start + len(line), line)
                    break
                pos = line_end
        out.append((number, span, title))
    return out


@rule(
    id="consistency.attachment-parts",
    category="consistency",
    severity="warning",
    summary="所附附件的顺序号、标题与附件说明不一致",
    doc="""\
What it does: compares the attachments that follow the document (附件1, 附件2 … each with its title
on the line below) with the 附件说明 above the signature: their order (附件2 placed before 附件1)
and their titles (the 附件说明 lists 防汛物资清单, the attachment is headed 防汛物资储备清单). Marks and
spaces do not count, and a title that only adds to the listed name (江州市2025年防汛责任人名单 for
防汛责任人名单) is taken as the same. The count is structure.attachment-note's.

Why is this bad? GB/T 9704-2012 §7.3.7: 附件顺序号和附件标题应当与附件说明的表述一致. A renamed or
reordered attachment leaves the receiving office unsure which document is meant.""",
    references=("GB/T 9704-2012 §7.3.7（附件）", "§7.3.4（附件说明）"),
    examples=[
        bad("关于做好防汛工作的通知\n各区人民政府：\n请认真贯彻执行。\n附件：1.防汛责任人名单\n2.防汛物资清单\n"
            "江州市人民政府\n2025年5月6日\n附件1\n防汛责任人名单\n张明\n附件2\n防汛物资储备情况统计表\n沙袋\n",
            at="防汛物资储备情况统计表"),
        bad("关于做好防汛工作的通知\n各区人民政府：\n请认真贯彻执行。\n附件：1.防汛责任人名单\n2.防汛物资清单\n"
            "江州市人民政府\n2025年5月6日\n附件2\n防汛物资清单\n沙袋\n附件1\n防汛责任人名单\n张明\n", at="附件1"),
        good("关于做好防汛工作的通知\n各区人民政府：\n请认真贯彻执行。\n附件：1.防汛责任人名单\n2.《防汛物资清单》\n"
             "江州市人民政府\n2025年5月6日\n附件1\n江州市2025年防汛责任人名单\n张明\n附件2\n防汛物资清单\n沙袋\n"),
        good("关于做好防汛工作的通知\n各区人民政府：\n请认真贯彻执行。\n附件：防汛物资清单\n"
             "江州市人民政府\n2025年5月6日\n附件\n防汛 物资 清单\n沙袋\n"),
    ],
    gongwen_only=True,
)
def attachment_parts(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if not a.attachment_note or not a.attachments:
        return
    items: dict[int, tuple[int, int, str]] = {}
    for k, line in enumerate(a.attachment_note):
        m = _NOTE_ITEM.match(line.text)
        name = m.group(2).strip(" \u3000")
        if not name:
            continue
        number = int(m.group(1)) if m.group(1) else len(items) + 1
        start = line.start + line.text.rindex(name)
        items[number] = (start, start + len(name), name)
    parts = _attached_parts(doc)
    last = 0
    for number, span, _ in parts:
        if number is not None and number < last:
            yield Hit(span.start, span.end, f"附件{number}排在附件{last}之后，附件顺序应与附件说明一致"
                      "（GB/T 9704-2012 §7.3.7）",
                      related=(Related(a.attachment_note[0].start, a.attachment_note[-1].end, "附件说明"),))
            break
        last = number or last
    for k, (number, span, title) in enumerate(parts):
        listed = items.get(number if number is not None else (1 if len(parts) == 1 else -1))
        if listed is None or title is None:
            continue
        want, got = _normal_title(listed[2]), _normal_title(title[2])
        if not want or not got or want in got or got in want:
            continue
        yield Hit(title[0], title[1], f"附件标题“{title[2]}”与附件说明所列“{listed[2]}”不一致，应当表述一致"
                  "（GB/T 9704-2012 §7.3.7）", (listed[2],),
                  related=(Related(listed[0], listed[1], f"附件说明：{listed[2]}"),))


_EVENTS = "会议|培训|活动|考试|比赛|论坛|仪式|座谈会|推进会|启动会"
_MEETINGS = {"座谈会": "会议", "推进会": "会议", "启动会": "会议"}  # a 推进会 is given its 会议时间
_EVENT_LABEL = re.compile(r"(" + _EVENTS + r")(?:时间|日期)[：:]\s*$")
_EVENT_SET = re.compile(r"定于\s*$")
_EVENT_AFTER = re.compile(r"^[^。；\n]{0,30}?(?:召开|举行|举办|开展)[^。；\n]{0,20}?(" + _EVENTS + r")")


@rule(
    id="consistency.event-date",
    category="consistency",
    severity="warning",
    summary="同一会议、活动在文中给出两个不同日期",
    doc="""\
What it does: in a notice that announces one event — 定于2025年6月10日召开……会议 — and gives its time
again in the arrangements (会议时间：2025年6月12日), compares the two dates. Only a document that
names the event once each way is checked: two meetings are two events.

Why is this bad? After a meeting is moved, one of its dates is often left: the participants come on
the wrong day. The earlier mention is the related location.""",
    references=("Consistency check (the brief's checks across one document)",),
    examples=[
        bad("关于召开防汛工作会议的通知\n各区人民政府：\n定于2025年6月10日召开全市防汛工作会议。\n"
            "一、会议时间：2025年6月12日上午9时\n二、会议地点：市政府第一会议室\n江州市人民政府办公室\n2025年5月6日\n",
            at="2025年6月12日"),
        good("关于召开防汛工作会议的通知\n各区人民政府：\n定于2025年6月10日召开全市防汛工作会议。\n"
             "一、会议时间：2025年6月10日上午9时\n二、会议地点：市政府第一会议室\n江州市人民政府办公室\n2025年5月6日\n"),
        good("关于召开防汛工作会议的通知\n各区人民政府：\n定于2025年6月10日召开全市防汛工作会议。\n"
             "一、会议时间：6月10日上午9时\n二、培训时间：2025年6月11日\n江州市人民政府办公室\n2025年5月6日\n"),
        bad("关于召开防汛现场推进会的通知\n各区人民政府：\n定于2025年6月10日在江北区召开全市防汛现场推进会。\n"
            "一、会议时间：2025年6月12日上午9时\n江州市人民政府办公室\n2025年5月6日\n", at="2025年6月12日"),
    ],
    gongwen_only=True,
)
def event_date(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    text = doc.text
    stop = a.issue_date_line.start if a.issue_date_line else len(text)
    announced: dict[str, list] = {}
    labelled: dict[str, list] = {}
    for d in a.dates:
        if d.start >= stop or d.as_date() is None:
            continue
        before = text[max(0, d.start - 12):d.start]
        m = _EVENT_LABEL.search(before)
        if m:
            labelled.setdefault(_MEETINGS.get(m.group(1), m.group(1)), []).append(d)
            continue
        if _EVENT_SET.search(before):
            end = d.range_end.end if d.range_end else d.end
            m = _EVENT_AFTER.match(text[end:end + 60])
            if m:
                announced.setdefault(_MEETINGS.get(m.group(1), m.group(1)), []).append(d)
    for kind, said in announced.items():
        again = labelled.get(kind, [])
        if len(said) != 1 or len(again) != 1:
            continue
        first, second = said[0], again[0]
        if first.as_date() != second.as_date():
            yield Hit(second.start, second.end, f"{kind}日期“{second.text}”与前文“定于{first.text}”不一致，请核对", (first.text,),
                      related=(Related(first.start, first.end, f"前文所定{kind}日期"),))


@hookimpl
def doccheck_rules():
    return [closing_formula, attachment_reference, total, in_force_before_issue, item_count, citation, body_name,
            signature_issuer, attachment_parts, event_date]
