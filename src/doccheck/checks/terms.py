"""Names and fixed terms with one character wrong: 中华人民共合国, 鱿鱼圈区 for 鲅鱼圈区, 齐齐哈市 for
齐齐哈尔市. The terms are data/fixed-terms.txt (political terms, central bodies) and the gazetteer's
names of four characters or more. A span one edit away from a term — a wrong character in a term of
four or more, a missing or extra one in five or more — that is itself no dictionary word is reported.

Matching is by halves (pigeonhole): a span one edit away from a term holds one half of it exactly,
so an Aho-Corasick pass over the halves finds every candidate, and only those are compared.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterator

from ..chinese import FUNCTION_CHARS
from ..dates import find_dates
from ..findings import Hit
from ..hookspecs import hookimpl
from ..lexicon import PhraseMatcher, count_phrases, one_edit
from ..offsets import SpanIndex
from ..resources import Resource, data_rows
from ..rule import bad, good, rule
from ..stretches import line_pieces
from ..wordtable import COMPILED, Near, WordTable


class TermIndex:
    def __init__(self, terms: dict[str, str], segment=None):
        self.terms = terms  # term → kind
        # Two neighbouring words of a term swapped (群众路线实践教育活动): every such order of the
        # terms that are not place names, cut into words by ``segment``.
        swapped: dict[str, str] = {}
        if segment is not None:
            for t, kind in terms.items():
                if kind in ("地名", "术语", "常用搭配", "成语") or len(t) < 5:
                    continue  # 国际国内双循环 is also said: the slogans' parallel words do move
                words = segment(t)
                # the last word (活动, 思想, 委员会) stays: 依法治国全面推进 is no 全面依法治国 swapped
                for i in range(len(words) - 2):
                    if len(words[i]) >= 2 and len(words[i + 1]) >= 2 and words[i] != words[i + 1]:
                        variant = "".join(words[:i] + [words[i + 1], words[i]] + words[i + 2:])
                        if variant not in terms:
                            swapped.setdefault(variant, t)
        self.swapped = PhraseMatcher(swapped.items())
        # each half of a term of four or more (the pigeonhole) → (term, offset of the half)
        halves: dict[str, list[tuple[str, int]]] = {}
        for t in terms:
            if len(t) < 4:
                continue  # 司法部/执法部: three characters hold too many real words one edit apart
            k = len(t) // 2
            for half, offset in ((t[:k], 0), (t[k:], k)):
                if len(half) >= 2:
                    halves.setdefault(half, []).append((t, offset))
        self.exact = PhraseMatcher((t, t) for t in terms)
        self._compiled = _compiled_near(halves) if COMPILED else None
        if self._compiled is None:
            self._index_in_python(halves)

    def _index_in_python(self, halves: dict[str, list[tuple[str, int]]]) -> None:
        """The look-ups of ``_substituted`` and ``near`` where nothing is compiled: half → (offset of
        the half, the term's length) → the other half with one character masked (工作? for 工作机制)
        → terms, so that a wrong character is found with a look-up per character of the other half,
        not a comparison per term that shares the half; and the halves of the terms of five
        characters or more, which alone are tried with a character missing or extra."""
        self._masked: dict[str, dict[tuple[int, int], dict[str, list[str]]]] = {}
        for half, ts in halves.items():
            for t, offset in ts:
                other = t[len(half):] if offset == 0 else t[:offset]
                group = self._masked.setdefault(half, {}).setdefault((offset, len(t)), {})
                for j in range(len(other)):
                    group.setdefault(other[:j] + "?" + other[j + 1:], []).append(t)
        self.halves = PhraseMatcher((half, half) for half in halves)
        self.longer = PhraseMatcher((half, [(t, o, len(t)) for t, o in ts if len(t) >= 5])
                                    for half, ts in halves.items() if any(len(t) >= 5 for t, _ in ts))

    def near(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, term) for spans one edit away from a term (not the term itself)."""
        seen = set()
        for s, e, term in self._substituted(text):
            if (s, e, term) in seen:
                continue
            if text[e - 1] == term[-1] or self.terms[term] not in _NAMED_KINDS:
                # a name's last character is its kind (部, 局, 区, 国): 生态环境保 is no
                # 生态环境部; a slogan's may be the slip (乡村振新)
                seen.add((s, e, term))
                yield s, e, term
        # one character missing or extra, in terms of five characters or more
        if self._compiled is not None:
            near, terms = self._compiled
            for s, e, k in near.longer(text):
                if (s, e, terms[k]) not in seen:
                    seen.add((s, e, terms[k]))
                    yield s, e, terms[k]
            return
        for start, end, cands in self.longer.find_all(text):
            for term, offset, n in cands:
                for length in (n - 1, n + 1):
                    for s in (start - offset, start - offset + 1, start - offset - 1):
                        e = s + length
                        if s < 0 or e > len(text) or (s, e, term) in seen:
                            continue
                        span = text[s:e]
                        if span[-1] == term[-1] and one_edit(span, term):
                            seen.add((s, e, term))
                            yield s, e, term

    def _substituted(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, term) for spans with one character of a term of four or more replaced: the
        other half masked at each character, looked up. In C where doccheck's compiled part is
        built (a quarter of this rule's time was this loop), else here."""
        if self._compiled is not None:
            near, terms = self._compiled
            for s, e, k in near.near(text):
                yield s, e, terms[k]
            return
        size = len(text)
        for start, end, half in self.halves.find_all(text):
            for (offset, n), group in self._masked[half].items():
                s = start - offset
                e = s + n
                if s < 0 or e > size:
                    continue
                other = text[end:e] if offset == 0 else text[s:start]
                for j in range(len(other)):
                    for term in group.get(other[:j] + "?" + other[j + 1:], ()):
                        if other[j] != term[(n - len(other)) * (offset == 0) + j]:  # not the term itself
                            yield s, e, term


def _compiled_near(halves: dict[str, list[tuple[str, int]]]):
    """The compiled form of the halves' look-ups (_wordtable.Near): the halves, each with the
    (offset, length) of its terms; every term with one character masked; the halves of terms of
    five characters or more, each with its terms."""
    terms = sorted({t for ts in halves.values() for t, _ in ts})
    number = {t: k for k, t in enumerate(terms)}
    masked: dict[str, list[int]] = {}
    for t in terms:
        for j in range(len(t)):
            masked.setdefault(t[:j] + "?" + t[j + 1:], []).append(number[t])
    grp_start, grp = array("I", [0]), array("I")
    for ts in halves.values():
        grp.extend(sorted({o << 16 | len(t) for t, o in ts}))
        grp_start.append(len(grp))
    row_start, row_terms = array("I", [0]), array("I")
    for row in masked.values():
        row_terms.extend(row)
        row_start.append(len(row_terms))
    term_start, term_chars = array("I", [0]), array("I")
    for t in terms:
        term_chars.extend(map(ord, t))
        term_start.append(len(term_chars))
    long_halves = {half: [(number[t], o) for t, o in ts if len(t) >= 5] for half, ts in halves.items()}
    long_halves = {half: ts for half, ts in long_halves.items() if ts}
    long_start, long_terms = array("I", [0]), array("I")
    for ts in long_halves.values():
        for k, o in ts:
            long_terms.extend((k, o))
        long_start.append(len(long_terms) // 2)
    head = array("I", [len(halves), len(grp), len(masked), len(row_terms), len(terms), len(term_chars),
                       len(long_halves), len(long_terms) // 2])
    arrays = b"".join(a.tobytes() for a in (head, grp_start, grp, row_start, row_terms, term_start, term_chars,
                                             long_start, long_terms))
    tables = (WordTable.numbered(keys)._table for keys in (halves, masked, long_halves))
    return Near(*tables, arrays), terms


_HAN_SPAN = re.compile(r"[\u4e00-\u9fff、]+")  # what a span near a term may hold

# Kinds of names that end in the word for what they are (部, 局, 区, 法, 国, 党)
_NAMED_KINDS = {"机构", "规范简称", "地名", "法规", "国名", "政党"}


def _fixed_terms() -> dict[str, str]:
    """data/fixed-terms.txt (term, tab, kind), data/collocations.txt (kind 常用搭配) and data/idioms.txt
    (kind 成语): term → kind."""
    terms: dict[str, str] = {}
    for name, default in (("fixed-terms.txt", "术语"), ("collocations.txt", "常用搭配"), ("idioms.txt", "成语")):
        for row in data_rows(name):
            terms.setdefault(row[0].strip(), (row[1].strip() if len(row) > 1 else "") or default)
    return terms


def load_terms(res=None) -> TermIndex:
    terms = _fixed_terms()
    if res is not None:
        g = res.get("gazetteer")
        for name, units in g.by_name.items():
            if len(name) >= 4 and any(u.level <= 3 for u in units):
                terms.setdefault(name, "地名")
    segment = None
    if res is not None:
        tokenizer = res.get("jieba")
        segment = lambda t: tokenizer.lcut(t, HMM=False)  # noqa: E731
    return TermIndex(terms, segment)


@rule(
    id="typo.fixed-term",
    category="typo",
    severity="warning",
    summary="固定用语、机构名称或地名写错一个字",
    doc="""\
What it does: finds a span one character away from a fixed political term, a central body's full or
standard short name (data/fixed-terms.txt), a collocation official documents use again and again
(data/collocations.txt: 领导小组, 长效机制, 值班值守 — where a real word typed in its place, 长效机智, is what a
dictionary cannot see), an idiom (data/idioms.txt: THUOCL's 2,312 most frequent 成语 — 既往开来 for 继往开来,
事半功陪) or a place name of four characters or more (the gazetteer): a wrong character (中华人民共合国, 鱿鱼圈区), or,
in names of five or more, a missing or extra one (齐齐哈市 for 齐齐哈尔市); where the curated list of
misspellings names the slip (一如继往), it speaks instead. Where a term has valid neighbours one character
away — laws (刑法, 宪法), slogans and campaigns (第一个/第二个百年奋斗目标, 党史/党纪学习教育), short names, any term of five
characters or fewer — the wrong character must sound or look like the right one (乡村振新, 四个意思); in the
name of the State or a body's long name any character is a slip (中共人民共和国). A span that is itself a term,
a place or a dictionary word is left alone (next to an idiom, an entry jieba lists without a count, as
it lists misspellings such as 再接再历, is no word), and so is one that the document writes as it is more
than once (a name of its own); of two spans one inside the other, the longer is reported.

Why is this bad? A misspelt 国名, body or place in an issued document is the error that inspections of
government websites report first, and the one readers remember.""",
    references=("《党政机关公文处理工作条例》第十九条（公文起草：文字精炼、用词规范）",),
    examples=[
        bad("全面贯彻习近平新时代中国特色社会主意思想。", at="习近平新时代中国特色社会主意思想"),
        bad("根据《中华人民共合国安全生产法》的规定。", at="中华人民共合国"),
        bad("辽宁省营口市鱿鱼圈区开展排查。", at="鱿鱼圈区"),
        bad("黑龙江省齐齐哈市财政局", at="齐齐哈市"),  # a character short, right after its province
        bad("请各组长每周向分管领导回报工作进度。", at="回报工作"),  # jieba joins 工作进度: the phrase runs on
        bad("培育和践行核心社会主义价值观。", at="核心社会主义价值观"),  # two words swapped
        bad("坚持不懈推进乡村振新。", at="乡村振新"),  # a slogan's last character may be the slip
        bad("加快构建新发展各局。", at="新发展各局"),
        bad("要建立部门之间的联动机智。", at="联动机智"),  # a real word typed into a collocation
        bad("节假日期间各街道要做好值班值首。", at="值班值首"),
        bad("对督查发现的问题要立行立改，确保整该到位。", at="整该到位"),
        bad("以案为鉴、警钟常鸣，筑牢安全防线。", at="警钟常鸣"),
        bad("新的一年，我们要既往开来、开拓进取。", at="既往开来"),  # an idiom
        bad("统筹推进两项工作，收到事半功陪的效果。", at="事半功陪"),
        bad("全体干部要再接再历，乘势而上。", at="再接再历"),  # a misspelling jieba lists without a count
        good("我们要继往开来，以精益求精的态度把工作做得相得益彰、事半功倍。"),
        good("要建立健全长效机制，对发现的问题及时整改、整改到位。"),
        good("他机智地应对了突发情况，事后向领导作了汇报。"),
        good("根据《中华人民共和国刑法》《中华人民共和国水法》的规定。"),  # another law, not a slip of 宪法
        good("推行一窗通办、党纪学习教育；构建国际国内双循环。"),  # another term of a family, or its words moved
        good("依法治国全面推进，法治政府建设取得新进展。"),  # the kind word moved: a sentence, not a term
        good("根据《中华人民共和国安全生产法》的规定，深入学习习近平新时代中国特色社会主义思想。"),
        good("辽宁省营口市鲅鱼圈区；国家卫生健康委；国务院办公厅。"),
    ],
    defers_to=("typo.common-misspellings",),  # the curated list names the wrong word itself (惯彻 in 惯彻落实)
)
def fixed_term(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    index = ctx.resource("terms")
    tokenizer = ctx.resource("jieba")
    freq = tokenizer.FREQ
    exact = _columns(index.exact.find_all_in(doc))
    any_term = SpanIndex.of_columns(exact[0], exact[1])
    starts, ends, terms = _columns(_near_spans(text, index, freq))
    # where each term near a span is written as it is (for those terms only), the starts in order: a
    # term's occurrences are all as long as the term, so come in the order they start
    near_terms, written = set(terms), {}
    for s, t in zip(exact[0], exact[2]):
        if t in near_terms:
            at = written.get(t)
            if at is None:
                at = written[t] = array("q")
            at.append(s)
    # how often each span is written, counted in one pass (a count per span is quadratic in a long text)
    counts = count_phrases((text[s:e] for s, e in zip(starts, ends)), text)
    best: dict[tuple[int, int], str] = {}
    for s, e, term in zip(starts, ends, terms):
        span = text[s:e]
        at = written.get(term)
        if (at and (k := bisect_left(at, e)) and at[k - 1] + len(term) > s) or any_term.contains(s, e) or (
                counts[span] > 1):
            continue  # the term written right here (《中华人民共和国, 共和国安), inside a longer term, or a name of its own
        # (each test only drops a span: the one that drops most, and costs little, first)
        if len(span) == len(term) and _has_family(term, index.terms[term]) and not slip_alike(span, term, ctx):
            continue  # 刑法/宪法, 党纪/党史学习教育, 一窗通办: another term of a family, not a slip
            # (a place is judged by its province or city written before it, _place_in_context)
        anchored = index.terms[term] == "地名" and _after_its_parent(text, s, term, ctx)
        if not _on_word_boundaries(text, s, e, tokenizer, run_on=len(span) == len(term)) or (
                len(span) != len(term) and not anchored and _well_formed(
                span, tokenizer, freq)):
            continue  # 上海市宝山区 holds 市宝山区; 中国现代化 (a character fewer) is words of its own —
            # unless the province or city of the place comes right before it (黑龙江省齐齐哈市)
        if len(span) != len(term) and _edited_char(span, term) in FUNCTION_CHARS:
            continue  # 党全面领导: a 的 left out makes another phrase, not a slip
        if span[0] in FUNCTION_CHARS or span[-1] in FUNCTION_CHARS:
            continue  # 的全面领导, 和本地区: a function word next to a phrase, not a slip in a name
        if index.terms[term] == "地名" and not _place_in_context(text, s, term, ctx):
            continue
        best.setdefault((s, e), term)
    reach = -1
    for (s, e), term in sorted(best.items(), key=lambda x: (x[0][0], -x[0][1])):
        if reach >= e:
            continue  # 中国特色社会主意 inside 习近平新时代中国特色社会主意思想: the longer term is meant
        reach = e
        kind = index.terms[term]
        yield Hit(s, e, f"“{text[s:e]}”疑为“{term}”（{kind}）之误", (term,))
    for s, e, term in index.swapped.find_in(doc):
        if (s, e) not in best:
            yield Hit(s, e, f"“{text[s:e]}”词序有误，固定用语为“{term}”（{index.terms[term]}）", (term,))




def _columns(spans: Iterator[tuple[int, int, str]]) -> tuple[array, array, list[str]]:
    """Spans (start, end, term) held as three columns: a long noisy text has a hundred thousand
    spans at or near a term, and a tuple and two numbers each cost twenty times the room."""
    starts, ends, terms = array("q"), array("q"), []
    for s, e, term in spans:
        starts.append(s)
        ends.append(e)
        terms.append(term)
    return starts, ends, terms


def _near_spans(text: str, index, freq) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) for runs of Han characters one edit from a term that are neither a term nor
    a word. Scanned a piece of whole lines at a time (no span crosses a line): the scan remembers
    every span it gave, and a long text's are hundreds of thousands."""
    for lo, hi in line_pieces(text):
        piece = text[lo:hi]
        for s, e, term in index.near(piece):
            span = piece[s:e]
            if _HAN_SPAN.fullmatch(span) and span not in index.terms and (
                    freq.get(span, 0) <= _UNCOUNTED if index.terms[term] == "成语" else not freq.get(span)):
                yield lo + s, lo + e, term


# jieba's dictionary gives this count to the entries of its word lists that came without one (160,000, a
# third of it), and misspelt idioms are among them (再接再历, 集思广义, 走头无路: nine in ten of those one
# slip from a frequent idiom): next to an idiom such an entry is no evidence of a word
_UNCOUNTED = 3


def _has_family(term: str, kind: str) -> bool:
    """Terms with valid neighbours one character away: laws (刑法, 宪法), slogans and campaigns
    (第一个/第二个百年奋斗目标, 党史/党纪学习教育), short names (国家民委, 国家部委), any term of five
    characters or fewer. A wrong character there must sound or look like the right one; in the
    name of the State or a long name (中共人民共和国) any character is a slip. Places are judged by
    their province or city written before them instead."""
    return kind != "地名" and (kind in ("术语", "活动", "法规", "制度", "规范简称", "常用搭配") or len(term) <= 5)


def slip_alike(span: str, term: str, ctx) -> bool:
    """The one character that differs sounds or looks like the term's (工/公, 合/和, 鱿/鲅): a slip
    of the input method or of the eye, not another word chosen."""
    a, b = next((x, y) for x, y in zip(span, term) if x != y)
    return ctx.resource("spelling.detector").candidates.alike(a, b)


def _edited_char(a: str, b: str) -> str:
    """The character one string has and the other lacks (lengths differ by one)."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return long_[i]


def _place_in_context(text: str, s: int, term: str, ctx) -> bool:
    """A county-level name is taken as meant only after the city or province it lies in
    (营口市鱿鱼圈区); a province's or prefecture's name stands by itself (齐齐哈市)."""
    g = ctx.resource("gazetteer")
    units = [u for u in g.by_name.get(term, ()) if u.level <= 3]
    if any(u.level <= 2 for u in units):
        return True
    before = text[max(0, s - 30):s]
    return any(a.name in before for u in units for a in g.ancestors(u) if a.name not in ("市辖区", "县"))


def _after_its_parent(text: str, s: int, term: str, ctx) -> bool:
    """The province or prefecture the place lies in is written right before the span."""
    g = ctx.resource("gazetteer")
    before = text[max(0, s - 12):s]
    return any(before.endswith(a.name) for u in g.by_name.get(term, ()) for a in g.ancestors(u)
               if a.name not in ("市辖区", "县"))


def _on_word_boundaries(text: str, s: int, e: int, tokenizer, run_on: bool = False) -> bool:
    """No word of the text crosses an end of the span: 上海市宝山区 holds 市宝山区, which starts inside
    上海市. With ``run_on``, a word may cross the end from two characters or more inside the span: it
    continues the phrase (回报|工作进展 for 汇报工作)."""
    lo, hi = max(0, s - 6), min(len(text), e + 6)
    pos = lo
    for w in tokenizer.cut(text[lo:hi], HMM=False):
        a, pos = pos, pos + len(w)
        if a < s < pos or (a < e < pos and not (run_on and a >= s + 2)):
            return False
    return True


def _well_formed(span: str, tokenizer, freq) -> bool:
    """Dictionary words of two characters or more, end to end: a phrase, not a slip."""
    words = tokenizer.lcut(span, HMM=False)
    return all(len(w) >= 2 and freq.get(w) for w in words)


@dataclass(frozen=True, slots=True)
class Renamed:
    old: str
    new: str  # what it became; "" when abolished without a successor of its kind
    date: str  # 2018-03-17
    reform: str
    current: str  # what the body is called today, following later renames


def load_renamed_bodies(res=None) -> tuple[PhraseMatcher, PhraseMatcher]:
    """(old names → Renamed, current names): data/renamed-bodies.tsv."""
    rows = data_rows("renamed-bodies.tsv")
    nxt = {old: new for old, new, _, _ in rows}
    entries = []
    for old, new, date, reform in rows:
        current, seen = new, {old}
        while current in nxt and current not in seen:  # 国家计生委 → … → 国家卫生健康委员会
            seen.add(current)
            current = nxt[current]
        entries.append((old, Renamed(old, new, date, reform, current)))
    names = {r.current for _, r in entries if r.current} | {r.new for _, r in entries if r.new}
    names |= set(_fixed_terms())
    return PhraseMatcher(entries), PhraseMatcher((n, n) for n in names if n not in nxt)


@rule(
    id="typo.outdated-body",
    category="typo",
    severity="warning",
    summary="已撤销或更名的中央机构名称",
    doc="""\
What it does: finds the name of a central body that a 国务院机构改革 renamed, merged or abolished — 国家体委
(国家体育总局 since 1998), 国土资源部 (自然资源部 since 2018), 国家工商总局, 卫生部, 国务院法制办 — in a document
dated after the change, or an undated draft. A name the document marks as former (原国家工商行政管理总局), one
inside a current name (住房和城乡建设部 holds 建设部) and 部门/部署 are left alone; so is a document dated before
the reform (a law's 题注 gives its last revision).

Why is this bad? A draft built on an old template or an old document names a body that no longer exists;
the document then assigns work to no one. data/renamed-bodies.tsv lists the names with the date of
each reform (public facts).""",
    references=("国务院机构改革方案（1998、2003、2008、2013、2018、2023年全国人民代表大会批准）",),
    examples=[
        bad("关于做好市场主体登记工作的通知\n各区人民政府：\n按照国家工商总局的部署，认真组织实施。\n江州市人民政府\n2025年5月6日\n",
            at="国家工商总局"),
        bad("请各区国土资源部门会同市国土资源部派出机构做好确权登记。", at="国土资源部"),
        good("关于做好市场主体登记工作的通知\n各区人民政府：\n按照国家市场监管总局的部署，认真组织实施。\n江州市人民政府\n2025年5月6日\n"),
        good("原国家工商行政管理总局的职责划入国家市场监督管理总局。"),
        good("2001年4月3日信息产业部、文化部发布的办法同时废止。"),  # a past event, dated
        good("按照《国家林业局、公安部关于森林防火的通知》执行。"),  # an older document's title
        good("组建文化和旅游部，不再保留文化部、国家旅游局。"),  # the reform in its own words
        good("各级卫生部门要加强疫情监测，住房和城乡建设部另行部署。"),
        good("关于做好市场主体登记工作的通知\n各区人民政府：\n按照国家工商总局的部署，认真组织实施。\n江州市人民政府\n2016年5月6日\n"),
    ],
)
def outdated_body(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    old, current = ctx.resource("renamed-bodies")
    found = old.find_in(doc)
    if not found:
        return
    dated = _document_date(doc)
    for s, e, r in found:
        if dated is not None and dated < r.date:
            continue
        if text[e:e + 1] in ("门", "署") or re.search(r"(?:原|前)(?:中华人民共和国)?$", text[max(0, s - 10):s]):
            continue  # 部门, 部署; 原国家计委, 原中华人民共和国国家发展计划委员会
        if _in_cited_title(text, s) or _dated_before(text, s, r.date) or _REFORM.search(_sentence(text, s, e)):
            continue  # 《最高人民法院、国家林业局关于……》; 2001年4月3日信息产业部……发布的; 不再保留文化部
        if _in_current_name(text, s, e, current):
            continue
        year = r.date[:4]
        now = f"（现为{r.current}）" if r.current and r.current != r.new else ""
        what = f"已于{year}年{r.reform.removeprefix(year + '年')}中改为{r.new}{now}" if r.new else \
            f"已于{year}年{r.reform.removeprefix(year + '年')}中撤销"
        yield Hit(s, e, f"“{r.old}”{what}，请核对；如为历史表述可忽略", (r.current,) if r.current else ())


def _in_current_name(text: str, s: int, e: int, current: PhraseMatcher) -> bool:
    """A current body's name other than the span holds it: looked for around the span only (a long text
    names bodies tens of thousands of times)."""
    lo = max(0, e - current.longest)
    return any(lo + a <= s and e <= lo + b and (lo + a, lo + b) != (s, e)
               for a, b, _ in current.find_all(text[lo:s + current.longest]))


# The reform told in its own words: 不再保留文化部, 职责划入……, 组建……
_REFORM = re.compile(r"不再保留|划入|划转|组建|撤销|整合|机构改革|更名|改为|改组")


def _sentence_start(text: str, s: int) -> int:
    return max(text.rfind(m, 0, s) for m in ("。", "；", "\n")) + 1


def _sentence(text: str, s: int, e: int) -> str:
    start = _sentence_start(text, s)
    ends = [k for k in (text.find(m, e) for m in ("。", "；", "\n")) if k != -1]
    return text[start:min(ends) if ends else len(text)]


def _in_cited_title(text: str, s: int) -> bool:
    before = text[max(0, s - 80):s]
    k = before.rfind("《")
    return k != -1 and "》" not in before[k:]


def _dated_before(text: str, s: int, date: str) -> bool:
    """The sentence gives a date before the reform ahead of the name: a past event told as such."""
    start = _sentence_start(text, s)
    return any(d.as_date() is not None and d.as_date().isoformat() < date for d in find_dates(text[start:s]))


def _document_date(doc) -> str | None:
    """The document's own date: the 成文日期, else the last date of a law's 题注 (its last revision)."""
    a = doc.anatomy
    if a.issue_date is not None and a.issue_date.as_date() is not None:
        return a.issue_date.as_date().isoformat()
    if a.caption is not None:
        dates = [d.as_date() for d in find_dates(a.caption.text) if d.as_date() is not None]
        if dates:
            return max(dates).isoformat()
    return None


@hookimpl
def doccheck_resources():
    return [Resource("terms", load_terms, "固定用语、中央机构名称和四字以上地名"),
            Resource("renamed-bodies", load_renamed_bodies, "历次国务院机构改革中更名、撤销的中央机构名称")]


@hookimpl
def doccheck_rules():
    return [fixed_term, outdated_body]
