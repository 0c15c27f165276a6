"""Titles of laws and regulations cited in 书名号, against the titles in force
(data/law-titles.txt, from the national database of laws and regulations)."""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Hit
from ..hookspecs import hookimpl
from ..lexicon import one_edit
from ..resources import Resource, data_rows
from ..rule import bad, good, rule
from .terms import slip_alike

PREFIX = "中华人民共和国"
# 《……》 with no nested marks; a version or a 试行 in brackets at its end is read apart
_CITED = re.compile(r"《([^《》〈〉\n]{3,60})》")
_VERSION = re.compile(r"[（(][^（）()]{1,12}[）)]$")
# What a title of a law or regulation ends in: only such titles are compared
_KIND = re.compile(r"(?:法|条例|规定|办法|细则|规则|决定|章程|纲要|通则|总则|规程|解释)$")


class LawTitles:
    """The titles without 中华人民共和国, and every title with one character deleted (the
    symmetric-deletion index: a title one edit from a cited one shares a deletion with it)."""

    def __init__(self, titles: set[str]):
        self.titles = titles
        deletions: dict[str, list[str]] = {}
        for t in sorted(titles):
            for i in range(len(t)):
                shorter = t[:i] + t[i + 1:]
                same = deletions.setdefault(shorter, [])
                if not same or same[-1] != t:  # 法治 → 法 once, though two deletions give it
                    same.append(t)
        # tuples, not sets: 19,000 keys, nearly all with one title (a set is four times a tuple's size)
        self.deletions: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in deletions.items()}

    def near(self, cited: str) -> set[str]:
        """Titles one edit (a character wrong, missing or extra) from ``cited``."""
        found = set(self.deletions.get(cited, ()))  # the cited title lacks a character
        for i in range(len(cited)):
            shorter = cited[:i] + cited[i + 1:]
            if shorter in self.titles:
                found.add(shorter)  # it has one too many
            found.update(self.deletions.get(shorter, ()))  # one character differs
        return {t for t in found if t != cited and one_edit(cited, t)}


def load_law_titles(res=None) -> LawTitles:
    return LawTitles({row[0].strip() for row in data_rows("law-titles.txt")})


@rule(
    id="typo.law-title",
    category="typo",
    severity="warning",
    summary="所引法律法规名称疑有错字",
    doc="""\
What it does: compares every title in 书名号 that ends like a law or regulation (法, 条例, 规定, 办法,
细则 …), begins with 中华人民共和国 or has six characters or more, with the titles of the national laws, administrative regulations and departmental rules
(data/law-titles.txt, 1,000 titles from the national database of laws and regulations,
flk.npc.gov.cn, through LawRefBook/Laws). A title that is not among them but one character away from
exactly one of them is reported with that title: a character wrong that sounds or looks like the
right one (安全生产发 → 安全生产法), or, in a title that begins with 中华人民共和国, one missing or extra. 中华人民共和国 and a version in brackets
at the end (（2021年修正）) are set aside for the comparison. A wrong character unlike the right one
is taken as another law (刑法, 宪法), and a local regulation, a repealed law or a rule of a body is
not in the list, so it is left alone.

Why is this bad? A law cited under a wrong name is a visible error in a document that rests on it
(《党政机关公文处理工作条例》第十九条: 引用公文应当先引标题); the reader cannot find the law.""",
    references=("《党政机关公文处理工作条例》第十九条", "国家法律法规数据库 flk.npc.gov.cn (via LawRefBook/Laws)"),
    examples=[
        bad("依据《中华人民共和国安全生产发》第二十条的规定。", at="中华人民共和国安全生产发"),
        bad("根据《中华人民共和国突发事件应对》，制定本预案。", at="中华人民共和国突发事件应对"),
        bad("按照《政府信息公开条理》办理。", at="政府信息公开条理"),
        good("根据《中华人民共和国安全生产法》《中华人民共和国刑法》《中华人民共和国宪法》，"
             "参照《江州市安全生产条例》《政府信息公开条例（2019年修订）》执行。"),
        good("订阅《安全生产》杂志。"),  # no law's ending: a journal
        good("依照香港《植物品种保护条例》的规定。"),  # another jurisdiction's ordinance, a character fewer
    ],
)
def law_title(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if "《" not in text:
        return
    index = None
    for m in _CITED.finditer(text):
        title = m.group(1)
        version = _VERSION.search(title)
        if version:
            title = title[:version.start()]
        bare = title.removeprefix(PREFIX)
        if len(bare) < 4 or not (_KIND.search(bare) or title.startswith(PREFIX) or len(bare) >= 6):
            continue
        index = index or ctx.resource("law-titles")
        if bare in index.titles:
            continue
        if not all("\u4e00" <= c <= "\u9fff" or c in "、（）" for c in bare):
            continue  # 《安全 生产法》: a space is the spacing rules' business
        # a character wrong must sound or look like the right one (刑法 is no slip of 宪法); one
        # missing or extra only in a title the 中华人民共和国 marks as a national law (香港《植物品种
        # 保护条例》 is Hong Kong's ordinance, not a slip of 植物新品种保护条例)
        near = [t for t in index.near(bare)
                if (slip_alike(bare, t, ctx) if len(t) == len(bare) else title.startswith(PREFIX))]
        if len(near) != 1:
            continue
        right = (PREFIX if title.startswith(PREFIX) else "") + near[0]
        s = m.start(1)
        yield Hit(s, s + len(title), f"《{title}》疑为《{right}》之误（国家法律法规数据库所载名称）", (right,))


@hookimpl
def doccheck_resources():
    return [Resource("law-titles", load_law_titles, "国家法律、行政法规、部门规章名称（国家法律法规数据库）")]


@hookimpl
def doccheck_rules():
    return [law_title]
