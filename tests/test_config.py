from __future__ import annotations

import pytest

import doccheck
from doccheck.config import ConfigError, load_config

TEXT = "经研究,决定召开会议。要融汇贯通。\n"


def test_config_found_upward_from_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.doccheck]\nignore = ["typo"]\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    f = sub / "d.txt"
    f.write_text(TEXT, encoding="utf-8")
    result = doccheck.check_file(f)
    assert {x.category.value for x in result.findings} == {"punctuation"}


def test_doccheck_toml_wins_over_pyproject_in_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.doccheck]\nignore = ["typo"]\n', encoding="utf-8")
    (tmp_path / "doccheck.toml").write_text('ignore = ["punctuation"]\n', encoding="utf-8")
    assert load_config(tmp_path / "x.txt").ignore == ("punctuation",)


def test_pyproject_without_section_is_passed_over(tmp_path):
    (tmp_path / "doccheck.toml").write_text('select = ["typo"]\n', encoding="utf-8")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(inner / "d.txt").select == ("typo",)


def test_severity_override_by_id_beats_category(tmp_path):
    (tmp_path / "doccheck.toml").write_text(
        '[severity]\npunctuation = "info"\n"typo.common-misspellings" = "error"\ntypo = "info"\n', encoding="utf-8")
    f = tmp_path / "d.txt"
    f.write_text(TEXT, encoding="utf-8")
    sev = {x.rule: x.severity.value for x in doccheck.check_file(f).findings}
    assert sev == {"punctuation.half-width": "info", "typo.common-misspellings": "error"}


def test_allowlist(tmp_path):
    (tmp_path / "doccheck.toml").write_text('allow = ["融汇贯通"]\n', encoding="utf-8")
    f = tmp_path / "d.txt"
    f.write_text(TEXT, encoding="utf-8")
    assert "typo.common-misspellings" not in {x.rule for x in doccheck.check_file(f).findings}


def test_extra_pack_from_config(tmp_path):
    (tmp_path / "office.toml").write_text('''
[[rule]]
id = "office.titles"
category = "banned"
severity = "error"
kind = "existence"
summary = "本单位不用的说法"
message = "本单位公文不用“{match}”"
phrases = ["一把手"]
[[rule.examples]]
bad = "一把手亲自抓"
[[rule.examples]]
good = "主要负责同志亲自抓"
''', encoding="utf-8")
    (tmp_path / "doccheck.toml").write_text('packs = ["office.toml"]\n', encoding="utf-8")
    f = tmp_path / "d.txt"
    f.write_text("各单位一把手要亲自抓。", encoding="utf-8")
    (finding,) = [x for x in doccheck.check_file(f).findings if x.rule == "office.titles"]
    assert finding.message == "本单位公文不用“一把手”" and finding.severity.value == "error"


@pytest.mark.parametrize("body,msg", [
    ('selekt = ["x"]\n', "未知的配置项"),
    ('fail-on = "sometimes"\n', "fail-on"),
    ('[severity]\ntypo = "fatal"\n', "severity"),
    ('select = [1]\n', "字符串列表"),
    ('select = [\n', "无法解析"),
])
def test_bad_config_is_reported(tmp_path, body, msg):
    (tmp_path / "doccheck.toml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=msg):
        load_config(tmp_path / "d.txt")


def test_inline_suppressions():
    text = (
        "doccheck-disable-next-line punctuation.half-width\n"
        "经研究,决定。\n"
        "经研究,决定。\n"
        "<!-- doccheck-disable typo -->\n"
        "要融汇贯通,不走样。\n"
        "<!-- doccheck-enable typo -->\n"
        "要融汇贯通。\n"
    )
    found = [(f.line, f.rule) for f in doccheck.check_text(text, strict=True).findings]
    assert found == [(3, "punctuation.half-width"), (5, "punctuation.half-width"),
                     (7, "typo.common-misspellings")]
