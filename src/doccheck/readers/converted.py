"""Word 97-2003 (.doc) and WPS (.wps) drafts, still common in government offices: converted to
.docx by LibreOffice (`soffice --headless --convert-to docx`) when it is installed, then read as
any .docx. The converted copy lives in a temporary folder; the original is never changed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..hookspecs import hookimpl
from ..model import Document
from . import Reader, ReadError

TIMEOUT = 120  # seconds for one conversion


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def convert_to_docx(data: bytes, suffix: str) -> bytes:
    # Both are OLE compound files; LibreOffice would read anything else as plain text.
    if not data.startswith(OLE_MAGIC) or len(data) < 1536:
        if data.startswith(b"PK"):
            raise ReadError(f"这是 .docx 文件，扩展名却是 {suffix}：请改为 .docx")
        raise ReadError(f"不是有效的 {suffix} 文件（不是 Word 97-2003/WPS 的复合文档格式）")
    exe = soffice()
    if exe is None:
        raise ReadError(f"读取 {suffix} 需要 LibreOffice（soffice）：请安装 LibreOffice，"
                        "或在 Word/WPS 中另存为 .docx 后再检查")
    with tempfile.TemporaryDirectory(prefix="doccheck-convert-") as d:
        src = Path(d) / f"input{suffix}"
        src.write_bytes(data)
        profile = Path(d) / "profile"  # its own profile: conversions may run side by side
        try:
            proc = subprocess.run(
                [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx",
                 "--outdir", d, str(src)],
                capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ReadError(f"LibreOffice 转换 {suffix} 超过 {TIMEOUT} 秒，已放弃") from None
        out = Path(d) / "input.docx"
        if proc.returncode != 0 or not out.exists():
            raise ReadError(f"LibreOffice 无法转换此 {suffix} 文件（可能已损坏或加密）")
        return out.read_bytes()


def read_converted_bytes(data: bytes, name: str | None = None) -> Document:
    from .docx import read_docx_bytes

    suffix = Path(name or "x.doc").suffix.lower() or ".doc"
    doc = read_docx_bytes(convert_to_docx(data, suffix), name)
    doc.format = "docx-converted"  # fixes and comments are not written back into a .doc
    doc.notes.append(f"{suffix} 文件已由 LibreOffice 转换为 .docx 后检查；版式以转换结果为准")
    return doc


def read_converted(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"无法读取文件：{e.strerror or e}") from None
    return read_converted_bytes(data, str(path))


@hookimpl
def doccheck_readers():
    return [Reader("converted", (".doc", ".wps"), read_converted, read_converted_bytes)]
