"""The statistical character-error detector as a rule (doccheck.spelling does the work).
Curated substitution lists are data packs: rules/typos.toml and friends."""

from __future__ import annotations

import re
from typing import Iterator

from ..chinese import SURNAMES as _SURNAMES
from ..findings import Hit
from ..hookspecs import hookimpl
from ..rule import bad, good, rule
from ..spelling import THRESHOLD, confidence


@rule(
    id="typo.statistical",
    category="typo",
    severity="warning",
    summary="疑似错别字（统计检测：音近、形近字构成更常见的词）",
    doc=f"""\
What it does: finds wrong characters that are on no list. A character that no frequent word covers
is suspicious; candidates that sound alike (same pinyin, from pypinyin's data) or look alike
(data/shape-confusions.txt) are tried in its place, and the window around it is segmented with
jieba once as written and once per candidate. When a candidate makes the passage far more probable
(召开会仪 → 会议), it is reported with a confidence.

Why is this bad? Most wrong characters in drafts come from pinyin input: a homophone chosen from
the candidate list. No list can hold them all.

Threshold: a log-probability gain of {THRESHOLD}, chosen on the ECSpell odw train split so that at
most 1 % of clean sentences get a finding (`make eval` prints the figures). Names and local terms
that trip it belong in the config's `allow` list. Slower than the other rules (it loads jieba's
dictionary on first use); `ignore = ["typo.statistical"]` turns it off.""",
    references=("ECSpell (Lv et al., 2022) odw split for the threshold; jieba dictionary; pypinyin",),
    examples=[
        bad("定于下周召开全市安全生产工作会仪。", at="仪"),
        bad("进一步优化营商环竟，加强安全生产监督管里。", at="竟"),
        good("定于下周召开全市安全生产工作会议，进一步完善考核机制。"),
        good("市政府高度重视防汛工作，各地要认真贯彻落实。"),
        good("出席：张明、李强、王伟、赵敏。"),
        good("调整中心城区部分道路机动车限行措施。"),  # 限 looks like 银, but 限行 is right
        good("请于12月29日前将值班表报局办公室；市防指启动四级应急响应。"),  # 报局, 防指: 公文 words
    ],
    defers_to=("typo",),
)
def statistical(doc, ctx) -> Iterator[Hit]:
    detector = ctx.resource("spelling.detector")
    names = _name_spans(doc.text)
    for s in detector.detect(doc.text):
        if any(a <= s.index < b for a, b in names):
            continue
        yield Hit(s.index, s.index + 1,
                  f"“{s.char}”疑为错别字，是否应为“{s.suggestion}”？（统计检测，置信度{confidence(s.gain):.2f}）",
                  (s.suggestion,))


# A person's name standing in a list (出席：张明、王伟) or after a title: homophones of
# given names are the commonest false alarm, and a name cannot be checked against a dictionary.
_NAME = re.compile(rf"(?:(?<=[：:、，,\s（(])|^)[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(?=[、，,。；;\s）)]|同志|$)", re.M)
_TITLED_NAME = re.compile(rf"(?:市长|书记|主任|局长|部长|主席|县长|区长|厅长|处长|科长|经理|联系人[：:]?)([{_SURNAMES}][\u4e00-\u9fff]{{1,2}})")


def _name_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _NAME.finditer(text)]
    spans += [m.span(1) for m in _TITLED_NAME.finditer(text)]
    return spans


@hookimpl
def doccheck_rules():
    return [statistical]
