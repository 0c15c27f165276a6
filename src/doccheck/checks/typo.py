"""The statistical character-error detector as a rule (doccheck.spelling does the work).
Curated substitution lists are data packs: rules/typos.toml and friends."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Iterator

from ..chinese import SURNAMES as _SURNAMES
from ..findings import Hit
from ..hookspecs import hookimpl
from ..lexicon import PhraseMatcher, count_phrases
from ..offsets import SpanIndex
from ..rule import bad, good, rule
from ..spelling import THRESHOLD, confidence
from ..spelling.detector import Suspect
from ..stretches import WHITESPACE, Led
from ..wordtable import own_terms

# Evidence that makes a suspect very likely an error even in text professionals proofread: a
# unigram gain this large (on published 公文 and laws, ../shared/corpus-real, gains of 8–11 were nearly all
# false; on ECSpell odw.train 97 % of suspects at 11 or more are real errors), or a word trigram
# model that prefers the candidate by this many log10 units. Below both, typo.possible (info).
STRONG_GAIN = 11.0
LM_STRONG = 6.0
# Below this model gain (log10, new words read as words) a unigram gain from STRONG_GAIN is info only:
# on published text six of its false warnings (适格, 毫帕, 懒政怠政) go to info; on ECSpell odw.train
# warnings keep precision 0.984 (was 0.982) at recall 0.272 (was 0.281); all findings unchanged.
LM_DOUBT = 5.0
# A suspect is reported from this unigram gain on its own. Chosen on ECSpell odw.train together with
# the false alarms on published text (../shared/corpus-real): F1 0.421 with 0.76 % of clean
# sentences flagged and 20 warnings on corpus-real, against 0.392, 0.99 % and 42 before (unigram
# gain from 8, warnings from 11 or a model gain of 5). Confirming lower gains with a model gain of
# 5 as warnings would reach F1 0.435 but doubles the false alarms on published text (因城施策, 带量采购).
REPORT_GAIN = 9.0
# A model-confirmed suspect (LM_STRONG) is a warning from this unigram gain; below it, info.
CONFIRM_FROM = 6.0
# Below REPORT_GAIN a suspect is still reported (typo.possible, info) where the word model leans the
# candidate's way: (unigram gain from, model gain from). The detector's THRESHOLD is the lowest.
# On ECSpell odw.train F1 0.506 -> 0.547 with 14 instead of 10 clean sentences flagged (test 0.530 ->
# 0.583); on published text (../shared/corpus-real, 2 M characters) no warning more and 45 more infos.
# A model gain of 5 instead of 5.5 would flag 18 clean train sentences (1.05 %).
LEANING = ((8.0, 3.0), (THRESHOLD, 5.5))
# A two-character word typed by its sound (悔意 for 会议) is reported on the model's word: from a
# gain of PAIR_LM (log10), or of PAIR_LM_LOW with a unigram gain of PAIR_UNIGRAM; from PAIR_STRONG
# as likely (warning). On ECSpell odw.train this takes F1 from 0.421 to 0.468 with no more clean
# sentences flagged. 6.5 rather than 7 since pairs that straddle two words are left out (the
# detector's STRADDLE_WORD): train F1 0.550 -> 0.555 with no clean sentence more; 6 would reach
# 0.563 but flag 13 clean sentences instead of 11 and add 30 infos of nonsense (央企 → 氧气) on
# published text, where 6.5 adds 10.
PAIR_LM = 6.5
PAIR_LM_LOW, PAIR_UNIGRAM = 4.0, 14.0
PAIR_STRONG = 9.0
# ... and the model, reading the words jieba lacks as words, must still prefer the word by this much:
# 央企 is no 氧气. On ECSpell odw.train no true pair is lost at 2 (4 at 3).
PAIR_MERGED = 2.0


@rule(
    id="typo.statistical",
    category="typo",
    severity="warning",
    summary="疑似错别字（统计检测：音近、形近字构成常见得多的词）",
    doc=f"""\
What it does: finds wrong characters that are on no list. A character that no frequent word covers
is suspicious; candidates that sound alike (same pinyin from pypinyin's data, with the initials and
finals many speakers merge: zh/z, sh/s, n/l, -ng/-n) or look alike (data/shape-confusions.txt and
pycorrector's groups of characters sharing a component) are tried in its place, and the window
around it is scored with jieba's word model once as written and once per candidate. When a
candidate makes the passage far more probable (召开会仪 → 会议: a log-probability gain of at least
{STRONG_GAIN:g}), it is reported here; or when the word trigram language model (fcitx5's, if
installed) prefers the candidate by at least {LM_STRONG:g} log10 units (then from a gain of
{CONFIRM_FROM:g}) — also when two characters jieba leaves apart count as the word the model knows
(科创板, 驶经: a new word is no slip). A gain from {STRONG_GAIN:g} is itself a warning only where that
model finds at least {LM_DOUBT:g} units for the candidate (适格, 毫帕: words jieba lacks). A gain from
{REPORT_GAIN:g} without the model's confirmation goes to typo.possible, at info.

Why is this bad? Most wrong characters in drafts come from pinyin input: a homophone chosen from
the candidate list. No list can hold them all.

What it leaves alone, because a document shows them to be deliberate: a term the document writes
twice or more while never writing the suggested form (现制现售, a place name, a project's name), an
abbreviation it introduces (以下简称……, 本条例所称……), the 机关代字 of a 发文字号, and people's
names in lists or after a title. Thresholds were chosen on ECSpell's odw train split and on
published texts; `make eval` prints both. Names and local terms that trip it belong in the
config's `allow` list.""",
    references=("ECSpell (Lv et al., 2022) odw train split for the thresholds; jieba dictionary; pypinyin",),
    examples=[
        bad("要切实加强组织领导，层层压实责认。", at="认"),
        bad("严格执行中央八项规定精神，坚决反对形式主议。", at="议"),
        bad("市政府决定成立专项工作领道小组。", at="道"),  # a unigram gain of 8, the model confirms it
        bad("各部门要保持紧沵联系，形成工作合力。", at="沵"),  # a rare character typed for a common one
        good("定于下周召开全市安全生产工作会议，进一步完善考核机制。"),
        good("市政府高度重视防汛工作，各地要认真贯彻落实。"),
        good("出席：张明、李强、王伟、赵敏。"),
        good("评审专家：（组长）吴建伟（江州大学）、林晓（江州师范学院）。"),  # names with their units
        good("调整中心城区部分道路机动车限行措施。"),  # 限 looks like 银, but 限行 is right
        good("请于12月29日前将值班表报局办公室；市防指启动四级应急响应。"),  # 报局, 防指: 公文 words
        # a term of the document's own, written again and again
        good("支持乡村建设宜业宜居的和美乡村。宜业宜居乡村建设由各区推进。宜业乡村名单另行公布。"),
        # an abbreviation the document introduces
        good("建设城市公共绿地控制线（以下简称绿限）。绿限内不得擅自改变用途。"),
    ],
    defers_to=("typo",),
)
def statistical(doc, ctx) -> Iterator[Hit]:
    for s, strong in _suspects(doc, ctx):
        if strong:
            yield _hit(s)


@rule(
    id="typo.possible",
    category="typo",
    severity="info",
    summary="可能的错别字（统计检测，证据较弱，请核对）",
    doc=f"""\
What it does: what typo.statistical finds with weaker evidence (a log-probability gain from
{REPORT_GAIN:g} up to {STRONG_GAIN:g} that the language model does not confirm, or a lower one where the model
leans the candidate's way: {" or ".join(f"from {g:g} with {m:g} log10 units" for g, m in LEANING)}). On drafts it still points at real slips (设施 → 设计); on
published text most such spots are new terms the dictionary lacks (赋能, 提质). Advice, so info.""",
    references=("ECSpell (Lv et al., 2022) odw train split for the thresholds; jieba dictionary; pypinyin",),
    examples=[
        bad("各街道要加墙网格化管理，及时化解矛盾纠纷。", at="墙"),  # a unigram gain of 9, the model not sure
        good("定于下周召开全市安全生产工作会议，进一步完善考核机制。"),
        good("推进控煤控气，降低排放。"),  # a character repeated in a parallel phrase is meant
        good("北至庆宁路，南至荣乐路。"),  # a road's name: weak evidence counts for nothing there
    ],
    defers_to=("typo",),
)
def possible(doc, ctx) -> Iterator[Hit]:
    for s, strong in _suspects(doc, ctx):
        if not strong:
            yield _hit(s)


def _hit(s: Suspect) -> Hit:
    return Hit(s.index, s.end,
               f"“{s.char}”疑为错别字，是否应为“{s.suggestion}”？（统计检测，置信度{confidence(s.gain):.2f}）",
               (s.suggestion,))


def _suspects(doc, ctx) -> list[tuple[Suspect, bool]]:
    """(suspect, strong evidence?) for the detector's suspects, less what the document shows
    to be deliberate; shared by both rules through the draft's memo. The language model is
    asked only about these few positions. Suspects are judged a batch at a time: a noisy long
    text has hundreds of thousands, of which only those the model confirms are kept."""
    memo = doc.memo.get("typo.suspects")
    if memo is None:
        text = doc.text
        skip = SpanIndex(_name_spans(text) + _defined_terms(text) + [(n.start, n.end) for n in doc.doc_numbers])
        covers = skip.covers
        found = (s for s in ctx.resource("spelling.detector").detect(text)  # a suspect is one character or two
                 if not covers(s.index) and not _in_parallel(text, s.index)
                 and (s.end - s.index == 1 or not _in_parallel(text, s.index + 1)))
        scored = []  # (suspect, strong?, the model's gain)
        lm, named = None, _named(text)
        while batch := list(islice(found, _OWN_BATCH)):
            own = _own_terms(text, batch)
            kept = [s for s in batch if s.index not in own]
            if kept and lm is None:
                lm = ctx.resource("language-model")
            scored += _judged(text, kept, lm, named)
        # a word and a character of it both suspected (主议 → 之一, 议 → 义): the model's choice
        scored.sort(key=lambda x: -x[2])
        taken: set[int] = set()
        memo = doc.memo["typo.suspects"] = []
        for s, strong, _ in scored:
            span = range(s.index, s.end)
            if not taken.intersection(span):
                taken.update(span)
                memo.append((s, strong))
        memo.sort(key=lambda x: x[0].index)
    return memo


def _named(text: str):
    """Whether an offset is in a proper name (``proper_name_spans``), the names found when first asked:
    only a suspect the evidence bears out is asked about."""
    index = None

    def covers(offset: int) -> bool:
        nonlocal index
        if index is None:
            index = SpanIndex(proper_name_spans(text))
        return index.covers(offset)

    return covers


def _judged(text: str, kept: list[Suspect], lm, named) -> Iterator[tuple[Suspect, bool, float]]:
    """(suspect, strong?, the model's gain) for the suspects the evidence bears out; ``named(offset)``:
    is the offset in a proper name."""
    for s in kept:
        if len(s.char) == 1 and s.gain >= STRONG_GAIN:
            # strong on its own, unless the model, reading new words as words, finds little for it
            # (适格, 毫帕, 懒政怠政: words jieba's dictionary lacks)
            doubt = lm is not None and lm.gain(text, s.index, s.suggestion, merge=True) < LM_DOUBT
            yield s, not named(s.index) and not doubt, float("inf")
            continue
        model = lm.gain(text, s.index, s.suggestion) if lm is not None else 0.0
        if len(s.char) > 1:
            for word, gain in ((s.suggestion, s.gain),) + s.others:
                if word != s.suggestion:
                    model = lm.gain(text, s.index, word) if lm is not None else 0.0
                if (model >= PAIR_LM or (model >= PAIR_LM_LOW and gain >= PAIR_UNIGRAM)) and (
                        lm.gain(text, s.index, word, merge=True) >= PAIR_MERGED):
                    in_name = named(s.index)
                    if not in_name or model >= PAIR_STRONG:  # in a name, strong evidence only, as info
                        yield Suspect(s.index, s.char, word, gain), not in_name and model >= PAIR_STRONG, model
                    break
            continue
        confirmed = lm is not None and model >= LM_STRONG
        leaning = lm is not None and any(s.gain >= g and model >= m for g, m in LEANING)
        if s.gain < REPORT_GAIN and not confirmed and not leaning:
            # the word model may prefer a candidate the word counts ranked lower
            for cand, gain in s.others if lm is not None else ():
                model = lm.gain(text, s.index, cand)
                confirmed = model >= LM_STRONG
                if confirmed or any(gain >= g and model >= m for g, m in LEANING):
                    s = Suspect(s.index, s.char, cand, gain)
                    break
            else:
                continue
        strong = s.gain >= STRONG_GAIN or (confirmed and s.gain >= CONFIRM_FROM and (
            lm.gain(text, s.index, s.suggestion, merge=True) >= LM_STRONG))
        if named(s.index):
            if not strong:
                continue  # a road, village or company is named by rare words: weak evidence is none
            strong = False  # and strong evidence is info at most
        yield s, strong, model


def _in_parallel(text: str, i: int) -> bool:
    """The character stands again in the next or the last slot of a parallel phrase (控煤控气,
    稳岗稳产, 压贷、抽贷): abbreviations built in series, not a slip, which would not repeat."""
    ch = text[i]
    if text.count(ch, max(0, i - 3), i + 4) < 2:
        return False  # not again within three characters: most suspects
    for d in (2, -2):
        j = i + d
        if 0 <= j < len(text) and text[j] == ch and "\u4e00" <= text[i + d // 2] <= "\u9fff":
            return True
    for d in (3, -3):
        j = i + d
        if 0 <= j < len(text) and text[j] == ch and text[min(i, j) + 1] in "、，":
            return True
    return False


def _own_terms(text: str, suspects: list[Suspect]) -> set[int]:
    """The suspects whose written characters recur in the document while the suggested form
    never appears: the document's own term (a name, a new word), not a slip. The windows asked
    about are counted in one scan (a count per suspect over a long text is quadratic): in compiled
    code (``_wordtable.own_terms``: no string is made for them) where it is built; the caller's
    batches keep a noisy 5 M-character text's 150,000 suspects from holding them all at once."""
    if own_terms is not None:
        flags = own_terms(text, [s.index for s in suspects], [s.suggestion for s in suspects])
        return {s.index for s, own in zip(suspects, flags) if own}
    return _own_terms_plain(text, suspects)


def _own_terms_plain(text: str, suspects: list[Suspect]) -> set[int]:
    """``_own_terms`` in Python: the reference."""
    windows = [_windows(text, s) for s in suspects]  # a flat tuple a suspect: little more than its strings
    counts = count_phrases((q for pairs in windows for q in pairs), text)
    return {s.index for s, pairs in zip(suspects, windows)
            if any(counts[pairs[k]] >= 2 and not counts[pairs[k + 1]] for k in range(0, len(pairs), 2))}


# Suspects judged at a time: each batch's windows are counted in one scan of the whole text, so a smaller
# batch costs a scan more; a noisy 5 M-character text has 150,000 suspects, and batches of 5,000 rather
# than 10,000 take 4 MiB less at its peak for 3–7 % more time (a draft has far fewer: one batch).
_OWN_BATCH = 5_000


def _windows(text: str, s: Suspect) -> tuple[str, ...]:
    """The suspect with a character of context on either side or both, as written and as suggested:
    (written, suggested, written, suggested …)."""
    i, n = s.index, len(s.char)
    out = []
    for a, b in ((i - 1, i + n), (i, i + n + 1), (i - 1, i + n + 1)) + (((i, i + n),) if n > 1 else ()):
        if a >= 0 and b <= len(text):
            written = text[a:b]
            out += (written, written[:i - a] + s.suggestion + written[i - a + n:])
    return tuple(out)


# 城市公共绿地控制线（以下简称绿线）; 本条例所称绿线，是指……: a term the document defines. (Each
# alternative opens with its own word, so that re skips to their first characters.)
_DEFINED = Led(re.compile("|".join(rf"{w}[“\"]?([\u4e00-\u9fff]{{2,12}})" for w in ("以下简称", "下称", "简称"))
                          + r"|所称([\u4e00-\u9fff]{2,12}?)[，,]?(?:是指|指)"), "以下简所")


def _defined_terms(text: str) -> list[tuple[int, int]]:
    terms = {m.group(m.lastindex) for m in _DEFINED.finditer(text)} if "称" in text else ()  # 称 in every match
    spans = []
    for t in terms:
        i = text.find(t)
        while i != -1:
            spans.append((i, i + len(t)))
            i = text.find(t, i + 1)
    return spans


# A person's name standing in a list (出席：张明、王伟; 张明（市财政局）、王伟（市教育局）) or after a title: homophones of
# given names are the commonest false alarm, and a name cannot be checked against a dictionary.
# (The surname is matched before the look-behind that tests what stands before it, so that the engine
# skips to surnames rather than trying every character.)
_NAME = Led(re.compile(rf"[{_SURNAMES}](?:(?<=[：:、，,\s（(）)][{_SURNAMES}])|(?<=^[{_SURNAMES}]))[\u4e00-\u9fff]{{1,2}}"
                       rf"(?=[、，,。；;\s（(）)]|同志|$)", re.M), _SURNAMES, after="：:、，,（(）)" + WHITESPACE)
# (tried where a title's first character stands with its second one on: 市长, 书记 … 联系人)
_TITLED_NAME = Led(re.compile(rf"(?:市长|书记|主任|局长|部长|主席|县长|区长|厅长|处长|科长|经理|联系人[：:]?)"
                              rf"([{_SURNAMES}][\u4e00-\u9fff]{{1,2}})"), "市书主局部县区厅处科经联", then="长记任席理系")


# A place, road or organisation is named by a word or two before its generic part (丰虹路,
# 东靖路, 众仁慈善服务中心, 某某科技有限公司): such names are on no dictionary either.
_NAME_KINDS = ("路", "街", "巷", "弄", "大道", "公路", "桥", "隧道", "镇", "乡", "村", "浦", "泾", "港", "河", "湖", "湾",
               "码头", "科技", "慈善", "集团", "公司", "大厦", "广场", "公园", "小区", "花园", "苑")
_NOT_A_NAME = re.compile(r"[\u4e00-\u9fff]?(?:建设|管理|安全|工作)")  # 道路建设, 河湖管理: the kind word is a word
# The reference for proper_name_spans: the same spans, by an expression five times as slow on long text.
_PROPER_NAME = re.compile(r"[\u4e00-\u9fff]{1,3}(?=(?:" + "|".join(_NAME_KINDS) + r")(?!" + _NOT_A_NAME.pattern + "))")


@lru_cache(maxsize=1)
def _kind_words() -> PhraseMatcher[str]:
    return PhraseMatcher((k, k) for k in _NAME_KINDS)


def proper_name_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``_PROPER_NAME.finditer`` gives (one to three Han characters before a kind word, the
    longest at the leftmost start, none overlapping), found from the kind words: the expression
    tries every Han character of the text, this only the few before a kind word."""
    ends = sorted({s for s, e, _ in _kind_words().find_all(text) if not _NOT_A_NAME.match(text, e)})
    at_end = set(ends)
    han = lambda c: "\u4e00" <= c <= "\u9fff"  # noqa: E731
    spans, pos = [], 0
    for b in ends:
        if b <= pos:
            continue
        a = b
        while a > max(pos, b - 3) and han(text[a - 1]):
            a -= 1
        if a == b:
            continue
        end = b  # the longest of one to three characters from a that a kind word follows
        for c in (a + 3, a + 2):
            if c > b and c in at_end and all(han(ch) for ch in text[b:c]):
                end = c
                break
        spans.append((a, end))
        pos = end
    return spans


def _name_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NAME.finditer(text)] + [m.span(1) for m in _TITLED_NAME.finditer(text)]


@hookimpl
def doccheck_rules():
    return [statistical, possible]
