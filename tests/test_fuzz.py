"""Fuzzing in bounded time: 10,000 generated texts through every rule, and generated .docx
structures — truncated, bombed, entity-laden, nested tables, tracked changes — through the
reader. Nothing may raise anything but a ReadError, hang, or lose the text after an entity."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import doccheck
from doccheck.readers import ReadError
from doccheck.session import read_bytes
from doccheck.testing import gongwen_docx

# Drafts' characters, and the ones patterns repeat: digits of both widths, 一/〇, ×, brackets.
ALPHABET = ("关于召开会议的通知各单位经研究决定请示报告函年月日号附件抄送印发第条章一二三四五六七八九十〇×X"
            "，。、；：？！“”‘’（）《》〈〉【】〔〕——……～,.;:?!()\"'[]-~/"
            "0123456789０１２３ \u3000\t\n")
TEXTS = int(os.environ.get("DOCCHECK_FUZZ_TEXTS", 10_000))


@settings(max_examples=TEXTS, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_ten_thousand_texts_through_every_rule(text):
    result = doccheck.check_text(text, strict=True)
    n = len(result.document.text)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= n


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TEXT = st.text(alphabet="关于通知经研究决定，。、（）《》0123", min_size=1, max_size=12)


def _run(text):
    return f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"


def _paragraph(draw, depth):
    kind = draw(st.sampled_from(["plain", "ins", "del", "hyperlink", "field", "entity"] + (["table"] if depth < 3 else [])))
    t = draw(_TEXT)
    if kind == "plain":
        return f"<w:p>{_run(t)}{_run(draw(_TEXT))}</w:p>"
    if kind == "ins":
        return f'<w:p><w:ins w:id="1" w:author="a">{_run(t)}</w:ins></w:p>'
    if kind == "del":
        return f'<w:p><w:del w:id="2" w:author="a"><w:r><w:delText>{t}</w:delText></w:r></w:del>{_run("留")}</w:p>'
    if kind == "hyperlink":
        return f"<w:p><w:hyperlink>{_run(t)}</w:hyperlink></w:p>"
    if kind == "field":
        return (f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="end"/></w:r>{_run(t)}</w:p>')
    if kind == "entity":
        return f"<w:p><w:r><w:t>{t}&ent;后文</w:t></w:r></w:p>"
    cells = "".join(f"<w:tc>{_paragraph(draw, depth + 1)}</w:tc>" for _ in range(draw(st.integers(1, 3))))
    return f"<w:tbl><w:tr>{cells}</w:tr></w:tbl><w:p/>"


@st.composite
def documents(draw):
    body = "".join(_paragraph(draw, 0) for _ in range(draw(st.integers(1, 8))))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY ent "实体">]>'
           f"<w:document {W}><w:body>{body}</w:body></w:document>")
    return xml.encode()


from docx_fixtures import with_document_xml as _package  # noqa: E402


@settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_docx_structures_read_and_check(xml):
    doc = read_bytes(_package(xml), "fuzz.docx")
    if b"&ent;" in xml:
        assert "后文" in doc.text  # the text after an entity is not dropped
    assert "留" in doc.text or b"<w:del " not in xml
    for f in doccheck.check(doc, strict=True).findings:
        assert 0 <= f.start <= f.end <= len(doc.text)


@settings(max_examples=60, deadline=5000)
@given(st.integers(min_value=0, max_value=100_000), st.binary(max_size=64))
# an entry's local header cut off: zipfile raised BadZipFile and ValueError (negative seek) on opening it
@example(cut=75702, junk=b"\x00" * 6)
@example(cut=75702, junk=b"\x00\x00\x00\x01\x00\x00")
def test_truncated_or_corrupted_docx_is_a_read_error(cut, junk):
    data = gongwen_docx()
    data = data[:cut % len(data)] + junk
    try:
        read_bytes(data, "broken.docx")
    except ReadError:
        pass
