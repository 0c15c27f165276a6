"""Rule packs as data: what a pattern entry's ``within`` promises, and its checks."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from doccheck.packs import Entry, PackError, _matches, rules_from_pack

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
