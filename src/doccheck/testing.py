"""Build .docx drafts in code, for rule examples and tests (no binary fixtures).

``gongwen_docx()`` writes a 公文 laid out per GB/T 9704-2012; keyword arguments
introduce one defect each, so a layout rule's bad example names the defect
and its good example takes the defaults. Plugin authors can use it too.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

COMPLIANT = dict(
    page=(210, 297), margins=(37, 35, 28, 26), line_pitch=28.95,
    mark_color="FF0000", mark_font="方正小标宋简体", title_font="方正小标宋简体", title_size=22,
    body_font="仿宋_GB2312", body_size=16, h1_font="黑体", h2_font="楷体_GB2312",
    colophon_font="仿宋_GB2312", colophon_size=14, footer="— {PAGE} —", footer_size=14,
    separator="C00000",  # the red line under the 发文字号 (a bottom border); None for none
)


def _font(run, name: str, size: float, color: str | None = None, bold: bool = False) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold or None
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


def separator_under(paragraph, color: str = "C00000") -> None:
    """The 版头's separator line, drawn as the paragraph's bottom border (as most templates do)."""
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="8" w:color="{color}"/></w:pBdr>'))


def _paragraph(d, text: str, font: str, size: float, align=None, color=None, exact: float | None = None):
    p = d.add_paragraph()
    if align is not None:
        p.alignment = align
    if exact:
        p.paragraph_format.line_spacing = Pt(exact)
    _font(p.add_run(text), font, size, color)
    return p


def _footer(section, pattern: str, size: float) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if not pattern:
        return
    before, _, after = pattern.partition("{PAGE}")
    if before:
        _font(p.add_run(before), "宋体", size)
    if "{PAGE}" in pattern:
        for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                    '<w:fldChar w:fldCharType="separate"/>', '<w:t>1</w:t>', '<w:fldChar w:fldCharType="end"/>'):
            r = p.add_run()
            _font(r, "宋体", size)
            r._r.append(parse_xml(re.sub(r"^<(w:\w+)", rf"<\1 {nsdecls('w')}", xml)))
    if after:
        _font(p.add_run(after), "宋体", size)


def gongwen_document(**defects):
    """The same draft read into a doccheck Document."""
    from .readers.docx import read_docx_bytes

    return read_docx_bytes(gongwen_docx(**defects), "draft.docx")


def gongwen_docx(path: Path | None = None, **defects) -> bytes:
    """A 通知 with 版头, title, recipient, headings, body, signature, date and 版记.
    Returns the bytes (and writes them to ``path`` when given)."""
    import docx

    spec = {**COMPLIANT, **defects}
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.page_height = Mm(spec["page"][0]), Mm(spec["page"][1])
    top, bottom, left, right = spec["margins"]
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Mm(top), Mm(bottom), Mm(left), Mm(right)
    body = spec["body_font"], spec["body_size"]
    exact = spec["line_pitch"]
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(d, "江州市人民政府文件", spec["mark_font"], 26, center, spec["mark_color"])
    number = _paragraph(d, "江政发〔2025〕3号", *body, center, exact=exact)
    if spec["separator"]:
        separator_under(number, spec["separator"])
    _paragraph(d, "关于做好2025年防汛工作的通知", spec["title_font"], spec["title_size"], center)
    _paragraph(d, "各县（市、区）人民政府，市政府各部门：", *body, exact=exact)
    _paragraph(d, "为做好今年防汛工作，现将有关事项通知如下。", *body, exact=exact)
    _paragraph(d, "一、压实防汛责任", spec["h1_font"], spec["body_size"], exact=exact)
    _paragraph(d, "（一）落实行政首长负责制", spec["h2_font"], spec["body_size"], exact=exact)
    _paragraph(d, "各地要落实防汛责任，确保安全度汛。", *body, exact=exact)
    _paragraph(d, "江州市人民政府", *body, WD_ALIGN_PARAGRAPH.RIGHT, exact=exact)
    _paragraph(d, "2025年5月6日", *body, WD_ALIGN_PARAGRAPH.RIGHT, exact=exact)
    _paragraph(d, "抄送：市委办公室。", spec["colophon_font"], spec["colophon_size"])
    _paragraph(d, "江州市人民政府办公室　　　　2025年5月7日印发", spec["colophon_font"], spec["colophon_size"])
    _footer(s, spec["footer"], spec["footer_size"])
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data
