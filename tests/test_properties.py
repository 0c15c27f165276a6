"""Invariants over arbitrary text (hypothesis): no check raises, offsets stay
inside the text, line/column agree with the offset, JSON round-trips (and is the same
written in pieces), and safe fixes are idempotent and touch only their spans."""

from __future__ import annotations

import json
import os

from hypothesis import example, HealthCheck, given, settings
from hypothesis import strategies as st

import doccheck
from doccheck.findings import Finding
from doccheck.fixing import apply_edits, safe_edits

# Text shaped like drafts: Chinese, both punctuation widths, digits, latin, spaces, newlines.
ALPHABET = (
    "关于召开全市安全生产工作会议的通知各县市区人民政府部门经研究决定请示报告函年月日号附件抄送印发"
    "一二三四五六七八九十〇"
    "，。、；：？！“”‘’（）《》〈〉【】〔〕——……～"
    ",.;:?!()\"'[]-~/@_#*`"
    "0123456789abcxyzABC"
    " \u3000\t\n\n"
)
drafts = st.text(alphabet=ALPHABET, max_size=400)
SETTINGS = settings(max_examples=int(os.environ.get("DOCCHECK_HYPOTHESIS_EXAMPLES", 150)), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(drafts)
def test_checking_never_raises_and_offsets_are_sound(text):
    result = doccheck.check_text(text, strict=True)
    doc = result.document
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(doc.text)
        line_start = doc.line_starts[f.line - 1]
        assert line_start + f.column - 1 == f.start
        assert f.message
        for e in f.fix.edits if f.fix else ():
            assert 0 <= e.start <= e.end <= len(doc.text)


@SETTINGS
@given(drafts)
def test_json_round_trips(text):
    result = doccheck.check_text(text, strict=True)
    for f in result.findings:
        assert Finding.from_dict(json.loads(json.dumps(f.to_dict(), ensure_ascii=False))) == f


@SETTINGS
@given(st.lists(st.tuples(drafts, st.text(max_size=8)), max_size=3))
def test_json_written_in_pieces_is_json_dumps_of_the_whole(files):
    from doccheck.formats import json as json_format

    results = [doccheck.check_text(text, path=name) for text, name in files]
    whole = json.dumps(json_format.as_dict(results), ensure_ascii=False, indent=2) + "\n"
    assert json_format.render(results, None) == whole


@SETTINGS
@given(st.lists(st.tuples(drafts, st.text(max_size=8)), max_size=3))
def test_sarif_written_in_pieces_is_json_dumps_of_the_whole(files):
    from doccheck.formats import sarif
    from doccheck.plugins import default_registry

    registry = default_registry()
    results = [doccheck.check_text(text, path=name) for text, name in files]
    whole = json.dumps(sarif.as_dict(results, registry), ensure_ascii=False, indent=2) + "\n"
    assert sarif.render(results, registry) == whole


def test_a_list_streamed_into_a_document_is_json_dumps_of_it():
    from doccheck.formats.json import dumps_streaming

    for items in ([], [1], [{"a": [1, 2]}, "二", None]):
        for whole, path in (({"x": 1, "list": None, "y": {}}, ("list",)), ({"runs": [{"r": None, "z": 2}]}, ("runs", 0, "r"))):
            expected = json.loads(json.dumps(whole))
            place = expected
            for key in path[:-1]:
                place = place[key]
            place[path[-1]] = items
            assert "".join(dumps_streaming(whole, path, iter(items))) == json.dumps(expected, ensure_ascii=False,
                                                                                       indent=2) + "\n"


def _fix(text):
    doc_text = doccheck.Document.from_text(text).text
    findings = doccheck.check_text(doc_text, strict=True).findings
    edits = safe_edits(findings)
    return doc_text, edits, apply_edits(doc_text, edits)


@SETTINGS
@given(drafts)
def test_fixes_touch_only_their_spans(text):
    original, edits, fixed = _fix(text)
    # Rebuild the text from the untouched stretches and the replacements: the
    # stretches between edits must come through unchanged.
    pos, out_pos = 0, 0
    for e in edits:
        keep = original[pos:e.start]
        assert fixed[out_pos:out_pos + len(keep)] == keep
        out_pos += len(keep) + len(e.replacement)
        pos = e.end
    assert fixed[out_pos:] == original[pos:]


@SETTINGS
@given(drafts)
@example("0000一 一.一0000")  # the space was left until the 。 was fixed (hypothesis found it)
@example("—: :")  # the two colons met only after the half-width fix
@example("() 一")  # the closing bracket was judged by what followed a space, the opening one not
@example("::;一")  # the doubled colon met Chinese only once the semicolon was fixed
@example("::)一")
@example("一0)::")
@example("八.:")  # the colon met Chinese only once the heading mark was rewritten
@example("00一 一00000,…")  # the fixed ellipsis (… → ……) made the line long enough to be running text
def test_fixes_are_idempotent(text):
    _, _, once = _fix(text)
    _, edits, twice = _fix(once)
    assert twice == once and not edits


def test_a_space_in_a_line_whose_comma_is_fixed_is_fixed_in_the_same_pass():
    # found by hypothesis: the half-width comma made the line look like a roster
    _, _, once = _fix("00,一 一0000000")
    _, edits, _ = _fix(once)
    assert not edits


# Pieces of 发文字号, right and wrong, for the anchored search below.
_NUMBER_PIECES = st.sampled_from(["江政发", "市十中（函）字", "〔2024〕", "[2024]", "（2024）", "〔〕", "〔××07〕", "第",
                                  "12号", "08号", "〔3〕号", "[3号]", "字", " ", "　", "根据", "和", "\n", "（", "〕"])


@SETTINGS
@given(st.lists(_NUMBER_PIECES, max_size=14).map("".join))
def test_doc_numbers_found_from_anchors_are_those_of_a_full_scan(text):
    # find_doc_numbers matches only just before a bracket-year-bracket-serial anchor, for speed:
    # it must find exactly what a scan of the whole pattern finds
    from doccheck import docnumber

    full = [m.span() for m in docnumber._PATTERN.finditer(text)]
    assert [m.span() for m in docnumber._matches(text, 0, len(text))] == full


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40)), max_size=60), st.integers(0, 10_040),
       st.integers(0, 50), st.integers(0, 3))
def test_a_span_index_built_from_columns_is_the_plain_one(spans, start, size, long):
    from array import array

    from doccheck import offsets

    spans = [(a, a + n) for a, n in spans]
    starts, ends = array("q", (a for a, _ in spans)), array("q", (b for _, b in spans))
    was, offsets._LONG = offsets._LONG, long  # the packed way from a few spans on
    try:
        packed, plain = offsets.SpanIndex.of_columns(starts, ends), offsets.SpanIndex(spans)
    finally:
        offsets._LONG = was
    end = start + size
    assert packed.overlaps(start, end) == plain.overlaps(start, end)
    assert packed.contains(start, end) == plain.contains(start, end)
    assert packed.covers(start) == plain.covers(start)


_BODY_PIECES = st.sampled_from(["建设部", "住房和城乡", "国家", "工商", "总局", "市场监督管理", "卫生部", "和", "，", "国家卫生健康委员会"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_BODY_PIECES, max_size=12).map("".join))
def test_a_current_name_is_looked_for_around_the_span_as_in_the_whole_text(text):
    from doccheck.checks.terms import _in_current_name
    from doccheck.plugins import default_registry

    old, current = default_registry().resources.get("renamed-bodies")
    names = [(a, b) for a, b, _ in current.find_all(text)]
    for s, e, _ in old.find_all(text):
        whole = any(a <= s and e <= b and (a, b) != (s, e) for a, b in names)
        assert _in_current_name(text, s, e, current) == whole


_PHRASE_CHARS = "会议召开通知工作安全生产全市部门"


@settings(max_examples=120, deadline=None)
@given(st.lists(st.lists(st.text(alphabet=_PHRASE_CHARS, min_size=1, max_size=4), max_size=8), min_size=1, max_size=4),
       st.lists(st.text(alphabet=_PHRASE_CHARS + "，a", max_size=40), min_size=1, max_size=4), st.booleans())
def test_one_scan_of_a_document_for_every_matcher_finds_what_each_finds(phrase_sets, documents, compiled):
    """A matcher asking in each document, one more each time: the first is scanned for all that asked
    before, a new one alone; the same occurrences in the same order as each matcher's own scan."""
    from types import SimpleNamespace

    from doccheck import lexicon

    was = lexicon.COMPILED
    lexicon.COMPILED = compiled and was
    try:
        matchers = [lexicon.PhraseMatcher((p, (k, p)) for p in ps) for k, ps in enumerate(phrase_sets)]
        for n, text in enumerate(documents):
            doc = SimpleNamespace(text=text, memo={})
            for m in matchers[:n + 1]:
                assert m.find_all_in(doc) == list(m.find_all(text))
                assert m.find_in(doc) == m.find(text)
    finally:
        lexicon.COMPILED = was


def test_a_long_document_is_scanned_by_each_matcher_alone(monkeypatch):
    from types import SimpleNamespace

    from doccheck import lexicon

    monkeypatch.setattr(lexicon, "HELD_MOST", 10)
    matcher = lexicon.PhraseMatcher([("通知", 1), ("会议", 2)])
    doc = SimpleNamespace(text="关于召开会议的通知" * 3, memo={})
    assert matcher.find_all_in(doc) == list(matcher.find_all(doc.text)) and doc.memo == {}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["http://a.cn/x", "www.gov.cn", "a@b.cn", "`code`", "附件.docx", "方案v2.PDF", "表3.5",
                                 "文字", "，", " ", "\n", ".", "abc", "3.14", ".md", "x.mdx"]), max_size=20).map("".join))
def test_the_prose_mask_holds_what_every_expression_of_non_prose_finds(text):
    """The tests before each expression (a substring, or an expression of the part every match holds)
    skip only expressions that would find nothing."""
    from doccheck import chinese

    mask = chinese.ProseMask(text)
    inside = {i for _, rx in chinese._NOT_PROSE for m in rx.finditer(text) for i in range(*m.span())}
    assert {i for i in range(len(text)) if mask.inside(i)} == inside
