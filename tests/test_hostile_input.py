"""Files built to hurt: decompression bombs, millions of paragraphs, Word 97 and encrypted
files, UTF-16 and NUL bytes. Each is refused with a clear message (exit 2) or read right,
in bounded time and memory."""

from __future__ import annotations

import time

import pytest

from doccheck.cli import main
from doccheck.readers import ReadError
from doccheck.session import read_bytes


from docx_fixtures import with_document_xml as _with_document_xml


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_small_file_with_millions_of_paragraphs_is_refused_quickly(monkeypatch):
    monkeypatch.setenv("DOCCHECK_MAX_DOCX_RATIO", "100000")  # the paragraph limit, not the ratio, here
    xml = b"<w:document " + W + b"><w:body>" + b"<w:p/>" * 10 + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 3_000_000 \
        + b"</w:body></w:document>"
    data = _with_document_xml(xml)
    assert len(data) < 2_000_000
    t = time.perf_counter()
    with pytest.raises(ReadError, match="段落超过"):
        read_bytes(data, "bomb.docx")
    assert time.perf_counter() - t < 10


def test_a_part_that_inflates_a_thousandfold_is_refused():
    xml = b"<w:document " + W + b"><w:body><w:p><w:r><w:t>" + b" " * 300_000_000 + b"</w:t></w:r></w:p></w:body></w:document>"
    data = _with_document_xml(xml)
    t = time.perf_counter()
    with pytest.raises(ReadError, match="压缩"):
        read_bytes(data, "bomb.docx")
    assert time.perf_counter() - t < 5


def test_word_97_and_encrypted_files_say_what_they_are(tmp_path, capsys):
    p = tmp_path / "old.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    assert main(["check", str(p), "--isolated"]) == 2
    err = capsys.readouterr().err
    assert "old.docx" in err and ".doc" in err and "加密" in err and "Package not found" not in err


def test_utf16_text_with_a_bom_is_read(tmp_path, capsys):
    p = tmp_path / "notepad.txt"
    p.write_bytes("\ufeff关于开会的通知\r\n各单位：\r\n经研究,决定开会。\r\n".encode("utf-16-le"))
    assert main(["check", str(p), "--isolated", "--format", "json", "--fail-on", "never"]) == 0
    assert "punctuation.half-width" in capsys.readouterr().out
    assert main(["fix", str(p), "--in-place", "--isolated", "--no-backup"]) == 0
    assert p.read_bytes() == "\ufeff关于开会的通知\r\n各单位：\r\n经研究，决定开会。\r\n".encode("utf-16-le")


def test_a_nul_byte_past_the_first_4k_is_binary(tmp_path, capsys):
    p = tmp_path / "late.txt"
    p.write_bytes("关于开会的通知\n".encode() * 2000 + b"\x00")
    assert main(["check", str(p), "--isolated"]) == 2
    assert "二进制" in capsys.readouterr().err
