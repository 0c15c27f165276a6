"""Unfilled template placeholders (category ``placeholder``). Text left over
from template websites is a data pack: rules/web-residue.toml."""

from __future__ import annotations

import re
from typing import Iterator

import regex

from ..findings import Hit
from ..hookspecs import hookimpl
from ..rule import bad, good, rule

_STANDIN = "XxＸｘ×✕╳"
_PLACEHOLDER = regex.compile(
    r"(?P<year>(?:19|20)[0-9]?[" + _STANDIN + r"○]{1,2}(?=年|〕|\]|】))"
    r"|(?P<md>[" + _STANDIN + r"○]{1,2}月[" + _STANDIN + r"○]{1,2}日)"
    r"|(?P<cross>[" + _STANDIN + r"]{2,}|[○]{2,}|某某+|[＊*]{3,}|_{3,}|＿{2,})"
    r"|(?P<single>(?<![A-Za-z0-9])[" + _STANDIN + r"ABCＡＢＣ](?=(?:省|市|县|区|镇|乡|村|局|委|办|厅|部|处|科|公司|单位|同志|先生|女士)))"
    r"|(?P<field>【(?![\d\s]+】)[^【】\n]{1,20}】|\{\{[^{}\n]{1,40}\}\}|\$\{[^{}\n]{1,40}\}|\[[^\[\]\n]{1,20}(?:名称|姓名|日期|时间|地点|单位|金额|号码|文号)\])"
    # 请填写单位名称 alone on its line is a template's prompt; 请填写附表后报送 is an instruction
    r"|(?P<prompt>此处(?:填写|输入|插入|添加)[^，。；\n]{0,20}|^[ \u3000]*请(?:在此)?(?:填写|输入)[^，。；\n]{0,12}$"
    r"|(?:在此|这里)(?:填写|输入)[^，。；\n]{0,12})",
    regex.M,
)

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
    for m in _PLACEHOLDER.finditer(text):
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


@hookimpl
def doccheck_rules():
    return [unfilled]
