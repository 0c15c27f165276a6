""".docx end to end: layout findings on exact paragraphs, run-preserving fixes,
verified writes, and Word comments anchored on the offending text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from doccheck.cli import main
from doccheck.config import Config
from doccheck.engine import check_document
from doccheck.session import read_path as read_document
from doccheck.fixing import apply_edits, safe_edits
from doccheck.fixing.files import FixError, annotate_file, fix_file
from doccheck.testing import gongwen_docx, gongwen_document

from docx_fixtures import runs_docx

LAYOUT = Config(select=("layout",))


def test_compliant_docx_has_no_layout_findings():
    assert check_document(gongwen_document(), LAYOUT, strict=True) == []


def test_layout_findings_point_at_their_paragraphs():
    doc = gongwen_document(mark_color="000000", title_font="宋体", body_font="宋体", h2_font="黑体",
                           colophon_size=16, margins=(30, 35, 28, 26))
    found = {(f.rule, doc.text[f.start:f.end]) for f in check_document(doc, LAYOUT, strict=True)}
    assert ("layout.issuer-mark-red", "江州市人民政府文件") in found
    assert ("layout.title-font", "关于做好2025年防汛工作的通知") in found
    assert ("layout.body-font", "各地要落实防汛责任，确保安全度汛。") in found
    assert ("layout.body-font", "（一）落实行政首长负责制") in found
    assert ("layout.colophon-font", "抄送：市委办公室。") in found
    assert ("layout.page", "") in found  # page-level: the start of the section
    for f in check_document(doc, LAYOUT):
        block = doc.block_at(f.start)
        assert f.start == f.end == 0 or (f.start, f.end) == (block.start, block.end)


def test_text_drafts_get_no_layout_findings():
    from doccheck import check_text

    assert not [f for f in check_text("关于防汛的通知\n各单位：\n请落实。\n").findings if f.category.value == "layout"]


def _rpr_xml(path: Path) -> list[bytes]:
    from lxml import etree

    d = docx.Document(str(path))
    return [etree.tostring(r.find(qn("w:rPr"))) if r.find(qn("w:rPr")) is not None else b""
            for r in d.element.body.iter(qn("w:r"))]


def test_fix_docx_keeps_every_runs_formatting(tmp_path):
    src = runs_docx(tmp_path / "in.docx", [
        [("关于开会的通知", {"bold": True})],
        [("各单位", {"bold": True}), (":", {"italic": True})],
        [("经研究,", {}), ("决定召开会议.", {"italic": True}), ("请准时参加", {})],
    ])
    before = _rpr_xml(src)
    report = fix_file(src, Config(), tmp_path / "out.docx")
    assert len(report.applied) == 3
    out = read_document(tmp_path / "out.docx")
    assert out.text.split("\n")[1:] == ["各单位：", "经研究，决定召开会议。请准时参加"]
    assert _rpr_xml(tmp_path / "out.docx") == before
    assert read_document(src).text.split("\n")[1] == "各单位:"  # the original is untouched


def test_fix_spanning_two_runs_keeps_both_formats(tmp_path):
    # "0797—" and "8123456" sit in different runs; the phone-number fix spans both.
    src = runs_docx(tmp_path / "in.docx", [[("联系电话：0797—", {"bold": True}), ("8123456。", {"italic": True})]])
    fix_file(src, Config(), tmp_path / "out.docx")
    d = docx.Document(str(tmp_path / "out.docx"))
    runs = [(r.text, r.bold, r.italic) for r in d.paragraphs[-1].runs]
    assert runs == [("联系电话：0797-8123456", True, None), ("。", None, True)]


def test_in_place_is_atomic_with_backup(tmp_path):
    src = runs_docx(tmp_path / "in.docx", [[("经研究,决定召开会议。", {})]])
    original = src.read_bytes()
    report = fix_file(src, Config(), in_place=True)
    assert report.backup.read_bytes() == original
    assert read_document(src).text == "经研究，决定召开会议。"
    assert not list(tmp_path.glob(".*doccheck-tmp*"))


def test_fix_refuses_when_the_result_reads_back_wrong(tmp_path, monkeypatch):
    import doccheck.fixing.files as files

    src = runs_docx(tmp_path / "in.docx", [[("经研究,决定召开会议。", {})]])
    original = src.read_bytes()
    real = files._render

    def corrupt(data, doc, edits):
        data, applied, skipped = real(data, doc, edits)
        return _swap_text(data), applied, skipped

    monkeypatch.setattr(files, "_render", corrupt)
    with pytest.raises(FixError):
        fix_file(src, Config(), in_place=True)
    assert src.read_bytes() == original
    assert not list(tmp_path.glob("*.bak"))  # no backup of a fix that never happened
    assert not list(tmp_path.glob(".*doccheck-tmp*"))


def _swap_text(data: bytes) -> bytes:
    """The same package with one character of the body changed (a fix gone wrong)."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "word/document.xml":
                content = content.replace("决定".encode(), "否定".encode())
            zout.writestr(item, content)
    return buf.getvalue()


def test_fix_text_keeps_encoding_and_line_ends(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("关于开会的通知\r\n各单位：\r\n经研究,决定开会。\r\n".encode("gb18030"))
    assert main(["fix", str(p), "--in-place", "--isolated"]) == 0
    assert p.read_bytes() == "关于开会的通知\r\n各单位：\r\n经研究，决定开会。\r\n".encode("gb18030")


def test_annotate_anchors_each_comment_on_its_text(tmp_path):
    src = runs_docx(tmp_path / "in.docx", [
        [("关于开会的通知", {})], [("各单位：", {})], [("经研究,决定召开会议", {"bold": True}), ("于2025年4月31日举行。", {})],
    ])
    placed, total = annotate_file(src, tmp_path / "out.docx", Config())
    assert placed == total >= 2
    d = docx.Document(str(tmp_path / "out.docx"))
    assert all(c.author == "doccheck" for c in d.comments)
    anchored = _anchored_texts(d)
    by_id = {c.comment_id: c.text for c in d.comments}
    texts = {by_id[i].split("]")[0].lstrip("["): t for i, t in anchored.items()}
    assert texts["punctuation.half-width"] == ","
    assert texts["date.nonexistent"] == "2025年4月31日"
    assert read_document(tmp_path / "out.docx").text == read_document(src).text
    # formatting survives the split: the comma run is still bold
    bold = [r.text for p in d.paragraphs for r in p.runs if r.bold]
    assert "经研究" in bold and "," in bold


def _anchored_texts(d) -> dict[int, str]:
    body = d.element.body
    out, open_ids = {}, set()
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(int(el.get(qn("w:id"))))
            out.setdefault(int(el.get(qn("w:id"))), "")
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(el.get(qn("w:id"))))
        elif el.tag == qn("w:t"):
            for i in open_ids:
                out[i] += el.text or ""
    return out


# --- property: random documents, random safe fixes ------------------------------
chunks = st.text(alphabet="关于开会通知各单位经研究决定请准时参加防汛,.:;()\"一二三0123456789 ", min_size=1, max_size=12)
formats = st.fixed_dictionaries({"bold": st.booleans(), "italic": st.booleans()})
paragraphs = st.lists(st.lists(st.tuples(chunks, formats), min_size=1, max_size=4), min_size=1, max_size=5)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(paragraphs, st.sampled_from(["punctuation", "ALL"]))
def test_docx_fixes_change_only_their_spans(tmp_path_factory, paras, select):
    assume(any(text.strip() for para in paras for text, _ in para))  # an empty body is refused on reading
    d = tmp_path_factory.mktemp("p")
    src = runs_docx(d / "in.docx", paras)
    original = read_document(src)
    config = Config(select=(select,))
    before = _rpr_xml(src)
    report = fix_file(src, config, d / "out.docx")
    out = read_document(d / "out.docx")
    assert out.text == apply_edits(original.text, report.applied)
    # strict: a rule that raises on a .docx fails here instead of becoming a note
    assert set(report.applied) <= set(safe_edits(check_document(original, Config(), strict=True))) | \
        set(safe_edits(check_document(original, config, strict=True)))
    assert _rpr_xml(d / "out.docx") == before


def test_annotated_copy_opens_in_libreoffice(tmp_path):
    """The package LibreOffice renders: every comment becomes a PDF annotation.
    (Skipped where LibreOffice is not installed; .ci/run installs it.)"""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    src = tmp_path / "draft.docx"
    gongwen_docx(src, title_font="宋体", mark_color="000000")
    placed, _ = annotate_file(src, tmp_path / "annotated.docx", Config())
    assert placed >= 2
    proc = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
         'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
         "--outdir", str(tmp_path), str(tmp_path / "annotated.docx")],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / "annotated.pdf"
    assert pdf.exists(), proc.stderr
    assert pdf.read_bytes().count(b"/Subtype/Text") + pdf.read_bytes().count(b"/Subtype /Text") >= placed


def test_annotate_places_every_comment_in_a_document_with_tracked_changes(tmp_path):
    """Insertions and deletions around the flagged text: each finding still gets its comment."""
    from docx_fixtures import with_document_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "<w:p><w:r><w:t>关于开会的通知</w:t></w:r></w:p><w:p><w:r><w:t>各单位：</w:t></w:r></w:p>"
    for i in range(15):
        deleted = f'<w:del w:id="{100 + i}" w:author="x"><w:r><w:delText>删去</w:delText></w:r></w:del>' if i % 2 else ""
        body += (f'<w:p><w:ins w:id="{i + 10}" w:author="x"><w:r><w:t>第{i}段经研究</w:t></w:r></w:ins>{deleted}'
                 f'<w:r><w:t>,决定开会。</w:t></w:r></w:p>')
    src = tmp_path / "tracked.docx"
    src.write_bytes(with_document_xml(f"<w:document {w}><w:body>{body}</w:body></w:document>".encode()))
    placed, total = annotate_file(src, tmp_path / "out.docx", Config(select=("punctuation.half-width",)))
    assert total == 15 and placed == 15
    assert "删去" not in read_document(tmp_path / "out.docx").text  # deleted text stays out of the check


def test_attached_pages_of_a_docx_are_checked_against_the_attachment_note(tmp_path):
    """The 附件 pages after the 成文日期 (each begun with a page break in Word) against the 附件说明."""
    d = docx.Document()
    for text in ("关于做好防汛工作的通知", "各区人民政府：", "请认真贯彻执行。", "附件：1.防汛责任人名单",
                 "2.防汛物资清单", "江州市人民政府", "2025年5月6日"):
        d.add_paragraph(text)
    for heading, title, body in (("附件1", "防汛责任人名单", "张明"), ("附件2", "防汛物资储备情况统计表", "沙袋")):
        d.add_page_break()
        d.add_paragraph(heading)
        d.add_paragraph(title)
        d.add_paragraph(body)
    path = tmp_path / "notice.docx"
    d.save(str(path))
    doc = read_document(path)
    found = [f for f in check_document(doc, Config(select=("consistency.attachment-parts",)))]
    assert [doc.text[f.start:f.end] for f in found] == ["防汛物资储备情况统计表"]
    assert found[0].related and doc.text[found[0].related[0].start:found[0].related[0].end] == "防汛物资清单"
