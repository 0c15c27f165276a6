from __future__ import annotations

import pytest

import doccheck
from doccheck.draft import Draft
from doccheck.session import read_path as read_document
from doccheck.readers import ReadError

from docx_fixtures import runs_docx, simple_docx, wps_textbox_docx


def test_utf8_bom_and_crlf(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeff关于印发方案的通知\r\n各单位：\r\n".encode("utf-8"))
    doc = read_document(p)
    assert doc.text == "关于印发方案的通知\n各单位：\n"
    assert not doc.notes


def test_gb18030_fallback_with_note(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("关于召开会议的通知\n各县（市、区）人民政府：".encode("gb18030"))
    doc = read_document(p)
    assert doc.text.startswith("关于召开会议的通知")
    assert any("GB18030" in n for n in doc.notes)


_NOTICE = "关于做好汛期值班值守工作的通知\n各乡镇人民政府，县直各单位：\n".encode("utf-8")


@pytest.mark.parametrize("content,expected", [
    (_NOTICE[:-2], f"UTF-8 文本第 {len(_NOTICE) - 4} 字节处在一个字符中间结束"),  # cut off inside the ：
    (_NOTICE[:30] + b"\xff" + _NOTICE[30:], "UTF-8 文本第 30 字节处有无效的字节"),
    (b"", "文件为空"),
    (b"   \n\n", "文件为空"),
    (b"\x00\x01\x02binary", "二进制"),
])
def test_bad_text_files(tmp_path, content, expected):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(ReadError, match=expected):
        read_document(p)


def test_docx_paragraphs_tables_headers(tmp_path):
    p = simple_docx(tmp_path / "t.docx", ["关于报送材料的请示", "市人民政府："],
                    table=[["序号", "项目"], ["1", "道路改造"]], header="页眉文字", footer="— 1 —")
    doc = read_document(p)
    # the header follows the body, to be checked with its location; a page number alone is no text
    assert doc.text.split("\n") == ["关于报送材料的请示", "市人民政府：", "序号", "项目", "1", "道路改造", "表后段落。",
                                     "页眉文字"]
    assert doc.body_end == len("\n".join(doc.text.split("\n")[:7]))
    assert [b.kind for b in doc.blocks[2:6]] == ["cell"] * 4 and doc.blocks[-1].kind == "header"
    assert [(part.kind, part.text) for part in doc.parts] == [("header", "页眉文字"), ("footer", "— 1 —")]
    for b in doc.blocks:
        if b.kind in ("paragraph", "cell", "textbox"):  # the body's blocks map onto Word runs
            assert doc.text[b.start:b.end] == "".join(doc.text[r.start:r.end] for r in b.runs)


def test_docx_run_map(tmp_path):
    p = runs_docx(tmp_path / "r.docx", [[("各单位", {"bold": True}), ("：请于", {}), ("5月6日", {"italic": True})]])
    doc = read_document(p)
    (block,) = [b for b in doc.blocks if b.end > b.start]
    assert [(doc.text[r.start:r.end], r.index) for r in block.runs] == [("各单位", 0), ("：请于", 1), ("5月6日", 2)]


def test_wps_alternate_content_read_once(tmp_path):
    p = wps_textbox_docx(tmp_path / "wps.docx", "江州市人民政府文件", ["江政发〔2025〕3号", "关于加强防汛工作的通知"])
    doc = read_document(p)
    assert doc.text.count("江州市人民政府文件") == 1
    assert doc.blocks[0].kind == "textbox"
    assert Draft(doc).anatomy.issuer_mark is not None


@pytest.mark.parametrize("name,content,expected", [
    ("broken.docx", b"PK\x03\x04 this is not a zip", "不是有效的 .docx"),
    ("plain.docx", "关于…的通知".encode(), "不是有效的 .docx"),
    ("old.doc", b"\xd0\xcf\x11\xe0", ".doc"),
])
def test_bad_docx(tmp_path, name, content, expected):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(ReadError, match=expected):
        read_document(p)


def test_check_file_api(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("关于召开会议的通知\n各单位:\n请准时参加.", encoding="utf-8")
    result = doccheck.check_file(p)
    assert result.path == str(p)
    assert result.doctype == "通知"
    assert {f.rule for f in result.findings} == {"punctuation.half-width", "recipient.colon", "structure.signature-date"}


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000), st.sampled_from([".docx", ".txt", ".md"]))
def test_any_bytes_read_or_fail_cleanly(tmp_path, data, suffix):
    p = tmp_path / f"f{suffix}"
    p.write_bytes(data)
    try:
        doc = read_document(p)
    except ReadError as e:
        assert str(e)
    else:
        assert doc.text.strip()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_a_zip_with_a_broken_document_part_fails_cleanly(tmp_path, body):
    import zipfile

    src = simple_docx(tmp_path / "ok.docx", ["正文"])
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = body.encode("utf-8", "surrogatepass") if body else b""
            zout.writestr(item, data)
    try:
        read_document(broken)
    except ReadError as e:
        assert "docx" in str(e) or "为空" in str(e)


def test_word_97_and_wps_files_are_converted_by_libreoffice(tmp_path, capsys):
    import shutil
    import subprocess

    import pytest

    from doccheck.cli import main
    from doccheck.testing import gongwen_docx

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed (.ci/run installs it)")
    src = tmp_path / "draft.docx"
    gongwen_docx(src, title_font="宋体")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(src)], capture_output=True, timeout=180)
    doc = tmp_path / "draft.doc"
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # a real Word 97-2003 file
    wps = tmp_path / "draft.wps"
    wps.write_bytes(doc.read_bytes())
    for p in (doc, wps):
        assert main(["check", str(p), "--isolated", "-f", "json", "--fail-on", "never"]) == 0
        out = capsys.readouterr().out
        assert "LibreOffice" in out and "layout.title-font" in out
    assert main(["fix", str(doc), "--isolated"]) == 2
    assert "另存为 .docx" in capsys.readouterr().err


def test_header_footer_and_footnote_text_is_checked_where_it_is(tmp_path):
    import doccheck
    from doccheck.testing import gongwen_docx

    p = simple_docx(tmp_path / "h.docx", ["关于报送材料的通知", "各单位：", "请于月底前报送。"],
                    header="江州市人民政府办公室,2025年文件")
    result = doccheck.check_path(p, doccheck.Config())
    (f,) = [f for f in result.findings if f.rule == "punctuation.half-width"]
    assert result.document.block_at(f.start).kind == "header"
    assert result.doctype == "通知"  # the anatomy reads the body alone
    assert gongwen_docx  # the fixture module is importable alongside
