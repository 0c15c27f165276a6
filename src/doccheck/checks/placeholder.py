"""Unfilled template placeholders (category ``placeholder``). Text left over
from template websites is a data pack: rules/web-residue.toml."""

from __future__ import annotations

import re
from typing import Iterator

import regex

from ..findings import Hit
from ..hookspecs import hookimpl
from ..rule import bad, good, rule
from ..stretches import Led

_STANDIN = "XxＸｘ×✕╳"
_YEARS = r"(?P<year>(?:19|20)[0-9]?[" + _STANDIN + r"○]{1,2}(?=年|〕|\]|】))"
_FIELDS = (
    r"(?P<md>[" + _STANDIN + r"○]{1,2}月[" + _STANDIN + r"○]{1,2}日)"
    r"|(?P<cross>[" + _STANDIN + r"]{2,}|[○]{2,}|某某+|[＊*]{3,}|_{3,}|＿{2,})"
    r"|(?P<single>(?<![A-Za-z0-9])[" + _STANDIN + r"ABCＡＢＣ](?=(?:省|市|县|区|镇|乡|村|局|委|办|厅|部|处|科|公司|单位|同志|先生|女士)))"
    r"|(?P<field>【(?![\d\s]+】)[^【】\n]{1,20}】|\{\{[^{}\n]{1,40}\}\}|\$\{[^{}\n]{1,40}\}|\[[^\[\]\n]{1,20}(?:名称|姓名|日期|时间|地点|单位|金额|号码|文号)\])"
)
# 请填写单位名称 alone on its line is a template's prompt; 请填写附表后报送 is an instruction
_PROMPTS = (r"(?P<prompt>此处(?:填写|输入|插入|添加)[^，。；\n]{0,20}|^[ \u3000]*请(?:在此)?(?:填写|输入)[^，。；\n]{0,12}$"
            r"|(?:在此|这里)(?:填写|输入)[^，。；\n]{0,12})")
# what placeholders() finds, in one expression
_PLACEHOLDER = regex.compile(_YEARS + "|" + _FIELDS + "|" + _PROMPTS, regex.M)
# Its parts, in its order, each read where it can start: a year (20XX年) at a 1 with a 9 next or a 2 with a
# 0; the other fields at a stand-in, 某, 【 …; the prompts, which may start at 在, 这 or a space at a
# line's start (in one expression with the fields they made regex try every character: a noisy draft's
# 0.17 ms), only in a text with a prompt word. No two parts' matches start with the same character.
_YEAR = Led(regex.compile(_YEARS, regex.M), "12", then="90")
_FIELD_FIRST = _STANDIN + "○某＊*_＿ABCＡＢＣ【{$["  # what a field other than a year may start with
_FIELD = Led(regex.compile(_FIELDS, regex.M), _FIELD_FIRST)
_PROMPT = regex.compile(_PROMPTS, regex.M)

# Every match holds one of these characters or prompt words: a text without any is not scanned by the
# expression above (nine published texts in ten; the scan is a fortieth of a check).
_MAY_HOLD = Led(re.compile("[" + re.escape(_FIELD_FIRST) + "]"), _FIELD_FIRST)
_PROMPT_WORDS = ("填写", "输入", "插入", "添加")


def placeholders(text: str) -> Iterator[regex.Match]:
    """``_PLACEHOLDER.finditer(text)``: its parts' matches, at each step the one that starts first (of two
    at one start, the part that comes first in the alternation), each part's next looked for past it."""
    parts = (_YEAR, _FIELD, _PROMPT) if any(w in text for w in _PROMPT_WORDS) else (_YEAR, _FIELD)
    found = [part.search(text) for part in parts]
    while True:
        first = None
        for k, m in enumerate(found):
            if m is not None and (first is None or m.start() < found[first].start()):
                first = k
        if first is None:
            return
        m = found[first]
        yield m
        for k, other in enumerate(found):
            if other is not None and other.start() < m.end():
                found[k] = parts[k].search(text, m.end())


# Named conventions a template repository may declare (options."placeholder.unfilled".convention).
CONVENTIONS = {
    "lenticular": r"【[^【】\n]{1,20}】",
    "mustache": r"\{\{[^{}\n]{1,40}\}\}",
    "dollar": r"\$\{[^{}\n]{1,40}\}",
    "cross": r"[×]{2,}",
}


# ××/X standing for the positions of a code that the text explains (编排方式为：×1械注×2××××3……
# 其中：×1为……) describe a format, they are not blanks.
_FORMAT_WORDS = re.compile(r"编排方式|编号规则|编码规则|格式为|编号为|代码为|其中|代表|表示|为[^，。\n]{0,6}位")
# A form attached for the reader to fill in (boxes, signature and seal lines) keeps its blanks.
_FORM_MARKS = re.compile(r"[□☐■£]|[（(]\s*(?:盖章|签字|签名|公章)\s*[）)]|签字[：:]|盖章[：:]|填表人|填报单位")


def _format_description(text: str, start: int, end: int) -> bool:
    if (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit()):
        return True  # ×1, ××××2: positions numbered
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le2 = text.find("\n", le + 1) if le != -1 else -1
    around = text[max(0, ls - 80):len(text) if le2 == -1 else le2]
    return _FORMAT_WORDS.search(around) is not None


def _attached_form(doc, start: int) -> bool:
    a = doc.anatomy
    if a.issue_date_line is None or start < a.issue_date_line.end:
        return False
    return _FORM_MARKS.search(doc.text, a.issue_date_line.end) is not None


@rule(
    id="placeholder.unfilled",
    category="placeholder",
    severity="error",
    summary="模板占位符未填写",
    doc="""\
What it does: finds template placeholders left in the draft — ××、XX、○○、某某, years such as 20XX年
or 202×年, ×月×日, single letters standing for places, offices or people (X市, A公司, X同志),
fields in 【】, {{…}} or ${…}, and prompts such as 此处填写…, 请输入….

Left alone: ×× that describe the shape of a code the text explains (编排方式为：×1械注×2××××3，其中……),
and the blanks of a form attached after the 成文日期 for the reader to fill in (with boxes □, 盖章
or 签字 lines).

Why is this bad? A document issued with 20XX年 or 【单位名称】 in it shows it was copied from a
template and never read; the reader cannot act on it.

Template repositories: set a convention and placeholders become legitimate as long as they all
follow it (any other form is still reported):
    [options."placeholder.unfilled"]
    convention = "lenticular"   # 【…】; or "mustache" {{…}}, "dollar" ${…}, "cross" ××, or a regex""",
    references=("Template hygiene; shared/domain §2 (elements must be filled in)",),
    options={"convention": ""},
    examples=[
        bad("关于召开20XX年防汛工作会议的通知", at="20XX"),
        bad("定于×月×日在市政府召开。", at="×月×日"),
        bad("请X市人民政府于月底前报送。", at="X"),
        bad("联系人：【姓名】，电话：{{phone}}。", at="【姓名】"),
        bad("此处填写会议地点", at="此处填写会议地点"),
        bad("参加人员：××局××同志。", at="××"),
        good("定于2025年5月6日在市政府召开，联系人：张明。"),
        good("二〇〇五年，A4纸，X射线检查设备，第12号。"),
        good("江建字【2025】6号"),
        good("许可证编号的编排方式为：X食XXXXXXXX。其中，第一位X代表所在省份的简称。"),
        good("备案编号的编排方式为：×1备××××2××××3。其中：×1为备案部门所在地的简称。"),
        good("关于开展岸电设施核查的通知\n各单位：\n请填写附表后报送。\n江州市交通运输局\n2025年5月6日\n"
             "附件\n岸电设施核查表\n单位名称（盖章）：\n设备容量 XXX kVA，□已安装 □未安装\n"),
    ],
)
def unfilled(doc, ctx) -> Iterator[Hit]:
    convention = ctx.option("convention", "") or ""
    allowed = re.compile(CONVENTIONS.get(convention, convention)) if convention else None
    text = doc.text
    if not _MAY_HOLD.search(text) and not any(w in text for w in _PROMPT_WORDS):
        return
    for m in placeholders(text):
        found = m.group()
        if allowed is not None and allowed.fullmatch(found):
            continue
        if m.lastgroup in ("cross", "single", "md") and (
                _format_description(text, m.start(), m.end()) or _attached_form(doc, m.start())):
            continue
        if allowed is not None:
            msg = f"占位符“{found}”不符合本模板库约定的写法（{convention}）"
        else:
            msg = f"模板占位符“{found}”未填写"
        yield Hit(m.start(), m.end(), msg)


_SELF_REFERENCE = re.compile(r"(?:我|全)(?=[\u4e00-\u9fff]{2,8}?[省市县区州盟旗])")
# 爱我长沙, 我们杭州; and a city's slogan the document commits itself to: 谱写开放绍兴新篇章, 建设平安湖州
_SELF_BY_SHORT_NAME = re.compile(r"我们?(?=[\u4e00-\u9fff]{2})|(?:谱写|书写|建设|打造|推进|争创|助力|共建|建成|开创|奋进)"
                                 r"[^。；，\n]{0,6}?(?:开放|平安|健康|美丽|幸福|文明|活力|魅力|法治|数字|智慧|生态|人文|"
                                 r"创新|品质|韧性|宜居|和谐|书香)(?=[\u4e00-\u9fff]{2})")
_DOWNWARD = {"通知", "通报", "批复", "决定", "意见"}


@rule(
    id="placeholder.other-place",
    category="placeholder",
    severity="warning",
    summary="照抄其他地方文件未改：正文以别处地名自称，或下行文主送别处机关",
    doc="""\
What it does: finds the place of the issuer (in the title, the 发文机关标志 and the 署名) in the
gazetteer, then reports a place that is neither it, inside it nor around it where the document
speaks of itself — 我长沙市, 全长沙市, 爱我长沙, 谱写开放绍兴新篇章 — or among the 主送机关 of a downward document (通知、通报、
批复、决定、意见), which go to the issuer's own subordinates. In a county's or city's document it also
reports a township (镇, 乡, 街道) of another county named with no county or city before it (灰汤镇 in
a 湘潭县 document); names that many counties share (城关镇) are left alone.

Why is this bad? A draft adapted from another city's document keeps that city's name where it
speaks of “us”: the issued text then addresses the wrong city. 《党政机关公文处理工作条例》第十九条
asks the drafter to check that a document fits the issuing body's situation.""",
    references=("《党政机关公文处理工作条例》第十九条（公文起草应当……切实可行）",),
    examples=[
        bad("湘潭市人民政府关于开展文明城市创建工作的通知\n各区人民政府，市政府各部门：\n"
            "为进一步提升全长沙市文明程度，现就有关事项通知如下。\n", at="长沙市"),
        bad("湘潭市人民政府办公室关于做好防汛工作的通知\n株洲市各区县人民政府：\n请认真贯彻执行。\n",
            at="株洲市"),
        good("湘潭市人民政府办公室关于做好防汛工作的通知\n各区县人民政府：\n全湘潭市要认真学习长沙市的经验。\n"),
        good("湖南省人民政府关于做好防汛工作的通知\n长沙市人民政府：\n全长沙市要加强巡查。\n"),  # inside the issuer
        good("长沙市岳麓区人民政府关于做好防汛工作的通知\n各街道办事处：\n全长沙市统一部署。\n"),  # around it
        good("湘潭市水务局关于商请协助调水的函\n株洲市水务局：\n请予支持。\n"),  # a 函 to a peer
        # a township of another county, named as if it were the county's own
        bad("湘潭县人民政府关于做好秋冬季森林防火工作的通知\n各乡镇人民政府：\n花石镇、射埠镇、灰汤镇要加强巡护。\n",
            at="灰汤镇"),
        bad("神木市人民政府关于开展文明城市创建活动的通知\n各镇人民政府：\n广泛宣传“文明出行，爱我长沙”的理念。\n",
            at="长沙"),
        good("长沙市人民政府关于开展文明城市创建活动的通知\n各区人民政府：\n广泛宣传“文明出行，爱我长沙”的理念。\n"),
        bad("湖州市商务局关于做好外贸稳增长工作的通知\n各区县商务主管部门：\n为奋力谱写开放宁波新篇章作出贡献。\n",
            at="宁波"),
        good("湖州市商务局关于做好外贸稳增长工作的通知\n各区县商务主管部门：\n为奋力谱写开放湖州新篇章作出贡献，"
             "可借鉴数字杭州的做法。\n"),
        good("湘潭县人民政府关于做好秋冬季森林防火工作的通知\n各乡镇人民政府：\n花石镇、射埠镇要加强巡护，"
             "可学习宁乡市灰汤镇的做法。\n"),
    ],
    gongwen_only=True,
)
def other_place(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if a.title is None:
        return
    text = doc.text
    issuer_spans = [(a.title.start, a.title.start + max(0, a.title.text.find("关于")))]
    issuer_spans += [(s.start, s.end) for s in a.signature]
    if a.issuer_mark is not None:
        issuer_spans.append((a.issuer_mark.start, a.issuer_mark.end))
    if not any(ch in text[s:e] for s, e in issuer_spans for ch in "省市县区州盟旗"):
        return
    gaz = ctx.resource("gazetteer")
    own = [u for s, e in issuer_spans for _, _, name in gaz.matcher.find(text[s:e]) for u in gaz.by_name[name]]
    if not own:
        return

    def foreign(units) -> bool:
        """None of these units is the issuer's place, inside it or around it."""
        return bool(units) and not any(u.code == o.code or gaz.within(u, o) or gaz.within(o, u)
                                       for u in units for o in own)

    body = a.body
    if body is not None:
        for m in _SELF_REFERENCE.finditer(text, body.start, body.end):
            found = gaz.matcher.find(text[m.end():m.end() + 12])
            if found and found[0][0] == 0 and foreign(gaz.by_name.get(found[0][2], ())):
                s = m.end()
                yield Hit(s, s + len(found[0][2]), f"正文以“{text[m.start():s + len(found[0][2])]}”自称，"
                          f"与发文机关所在地不符，疑为照抄其他地方文件未改")
        # 爱我长沙, 谱写开放绍兴新篇章: a city or province by its short name
        shorts = gaz.short_names
        for m in _SELF_BY_SHORT_NAME.finditer(text, body.start, body.end):
            s = m.end()
            name = next((text[s:s + k] for k in (3, 2) if text[s:s + k] in shorts), None)
            if name is None or text.startswith(("市", "省"), s + len(name)):
                continue  # 我长沙市 is read above
            if foreign(shorts[name]):
                said = text[m.start():s + len(name)] if m.group().startswith("我") else text[s - 2:s + len(name)]
                yield Hit(s, s + len(name), f"正文以“{said}”自称，与发文机关所在地不符，疑为照抄其他地方文件未改")
    yield from _foreign_townships(doc, gaz, own)
    if a.doctype in _DOWNWARD and a.main_recipient_line is not None:
        ln = a.main_recipient_line
        for s, e, name in gaz.matcher.find(text[ln.start:ln.end]):
            if foreign(gaz.by_name.get(name, ())):
                yield Hit(ln.start + s, ln.start + e, f"下行文主送“{name}”的机关，与发文机关所在地不符，"
                          "疑为照抄其他地方文件未改")
                break


_TOWNSHIP_END = re.compile(r"镇|乡|街道")
# A name that many counties share (城关镇, 新华街道) says nothing about where the text was written.
_SHARED_TOWNSHIP = 8


def _foreign_townships(doc, gaz, own) -> Iterator[Hit]:
    """A county's or city's document that names a township of another county, with no county or city
    before it to say it is meant (灰汤镇 in a 湘潭县 document: copied from 宁乡市's)."""
    counties = {u.code for u in own if u.level in (2, 3)}  # 东莞市's towns lie right under the city
    counties |= {c.code for u in own if u.level == 2 for c in gaz.descendants(u)}
    text = doc.text
    if not counties or not any(ch in text for ch in "镇乡街"):
        return
    towns = gaz.townships
    reported = set()
    for m in _TOWNSHIP_END.finditer(text):
        s = next((m.start() - k for k in (4, 3, 2) if m.start() >= k and text[m.start() - k:m.end()] in towns), None)
        if s is None or text.startswith(("镇", "乡", "街道"), m.end()):
            continue  # 嘉定镇街道: the 镇 is part of a 街道's name
        name = text[s:m.end()]
        where = towns[name]
        if not counties.isdisjoint(where) or len(where) > _SHARED_TOWNSHIP or name in reported:
            continue
        if gaz.matcher.find(text[max(0, s - 8):s]):
            continue  # 宁乡市灰汤镇: the county is named, so another place is meant
        reported.add(name)
        homes = "、".join(sorted({a.name for c in where if c in gaz.units for a in [gaz.units[c]]}))
        yield Hit(s, m.end(), f"“{name}”不在发文机关辖区内（行政区划中属{homes}），疑为照抄其他地方文件未改")


@hookimpl
def doccheck_rules():
    return [unfilled, other_place]
