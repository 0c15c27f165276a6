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
    r"|(?P<prompt>此处(?:填写|输入|插入|添加)[^，。；\n]{0,20}|请(?:在此)?(?:填写|输入)[^，。；\n]{0,12}|(?:在此|这里)(?:填写|输入)[^，。；\n]{0,12})",
)

# Named conventions a template repository may declare (options."placeholder.unfilled".convention).
CONVENTIONS = {
    "lenticular": r"【[^【】\n]{1,20}】",
    "mustache": r"\{\{[^{}\n]{1,40}\}\}",
    "dollar": r"\$\{[^{}\n]{1,40}\}",
    "cross": r"[×]{2,}",
}


@rule(
    id="placeholder.unfilled",
    category="placeholder",
    severity="error",
    summary="模板占位符未填写",
    doc="""\
What it does: finds template placeholders left in the draft — ××、XX、○○、某某, years such as 20XX年
or 202×年, ×月×日, single letters standing for places, offices or people (X市, A公司, X同志),
fields in 【】, {{…}} or ${…}, and prompts such as 此处填写…, 请输入….

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
    ],
)
def unfilled(doc, ctx) -> Iterator[Hit]:
    convention = ctx.option("convention", "") or ""
    allowed = re.compile(CONVENTIONS.get(convention, convention)) if convention else None
    for m in _PLACEHOLDER.finditer(doc.text):
        found = m.group()
        if allowed is not None and allowed.fullmatch(found):
            continue
        if allowed is not None:
            msg = f"占位符“{found}”不符合本模板库约定的写法（{convention}）"
        else:
            msg = f"模板占位符“{found}”未填写"
        yield Hit(m.start(), m.end(), msg)


@hookimpl
def doccheck_rules():
    return [unfilled]
