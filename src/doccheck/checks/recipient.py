"""主送机关 rules (GB/T 9704-2012 §7.3.2; 条例 第十五条; 办法2000)."""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Hit
from ..hookspecs import hookimpl
from ..rule import bad, good, rule

# Types that go to named offices; 公告、通告、决定、纪要 … are published or filed instead.
NEEDS_RECIPIENT = {"请示", "报告", "批复", "函", "通知"}
# Collective names of subordinate offices: a 请示 is never 抄送 to them.
SUBORDINATE = re.compile(r"各(县|区|市|乡|镇|街道|部门|单位|直属|所属|下属)|下属|所属单位|下级")


@rule(
    id="recipient.single-for-request",
    category="recipient",
    severity="error",
    summary="请示只能主送一个机关",
    doc="""\
What it does: counts the 主送机关 of a 请示; more than one is reported, pointing at the line.

Why is this bad? A 请示 goes to one superior office, which answers it; others are informed by 抄送
(条例 第十五条（一）; 办法2000: 一般只写一个主送机关). The office rule is stricter still:
"文件主送机关只能明确为一家，但可以同时抄送、抄报几家". A 请示 sent to two offices gets two answers, or none.

Use instead: 主送 the office that decides; move the others to the 抄送 line of the 版记.""",
    references=("《党政机关公文处理工作条例》第十五条（一）", "《国家行政机关公文处理办法》（2000）第十五条"),
    examples=[
        bad("关于申请防汛资金的请示\n省财政厅、省水利厅：\n现申请……\n", at="省财政厅、省水利厅："),
        good("关于申请防汛资金的请示\n省财政厅：\n现申请……\n抄送：省水利厅。\n"),
        good("关于召开防汛会议的通知\n各县（市、区）人民政府，市政府各部门：\n现将……\n"),
    ],
    gongwen_only=True,
)
def single_for_request(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.doctype != "请示" or a.main_recipient_line is None or len(a.main_recipients) <= 1:
        return
    line = a.main_recipient_line
    names = "、".join(r.text for r in a.main_recipients)
    yield Hit(line.start, line.end,
              f"请示只能主送一个上级机关，此处主送了{len(a.main_recipients)}个（{names}），其余机关应改为抄送"
              "（条例 第十五条（一））",
              tuple(f"{r.text}：" for r in a.main_recipients))


@rule(
    id="recipient.no-subordinate-copy",
    category="recipient",
    severity="error",
    summary="请示、报告不得抄送下级机关",
    doc="""\
What it does: in a 请示 or 报告, reports a 抄送 line that names subordinate offices (各县（市、区）,
各部门, 所属单位 …).

Why is this bad? 条例 第十五条（一）: 向上级机关行文……不得抄送下级机关. A request copied downward
tells subordinates about a matter not yet decided.""",
    references=("《党政机关公文处理工作条例》第十五条（一）",),
    examples=[
        bad("关于申请防汛资金的请示\n省财政厅：\n现申请……\n抄送：省水利厅，各县（市、区）人民政府。\n", at="各县（市、区）人民政府"),
        good("关于申请防汛资金的请示\n省财政厅：\n现申请……\n抄送：省水利厅。\n"),
    ],
    gongwen_only=True,
)
def no_subordinate_copy(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.doctype not in ("请示", "报告") or a.cc is None:
        return
    from ..anatomy import split_recipients

    body = re.sub(r"^抄[送报][：:]?", "", a.cc.text)
    offset = a.cc.start + len(a.cc.text) - len(body)
    for r in split_recipients(body.rstrip("。."), offset):
        if SUBORDINATE.search(r.text):
            yield Hit(r.start, r.end, f"{a.doctype}是上行文，不得抄送下级机关“{r.text}”（条例 第十五条（一））")


@rule(
    id="recipient.colon",
    category="recipient",
    severity="error",
    summary="主送机关后应使用全角冒号",
    doc="""\
What it does: checks that the 主送机关 line ends with a full-width colon "：".

Why is this bad? GB/T 9704-2012 §7.3.2: 主送机关 is written flush left on the line below the title,
and the last name is followed by a full-width colon.""",
    references=("GB/T 9704-2012 §7.3.2（主送机关）",),
    examples=[
        bad("关于召开防汛会议的通知\n各县（市、区）人民政府，市政府各部门\n现将有关事项通知如下。\n",
            fixed="关于召开防汛会议的通知\n各县（市、区）人民政府，市政府各部门：\n现将有关事项通知如下。\n"),
        bad("关于召开防汛会议的通知\n各县（市、区）人民政府，市政府各部门。\n现将有关事项通知如下。\n",
            at="。"),
        good("关于召开防汛会议的通知\n各县（市、区）人民政府，市政府各部门：\n现将有关事项通知如下。\n"),
    ],
    gongwen_only=True,
)
def colon(doc, ctx) -> Iterator[Hit]:
    line = doc.anatomy.main_recipient_line
    if line is None or line.text.endswith("："):
        return
    last = line.text[-1]
    # The closing mark is this rule's, half-width ones included (the punctuation rule leaves it).
    if last in "。；，,.;:":
        yield Hit.fixing(line.end - 1, line.end, f"主送机关末尾应使用全角冒号“：”，不用“{last}”（GB/T 9704-2012 §7.3.2）", "：")
        return
    yield Hit.fixing(line.end, line.end, "主送机关末尾缺少全角冒号“：”（GB/T 9704-2012 §7.3.2）", "：")


@rule(
    id="recipient.missing",
    category="recipient",
    severity="warning",
    summary="公文缺少主送机关",
    doc="""\
What it does: for 请示、报告、批复、函 and 通知, looks for the 主送机关 line below the title; when it is
missing, points at the place where it belongs.

Why is this bad? 条例 第九条（八）: 主送机关 is the office that handles the document; without it the
document has no addressee. Published types (公告、通告、决定、纪要 …) are not checked.""",
    references=("《党政机关公文处理工作条例》第九条（八）", "GB/T 9704-2012 §7.3.2（主送机关）"),
    examples=[
        bad("关于申请防汛资金的请示\n为做好今年防汛工作，现申请资金500万元。\n"),
        good("关于申请防汛资金的请示\n省财政厅：\n为做好今年防汛工作，现申请资金500万元。\n"),
        good("关于调整部分道路限行措施的通告\n为保障道路安全，决定调整限行措施。\n"),
        good("关于申请拨付防汛经费的请示\n"),  # a title checked on its own
    ],
    gongwen_only=True,
)
def missing(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.doctype not in NEEDS_RECIPIENT or a.main_recipient_line is not None or a.title is None:
        return
    nxt = doc.text.find("\n", a.title.end)
    pos = nxt + 1 if nxt != -1 else a.title.end
    if not doc.text[pos:].strip():
        return  # a title checked on its own: there is no document yet to address
    end = doc.text.find("\n", pos)
    if _LEADER.match(doc.text[pos:len(doc.text) if end == -1 else end]):
        return  # addressed to a person: recipient.leader-in-person says so
    yield Hit(pos, pos, f"{a.doctype}应在标题下一行顶格标注主送机关（条例 第九条（八））")


# 江州县人民政府并张常务副县长: an office and a leader of it addressed together
_OFFICE_AND_LEADER = re.compile(r"(?:政府|委员会|办公室|办公厅|局|厅|部)(并[\u4e00-\u9fffXx×]{0,8}?(?:常务)?副?"
                                r"(?:县长|市长|省长|区长|书记|主任|局长|厅长|部长|镇长|乡长)(?:同志)?)")
_LEADER_CORES = ("长", "书记", "主任")  # one of them stands in every match of _OFFICE_AND_LEADER, with 并

# 张市长：, 尊敬的王书记：, 李副局长同志： — a person, not an office.
_LEADER = re.compile(r"^[ \u3000]*(?:尊敬的)?[\u4e00-\u9fff]{0,3}?(?:副)?(?:市长|书记|主任|局长|厅长|部长|县长|区长|省长|"
                     r"主席|秘书长|镇长|乡长|处长|总理|委员长|校长|院长|领导)(?:同志)?[ \u3000]*[：:][ \u3000]*$")


@rule(
    id="recipient.leader-in-person",
    category="recipient",
    severity="warning",
    summary="请示、报告不应主送上级机关负责人个人",
    doc="""\
What it does: in a 请示 or 报告, reports a 主送 line that names a leader (张市长：, 王书记：) instead of an
office.

Why is this bad? 《党政机关公文处理工作条例》第十五条（五）: 除上级机关负责人直接交办事项外，不得以本机关名义
向上级机关负责人报送公文. A request sent to a person bypasses the office that registers and answers it.
Where the leader asked for it directly, the warning can be ignored.

Use instead: 主送 the superior office (市人民政府：).""",
    references=("《党政机关公文处理工作条例》第十五条（五）",),
    examples=[
        bad("关于申请防汛资金的请示\n张市长：\n为做好今年防汛工作，现申请资金500万元。\n", at="张市长："),
        bad("关于防汛工作情况的报告\n尊敬的王书记：\n今年以来……特此报告。\n", at="尊敬的王书记："),
        good("关于申请防汛资金的请示\n市人民政府：\n为做好今年防汛工作，现申请资金500万元。\n"),
        good("关于召开防汛会议的通知\n各县（市、区）人民政府：\n现将……\n"),
    ],
    gongwen_only=True,
)
def leader_in_person(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    text = doc.text
    if a.doctype not in ("请示", "报告") or a.title is None:
        return
    start = text.find("\n", a.title.end)
    if start == -1:
        return
    start += 1
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    line = text[start:end]
    if _LEADER.match(line):
        s = start + len(line) - len(line.lstrip(" \u3000"))
        yield Hit(s, start + len(line.rstrip(" \u3000")), f"{a.doctype}应主送上级机关，不应主送领导个人"
                  "（《党政机关公文处理工作条例》第十五条（五））")


@rule(
    id="recipient.office-and-leader",
    category="recipient",
    severity="warning",
    summary="主送机关之后又“并”送领导个人",
    doc="""\
What it does: finds an office addressed together with a leader (江州县人民政府并张常务副县长), in any text,
a 主送 line checked on its own included.

Why is this bad? 《党政机关公文处理工作条例》第十五条（五）: documents go to offices, not to their leaders in
person, except where a leader asked for the matter directly; adding the leader to the office makes the
document both. Send it to the office; the office routes it to the leader in charge.""",
    references=("《党政机关公文处理工作条例》第十五条（五）",),
    examples=[
        bad("江州县人民政府并李常务副县长：", at="并李常务副县长"),
        bad("关于申请防汛资金的请示\n市人民政府并张市长：\n现申请资金500万元。\n", at="并张市长"),
        good("市人民政府：\n经市政府并报省政府同意，现将有关事项通知如下。\n"),
    ],
)
def office_and_leader(doc, ctx) -> Iterator[Hit]:
    if "并" not in doc.text or not any(w in doc.text for w in _LEADER_CORES):
        return  # every match holds 并 and one of them: most texts are not scanned
    for m in _OFFICE_AND_LEADER.finditer(doc.text):
        yield Hit(m.start(1), m.end(), "公文主送机关，不应“并”送领导个人（《党政机关公文处理工作条例》第十五条（五））")


@hookimpl
def doccheck_rules():
    return [single_for_request, no_subordinate_copy, colon, missing, leader_in_person, office_and_leader]
