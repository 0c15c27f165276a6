"""Data rule packs: ``rules/*.toml`` become Rule objects without Python.

Kinds, after Vale's: ``substitution`` (wrong → right), ``existence`` (a
phrase that must not appear), ``pattern`` (a regular expression) and
``roster`` (names and the titles that go with them); Vale's "conditional"
is the ``when-text`` / ``when-issuer`` keys. The format is documented in
``rules/README.md``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

import regex

from .findings import Category, Example, Fix, Hit, Severity
from .lexicon import PhraseMatcher, covered_by_context, leftmost_longest
from .rule import Context, Rule
from .stretches import finditer_in, lines_of, merged


class PackError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Entry:
    match: str  # a phrase, or for kind = "pattern" a regular expression
    replacement: str | None = None
    message: str | None = None
    unless: tuple[str, ...] = ()  # longer words in which the match is legitimate
    note: str = ""
    requires: tuple[str, ...] = ()  # pattern kind: run the expression only if one of these occurs
    within: int | None = None  # and then only within this many characters of one (every match holds one)
    lines: bool = False  # or only on the lines that hold one (every match lies in such a line)


KINDS = ("substitution", "existence", "pattern", "roster")
_RULE_KEYS = {
    "id", "category", "severity", "kind", "summary", "doc", "message", "references",
    "safe-fix", "examples", "swap", "phrases", "entries", "gongwen-only", "skip-kinds", "unless-near",
    "when-text", "when-issuer", "people", "titles",
}
# Titles a roster knows; a name next to one of these that is not the person's own is flagged.
DEFAULT_TITLES = (
    "书记", "副书记", "常委", "市长", "副市长", "县长", "副县长", "区长", "副区长", "省长", "副省长",
    "主任", "副主任", "局长", "副局长", "秘书长", "副秘书长", "部长", "副部长", "主席", "副主席",
    "厅长", "副厅长", "处长", "副处长", "科长", "副科长", "镇长", "副镇长", "乡长", "副乡长", "院长", "副院长",
    "委员", "调研员", "巡视员", "总经理", "董事长",
)


class PackRule:
    """The check behind one pack rule; compiles its matcher on first use."""

    def __init__(self, kind: str, entries: list[Entry], message: str, safe_fix: bool,
                 unless_near: tuple[str, ...], when_text: str | None = None, when_issuer: str | None = None,
                 people: dict[str, tuple[str, ...]] | None = None, titles: tuple[str, ...] = DEFAULT_TITLES):
        self.kind = kind
        self.entries = entries
        self.message = message
        self.safe_fix = safe_fix
        self.unless_near = unless_near
        self.when_text = regex.compile(when_text) if when_text else None
        self.when_issuer = regex.compile(when_issuer) if when_issuer else None
        self.people = people or {}
        self.titles = titles

    def _applies(self, doc) -> bool:
        """Vale's "conditional": the rule speaks only when the whole document fits."""
        if self.when_text is not None and not self.when_text.search(doc.text):
            return False
        if self.when_issuer is not None:
            a = doc.anatomy
            issuer = " ".join(x.text for x in [a.issuer_mark, *a.signature, a.printed] if x is not None)
            if not self.when_issuer.search(issuer):
                return False
        return True

    @cached_property
    def matcher(self) -> PhraseMatcher[Entry]:
        return PhraseMatcher((e.match, e) for e in self.entries)

    @cached_property
    def requirements(self) -> PhraseMatcher[str]:
        """The strings one of which a pattern's text must hold (``requires``), found in one scan."""
        return PhraseMatcher((r, r) for e in self.entries for r in e.requires)

    @cached_property
    def _requiring(self) -> dict[str, list[int]]:
        """A required string → the entries (their numbers) that require it."""
        out: dict[str, list[int]] = {}
        for k, e in enumerate(self.entries):
            for r in e.requires:
                out.setdefault(r, []).append(k)
        return out

    @cached_property
    def _unconditional(self) -> list[int]:
        return [k for k, e in enumerate(self.entries) if not e.requires or "" in e.requires]

    @cached_property
    def patterns(self) -> list[tuple[Any, Entry]]:
        # One scan per entry: measured faster than one alternation of all of them,
        # which loses each pattern's literal-prefix search.
        return [(regex.compile(e.match), e) for e in self.entries]

    def _say(self, entry: Entry, found: str, replacement: str | None) -> str:
        template = entry.message or self.message
        return template.format(match=found, replacement=replacement or "", note=entry.note)

    def _negated(self, text: str, start: int) -> bool:
        """A phrase right after 严禁/不得… is being forbidden, not asked for."""
        if not self.unless_near:
            return False
        window = text[max(0, start - 12):start]
        cut = max(window.rfind(c) for c in "。；！？\n，")
        window = window[cut + 1:]
        return any(w in window for w in self.unless_near)

    def __call__(self, doc, ctx: Context) -> Iterator[Hit]:
        text = doc.text
        if not self._applies(doc):
            return
        if self.kind == "roster":
            yield from self._roster(text)
            return
        if self.kind == "pattern":
            hits = []
            # the entries whose required strings the text holds (one scan), and those that need none
            wanted = set(self._unconditional)
            required: list[tuple[int, int]] = []
            for s, e, r in self.requirements.find_all_in(doc):
                wanted.update(self._requiring[r])
                required.append((s, e))
            for k in sorted(wanted):
                rx, entry = self.patterns[k]
                for m in _matches(rx, text, entry, required):
                    if m.end() == m.start() or self._negated(text, m.start()):
                        continue
                    repl = m.expand(entry.replacement) if entry.replacement is not None else None
                    hits.append(self._hit(m.start(), m.end(), m.group(), entry, repl))
            yield from _merge_passages(text, hits)
            return
        tokenizer = None
        for start, end, entry in leftmost_longest(self.matcher.find_all_in(doc)):
            if entry.unless and covered_by_context(text, start, end, entry.match, entry.unless):
                continue
            if self._negated(text, start):
                continue
            if self.kind == "substitution" and end - start >= 2:
                tokenizer = tokenizer or ctx.resource("jieba")
                if straddles_words(text, start, end, tokenizer):
                    continue
            yield self._hit(start, end, entry.match, entry, entry.replacement)

    def _roster(self, text: str) -> Iterator[Hit]:
        """A known name right next to a title that is not the person's: 市长甄示例 when
        甄示例 is 副市长. The title must touch the name (市长甄示例, 甄示例副市长,
        甄示例同志（市长）); the longest title wins (副市长 over 市长)."""
        for name, own in self.people.items():
            i = text.find(name)
            while i != -1:
                j = i + len(name)
                if text.startswith(("同志（", "同志("), j):
                    j += 3
                before = max((t for t in self.titles if text.endswith(t, 0, i)), key=len, default=None)
                after = max((t for t in self.titles if text.startswith(t, j)), key=len, default=None)
                spans = []
                if before:
                    spans.append((i - len(before), i, before))
                if after:
                    spans.append((j, j + len(after), after))
                for s, e, title in spans:
                    if title not in own:
                        msg = self.message.format(name=name, title=title, titles="、".join(own), match=title,
                                                  replacement=own[0] if own else "", note="")
                        yield Hit(s, e, msg, tuple(own))
                i = text.find(name, i + 1)

    def _hit(self, start, end, found, entry, repl) -> Hit:
        suggestions = (repl,) if repl is not None else ()
        fix = Fix.replace(start, end, repl) if (self.safe_fix and repl is not None) else None
        return Hit(start, end, self._say(entry, found, repl), suggestions, fix)


def _matches(rx, text: str, entry: Entry, required: list[tuple[int, int]]):
    """``rx.finditer(text)``; for an entry with ``within``, only over the stretches of text within that
    many characters of a required string (merged where they meet): every match lies in one; with
    ``lines``, only over the lines that hold one."""
    if not entry.lines and entry.within is None:
        yield from rx.finditer(text)
        return
    held = [(s, e) for s, e in required if text[s:e] in entry.requires]  # the entry's own strings
    if entry.lines:
        yield from finditer_in(rx, text, lines_of(text, held))
        return
    reach = entry.within
    for lo, hi in merged((max(0, s - reach), min(len(text), e + reach)) for s, e in held):
        yield from rx.finditer(text, lo, hi)


def straddles_words(text: str, start: int, end: int, tokenizer) -> bool:
    """The match is the tail of one word and the head of the next (协商|确定 holds 商确,
    办理|采砂 holds 理采): jieba puts a boundary inside it, and a word on either side of that
    boundary reaches beyond the match, so that the correction would leave a lone character
    of it behind (协 of 协商). A wrong word on the list (一如|继往) stays inside; 工作台|帐
    leaves 工作, a word, so 台帐 is still read as one."""
    lo, hi = max(0, start - 4), min(len(text), end + 4)
    pos, spans = lo, []
    for w in tokenizer.cut(text[lo:hi], HMM=False):
        spans.append((pos, pos + len(w)))
        pos += len(w)
    freq = tokenizer.FREQ
    for (a, b), (c, d) in zip(spans, spans[1:]):
        if not start < b < end:
            continue
        if a < start and (start - a < 2 or not freq.get(text[a:start])):
            return True
        if d > end and (d - end < 2 or not freq.get(text[end:d])):
            return True
    return False


def _merge_passages(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """Several entries may describe one passage: report it once. Overlapping hits
    keep the widest; hits separated only by a comma or spaces (来源于网络，如有侵权
    请联系删除) become one."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        if out and not text[out[-1].end:h.start].strip(" ，,、\u3000") and h.fix is None and out[-1].fix is None:
            prev = out[-1]
            out[-1] = Hit(prev.start, h.end, prev.message.replace(text[prev.start:prev.end], text[prev.start:h.end], 1),
                          prev.suggestions)
            continue
        out.append(h)
    yield from out


def _examples(raw: list[dict], where: str) -> list[Example]:
    out = []
    for ex in raw:
        if "bad" in ex:
            out.append(Example(ex["bad"], True, ex.get("fixed"), ex.get("at")))
        elif "good" in ex:
            out.append(Example(ex["good"], False))
        else:
            raise PackError(f"{where}: 示例须有 bad 或 good")
    return out


def _lines(e: dict, where: str) -> bool:
    lines = e.get("lines", False)
    if not isinstance(lines, bool) or (lines and (not e.get("requires") or "within" in e)):
        raise PackError(f"{where}: lines 须为 true 或 false，与 requires 同用，不与 within 同用")
    return lines


def _within(e: dict, where: str) -> int | None:
    within = e.get("within")
    if within is None:
        return None
    if not isinstance(within, int) or isinstance(within, bool) or within < 0 or not e.get("requires"):
        raise PackError(f"{where}: within 须为非负整数，且与 requires 同用")
    return within


def _entries(raw: dict, kind: str, where: str) -> list[Entry]:
    entries = [Entry(match=k, replacement=v) for k, v in raw.get("swap", {}).items()]
    entries += [Entry(match=p) for p in raw.get("phrases", [])]
    for e in raw.get("entries", []):
        if "match" not in e:
            raise PackError(f"{where}: entries 中的每一项须有 match")
        entries.append(Entry(
            match=e["match"],
            replacement=e.get("replacement"),
            message=e.get("message"),
            unless=tuple(e.get("unless", ())),
            note=e.get("note", ""),
            requires=tuple(e.get("requires", ())),
            within=_within(e, where),
            lines=_lines(e, where),
        ))
    if kind == "substitution" and any(e.replacement is None for e in entries):
        raise PackError(f"{where}: substitution 规则的每一项须有替换词")
    if kind == "pattern":
        for e in entries:
            try:
                regex.compile(e.match)
            except regex.error as err:
                raise PackError(f"{where}: 正则表达式 {e.match!r} 有误：{err}") from None
    return entries


def rules_from_pack(data: dict, origin: str) -> list[Rule]:
    rules = []
    for i, raw in enumerate(data.get("rule", [])):
        where = f"{origin} 第 {i + 1} 条规则"
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise PackError(f"{where}: 未知的键 {', '.join(sorted(unknown))}")
        missing = [k for k in ("id", "category", "severity", "kind", "summary", "message") if k not in raw]
        if missing:
            raise PackError(f"{where}: 缺少 {', '.join(missing)}")
        if raw["kind"] not in KINDS:
            raise PackError(f"{where}: kind 应为 {' / '.join(KINDS)}")
        try:
            category, severity = Category(raw["category"]), Severity(raw["severity"])
        except ValueError as e:
            raise PackError(f"{where}: {e}") from None
        entries = _entries(raw, raw["kind"], where)
        people = {p["name"]: tuple(p.get("titles", ())) for p in raw.get("people", [])}
        if raw["kind"] == "roster" and any("name" not in p for p in raw.get("people", [])):
            raise PackError(f"{where}: people 中的每一项须有 name")
        try:
            check = PackRule(raw["kind"], entries, raw["message"], bool(raw.get("safe-fix", False)),
                             tuple(raw.get("unless-near", ())), raw.get("when-text"), raw.get("when-issuer"),
                             people, tuple(raw.get("titles", DEFAULT_TITLES)))
        except regex.error as err:
            raise PackError(f"{where}: when-text / when-issuer 正则表达式有误：{err}") from None
        rules.append(Rule(
            id=raw["id"],
            category=category,
            severity=severity,
            summary=raw["summary"],
            doc=raw.get("doc", raw["summary"]) + f"\n\n({len(entries) or len(people)} entries / 条目)",
            check=check,
            examples=_examples(raw.get("examples", []), where),
            references=tuple(raw.get("references", ())),
            gongwen_only=bool(raw.get("gongwen-only", False)),
            skip_kinds=tuple(raw.get("skip-kinds", ())),
            origin=origin,
        ))
    return rules


def load_pack(path, origin: str | None = None) -> list[Rule]:
    """Load one pack from a file path or an importlib resource (bundled packs)."""
    if isinstance(path, str):
        path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise PackError(f"{path}: 无法读取规则包（{e}）") from None
    except tomllib.TOMLDecodeError as e:
        raise PackError(f"{path}: 规则包不是有效的 TOML（{e}）") from None
    return rules_from_pack(data, origin or str(path))
