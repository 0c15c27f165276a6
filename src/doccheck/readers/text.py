"""Plain-text and Markdown drafts."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..hookspecs import hookimpl
from ..model import Document, TextEncoding
from . import Reader, ReadError


def decode(data: bytes) -> tuple[str, list[str]]:
    text, notes, _ = decode_with_source(data)
    return text, notes


def decode_with_source(data: bytes) -> tuple[str, list[str], TextEncoding]:
    """UTF-8 (with or without BOM); UTF-16 with its BOM (Notepad's "Unicode"); else
    GB18030 — drafts saved by older Windows editors are GBK more often than not — with
    a note saying so."""
    notes: list[str] = []
    for bom_bytes, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom_bytes):
            try:
                text = data[2:].decode(name)
            except UnicodeDecodeError as e:
                raise ReadError(f"UTF-16 文本有误（第 {e.start + 2} 字节处）") from None
            if "\x00" in text:
                raise ReadError("不是文本文件（含有二进制内容）")
            newline = "\r\n" if "\r\n" in text else "\n"
            return text, notes, TextEncoding(name, True, newline)
    if b"\x00" in data:
        raise ReadError("不是文本文件（含有二进制内容）")
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    encoding = "utf-8"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as fault:
        if _utf8_chinese(data[:fault.start]) >= _UTF8_EVIDENCE:
            # Chinese read as UTF-8 up to the fault: a UTF-8 file cut off or damaged there, which
            # GB18030 would turn into nonsense or fail on for another reason
            what = "在一个字符中间结束，文件可能不完整" if fault.reason == "unexpected end of data" else \
                "有无效的字节，文件可能已损坏"
            raise ReadError(f"UTF-8 文本第 {fault.start} 字节处{what}") from None
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as e:
            raise ReadError(f"无法识别文件编码（既不是 UTF-8 也不是 GB18030，第 {e.start} 字节处出错）") from None
        encoding = "gb18030"
        notes.append("文件不是 UTF-8 编码，已按 GB18030 读取")
    newline = "\r\n" if "\r\n" in text else "\n"
    return text, notes, TextEncoding(encoding, bom, newline)


# Characters of three bytes or more read as UTF-8 before a fault that make the file UTF-8: GB18030's
# two-byte characters start with a byte UTF-8 reads as a continuation, so its text fails at once.
_UTF8_EVIDENCE = 8


def _utf8_chinese(prefix: bytes) -> int:
    """How many characters of three bytes or more (Chinese among them) ``prefix`` holds as UTF-8."""
    return sum(1 for b in prefix if 0xE0 <= b <= 0xF4)


def encode_text(text: str, how: TextEncoding) -> bytes:
    """``text`` in the encoding it was read in, with the same byte-order mark."""
    boms = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    return (boms.get(how.encoding, b"") if how.bom else b"") + text.encode(how.encoding)


def read_text_file(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"无法读取文件：{e.strerror or e}") from None
    return read_text_bytes(data, str(path))


def read_text_bytes(data: bytes, name: str | None = None) -> Document:
    text, notes, encoding = decode_with_source(data)
    if not text.strip():
        raise ReadError("文件为空")
    fmt = "md" if (name or "").lower().endswith((".md", ".markdown")) else "txt"
    doc = Document.from_text(text, path=name, format=fmt)
    doc.notes.extend(notes)
    doc.encoding = encoding
    return doc


@hookimpl
def doccheck_readers():
    return [Reader("text", (".txt", ".text", ".md", ".markdown"), read_text_file, read_text_bytes)]
