"""Names of the leaders of the Party and the State, next to their titles (data/leaders.tsv)."""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Hit
from ..hookspecs import hookimpl
from ..lexicon import PhraseMatcher
from ..resources import Resource, data_rows
from ..rule import bad, good, rule
from ..stretches import Led
from .terms import slip_alike

# Titles only national leaders hold: a name next to one of them is a leader's (主席 and 副主席 alone
# are also a county 政协's or a trade union's, 总经理 a company's).
_TITLES = ("总书记", "国家主席", "国家副主席", "中央军委主席", "国务院总理", "国务院副总理", "副总理", "总理",
           "委员长", "全国政协主席")
_TITLE = re.compile("|".join(sorted(_TITLES, key=len, reverse=True)))
_TITLE_CORES = ("书记", "主席", "总理", "委员长")  # one stands in every title: a text without any is not scanned
_HAN = re.compile(r"[\u4e00-\u9fff]+")


class Leaders:
    def __init__(self, titles: dict[str, frozenset[str]]):
        self.titles = titles  # name → the titles held
        # a three-character name with a character of the given name wrong: the surname and the first
        # character found by an automaton (温家|室), surname and last by an expression (习?平). A wrong
        # surname is not looked for: 贺立峰 is more likely another person than 何立峰 mistyped.
        pieces: dict[str, list[str]] = {}
        for name in titles:
            if len(name) == 3:
                pieces.setdefault(name[:2], []).append(name)
        self.pieces = PhraseMatcher(pieces.items())
        # "." rather than a class of Han characters: the class costs the compiler 0.5 ms a name; read
        # only where a surname stands with a last character two on (the surnames alone are common)
        threes = [n for n in titles if len(n) == 3]
        self.middle = Led(re.compile("|".join(f"{n[0]}.{n[2]}" for n in threes)), "".join({n[0] for n in threes}),
                          then="".join({n[2] for n in threes}), then_at=2)

    def three_near(self, text: str) -> Iterator[tuple[int, str]]:
        """(start, leader) for three characters one character away from a leader's name."""
        for s, _, found in self.pieces.find_all(text):
            for name in found:
                yield s, name
        for m in self.middle.finditer(text):
            for name in self.titles:
                if len(name) == 3 and name[0] == m.group()[0] and name[2] == m.group()[2]:
                    yield m.start(), name


def load_leaders(res=None) -> Leaders:
    titles: dict[str, set[str]] = {}
    for name, held, _ in data_rows("leaders.tsv"):
        titles.setdefault(name, set()).update(held.split("、"))
    return Leaders({k: frozenset(v) for k, v in titles.items()})


@rule(
    id="typo.leader-name",
    category="typo",
    severity="warning",
    summary="党和国家领导人姓名疑有错字",
    doc="""\
What it does: reads the name next to a title only the leaders of the Party and the State hold
(总书记, 国家主席, 国务院总理, 副总理, 委员长, 全国政协主席 …): written right before it (习近平总书记) or
right after it (国务院总理李强). A name one character away from a leader who held that title is
reported (李克勤总理 → 李克强), and a leader's name with a title that leader never held (汪洋总理). A
three-character name one character away from a leader's, by a
character of the given name that sounds or looks alike, is reported anywhere (胡锦滔); a surname that
sounds alike is not (贺立峰 is more likely someone else). The names and titles are
data/leaders.tsv (leaders since 1989, from their official biographies).

Why is this bad? A leader's name written wrong is among the worst errors an office can publish;
input methods make it easy (a character of the same sound chosen from the list).""",
    references=("《党政机关公文处理工作条例》第十九条（人名准确）",),
    examples=[
        bad("深入学习贯彻习近平总书记重要讲话精神。李克勤总理主持召开国务院常务会议。", at="李克勤"),
        bad("认真落实国务院总理李墙在会上的讲话要求。", at="李墙"),
        bad("会议传达了胡锦滔同志的重要讲话。", at="胡锦滔"),
        bad("认真学习汪洋总理在座谈会上的讲话精神。", at="总理"),  # a leader with a title never held
        good("深入学习贯彻习近平总书记重要讲话精神；国务院总理李强主持召开国务院常务会议。"),
        good("公司总经理李克勤主持召开经营工作会议；县政协主席王洋出席。"),  # no national title
        good("区委副书记贺立峰出席会议并讲话。"),  # another person: a surname that sounds alike is no slip
    ],
)
def leader_name(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    leaders = ctx.resource("leaders")
    found, wrong = [], []
    for m in _TITLE.finditer(text) if any(w in text for w in _TITLE_CORES) else ():
        if m.group() == "总理" and text.endswith("副", 0, m.start()):
            continue
        spans = list(_names_around(text, m.start(), m.end()))
        named = next((text[s:e] for s, e in spans if text[s:e] in leaders.titles), None)
        if named is not None:  # the leader's name, written right: with a title of theirs?
            if m.group() not in leaders.titles[named]:
                wrong.append((m.start(), m.end(), named, m.group()))
            continue
        for s, e in spans:
            near = [n for n, held in leaders.titles.items() if m.group() in held
                    and len(n) == e - s and sum(a != b for a, b in zip(n, text[s:e])) == 1]
            if len(near) > 1:  # 李墙 is one character from 李鹏 and from 李强: the one it sounds like
                near = [n for n in near if slip_alike(text[s:e], n, ctx)]
            if len(near) == 1:
                found.append((s, e, near[0]))
                break
    freq = None
    for s, name in leaders.three_near(text):
        span = text[s:s + 3]
        if s < 0 or len(span) < 3 or span == name or not _HAN.fullmatch(span):
            continue
        freq = freq or ctx.resource("jieba").FREQ
        if slip_alike(span, name, ctx) and not freq.get(span):
            found.append((s, s + 3, name))
    for s, e, name, title in wrong:
        held = "、".join(t for t in sorted(leaders.titles[name], key=_TITLES.index) if t != "总理" or
                        "国务院总理" not in leaders.titles[name])
        yield Hit(s, e, f"{name}同志的职务（1989年以来）是{held}，没有担任过“{title}”")
    seen = set()
    for s, e, name in sorted(found):
        if not any(a < e and s < b for a, b in seen):
            seen.add((s, e))
            yield Hit(s, e, f"领导人姓名“{text[s:e]}”疑有错字，是否应为“{name}”？", (name,))


def _names_around(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans of three and two Han characters right before the title and right after it."""
    for k in (3, 2):
        s = start - k
        if s >= 0 and _HAN.fullmatch(text[s:start]):
            yield s, start
    for k in (3, 2):
        e = end + k
        if e <= len(text) and _HAN.fullmatch(text[end:e]):
            yield end, e


@hookimpl
def doccheck_resources():
    return [Resource("leaders", load_leaders, "党和国家领导人姓名及职务（1989年以来）")]


@hookimpl
def doccheck_rules():
    return [leader_name]
