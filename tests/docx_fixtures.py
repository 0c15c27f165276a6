"""Build .docx fixtures in code with python-docx (no binary blobs in the repo)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml


def simple_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None,
                header: str | None = None, footer: str | None = None) -> Path:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
        d.add_paragraph("表后段落。")
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    d.save(str(path))
    return path


def runs_docx(path: Path, runs: list[list[tuple[str, dict]]]) -> Path:
    """Paragraphs made of runs with formatting: [[("文字", {"bold": True}), ...], ...]."""
    d = docx.Document()
    for para in runs:
        p = d.add_paragraph()
        for text, fmt in para:
            r = p.add_run(text)
            r.bold = fmt.get("bold")
            r.italic = fmt.get("italic")
    d.save(str(path))
    return path


TEXTBOX = """
<w:r %s>
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="0"
          behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
        <wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
        <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
        <wp:extent cx="5000000" cy="600000"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/>
        <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
          <wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>
            <wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>%s</w:t></w:r></w:p></w:txbxContent></wps:txbx>
            <wps:bodyPr/></wps:wsp>
        </a:graphicData></a:graphic>
      </wp:anchor></w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""


NS = " ".join(f'xmlns:{k}="{v}"' for k, v in {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}.items())


def wps_textbox_docx(path: Path, box_text: str, paragraphs: list[str]) -> Path:
    """A WPS/Word-style file whose first paragraph anchors a text box written
    twice, in mc:Choice and in mc:Fallback, as WPS saves it."""
    d = docx.Document()
    anchor = d.add_paragraph()
    anchor._p.append(parse_xml(TEXTBOX % (NS, box_text, box_text)))
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(str(path))
    return path


def with_document_xml(xml: bytes) -> bytes:
    """A real .docx (doccheck.testing's 通知) whose word/document.xml is replaced by ``xml``."""
    import io
    import zipfile

    from doccheck.testing import gongwen_docx

    src = zipfile.ZipFile(io.BytesIO(gongwen_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, xml if item.filename == "word/document.xml" else src.read(item.filename))
    return buf.getvalue()
