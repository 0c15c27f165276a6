"""Engine policies that cut across rules."""

from __future__ import annotations

import doccheck


def test_statistical_detector_defers_to_the_curated_lists():
    text = "各级领导干部要一如继往地关心基层。要切实加强组织领导，层层压实责认。"
    found = {(f.rule, text[f.start:f.end]) for f in doccheck.check_text(text, strict=True).findings
             if f.category.value == "typo"}
    assert ("typo.common-misspellings", "一如继往") in found
    assert ("typo.statistical", "继") not in found  # the list said it first
    assert ("typo.statistical", "认") in found      # nothing else did


def test_findings_are_sorted_and_unique():
    text = "经研究,决定召开会议.\n经研究,决定召开会议.\n"
    findings = doccheck.check_text(text, strict=True).findings
    keys = [(f.start, f.end, f.rule) for f in findings]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
