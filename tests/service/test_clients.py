"""Real clients against a running `doccheck serve`."""

from __future__ import annotations


def test_language_tool_python_client(live_server):
    import language_tool_python

    tool = language_tool_python.LanguageTool("zh-CN", remote_server=live_server)
    text = "关于开会的通知\n各单位：\n经研究,决定召开会议。\n江州市人民政府\n2025年5月6日\n"
    matches = tool.check(text)
    (m,) = [m for m in matches if m.rule_id == "punctuation.half-width"]
    assert text[m.offset:m.offset + m.error_length] == ","
    assert m.replacements == ["，"]
    tool.close()
