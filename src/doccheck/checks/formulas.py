"""Formulas of the central documents whose parts have a fixed order (data/formulas.txt): 创新、协调、
绿色、开放、共享; 富强、民主、文明、和谐; 经济建设、政治建设 …"""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Hit
from ..hookspecs import hookimpl
from ..resources import Resource, data_rows
from ..rule import bad, good, rule

# A run of Han characters and 顿号: with two 顿号 or more, a list in which a formula may stand (one
# pass without backtracking; a pattern of items of 1 to 16 characters tried 16 at every character).
_LIST = re.compile(r"[\u4e00-\u9fff、]+")
# Two 顿号 in one run: where such a list is, found by skipping to the 顿号 rather than matching every run
_TWO_COMMAS = re.compile(r"、[\u4e00-\u9fff]*、")


def lists(text: str) -> Iterator[tuple[int, str]]:
    """(start, run) for the runs of ``_LIST`` that hold two 顿号 or more, in order."""
    pos = 0
    while (m := _TWO_COMMAS.search(text, pos)) is not None:
        start = m.start()
        while start > 0 and ("\u4e00" <= text[start - 1] <= "\u9fff" or text[start - 1] == "、"):
            start -= 1
        end = _LIST.match(text, m.start()).end()
        yield start, text[start:end]
        pos = end
# A formula is read as such from this many of its parts in one list.
_ENOUGH = 3


class Formulas:
    def __init__(self, rows: list[tuple[str, tuple[str, ...]]]):
        self.rows = rows  # (name, parts)
        self.parts: dict[str, list[tuple[int, int]]] = {}  # part → (formula, its place in the formula)
        for f, (_, parts) in enumerate(rows):
            for j, part in enumerate(parts):
                self.parts.setdefault(part, []).append((f, j))
        self.lengths = sorted({len(p) for p in self.parts}, reverse=True)
        # a part ends a list's first item, or begins its last, only where the item ends (begins) as one does
        self.last_chars = {p[-1] for p in self.parts}
        self.first_chars = {p[0] for p in self.parts}
        # each part once in its formula: the first and the last item of a list then give one part each at most
        self.parts_once = all(len(set(parts)) == len(parts) for _, parts in rows)


def load_formulas(res=None) -> Formulas:
    return Formulas([(name, tuple(parts.split("、"))) for name, parts in data_rows("formulas.txt")])


@rule(
    id="typo.formula-order",
    category="typo",
    severity="warning",
    summary="固定表述的顺序或用字有误（新发展理念、社会主义核心价值观、“四个意识”等）",
    doc="""\
What it does: reads every list joined by 顿号 and, where three or more parts of one formula of the
central documents stand in it (data/formulas.txt: 新发展理念, 社会主义核心价值观, “四个意识”, “四个自信”,
“五位一体”, “六稳”, “六保” …), checks that they come in the formula's order. The first part may end a
longer word and the last begin one (建设富强、民主、文明、和谐的……).

Why is this bad? These formulas are quoted word for word and in their order in every document
that names them; 创新、协调、绿色、共享、开放 misquotes the 新发展理念 and is read as carelessness
about the Party's line. In a formula quoted in order, an item where a part belongs that is one
character from it is reported too (富强、明主、文明、和谐).""",
    references=("党的十八届五中全会公报（新发展理念）", "党的十八大报告（社会主义核心价值观）", "党的十九大报告"),
    examples=[
        bad("坚持创新、协调、共享、绿色、开放的发展理念，推动高质量发展。", at="创新、协调、共享、绿色、开放"),
        bad("牢固树立政治意识、核心意识、大局意识、看齐意识。", at="政治意识、核心意识、大局意识、看齐意识"),
        bad("践行富强、明主、文明、和谐的价值追求。", at="明主"),  # a part one character off, in its place
        good("坚持创新、协调、绿色、开放、共享的发展理念；牢固树立政治意识、大局意识、核心意识、看齐意识。"),
        good("建设富强、民主、文明、和谐、美丽的社会主义现代化强国；加强思想建设、组织建设。"),
        good("统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设。"),
    ],
)
def formula_order(doc, ctx) -> Iterator[Hit]:
    text = doc.text
    if "、" not in text:
        return
    formulas = None
    for list_start, run in lists(text):
        formulas = formulas or ctx.resource("formulas")
        words = run.split("、")
        if formulas.parts_once and not any(w in formulas.parts for w in words[1:-1]):
            continue  # the first and the last item give a part each at most: _ENOUGH (3) needs one between
        items, pos = [], list_start
        for item in words:
            items.append((pos, item))
            pos += len(item) + 1
        last = len(items) - 1
        # (index in the formula, index in the list, start, end) per formula, in the list's order; the
        # first item may end with a part and the last begin with one (建设富强, 和谐的……)
        by_formula: dict[int, list[tuple[int, int, int, int]]] = {}
        for k, (start, item) in enumerate(items):
            part, s = None, start
            if item in formulas.parts:
                part = item
            elif k == 0 and item[-1:] in formulas.last_chars:
                part = next((item[-n:] for n in formulas.lengths if n < len(item) and item[-n:] in formulas.parts), None)
                s = start + len(item) - len(part) if part else start
            elif k == last and item[:1] in formulas.first_chars:
                part = next((item[:n] for n in formulas.lengths if n < len(item) and item[:n] in formulas.parts), None)
            if part is not None:
                for f, j in formulas.parts[part]:
                    by_formula.setdefault(f, []).append((j, k, s, s + len(part)))
        for f, found in by_formula.items():
            if len(found) < _ENOUGH:
                continue
            name, parts = formulas.rows[f]
            order = [j for j, _, _, _ in found]
            if len(set(order)) < _ENOUGH:
                continue
            if order == sorted(order):
                yield from _misquoted(items, found, name, parts)
                continue
            # the parts in their order replace the span only where nothing else stands between them
            whole = len(set(order)) == len(order) and [k for _, k, _, _ in found] == list(
                range(found[0][1], found[0][1] + len(found)))
            yield Hit(found[0][2], found[-1][3], f"{name}的表述顺序应为“{'、'.join(parts)}”",
                      ("、".join(parts[j] for j in sorted(order)),) if whole else ())


def _misquoted(items, found, name: str, parts: tuple[str, ...]) -> Iterator[Hit]:
    """In a formula quoted in order, an item that stands where a part is missing and is one character
    from it: 创新、协调、绿色、开发、共享 (开放)."""
    for (ja, ka, _, _), (jb, kb, _, _) in zip(found, found[1:]):
        if jb - ja == 2 and kb - ka == 2:
            start, item = items[ka + 1]
            part = parts[ja + 1]
            if len(item) == len(part) and sum(a != b for a, b in zip(item, part)) == 1:
                yield Hit(start, start + len(item), f"{name}中应为“{part}”（{'、'.join(parts)}）", (part,))


@hookimpl
def doccheck_resources():
    return [Resource("formulas", load_formulas, "中央文件中顺序固定的表述（新发展理念、社会主义核心价值观等）")]


@hookimpl
def doccheck_rules():
    return [formula_order]
