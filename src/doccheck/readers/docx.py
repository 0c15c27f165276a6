"""Word drafts (.docx), through python-docx and, where its API stops, its oxml layer.

Only this module and ``doccheck.fixing.docx`` touch the Word XML. Both walk
paragraphs and runs with :func:`iter_paragraphs` and :func:`iter_runs`, so an
index recorded here names the same element when a fix is written back.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Iterator

from docx.oxml.ns import qn
from docx.text.run import Run

from ..document import Block, Document, Part, RunSpan
from ..hookspecs import hookimpl
from . import Reader, ReadError

W_P, W_R, W_TBL, W_SDT = qn("w:p"), qn("w:r"), qn("w:tbl"), qn("w:sdt")
W_TXBX = qn("w:txbxContent")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Text inside these is not part of the paragraph's visible text: deleted
# revisions, and the copy WPS and Word keep for readers that lack mc:Choice.
SKIPPED = {qn("w:del"), qn("w:moveFrom"), MC_FALLBACK, W_TXBX}


def _walk_block_container(el) -> Iterator[tuple[str, object]]:
    for child in el.iterchildren():
        tag = child.tag
        if tag == W_P:
            # Text boxes (the red 发文机关标志 is often one) come before the
            # paragraph that anchors them; mc:Fallback duplicates are skipped.
            for box in child.iter(W_TXBX):
                if not any(a.tag == MC_FALLBACK for a in box.iterancestors()):
                    for kind, p in _walk_block_container(box):
                        yield "textbox" if kind == "paragraph" else kind, p
            yield "paragraph", child
        elif tag == W_TBL:
            for tr in child.iterchildren(qn("w:tr")):
                for tc in tr.iterchildren(qn("w:tc")):
                    for kind, p in _walk_block_container(tc):
                        yield "cell" if kind == "paragraph" else kind, p
        elif tag == W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _walk_block_container(content)


def iter_paragraphs(body) -> Iterator[tuple[str, object]]:
    """(kind, w:p element) for every paragraph of ``body`` in reading order."""
    yield from _walk_block_container(body)


def iter_runs(p) -> list:
    """The w:r elements whose text makes up paragraph ``p``, in order
    (including runs inside hyperlinks, insertions, smart tags and fields)."""
    runs = []

    def walk(el):
        for child in el.iterchildren():
            if child.tag in SKIPPED:
                continue
            if child.tag == W_R:
                runs.append(child)
            elif child.tag != W_P:
                walk(child)

    walk(p)
    return runs


def run_text(r, paragraph=None) -> str:
    return Run(r, paragraph).text


def read_docx(path: Path) -> Document:
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ReadError("不支持旧版 .doc 格式，请在 Word 或 WPS 中另存为 .docx 后再检查")
    try:
        import docx

        wd = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError(f"不是有效的 .docx 文件（{type(e).__name__}: {e}）") from None
    except OSError as e:
        raise ReadError(f"无法读取文件：{e.strerror or e}") from None
    except Exception as e:  # python-docx raises its own PackageNotFoundError and others
        raise ReadError(f"不是有效的 .docx 文件（{type(e).__name__}: {e}）") from None

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
    return Document(text=text, path=str(path), format="docx", blocks=blocks, parts=parts, source=wd)


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
    return [Reader("docx", (".docx", ".doc"), read_docx)]
