"""Word drafts (.docx), through python-docx and, where its API stops, its oxml layer.

Paragraphs and runs are walked with ``readers.docx_xml`` (shared with the writer,
so indices agree); formatting is read once into ``Layout`` by ``readers.docx_layout``.
The Document keeps no python-docx object: it pickles, and the writers reopen the
original bytes.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from pathlib import Path

from ..hookspecs import hookimpl
from ..model import Block, Document, Part, RunSpan
from . import Reader, ReadError

def read_docx(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"无法读取文件：{e.strerror or e}") from None
    return read_docx_bytes(data, str(path))


# Limits checked on the zip's directory before anything is inflated: a 600 KB file can hold
# millions of paragraphs or inflate to gigabytes. DOCCHECK_MAX_DOCX_MB / _RATIO / _PARAGRAPHS
# raise them for an office whose drafts are larger.
MAX_INFLATED_MB = 200
MAX_RATIO = 200  # inflated ÷ compressed, per part over 1 MB
MAX_PARAGRAPHS = 200_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _limit(name: str, default: int) -> int:
    try:
        return int(os.environ.get(f"DOCCHECK_MAX_DOCX_{name}", default))
    except ValueError:
        return default


def check_package(data: bytes) -> None:
    """Refuse, before parsing, what would exhaust memory or time; say what the file is."""
    if data.startswith(OLE_MAGIC):
        raise ReadError("这是旧版 Word 97-2003 文档（.doc）或加密的 .docx：请在 Word 或 WPS 中另存为未加密的 .docx 后再检查")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError) as e:
        raise ReadError(f"不是有效的 .docx 文件（{type(e).__name__}: {e}）") from None
    total = sum(i.file_size for i in infos)
    if total > _limit("MB", MAX_INFLATED_MB) * 1024 * 1024:
        raise ReadError(f"解压后超过 {_limit('MB', MAX_INFLATED_MB)} MB（{total // 1024 // 1024} MB），疑为压缩炸弹，未读取"
                        "（可用环境变量 DOCCHECK_MAX_DOCX_MB 调整）")
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > _limit("RATIO", MAX_RATIO) * max(i.compress_size, 1):
            raise ReadError(f"部件 {i.filename} 的压缩比超过 {_limit('RATIO', MAX_RATIO)}:1，疑为压缩炸弹，未读取"
                            "（可用环境变量 DOCCHECK_MAX_DOCX_RATIO 调整）")
    limit, count, tail = _limit("PARAGRAPHS", MAX_PARAGRAPHS), 0, b""
    try:
        with zf.open("word/document.xml") as body:
            while chunk := body.read(1 << 20):
                buf = tail + chunk
                count += buf.count(b"<w:p>") + buf.count(b"<w:p ")
                tail = buf[-5:]
                count -= tail.count(b"<w:p>") + tail.count(b"<w:p ")  # counted again with the next chunk
                if count > limit:
                    raise ReadError(f"段落超过 {limit} 个，未读取（可用环境变量 DOCCHECK_MAX_DOCX_PARAGRAPHS 调整）")
    except KeyError:
        raise ReadError("不是有效的 .docx 文件（缺少 word/document.xml）") from None
    except (zipfile.BadZipFile, ValueError, EOFError, zlib.error, NotImplementedError) as e:
        # a truncated or corrupted archive: an entry's header, its compressed data or its CRC
        raise ReadError(f"不是有效的 .docx 文件（{type(e).__name__}: {e}）") from None


def open_docx(data: bytes):
    """The python-docx Document of ``data``; a ReadError that says what is wrong otherwise."""
    check_package(data)
    try:
        import docx

        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError(f"不是有效的 .docx 文件（{type(e).__name__}: {e}）") from None
    except OSError as e:
        raise ReadError(f"无法读取文件：{e.strerror or e}") from None
    except Exception as e:  # python-docx raises its own PackageNotFoundError and others
        raise ReadError(f"不是有效的 .docx 文件（{type(e).__name__}: {e}）") from None


def read_docx_bytes(data: bytes, name: str | None = None) -> Document:
    # python-docx and lxml are imported on the first .docx, not at start-up (0.05 s a run)
    from .docx_layout import read_layout
    from .docx_xml import has_entities, iter_paragraphs, iter_runs, run_text

    wd = open_docx(data)
    pieces: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for index, (kind, p) in enumerate(iter_paragraphs(wd.element.body)):
        spans, texts, at = [], [], pos
        for ri, r in enumerate(iter_runs(p)):
            t = run_text(r)
            if t:
                spans.append(RunSpan(at, at + len(t), ri))
                texts.append(t)
                at += len(t)
        text = "".join(texts)
        style = _style_name(wd, p)
        blocks.append(Block(pos, pos + len(text), kind, style, index, tuple(spans)))
        pieces.append(text)
        pos += len(text) + 1

    parts = []
    for si, section in enumerate(wd.sections):
        for kind, hf in (("header", section.header), ("footer", section.footer)):
            if hf.is_linked_to_previous:
                continue
            text = "\n".join(p.text for p in hf.paragraphs).strip()
            if text:
                parts.append(Part(kind, si, text))

    text = "\n".join(pieces)
    if not text.strip():
        raise ReadError("文档正文为空")
    # Page headers, footers and footnotes are checked too, after the body (a page number alone
    # is no sentence); their blocks name where they come from, and fixes leave them alone.
    body_end = len(text)
    extra = [(p.kind, p.text) for p in parts] + [("footnote", t) for t in _footnotes(data)]
    for kind, part_text in extra:
        if len(_HAN.findall(part_text)) < 2:
            continue
        for line in part_text.split("\n"):
            start = len(text) + 1
            text += "\n" + line
            blocks.append(Block(start, start + len(line), kind))
    doc = Document(text=text, path=name, format="docx", blocks=blocks, parts=parts,
                   body_end=body_end if len(text) > body_end else None)
    if has_entities(wd.element.body):
        doc.notes.append("文档含有自定义的 XML 实体（&名称;），其内容未展开、未检查；实体前后的文字照常检查")
    try:
        doc.layout = read_layout(wd, blocks)
    except Exception as e:  # a part python-docx cannot resolve: the text is still checked
        doc.notes.append(f"无法读取版式信息，版式规则未运行（{type(e).__name__}: {e}）")
    return doc


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _footnotes(data: bytes) -> list[str]:
    """The text of each footnote (word/footnotes.xml), separators left out."""
    from lxml import etree

    try:
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/footnotes.xml")
    except (KeyError, zipfile.BadZipFile):
        return []
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    out = []
    for note in root.iter(f"{w}footnote"):
        if note.get(f"{w}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        t = "".join(x.text or "" for x in note.iter(f"{w}t")).strip()
        if t:
            out.append(t)
    return out


def _style_name(wd, p) -> str | None:
    ppr = p.pPr
    sid = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    if sid is None:
        return None
    try:
        return wd.styles.element.get_by_id(sid).name_val
    except AttributeError:
        return sid


@hookimpl
def doccheck_readers():
    return [Reader("docx", (".docx",), read_docx, read_docx_bytes)]
