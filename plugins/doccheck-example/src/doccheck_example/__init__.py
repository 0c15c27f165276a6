"""An example third-party doccheck plugin.

It adds one code rule through the ``doccheck_rules`` hook and is discovered
through the entry-point group ``doccheck`` declared in its pyproject.toml.
Copy this folder to start a plugin of your own.
"""

from __future__ import annotations

import re

from doccheck import Hit, bad, good, hookimpl, rule

# Internet slang that has no place in an official document.
SLANG = re.compile(r"给力|点赞|打卡|硬核|内卷|躺平|666|yyds|绝绝子|妥妥的|杠杠的|走心")


@rule(
    id="example.internet-slang",
    category="typo",
    severity="warning",
    summary="公文中使用了网络用语",
    doc="""\
What it does: flags internet slang (给力、点赞、硬核、内卷 …) in the text.

Why is this bad? 公文 language must be 准确、规范、庄重; slang reads as careless and may be
misunderstood. Rewrite the sentence in standard written Chinese.""",
    references=("《党政机关公文处理工作条例》第十九条（公文起草应当……文字精炼）",),
    examples=[
        bad("这项改革措施非常给力。", at="给力"),
        bad("各单位要以硬核举措抓落实。", at="硬核"),
        good("这项改革措施成效显著。"),
    ],
)
def internet_slang(doc, ctx):
    for m in SLANG.finditer(doc.text):
        yield Hit(m.start(), m.end(), f"公文用语应庄重规范，不宜使用网络用语“{m.group()}”")


@hookimpl
def doccheck_rules():
    return [internet_slang]
