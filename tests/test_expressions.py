"""Expressions written to start with what they consume (so that the engine skips to it, instead of trying
a leading look-behind at every character), and scans that skip to a character every match needs, find
what their plain form finds."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from doccheck import dates as date_forms
from doccheck.chinese import SURNAMES
from doccheck.checks import (consistency, dates, leaders, numbers, places, placeholder, punctuation, recipient,
                             structure, typo)

_D = punctuation._ZH_DIGITS
# (the expression in use, its plain form, characters that make matches and near misses)
CASES = {
    "stray space": (punctuation._STRAY_SPACE, re.compile(r"(?<=[\u4e00-\u9fff，。；：、])[ ]{1,3}(?=[\u4e00-\u9fff])"),
                    "各单位要，。 　a1"),
    "approximate number": (punctuation._APPROX,
                           re.compile(rf"(?<![{_D}第、])([{_D}])、([{_D}])(?=[个名人天次家岁十百千万条件成批位])"),
                           "一二三四五十、第个名人天a，"),
    "ordinal": (punctuation._ORDINAL,
                re.compile(rf"(?:^|(?<=[。；：\n\s]))((?:第|其)[{_D}]{{1,2}})、(?!第|其|[{_D}])"),
                "第其一二十、。；：\n 其次a"),
    "padded name": (punctuation._PADDED_NAME,
                    re.compile(rf"(?:^|(?<=[\s：:，、（(]))[{SURNAMES}] {{1,3}}[\u4e00-\u9fff](?=[\s，、。；）)]|$)"),
                    "王李孙立伟 \n：，、（。；）a"),
    "name": (typo._NAME,
             re.compile(rf"(?:(?<=[：:、，,\s（(）)])|^)[{typo._SURNAMES}][\u4e00-\u9fff]{{1,2}}(?=[、，,。；;\s（(）)]|同志|$)",
                        re.M),
             "张王明伟同志：、，。 \n（）a"),
    "Chinese year": (numbers._ZH_YEAR,
                     re.compile(r"(?<![〇零○OoＯ0一二三四五六七八九十百千万第])([〇零○OoＯ0一二三四五六七八九]{2,4})年(?![级龄代纪])"),
                     "〇零○O0一二九十百第年级代 a"),
    "phone": (punctuation._PHONE, re.compile(r"(?<![\d-])(0\d{2,3})[—－–―~～](\d{7,8})(?!\d)"),
              "0123456789-—－~，"),
    "repeated marks": (punctuation._REPEATED,
                       re.compile(r"[，,](?:[ \u3000]*[，,])+|[；;](?:[ \u3000]*[；;])+|[：:](?:[ \u3000]*[：:])+|"
                                  r"[？?](?:[ \u3000]*[？?])+|[！!](?:[ \u3000]*[！!])+|、(?:[ \u3000]*、)+|(?<!。)。。(?!。)"),
                       "，,；;：:？?！!、。 \u3000a"),
    "titled list": (punctuation._TITLED_LIST, re.compile(r"(?<=[》”])、(?=[《“])"), "《》“”、a，"),
    "century": (numbers._ZH_CENTURY,
                re.compile(r"(?<![〇一二三四五六七八九十])([一二]十[一二]?)世纪|(?<![〇一二三四五六七八九十])([一二三四五六七八九]十)年代"),
                "〇一二三八九十世纪年代上a"),
    "county": (places._COUNTY_NAME, re.compile(r"(?<=[\u4e00-\u9fff]{2})[县区旗]"), "兰考县区旗鄠邑 1，\n"),
    "short year": (numbers._SHORT_YEAR,
                   re.compile(r"(?<![\d.０-９])([0-9]{2})年(?=\d{1,2}月|度|底|初|上半年|下半年|第[一二三四]季度|春|秋|起(?!码))"
                              r"|(?<![\d.０-９])(0[0-9])年"),
                   "0125９.年月度底初上半下第一季春秋起码a"),
    "percent range": (numbers._PCT_RANGE,
                      re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)([～~—－-]|至|到)(\d+(?:\.\d+)?)(%|‰|万元|亿元|万|亿)"),
                      "0135.～~—－-至到%‰万元亿a"),
    "hyphen range": (numbers._HYPHEN_RANGE,
                     re.compile(r"(?<![\d.A-Za-z-])(\d+(?:\.\d+)?)[-－](\d+(?:\.\d+)?)(?=" + numbers._UNIT + r"|年|月|日)"),
                     "0135.-－aZ年月日万元人%"),
    "thousands": (numbers._THOUSANDS, re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"), "0125,.a"),
    "numeric date": (date_forms._NUMERIC,
                     re.compile(r"(?<![\d.\-/、第])(?P<year>(?:19|20)\d{2})(?P<sep>[.．/\-、])(?P<month>\d{1,2})(?P=sep)"
                                r"(?P<day>\d{1,2})(?![\d.．/\-、]\d)(?![号期条项款届批个名人次])" + date_forms._WEEKDAY),
                     ["第", "2024", "1998", "20", "19", ".", "．", "/", "-", "、", "3", "12", "5", "号", "（星期一）", "a", "x"]),
    "date range": (numbers._DATE_RANGE, re.compile(r"(?<=\d[月日])[-－](?=\d{1,4}[年月日])"), "0159月日年-－a"),
    "lone digit": (numbers._LONE_DIGIT, re.compile(r"(?<![\d.．%])[1-9](?![\d.．%])"), "0159.．%a２"),
}
EXAMPLES = int(os.environ.get("DOCCHECK_HYPOTHESIS_EXAMPLES", 150)) * 2


# Texts every expression is also tried on: near misses a random draw seldom builds.
FIXED = ["第2024.3.5", "x2021-1-2召开", "2025、3、5号", "于2025.3.5（星期一）召开", "25年度，05年", "3-5万元，1,200.5",
         "5月1日-5日", "第一、二是", "一、二个", "张 伟，王明同志、", "二〇二五年", "0571—12345678"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_expression_finds_what_its_plain_form_finds_in_near_misses(name):
    used, plain, _ = CASES[name]
    for text in FIXED:
        assert [m.span() for m in used.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize("name", sorted(CASES))
@settings(max_examples=EXAMPLES, deadline=None)
@given(data=st.data())
def test_an_expression_finds_what_its_plain_form_finds(name, data):
    used, plain, alphabet = CASES[name]  # the characters of a text, or pieces of it
    text = data.draw(st.text(alphabet=alphabet, max_size=60) if isinstance(alphabet, str) else
                     st.lists(st.sampled_from(alphabet), max_size=30).map("".join))
    assert [m.span() for m in used.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.groups() for m in used.finditer(text)] == [m.groups() for m in plain.finditer(text)]
    for pos in range(0, len(text), 7):  # searched from a position inside the text, as the rules do
        found, expected = used.search(text, pos), plain.search(text, pos)
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet="创新协调、，。a \n", max_size=60))
def test_lists_are_the_runs_with_two_commas(text):
    from doccheck.checks import formulas

    assert list(formulas.lists(text)) == [(m.start(), m.group()) for m in formulas._LIST.finditer(text)
                                          if m.group().count("、") >= 2]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet="，,；;：:？?！!、。 \u3000a", max_size=60))
def test_repeated_marks_are_tried_only_at_two_marks(text):
    led = punctuation._REPEATED  # a Led: tried only where a mark stands before a mark or a space
    assert [m.span() for m in led.finditer(text)] == [m.span() for m in led.rx.finditer(text)]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet="以下简称所是指“\"绿线，,a ", max_size=60))
def test_defined_terms_are_found_as_by_the_plain_form(text):
    plain = re.compile(r"(?:以下简称|下称|简称)[“\"]?([\u4e00-\u9fff]{2,12})|所称([\u4e00-\u9fff]{2,12}?)[，,]?(?:是指|指)")
    assert [(m.span(), m.group(m.lastindex)) for m in typo._DEFINED.finditer(text)] == [
        (m.span(), m.group(1) or m.group(2)) for m in plain.finditer(text)]


# (an expression, a string every match of it holds: its rule does not scan a text without that string,
# pieces of text to build matches and near misses from)
NEEDLES = {
    "total": (consistency._TOTAL, "其中", ["共", "合计", "累计", "安排", "资金", "800", "8.5", "万元", "亿元", "，", ",", " ",
                                         "其中", "其", "中", "。", "\n"]),
    "dotted month and day": (dates._DOTTED_MONTH_DAY, ".", ["于", "定于", "截至", "自", "6", "30", ".", "．", "前", "起",
                                                             "，", "。", "至", "3"]),
    "defined term": (typo._DEFINED, "称", ["以下简称", "下称", "简称", "所称", "称", "“", "绿线", "城市公共", "是指", "指", "，"]),
    "attachment numeral": (structure._ATTACHMENT_NUMERAL, "附件", ["附件", "附", "件", "一", "十", "二", "：", ":", " ",
                                                                  "\u3000", "\n", "a"]),
}


# (an expression, strings one of which stands in every match, pieces of text: as NEEDLES)
CORES = {
    "leader titles": (leaders._TITLE, leaders._TITLE_CORES, list(leaders._TITLES) + ["副", "国家", "主", "席", "书", "记"]),
    "placeholder": (placeholder._PLACEHOLDER, (), ["2025", "20", "19", "X", "x", "×", "○", "年", "月", "日", "某", "*", "_",
                                                "＿", "A", "市", "【", "】", "单位", "{{", "}}", "${", "[", "名称", "]",
                                                "此处", "填写", "输入", "请", "在此", "\n", " ", "，", "一", "天"]),
    "office and leader": (recipient._OFFICE_AND_LEADER, recipient._LEADER_CORES,
                          ["政府", "局", "办公室", "并", "张", "常务", "副", "县长", "书记", "主任", "同志", "：", "长"]),
}


@pytest.mark.parametrize("name", sorted(NEEDLES) + sorted(CORES))
@settings(max_examples=EXAMPLES, deadline=None)
@given(data=st.data())
def test_every_match_holds_the_string_its_rule_looks_for_first(name, data):
    rx, needle, pieces = NEEDLES[name] if name in NEEDLES else CORES[name]
    text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=30)))
    if rx is placeholder._PLACEHOLDER:  # the rule looks for one of the characters, or one of the words
        assert placeholder._MAY_HOLD.search(text) or any(w in text for w in placeholder._PROMPT_WORDS) or \
            rx.search(text) is None
        return
    for m in rx.finditer(text):
        assert (needle in m.group()) if isinstance(needle, str) else any(w in m.group() for w in needle)
        if rx is recipient._OFFICE_AND_LEADER:
            assert "并" in m.group()


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from(CORES["placeholder"][2] + ["这里", "插入", "添加", "×月×日", "20XX年", "X市", "***",
                                                           "＿＿", "[单位名称]", "【姓名】", "\u3000", "请在此输入"]),
                max_size=30).map("".join))
def test_placeholders_are_the_one_expressions_matches(text):
    """The fields read where their first characters stand and the prompts apart find what the one
    expression finds, prompt and field side by side or one inside the other."""
    assert [(m.span(), m.lastgroup) for m in placeholder.placeholders(text)] == \
        [(m.span(), m.lastgroup) for m in placeholder._PLACEHOLDER.finditer(text)]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from(["市", "国家", "自然资源", "和", "规划", "局", "委员会", "委", "员", "会", "办公室", "办公厅",
                                 "管理局", "厅", "中心", "中", "心", "由", "，", "。", "\n", "a", "生态环境保护综合行政执法"]),
                max_size=30).map("".join))
def test_body_names_are_found_near_their_last_characters_as_everywhere(text):
    assert [m.span() for m in consistency.org_names(text)] == [m.span() for m in consistency._ORG.finditer(text)]


def plain_pair_hits(text: str, caption) -> list:
    """The paired-marks scan read line by line, each line's marks looked for in the line alone (the
    plain form of punctuation._pair_hits, which finds the marks in one scan and groups them by line)."""
    out, pos, lines = [], 0, text.split("\n")
    for k, line in enumerate(lines):
        if caption is None or not caption.start <= pos < caption.end:
            marks = list(punctuation._PAIR_MARKS.finditer(text, pos, pos + len(line)))
            runs_on = k + 1 < len(lines) and lines[k + 1].lstrip(" \u3000").startswith("“")
            out += punctuation._line_pairs(k, marks, runs_on) if marks else []
        pos += len(line) + 1
    return out


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet="“”\"（）()《》〈〉【】‘’ \u3000\n各a", max_size=40))
@example("“各\n“各”\n（\n\u3000 “a”（")  # a quotation running on, after spaces; a bracket left open
def test_pair_marks_found_in_one_scan_are_read_as_line_by_line(text):
    from doccheck.draft import Draft

    doc = Draft.from_text(text)
    caption = doc.anatomy.caption
    key = lambda hits: [(k, h.start, h.end, h.message, kind) for k, h, kind in hits]  # noqa: E731
    assert key(punctuation._pair_hits(doc)) == key(plain_pair_hits(doc.text, caption))
