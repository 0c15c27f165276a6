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
    for k, ln in enumerate(expected):
        assert (lines.char_at(k, 0), lines.char_at(k, -1), lines.start_at(k)) == (ln.text[:1], ln.text[-1:], ln.start)


def test_a_line_not_among_them_is_not_found():
    lines = split_lines("关于开会的通知\n各单位：")
    with pytest.raises(ValueError):
        lines.index(Line(0, 0, 2, "关于", 0))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="一二十（(）)1２٣.．、，,年2021 a关于", max_size=12))
def test_a_heading_is_read_alike_with_or_without_the_first_character_test(text):
    from doccheck import anatomy
    from doccheck.dates import zh_number

    line = Line(0, 0, len(text), text, 0)
    expected = None
    for level, rx in anatomy._HEADING_PATTERNS:  # the plain reading: every pattern tried
        m = rx.match(text)
        if m and (level > 2 or zh_number(m.group("num")) is not None):
            expected = (level, m.group(0))
            break
    found = anatomy.heading_of(line)
    assert (found and (found.level, found.marker)) == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="二〇二五2025年月日号1２（）(). －-/ 　a关于*", max_size=24), min_size=2, max_size=4))
def test_a_date_line_is_read_alike_with_or_without_the_length_bound(lines):
    from doccheck import anatomy

    rest = split_lines("\n".join(lines))

    def plain(j: int) -> bool:  # the reading before the bound: every line compacted and matched
        t = anatomy.compact(rest[j].text)
        if anatomy._DATE_LINE.match(t):
            return True
        prev = anatomy.compact(rest[j - 1].text) if j > 0 else ""
        return j > 0 and t.startswith("年") and anatomy._YEAR_ALONE.fullmatch(prev) is not None \
            and anatomy._DATE_LINE.match(prev + t) is not None

    assert [anatomy._is_date_line(rest, j, 0) for j in range(len(rest))] == [plain(j) for j in range(len(rest))]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="#*  \t\u3000\u00a0\u2003\r\n标题a", max_size=60), st.booleans())
def test_the_compiled_lines_are_the_python_loops(text, nonempty):
    from doccheck.anatomy import line_rows, split_lines, split_lines_plain

    if line_rows is None:
        pytest.skip("doccheck was built without a C compiler")
    assert list(split_lines(text, nonempty)) == list(split_lines_plain(text, nonempty))
