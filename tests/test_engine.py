"""Engine policies that cut across rules."""

from __future__ import annotations

import doccheck


def test_statistical_detector_defers_to_the_curated_lists():
    text = "各级领导干部要一如继往地关心基层。要切实加强组织领导，层层落实责认。"
    found = {(f.rule, text[f.start:f.end]) for f in doccheck.check_text(text, strict=True).findings
             if f.category.value == "typo"}
    assert ("typo.common-misspellings", "一如继往") in found
    assert ("typo.statistical", "继") not in found  # the list said it first
    assert ("typo.statistical", "认") in found      # nothing else did


def test_a_rule_that_defers_silences_others_with_what_it_keeps():
    # typo.fixed-term gives way to the curated list; what it keeps, the detector gives way to
    text = "各级领导干部要一如继往地关心基层。要建立管护长效机智，确保设施长期发挥效益。"
    found = {(f.rule, text[f.start:f.end]) for f in doccheck.check_text(text, strict=True).findings
             if f.category.value == "typo"}
    assert ("typo.common-misspellings", "一如继往") in found
    assert ("typo.fixed-term", "一如继往") not in found  # one slip, one finding
    assert ("typo.fixed-term", "长效机智") in found
    assert not any(rule in ("typo.statistical", "typo.possible") and span == "智" for rule, span in found)


def test_rules_that_defer_to_each_other_do_not_silence_each_other():
    from doccheck.engine import _drop_deferred
    from doccheck.findings import Finding
    from doccheck.plugins import default_registry

    rules = default_registry().rules
    a, b = (Finding(rule=r, category=rules[r].category, severity=rules[r].severity, message="", start=3, end=4,
                    line=1, column=4, excerpt="") for r in ("typo.statistical", "typo.possible"))
    deferring = {r: rules[r].defers_to for r in ("typo.statistical", "typo.possible")}
    assert _drop_deferred([a, b], rules, deferring) == [a, b]


def test_findings_are_sorted_and_unique():
    text = "经研究,决定召开会议.\n经研究,决定召开会议.\n"
    findings = doccheck.check_text(text, strict=True).findings
    keys = [(f.start, f.end, f.rule) for f in findings]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_a_consistency_finding_carries_the_earlier_span_in_json_sarif_and_text(tmp_path, capsys):
    import json

    from doccheck.cli import main

    text = ("关于做好防汛工作的通知\n各区人民政府：\n共安排资金800万元，其中市级500万元、区级400万元。\n"
            "江州市人民政府\n2025年5月6日\n")
    (f,) = [f for f in doccheck.check_text(text).findings if f.rule == "consistency.total"]
    (rel,) = f.related
    assert text[rel.start:rel.end] == "800万元" and (rel.line, rel.column) == (3, 6)
    p = tmp_path / "d.txt"
    p.write_text(text, encoding="utf-8")
    main(["check", str(p), "--isolated", "-f", "json", "--fail-on", "never"])
    found = [x for x in json.loads(capsys.readouterr().out)["files"][0]["findings"] if x["rule"] == "consistency.total"]
    assert found[0]["related"][0]["line"] == 3
    main(["check", str(p), "--isolated", "-f", "sarif", "--fail-on", "never"])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    (res,) = [r for r in results if r["ruleId"] == "consistency.total"]
    assert res["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 3
    main(["check", str(p), "--isolated", "--fail-on", "never"])
    assert "相关：第3行第6列“800万元”" in capsys.readouterr().out
