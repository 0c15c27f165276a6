"""The one walker of Word XML: paragraphs and runs of a .docx body in reading order.

The reader (``readers.docx``), the layout reader (``readers.docx_layout``) and the
writer (``fixing.docx``) all walk with it, so a paragraph or run index recorded
when reading names the same element when a fix or comment is written back.
"""

from __future__ import annotations

from typing import Iterator

from docx.oxml.ns import qn
from lxml import etree
from docx.text.run import Run

W_P, W_R, W_TBL, W_SDT, W_T = qn("w:p"), qn("w:r"), qn("w:tbl"), qn("w:sdt"), qn("w:t")
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
    """The run's text. An XML entity the file declares itself (&name;) is not expanded —
    expanding is how entity bombs work — but the text after it is kept, not dropped."""
    text = Run(r, paragraph).text
    if has_entities(r):
        for t in r.iter(W_T):
            for child in t:
                if isinstance(child, etree._Entity) and child.tail:
                    text += child.tail  # python-docx reads w:t's text up to the first child only
    return text


def has_entities(el) -> bool:
    return any(isinstance(x, etree._Entity) for x in el.iter())
