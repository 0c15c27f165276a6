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
