"""Rule packs as data: what a pattern entry's ``within`` and ``lines`` promise, and their checks."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from doccheck.packs import Entry, PackError, _matches, load_pack, rules_from_pack
from doccheck.stretches import TAIL

DOUBLED = regex.compile(r"((?!一)[\u4e00-\u9fff]{2,4})(均|都|亦)\1")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="环比均都亦增长收入一年又，。 ", max_size=60))
def test_an_expression_run_near_its_required_strings_finds_what_a_full_scan_finds(text):
    entry = Entry(match=DOUBLED.pattern, requires=("均", "都", "亦"), within=4)
    required = [(i, i + 1) for i, c in enumerate(text) if c in "均都亦"]
    assert [m.span() for m in _matches(DOUBLED, text, entry, required)] == [m.span() for m in DOUBLED.finditer(text)]


def test_within_needs_requires_and_a_count():
    def pack(entry: dict) -> dict:
        return {"rule": [{"id": "typo.x", "category": "typo", "severity": "info", "kind": "pattern",
                          "summary": "x", "message": "x", "entries": [entry]}]}

    for bad in ({"match": "a", "within": 3}, {"match": "a", "requires": ["a"], "within": -1},
                {"match": "a", "requires": ["a"], "within": "3"}):
        with pytest.raises(PackError, match="within"):
            rules_from_pack(pack(bad), "test.toml")
    assert rules_from_pack(pack({"match": "a", "requires": ["a"], "within": 3}), "test.toml")


def _line_entries():
    from doccheck.bundled import doccheck_rule_packs

    out = []
    for path in doccheck_rule_packs():
        for rule in load_pack(path):
            for k, (rx, entry) in enumerate(getattr(rule.check, "patterns", [])):
                if entry.lines:
                    out.append(pytest.param(rx, entry, id=f"{rule.id}-{k}"))
    return out


@pytest.mark.parametrize("rx, entry", _line_entries())
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_an_expression_run_on_the_lines_of_its_required_strings_finds_what_a_full_scan_finds(rx, entry, data):
    # text from the expression's own characters and words, its required strings, line breaks and spaces (runs of
    # them longer than a look-ahead may read past a line): near misses, and matches that would run on
    # into the next line
    pieces = sorted(set(entry.requires) | set(entry.match) | set(regex.findall(r"[\u4e00-\u9fff]+", entry.match)) |
                    {"\n", " ", "\u3000", "1", "2025"} | {c * (TAIL + 1) for c in "\n \u3000"})
    text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=40)))
    required = [(i, i + len(r)) for r in entry.requires for i in range(len(text)) if text.startswith(r, i)]
    assert [m.span() for m in _matches(rx, text, entry, required)] == [m.span() for m in rx.finditer(text)]


def test_lines_needs_requires_and_not_within():
    def pack(entry: dict) -> dict:
        return {"rule": [{"id": "typo.x", "category": "typo", "severity": "info", "kind": "pattern",
                          "summary": "x", "message": "x", "entries": [entry]}]}

    for bad in ({"match": "a", "lines": True}, {"match": "a", "requires": ["a"], "lines": "yes"},
                {"match": "a", "requires": ["a"], "lines": True, "within": 3}):
        with pytest.raises(PackError, match="lines"):
            rules_from_pack(pack(bad), "test.toml")
    assert rules_from_pack(pack({"match": "a", "requires": ["a"], "lines": True}), "test.toml")
