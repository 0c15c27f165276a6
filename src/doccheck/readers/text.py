"""Plain-text and Markdown drafts."""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..hookspecs import hookimpl
from . import Reader, ReadError


def decode(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), else GB18030 — drafts saved by older
    Windows editors are GBK more often than not — with a note saying so."""
    notes: list[str] = []
    if b"\x00" in data[:4096]:
        raise ReadError("不是文本文件（含有二进制内容）")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as e:
            raise ReadError(f"无法识别文件编码（既不是 UTF-8 也不是 GB18030，第 {e.start} 字节处出错）") from None
        notes.append("文件不是 UTF-8 编码，已按 GB18030 读取")
    return text, notes


def read_text_file(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"无法读取文件：{e.strerror or e}") from None
    text, notes = decode(data)
    if not text.strip():
        raise ReadError("文件为空")
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    doc = Document.from_text(text, path=str(path), format=fmt)
    doc.notes.extend(notes)
    return doc


@hookimpl
def doccheck_readers():
    return [Reader("text", (".txt", ".text", ".md", ".markdown"), read_text_file)]
