"""版头 and 标题 rules (GB/T 9704-2012 §7.2, §7.3.1; 条例 第九条)."""

from __future__ import annotations

import re
from typing import Iterator

from ..anatomy import compact, split_lines
from ..findings import Fix, Hit
from ..hookspecs import hookimpl
from ..rule import bad, good, rule

HEAD = "江州市人民政府文件\n江政发〔2025〕3号\n"


# 〔××07〕: a year whose century is a placeholder; nothing sure to suggest
_PLACEHOLDER_YEAR = re.compile(r"[×XxＸ]")


@rule(
    id="header.doc-number-form",
    category="header",
    severity="error",
    summary="发文字号格式不规范",
    doc="""\
What it does: checks every 发文字号 — the one in the 版头 and those cited in the text — for the form
机关代字 + 〔年份〕 + 顺序号 + 号: the year in 六角括号 〔〕 (not [] 【】 () （）), written in full
with four Arabic digits, the serial number without 第 and without 虚位 (1, not 01), no spaces.

Why is this bad? The form is fixed by GB/T 9704-2012 §7.2.5; a wrong bracket in a document number is
one of the most visible errors in an issued document.

Use instead: 江政发〔2025〕3号. Bracket, 第, 虚位 and space errors are fixed automatically; a short
year is only suggested, since its century must be confirmed.""",
    references=("GB/T 9704-2012 §7.2.5（发文字号）", "《党政机关公文处理工作条例》第九条（五）"),
    examples=[
        bad("市政办发[2024]7号", fixed="市政办发〔2024〕7号"),
        bad("江政发【2025】03号", fixed="江政发〔2025〕3号"),
        bad("江政发〔2025〕第3号", fixed="江政发〔2025〕3号"),
        bad("根据《关于加强管理的通知》（江政办发（2024）12号）要求", at="江政办发（2024）12号"),
        bad("江政发〔25〕3号", at="江政发〔25〕3号"),
        bad("按江政办发[2023]5号文件要求，现通知如下。", at="江政办发[2023]5号"),  # the span is the 字号 only
        bad("[2021]21号", fixed="〔2021〕21号"),
        bad("江财发〔1992〕字第36号", at="江财发〔1992〕字第36号"),
        bad("江州二中（函）字〔2024〕第05号", fixed="江州二中（函）字〔2024〕5号"),  # a bracketed kind in the 代字
        bad("按照江政办发〔〕12号文件执行。", at="江政办发〔〕12号"),  # the year lost (a web copy drops it)
        bad("江政办发[2025][8号]", fixed="江政办发〔2025〕8号"),  # the serial in brackets of its own
        bad("江州二中（函）字〔××09〕3号", at="江州二中（函）字〔××09〕3号"),  # the century left as ××
        good("江政发〔2025〕3号"),
        good("江政（办）发〔2025〕3号"),
        good("《国务院办公厅关于印发的通知》（国办发〔2012〕12号）"),
    ],
)
def doc_number_form(doc, ctx) -> Iterator[Hit]:
    for n in doc.doc_numbers:
        problems = n.problems()
        if not problems:
            continue
        right = n.normalized
        safe = n.year.isdigit() and len(n.year) == 4
        if not safe and len(n.year) == 2 and n.year.isdigit():
            right = right.replace(f"〔{n.year}〕", f"〔20{n.year}〕")
        yield Hit(
            n.start, n.end,
            f"发文字号“{n.text}”不规范：{'；'.join(problems)}（GB/T 9704-2012 §7.2.5）",
            (right,) if n.year and not _PLACEHOLDER_YEAR.search(n.year) else (), Fix.replace(n.start, n.end, right) if safe else None,
        )


@rule(
    id="header.signer-missing",
    category="header",
    severity="error",
    summary="上行文缺少签发人",
    doc="""\
What it does: in a 请示 (and a 报告 with a 版头) that carries a 发文字号, looks for the 签发人 line.

Why is this bad? 上行文 must show the 签发人's name (条例 第九条（六）; GB/T 9704-2012 §7.2.6): the
superior office needs to know who signed the request. Drafts that start at the title are not
flagged: the 版头 is added when the document is issued.""",
    references=("GB/T 9704-2012 §7.2.6（签发人）", "《党政机关公文处理工作条例》第九条（六）"),
    examples=[
        bad("江州市人民政府文件\n江政发〔2025〕3号\n关于申请防汛资金的请示\n省人民政府：\n现申请……\n", at="江政发〔2025〕3号"),
        good("江州市人民政府文件\n江政发〔2025〕3号　　　　签发人：张明\n关于申请防汛资金的请示\n省人民政府：\n现申请……\n"),
        good("关于申请防汛资金的请示\n省人民政府：\n现申请……\n"),
    ],
    gongwen_only=True,
)
def signer_missing(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.doctype not in ("请示", "报告") or a.doc_number is None or a.signer is not None:
        return
    n = a.doc_number
    yield Hit(n.start, n.end, f"{a.doctype}属上行文，应在发文字号右侧标注“签发人：”及签发人姓名"
                              "（GB/T 9704-2012 §7.2.6；条例 第九条（六））")


_TITLE_END = "。，、；：！？,.;:!?"
# What may stand in 书名号 inside a title: names of laws, regulations and documents.
_DOC_NAME_END = re.compile(
    r"(法|条例|规定|办法|细则|规则|决定|决议|意见|通知|通报|通告|公告|方案|规划|纲要|准则|标准|章程|计划|要点|"
    r"公约|协定|纪要|报告|指南|目录|清单|制度|规程|守则|实施意见|若干措施|措施|政策|指引|名录|批复|命令|令|函|请示|议案|"
    r"宪法|手册|白皮书|汇编|宣言|声明|建议|协议|合同|条约|预案|须知|通则|大纲|意见稿|草案|说明|"
    r"导则|规范|要求|分类|技术规定|解释|图集)(（[^）]*）)?$"
)


@rule(
    id="header.title-form",
    category="header",
    severity="warning",
    summary="标题格式：以文种结尾、末尾不加标点、书名号只用于法规文件名称",
    doc="""\
What it does: checks the title (标题) of a 公文: it ends without punctuation, and 书名号 in it
enclose only the names of laws, regulations and documents.

Why is this bad? GB/T 9704-2012 §7.3.1: the title consists of 发文机关名称 + 事由 + 文种 and, apart
from 书名号 around the names of laws and regulations, carries no punctuation at its end.""",
    references=("GB/T 9704-2012 §7.3.1（标题）", "《党政机关公文处理工作条例》第九条（七）"),
    examples=[
        bad("关于召开全市防汛工作会议的通知。\n各县（市、区）人民政府：\n", fixed="关于召开全市防汛工作会议的通知\n各县（市、区）人民政府：\n"),
        bad("关于开展《安全生产月》活动的通知\n各单位：\n", at="《安全生产月》"),
        good("关于印发《江州市防汛应急预案》的通知\n各单位：\n"),
        good("江州市市场监督管理局关于发布《农村道路养护技术规范》等3项地方标准的公告\n"),
        good("关于召开全市防汛工作会议的通知\n各单位：\n"),
    ],
    gongwen_only=True,
)
def title_form(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.title is None:
        return
    last = a.title_lines[-1]
    if last.text and last.text[-1] in _TITLE_END:
        pos = last.end - 1
        yield Hit.fixing(pos, pos + 1, f"标题末尾不加标点“{last.text[-1]}”（GB/T 9704-2012 §7.3.1）", "")
    for ln in a.title_lines:
        for m in re.finditer(r"《([^《》]*)》", ln.text):
            if not _DOC_NAME_END.search(m.group(1)):
                s = ln.start + m.start()
                yield Hit(s, s + len(m.group()), f"标题中的书名号只用于法律法规和文件名称，“{m.group(1)}”不宜加书名号"
                                                 "（GB/T 9704-2012 §7.3.1）", (m.group(1),))


@rule(
    id="header.title-missing-doctype",
    category="header",
    severity="error",
    summary="有版头的公文标题缺少文种",
    doc="""\
What it does: in a draft with a 发文字号 (so clearly a 公文), looks for a title that names the
document type (通知、请示、报告、函 …).

Why is this bad? The title is 发文机关名称 + 事由 + 文种 (GB/T 9704-2012 §7.3.1; 条例 第八条): the
文种 tells the reader how to treat the document, and a 请示 disguised as a 报告 is not answered.""",
    references=("GB/T 9704-2012 §7.3.1（标题）", "《党政机关公文处理工作条例》第八条（公文种类）"),
    examples=[
        bad("江州市人民政府文件\n江政发〔2025〕3号　签发人：张明\n关于防汛资金的有关事宜\n省人民政府：\n", at="关于防汛资金的有关事宜"),
        good("江州市人民政府文件\n江政发〔2025〕3号　签发人：张明\n关于申请防汛资金的请示\n省人民政府：\n"),
    ],
)
def title_missing_doctype(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.title is not None or a.doctype in ("讲话", "文章"):
        return
    numbers = [n for n in doc.doc_numbers if n.end <= 400]
    if not numbers:
        return
    ln = next((ln for ln in split_lines(doc.text, nonempty=True) if ln.start > numbers[0].end), None)
    if ln is not None and len(ln.text) <= 60 and "。" not in ln.text:
        yield Hit(ln.start, ln.end, "标题缺少文种（通知、请示、报告、函等），应为“发文机关名称＋事由＋文种”"
                                    "（GB/T 9704-2012 §7.3.1；条例 第八条）")


# 签发人：张明、李强 — the names after the label, up to the end of the line
_SIGNERS = re.compile(r"签发人[：:][ \u3000]*([^\n]{2,40})")


@rule(
    id="header.mark-forms",
    category="header",
    severity="error",
    summary="份号、密级和保密期限、紧急程度、签发人的写法",
    doc="""\
What it does: checks the top-left marks of the 版头: 份号 is six Arabic digits (000001); 密级 is
绝密 / 机密 / 秘密, optionally followed by ★ and a period in Arabic numerals (机密★1年); 紧急程度 is
特急 or 加急 (telegrams: 特提、特急、加急、平急); several 签发人 stand apart, a space between them, with
no 顿号 or comma (签发人：张明　李强).

Why is this bad? These marks are fixed by GB/T 9704-2012 §7.2.1–7.2.3 and §7.2.6; a non-standard mark
(紧急, 急件, 机密*一年) is not recognised by the receiving office's registry.""",
    references=("GB/T 9704-2012 §7.2.1（份号）", "§7.2.2（密级和保密期限）", "§7.2.3（紧急程度）", "§7.2.6（签发人）"),
    examples=[
        bad("00012\n机密★1年\n特急\n" + HEAD + "关于防汛的通知\n各单位：\n", at="00012"),
        bad("000012\n机密*一年\n" + HEAD + "关于防汛的通知\n各单位：\n", at="机密*一年"),
        bad("000012\n急件\n" + HEAD + "关于防汛的通知\n各单位：\n", at="急件"),
        good("000012\n机密★1年\n特急\n" + HEAD + "关于防汛的通知\n各单位：\n"),
        bad("江州市人民政府\n江州军分区\n文件\n江政发〔2025〕3号　　签发人：张明、李强\n关于防汛工作的请示\n省人民政府：\n",
            at="、", fixed="江州市人民政府\n江州军分区\n文件\n江政发〔2025〕3号　　签发人：张明\u3000李强\n关于防汛工作的请示\n"
                         "省人民政府：\n"),
        good("江州市人民政府\n江州军分区\n文件\n江政发〔2025〕3号　　签发人：张明　李强\n关于防汛工作的请示\n省人民政府：\n"),
    ],
)
def mark_forms(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.title is None:
        return
    for ln in split_lines(doc.text[:a.header_end]):
        t = compact(ln.text)
        if not t:
            continue
        if t.isdigit() and len(t) <= 8 and len(t) != 6:
            yield Hit(ln.start, ln.end, "份号应为6位阿拉伯数字（如000001）（GB/T 9704-2012 §7.2.1）")
        elif re.match(r"^(绝密|机密|秘密)", t) and not re.fullmatch(r"(绝密|机密|秘密)(★\d+(年|个月|日))?", t):
            yield Hit(ln.start, ln.end, "密级和保密期限应写作“机密★1年”：星号用“★”，期限用阿拉伯数字"
                                        "（GB/T 9704-2012 §7.2.2）")
        elif re.fullmatch(r"(紧急|急件|特级|加急件|特急件|急)", t):
            yield Hit(ln.start, ln.end, f"紧急程度应标注为“特急”或“加急”，不用“{t}”（GB/T 9704-2012 §7.2.3）",
                      ("特急", "加急"))
    for m in _SIGNERS.finditer(doc.text, 0, a.header_end):
        for sep in re.finditer(r"[、，,；;]", m.group(1)):
            s = m.start(1) + sep.start()
            yield Hit.fixing(s, s + 1, "多个签发人姓名之间空一字排列，不用标点（GB/T 9704-2012 §7.2.6）", "\u3000")


# Two 文种 run together at a title's end (…的请示报告, …的批复函). Pairs that name one kind of document
# (情况报告, 征求意见函) are not here: the first word must itself be a 文种.
_DOUBLED_DOCTYPE = re.compile(r"的(请示报告|报告请示|请示函|报告函|批复函|通知函|通报函|通知通报|通报通知|"
                              r"公告通知|通告通知|决定通知|请示批复|批复通知)(?=$|[》〉）)（(\n])", re.M)
# A 报告 whose 事由 asks for something: 关于申请……的报告.
_REQUESTING_REPORT = re.compile(r"关于(?:(申请|请求|恳请|要求拨付|请批|请予)[^。；，\n《》]{1,40}?|"
                                r"(解决|拨付|追加|增拨|安排)[^。；，\n《》]{0,20}?(?:资金|经费|补助|编制|指标|用地)[^。；，\n《》的]{0,6})"
                                r"的报告(?=$|[》〉（(\n])", re.M)
# A cited title that ends with its 事由 and no 文种: 《关于加强廉政建设的工作情况》.
_NO_DOCTYPE = re.compile(r"《([^《》\n]{0,20}关于[^《》\n]{2,60}的(?:工作情况|情况|有关事宜|事宜|有关问题|问题|事项))》")
_DOUBLED_ABOUT = re.compile(r"关于[\s\u3000]*关于")
# A 请示 whose 事由 asks again: 关于请求拨付……的请示 (the 文种 already asks; 申请 names what is applied
# for, 关于申请设立……, and is left alone).
_DOUBLED_REQUEST = re.compile(r"关于(请求|恳请|请予)[^。；，\n《》]{1,40}?的请示(?=$|[》〉（(\n])", re.M)


@rule(
    id="header.title-doctype",
    category="header",
    severity="warning",
    summary="标题中的文种：两个文种连用、以报告请求批准、请示标题重复请求、引用标题缺少文种、“关于”重复",
    doc="""\
What it does: in a title — the document's own, a title cited in 《》, or a title checked on its own
line — finds two 文种 run together (……的请示报告, ……的批复函), a 报告 whose 事由 asks for something
(关于申请……的报告), a 请示 whose 事由 asks again (关于请求拨付……的请示), and 关于 written twice in a
row.

Why is this bad? 《党政机关公文处理工作条例》第八条 names fifteen 文种 and a document is one of them:
a 请示 is answered, a 报告 is read and filed, so a 请示报告 is neither. 第十五条（四） forbids
requests in a 报告: a request titled 报告 is filed and never decided.

Use instead: one 文种 — 请示 for what needs the superior's approval, 报告 for what it should know.""",
    references=("《党政机关公文处理工作条例》第八条（公文种类）", "第十五条（四）（报告不得夹带请示事项）",
                "GB/T 9704-2012 §7.3.1（标题）"),
    examples=[
        bad("关于增设城区公交线路的请示报告\n市人民政府：\n", at="请示报告"),
        bad("江州市人民政府关于同意设立江北农贸市场的批复函", at="批复函"),
        bad("请按《江州市水务局关于调整供水价格的请示报告》办理。", at="请示报告"),
        bad("关于申请2025年防汛专项资金的报告\n市人民政府：\n", at="关于申请2025年防汛专项资金的报告"),
        bad("关于关于开展安全生产大检查的通知", at="关于关于"),
        bad("关于请求拨付江北防洪堤加固资金的请示\n市人民政府：\n", at="请求"),
        good("关于申请设立江北新区管理委员会的请示\n市人民政府：\n"),
        bad("关于解决老旧小区改造经费的报告\n市人民政府：\n", at="关于解决老旧小区改造经费的报告"),
        bad("请参照《江北区关于推进垃圾分类的工作情况》执行。", at="江北区关于推进垃圾分类的工作情况"),
        good("关于2025年防汛资金使用情况的报告\n市人民政府：\n"),  # reports on money spent, asks for none
        good("请参照《江北区关于推进垃圾分类工作情况的报告》执行。"),
        good("关于增设城区公交线路的请示\n市人民政府：\n"),
        good("关于2025年防汛工作情况的报告\n市人民政府：\n"),
        good("各单位要严格执行重大事项请示报告制度。"),  # 请示报告 as a practice, not a 文种
        good("中共江州市委关于建立重大事项请示报告工作机制的意见"),
        good("江州市水务局关于征求《供水条例（草案）》意见的函"),
        good("关于转发省人民政府办公厅关于做好防汛工作的通知的通知"),  # a forwarding title, 关于 twice on purpose
    ],
)
def title_doctype(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    for m in _DOUBLED_DOCTYPE.finditer(text):
        pair = m.group(1)
        first, second = (pair[:2], pair[2:]) if pair[:2] in _TWO_CHAR else (pair[:1], pair[1:])
        yield Hit(m.start(1), m.end(1), f"“{pair}”把“{first}”和“{second}”两个文种连用，标题只用一个文种"
                                        "（《党政机关公文处理工作条例》第八条）", (first, second))
    for m in _REQUESTING_REPORT.finditer(text):
        end = m.end()
        verb = (m.group(1) or m.group(2)).removeprefix("要求").removeprefix("请")
        yield Hit(m.start(), end, f"标题以“报告”请求{verb}事项；报告中不得夹带请示事项，"
                                  "需要批准的事项应用“请示”（《党政机关公文处理工作条例》第十五条（四））",
                  (m.group()[:-2] + "请示",))
    for m in _NO_DOCTYPE.finditer(text):
        yield Hit(m.start(1), m.end(1), f"标题“{m.group(1)}”缺少文种，应为“发文机关名称＋事由＋文种”"
                                        "（GB/T 9704-2012 §7.3.1；《党政机关公文处理工作条例》第八条）")
    for m in _DOUBLED_ABOUT.finditer(text):
        yield Hit.fixing(m.start(), m.end(), "“关于”重复", "关于")
    for m in _DOUBLED_REQUEST.finditer(text):
        yield Hit(m.start(1), m.end(1), f"标题中的“{m.group(1)}”与文种“请示”语义重复，宜删去"
                                        "（《党政机关公文处理工作条例》第八条：请示适用于向上级机关请求指示、批准）")


_TWO_CHAR = {"请示", "报告", "批复", "通知", "通报", "公告", "通告", "决定"}


_BAN_ANNOUNCEMENT = re.compile(r"关于[^。；\n《》]{0,30}?(?:严禁|禁止|不得|限制|临时管制|交通管制)[^。；\n《》]{1,40}?的公告(?=$|[》〉（(\n])", re.M)


@rule(
    id="header.notice-or-announcement",
    category="header",
    severity="info",
    summary="公布应当遵守的事项一般用“通告”而非“公告”",
    doc="""\
What it does: a title that announces a ban or restriction as a 公告 (关于严禁在城区燃放烟花爆竹的公告),
in the document's own title or a cited one.

Why is this advice? 《党政机关公文处理工作条例》第八条: 公告 announces important or statutory matters at
home and abroad; 通告 announces, within a given area, matters to be observed or known. A local ban is
usually a 通告 — but some bans are statutory 公告, so this is info.""",
    references=("《党政机关公文处理工作条例》第八条（公告、通告）",),
    examples=[
        bad("江州市人民政府关于严禁在城区燃放烟花爆竹的公告", at="关于严禁在城区燃放烟花爆竹的公告"),
        good("江州市人民政府关于严禁在城区燃放烟花爆竹的通告"),
        good("江州市人民政府关于2025年国有建设用地使用权出让的公告"),
    ],
)
def notice_or_announcement(doc, ctx) -> Iterator[Hit]:
    for m in _BAN_ANNOUNCEMENT.finditer(doc.text):
        yield Hit(m.start(), m.end(), "公布在一定范围内应当遵守的事项，一般用“通告”而非“公告”"
                                      "（《党政机关公文处理工作条例》第八条）", (m.group()[:-2] + "通告",))


@hookimpl
def doccheck_rules():
    return [doc_number_form, signer_missing, title_form, title_missing_doctype, mark_forms, title_doctype, notice_or_announcement]
