"""No input makes a check super-linear: every rule on 100,000-character runs of the
characters that patterns repeat (digits, 一/〇, full-width digits, punctuation, spaces),
and many findings on one very long line. A quadratic pattern takes minutes here
(number.mixed-numerals took 4.6 s on a 20,000-digit run, ~115 s on 100,000)."""

from __future__ import annotations

import time

import pytest

import doccheck
from doccheck.config import Config
from doccheck.draft import Draft
from doccheck.plugins import default_registry
from doccheck.rule import Context

N = 100_000
RUNS = {
    "digits": "1" * N, "yi": "一" * N, "ling": "〇" * N, "full-width-digits": "１" * N,
    "comma": "，" * N, "half-width-comma": "," * N, "dot": "." * N, "space": " " * N,
    "ideographic-space": "\u3000" * N, "dash": "—" * N, "open-paren": "（" * N, "quote": "“" * N,
    "times": "×" * N, "letter-x": "X" * N, "newlines": "\n" * N, "digit-dot": "1." * (N // 2),
    "digit-hyphen": "1-" * (N // 2), "digit-yi": "1一" * (N // 2), "han": "的" * N,
}
BUDGET = 3.0  # seconds for one rule on one run; linear rules take milliseconds


@pytest.mark.parametrize("kind", sorted(RUNS))
def test_every_rule_is_linear_on_long_runs(kind):
    doc = Draft.from_text(RUNS[kind])
    doc.anatomy  # shared by the rules; timed once below
    slow = {}
    registry = default_registry()
    for r in registry.rules.values():
        if r.category.value == "layout":
            continue
        t = time.perf_counter()
        list(r.check(doc, Context(Config(), dict(r.options), registry.resources)))
        dt = time.perf_counter() - t
        if dt > BUDGET:
            slow[r.id] = round(dt, 1)
    assert not slow, f"super-linear on a run of {kind}: {slow}"


def test_many_findings_on_one_long_line_stay_linear():
    # 66,666 half-width commas on one 400,000-character line: each finding's excerpt
    # used to rescan the whole line.
    text = "会议,通知," * 66_666
    t = time.perf_counter()
    result = doccheck.check_text(text)
    assert time.perf_counter() - t < 20
    assert len(result.findings) > 60_000
    f = result.findings[-1]
    assert len(f.excerpt) <= 90 and "," in f.excerpt


def test_a_long_draft_with_many_suspects_and_names_is_checked_in_linear_time():
    """Many typo suspects, names and terms in one long text: each suspect was once compared
    with every name span and counted over the whole text (a 1,000,000-character file took
    13.6 s, 3.9 s after)."""
    unit = "要切实加强组织领导，层层压实责认。出席：张明、李强、王伟。宜居宜业乡村建设由各区推进。\n"

    def timed(n):
        text = unit * n
        t = time.perf_counter()
        doccheck.check_text(text)
        return time.perf_counter() - t

    timed(50)  # warm: resources loaded
    small, large = timed(400), timed(3200)  # about 18,000 and 147,000 characters
    assert large < 8 * 2.5 * small + 0.5, (small, large)  # 8 times the text: linear is about 8 times the time


def test_many_slips_of_one_term_are_checked_in_linear_time():
    """The same slip of a collocation written thousands of times (a template filled in a loop):
    each one was counted over the whole text, so a 5,000,000-character file took minutes."""
    unit = "要建立健全长效机智，层层压实责认，国务院办工厅。\n"
    registry = default_registry()
    rule = registry.rules["typo.fixed-term"]

    def timed(n):
        doc = Draft.from_text(unit * n)
        t = time.perf_counter()
        list(rule.check(doc, Context(Config(), dict(rule.options), registry.resources)))
        return time.perf_counter() - t

    timed(20)
    small, large = timed(2_000), timed(16_000)  # about 50,000 and 400,000 characters
    assert large < 8 * 2.5 * small + 0.5, (small, large)
