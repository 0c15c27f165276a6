"""Place names against the gazetteer of administrative divisions (doccheck.gazetteer): a
province followed by a city that is not in it, a city followed by a county that is not in it."""

from __future__ import annotations

import re
from typing import Iterator

from ..chinese import FUNCTION_CHARS
from ..findings import Hit
from ..hookspecs import hookimpl
from ..rule import bad, good, rule
from ..stretches import Led

# 抚顺市露天区: a county-level name right after a city, even one the gazetteer does not know.
_COUNTY_AFTER = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:区|县|旗|市)")
_UNKNOWN_COUNTY = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:区|县|旗)")
# 漯河市西城区管委会: a zone a city runs, named like a district but none.
_ZONE_AFTER = re.compile(r"管委会|管理委员会|管委|工委|党工委|办事处|开发区|园区|片区")
# Words ending in 区/县/市 that are no place: 市区, 城区, 辖区, 社区, 园区, 新区 …
_GENERIC = re.compile(r"(?:市|城|郊|辖|社|园|景|片|街|老|新|开发|示范|功能|试验|保税|核心|中心|主城|中心城|各|全|本|该|"
                      r"县|乡|镇|村|山|林|库|矿|灾|牧|港|校|营|苏|湾|垦|考|学|警|战|军|选|赛|展|商|厂|湖|边|特|藏|侨|疫|控|封|防)区$|^(?:各|全|本|该|所在|周边|相关|邻近|下辖)|城市$|超市$|都市$|门市$|上市$|集市$")


@rule(
    id="typo.place-hierarchy",
    category="typo",
    severity="warning",
    summary="地名层级不符：所写的市不在该省、所写的区县不在该市",
    doc="""\
What it does: reads place names against the gazetteer of China's administrative divisions (province
→ prefecture → county → township, data/divisions.tsv.gz). Where a province is followed by a city, or a
city by a county, that does not lie inside it — 江苏省杭州市, 抚顺市露天区 (a district renamed long ago) —
it reports the second name, with the units of that name the gazetteer knows. A county name the
gazetteer does not know is reported only when it is one character away from a county of that city
(莲护区 for 西安市's 莲湖区), with that county as the suggestion, or when the text gives the address in
full, province and city before it (辽宁省抚顺市露天区).

Why is this bad? A place name copied from another document, or a district since renamed, points the
reader to the wrong place. The gazetteer is of 2022; a district renamed or merged since (or before,
for an old document) may be meant on purpose, so this is a warning, not an error. A county renamed,
merged or moved to another prefecture since 2002 (JioNLP's list of changes, data/division-changes.tsv)
is named with what it became — in a document dated after the change, or an undated draft.""",
    references=("《中华人民共和国行政区划代码》（GB/T 2260）; data: modood/Administrative-divisions-of-China 2022-10",),
    examples=[
        bad("江苏省杭州市西湖区", at="杭州市"),
        bad("江州省西安市莲护区桃园路街道", at="莲护区"),
        bad("项目位于浙江省杭州市云海区。", at="云海区"),  # an address in full: an unknown district is a finding
        good("项目位于浙江省杭州市钱塘区；杭州市云海区块。"),
        good("浙江省杭州市西湖区；上海市浦东新区；北京市朝阳区；辽宁省抚顺市东洲区；上海市区；本市辖区内。"),
        good("江州市城市市容和环境卫生管理条例；授予江州市荣誉市民称号；漯河市西城区管委会。"),
        good("安徽省宣城市提高区域内就诊率；四川省巴中市川陕苏区。"),
        # renamed or moved since (JioNLP's list of changes): reported after the change, not before
        bad("河北省邢台市桥东区", at="桥东区"),
        bad("吉林省四平市公主岭市", at="公主岭市"),
        good("关于做好防汛工作的通知\n各县（市、区）人民政府：\n邢台市桥东区要加强巡查。\n邢台市人民政府\n2019年5月6日\n"),
    ],
)
def place_hierarchy(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    g = None
    for start, end, name in _place_names(doc, ctx):
        g = g or ctx.resource("gazetteer")
        parents = [u for u in g.by_name.get(name, ()) if u.level <= 2]
        if not parents:
            continue
        m = _COUNTY_AFTER.match(text, end)
        if m is None:
            continue
        change = next((c for c in (g.changes.get((name, text[end:end + k])) for k in range(6, 1, -1)) if c), None)
        if change is not None:
            yield from _changed(doc, end, name, change)
            continue
        # The longest known name that starts here, else the shortest word ending in 区/县/旗/市.
        child_name = next((n for n in (text[end:end + k] for k in range(6, 1, -1)) if n in g.by_name
                           and any(u.level in (2, 3) for u in g.by_name[n])), None)
        near = ()
        if child_name is None:
            m = _UNKNOWN_COUNTY.match(text, end)
            if m is None:
                continue
            child_name = m.group()
            if _GENERIC.search(child_name) or any(p.level == 1 for p in parents) or _word_goes_on(text, m.end(), ctx):
                continue  # a province's unknown word is too often no place at all; 提高区域 is no 提高区
            # A name one character away from a county of this city is a slip (莲护区 for 莲湖区);
            # one unlike any may be a base area or a district since renamed: no finding.
            near = tuple(sorted({c.name for p in parents for c in g.descendants(p)
                                 if len(c.name) == len(child_name) and c.name[-1] == child_name[-1]
                                 and sum(a != b for a, b in zip(c.name, child_name)) == 1}))
            if not near and not _after_its_province(g, text, start, parents):
                continue  # 省+市+区 in full is an address: a district unknown there is a finding
            known = []
        else:
            known = [u for u in g.by_name[child_name] if u.level in (2, 3)]
            if any(g.within(c, p) for c in known for p in parents):
                continue
            if any(u.level <= 2 and u.level < c.level for u in g.by_name.get(child_name, ()) for c in known):
                continue
        if _ZONE_AFTER.match(text, end + len(child_name)):
            continue
        where = "、".join(f"{'/'.join(a.name for a in reversed(g.ancestors(c)) if a.name not in ('市辖区', '县'))}"
                         for c in known[:3])
        if near:
            yield Hit(end, end + len(child_name), f"{name}没有“{child_name}”，是否应为“{'”或“'.join(near)}”？", near)
        elif not known:
            units = "、".join(c.name for p in parents for c in g.descendants(p) if c.level == 3)
            yield Hit(end, end + len(child_name), f"{name}没有“{child_name}”（行政区划中{name}下辖{units}），"
                                                  "是否已更名或写错？")
        else:
            yield Hit(end, end + len(child_name), f"“{child_name}”不在{name}辖区内（行政区划中的{child_name}属于{where}）")


# A county-level name: two characters and 县/区/旗 (兰考县, 鄠邑区).
_COUNTY_NAME = Led(re.compile(r"[县区旗](?<=[\u4e00-\u9fff]{2}[县区旗])"), "县区旗")  # the 县 first: read where one stands
# No county's stem holds a function word, nor these (由县人民政府, 经区政府, 将县城)
_NOT_IN_STEM = FUNCTION_CHARS | set("由经将按")
# A stem this frequent as a word is a word, not a slip in a name (城区, 辖区 are no 成区).
_WORD_STEM = 500


@rule(
    id="typo.place-name",
    category="typo",
    severity="warning",
    summary="县级行政区名称疑有错字",
    doc=f"""\
What it does: reads a province or prefecture written with 洲 for 州 or the reverse (随洲, 株州), and
every name of the form two characters + 县/区/旗 that the gazetteer does not know, and looks for the county-level names one character away from it: where exactly one such name
differs by a character that sounds or looks alike (婺源县 for 务源县, 凤阳县 for 凤杨县), it is
suggested. A county since made a city or district (潜山县, now 潜山市) or renamed (JioNLP's list)
is no slip. Names after a prefecture are left to typo.place-hierarchy, which knows that city's
counties; a stem that is a common word ({_WORD_STEM} or more in jieba's dictionary: 城区, 辖区) and
the generic words (新区, 园区, 各区) are no place name.

Why is this bad? A county's name typed by its sound puts a place that does not exist into the
document; the gazetteer (GB/T 2260 codes, 2022) knows every county. A name since renamed, or a
township, may still be right, so this is a warning.""",
    references=("《中华人民共和国行政区划代码》（GB/T 2260）; data: modood/Administrative-divisions-of-China 2022-10",),
    examples=[
        bad("现场会在江西省务源县召开。", at="务源县"),
        bad("凤杨县应急管理局负责组织实施。", at="凤杨县"),
        bad("代表团赴随洲、株州两地考察。", at="随洲"),  # 州 and 洲 sound alike
        good("赴随州、株洲两地考察；绿洲、神州、欧洲、亚洲。"),
        good("婺源县、凤阳县、鄠邑区按照要求组织实施；各县区、城区、辖区、景区、示范区同步推进。"),
        good("江州市东城区、西城区、城乡结合区域。"),
        good("2017年的潜山县，2018年撤县设市。"),  # since made a city: the stem is known
        good("除有证据证明系县级以上人民政府实施外。"),  # 证明 is a word: no name starts at 明
        good("由住房城乡建设部门和由县人民政府确定的部门实施。"),  # function words, not a name
    ],
)
def place_name(doc, ctx) -> Iterator[Hit]:
    yield from _zhou(doc, ctx)
    text = doc.text
    if not any(ch in text for ch in "县区旗"):
        return
    g = ctx.resource("gazetteer")
    blanks, known = g.county_blanks, g.by_name
    freq = ctx.resource("jieba").FREQ
    candidates = None
    for m in _COUNTY_NAME.finditer(text):
        e = m.end()
        s = e - 3
        name = text[s:e]
        # (each test only rules a name out: the cheapest first)
        if name[0] in _NOT_IN_STEM or name[1] in _NOT_IN_STEM:
            continue  # 部门和由县人民政府确定: a function word, not a name (和田县 is one character away)
        if freq.get(name[:2], 0) >= _WORD_STEM:
            continue
        if s and freq.get(text[s - 1:s + 1], 0) >= _WORD_STEM:
            continue  # 证明系县级: the first character ends a word before it, so no name starts there
        if name in known or any(text[s - k:e] in known for k in (1, 2, 3) if s - k >= 0):
            continue
        if any(name[:2] + x in known for x in "县区市旗") or name in g.old_counties:
            continue  # 潜山县, now 潜山市: a county since made a city or renamed keeps its stem
        if _GENERIC.search(name) or _after_prefecture(g, text, s):
            continue
        near = set()
        for p in (0, 1):
            fill = blanks.get(name[:p] + "?" + name[p + 1:])
            if fill:
                candidates = candidates or ctx.resource("spelling.detector").candidates
                near.update(name[:p] + c + name[p + 1:] for c in fill if candidates.alike(name[p], c))
        if len(near) == 1:
            right = near.pop()
            yield Hit(s, e, f"行政区划中没有“{name}”，是否应为“{right}”？", (right,))


# tried where 州 or 洲 follows a character of the basic Han block
_ZHOU = Led(re.compile(r"[\u4e00-\u9fff][州洲]"), "".join(map(chr, range(0x4E00, 0xA000))), then="州洲")


def _zhou(doc, ctx) -> Iterator[Hit]:
    """A province or prefecture with 洲 for 州 or the reverse (随洲 for 随州, 株州 for 株洲): the two
    sound alike and the input method offers both; no such place exists."""
    text = doc.text
    if "州" not in text and "洲" not in text:
        return
    g = ctx.resource("gazetteer")
    shorts, freq = g.short_names, None
    for m in _ZHOU.finditer(text):
        written = m.group()
        right = written[0] + ("洲" if written[1] == "州" else "州")
        if right not in shorts or written in shorts or written in g.by_name:
            continue
        freq = freq or ctx.resource("jieba").FREQ
        if freq.get(written) or (m.start() and freq.get(text[m.start() - 1:m.end()])) or freq.get(
                text[m.start():m.end() + 1]):
            continue  # a word of its own, or one that runs on (绿洲, 神州)
        yield Hit(m.start(), m.end(), f"行政区划中没有“{written}”，是否应为“{right}”？", (right,))


def _after_its_province(g, text: str, start: int, units) -> bool:
    """The prefecture at ``start`` follows the province it lies in (辽宁省抚顺市): the text gives an address."""
    return any(a.level == 1 and text.endswith(a.name, 0, start) for u in units for a in g.ancestors(u))


def _after_prefecture(g, text: str, start: int) -> bool:
    """A prefecture's name ends right before ``start``: typo.place-hierarchy judges the county."""
    return any(u.level == 2 for k in range(2, 6) if start - k >= 0
               for u in g.by_name.get(text[start - k:start], ()))


def _changed(doc, start: int, prefecture: str, c) -> Iterator[Hit]:
    """A county since renamed, merged or moved to another prefecture: right in a document dated
    before the change, a slip (a template of earlier years) after it or in an undated draft."""
    issued = doc.anatomy.issue_date.as_date() if doc.anatomy.issue_date else None
    if issued is not None and issued.isoformat() < c.date:
        return
    y, mth, _ = c.date.split("-")
    when = f"{y}年{int(mth)}月"
    end = start + len(c.old_county)
    if c.new_prefecture != prefecture:
        yield Hit(start, end, f"{c.old_county}已于{when}由{prefecture}划归{c.new_prefecture}"
                  + (f"（现为{c.new_county}）" if c.new_county != c.old_county else "")
                  + "，请核对；如为历史表述可忽略")
    else:
        yield Hit(start, end, f"{prefecture}{c.old_county}已于{when}调整为{c.new_county}，请核对；如为历史表述可忽略",
                  (c.new_county,))


def _word_goes_on(text: str, end: int, ctx) -> bool:
    """The 区/县 that ends the candidate starts a word with what follows (区域, 县城)."""
    if end >= len(text):
        return False
    return bool(ctx.resource("jieba").FREQ.get(text[end - 1:end + 1]))


def _place_names(doc, ctx):
    if not any(ch in doc.text for ch in "省市州盟"):
        return []
    return ctx.resource("gazetteer").matcher.find_in(doc)


@hookimpl
def doccheck_rules():
    return [place_hierarchy, place_name]
