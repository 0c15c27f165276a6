"""The anatomy's lines, held as arrays, are the Line objects the plain reading of a text gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doccheck.anatomy import Line, split_lines

_SPACES = " \t\u3000\u00a0"
_MD = re.compile(r"^(#{1,6}\s+|\*\*)")


def reference_lines(text: str) -> list[Line]:
    """Each line stripped of alignment spaces and of Markdown heading and emphasis marks."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        left = raw.lstrip(_SPACES)
        stripped = left.rstrip(_SPACES)
        m = _MD.match(stripped) if stripped[:1] in ("#", "*") else None
        cut = m.end() if m else 0
        core = stripped[cut:]
        if cut and core.endswith("**"):
            core = core[:-2]
        start = pos + len(raw) - len(left) + cut
        out.append(Line(i, start, start + len(core), core, len(raw) - len(left)))
        pos += len(raw) + 1
    return out


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["#", "##", "# ", "*", "**", "***", " ", "\u3000", "\t", "\u00a0", "\n", "关于",
                                 "通知", "一、"]), max_size=30))
def test_split_lines_gives_the_lines_of_the_plain_reading(pieces):
    text = "".join(pieces)
    lines = split_lines(text)
    expected = reference_lines(text)
    assert list(lines) == expected
    nonempty = split_lines(text, nonempty=True)
    assert list(nonempty) == [ln for ln in expected if ln.text]
    assert list(lines[1:3]) == expected[1:3] and list(lines[::2]) == expected[::2] and lines[-1] == expected[-1]
    for ln in nonempty:
        assert nonempty.index(ln) == [x for x in expected if x.text].index(ln)


def test_a_line_not_among_them_is_not_found():
    lines = split_lines("关于开会的通知\n各单位：")
    with pytest.raises(ValueError):
        lines.index(Line(0, 0, 2, "关于", 0))
