"""What layout rules need from a .docx, read once into plain values: page size
and margins per section, the effective East Asian font, size, bold and colour
of each paragraph (run → character style → paragraph style → its base styles
→ document defaults), alignment and line spacing, and the page-number footers.

The reader calls it once per file; rules see the plain ``Layout`` of
``doccheck.model``.
"""

from __future__ import annotations

from collections import Counter

from docx.oxml.ns import qn
from docx.shared import Length

from ..model import Block, Layout, ParagraphLayout, SectionLayout
from .docx_xml import iter_paragraphs, iter_runs, run_text

def _mm(v) -> float | None:
    return round(Length(v).mm, 1) if v is not None else None


class _Resolver:
    """Effective run properties, following Word's order of inheritance."""

    def __init__(self, wd):
        self.wd = wd
        styles = wd.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        d = styles.find(qn("w:docDefaults"))
        rpr = d.find(qn("w:rPrDefault")) if d is not None else None
        self.default_rpr = rpr.find(qn("w:rPr")) if rpr is not None else None
        self.default_para_style = next(
            (s for s in self.by_id.values() if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")),
            None,
        )

    def _style_chain(self, style_el):
        seen = set()
        while style_el is not None and id(style_el) not in seen:
            seen.add(id(style_el))
            yield style_el
            based = style_el.find(qn("w:basedOn"))
            style_el = self.by_id.get(based.get(qn("w:val"))) if based is not None else None

    def _para_style(self, p):
        ppr = p.find(qn("w:pPr"))
        ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return self.by_id.get(ps.get(qn("w:val"))) if ps is not None else self.default_para_style

    def rpr_chain(self, p, r):
        """The w:rPr elements that apply to run ``r`` in paragraph ``p``, nearest first."""
        chain = []
        rpr = r.find(qn("w:rPr")) if r is not None else None
        if rpr is None and r is None:
            ppr = p.find(qn("w:pPr"))
            rpr = ppr.find(qn("w:rPr")) if ppr is not None else None  # the paragraph mark
        if rpr is not None:
            chain.append(rpr)
            rs = rpr.find(qn("w:rStyle"))
            if rs is not None:
                chain += [s.find(qn("w:rPr")) for s in self._style_chain(self.by_id.get(rs.get(qn("w:val"))))]
        chain += [s.find(qn("w:rPr")) for s in self._style_chain(self._para_style(p))]
        chain.append(self.default_rpr)
        return [x for x in chain if x is not None]

    def ppr_chain(self, p):
        chain = [p.find(qn("w:pPr"))]
        chain += [s.find(qn("w:pPr")) for s in self._style_chain(self._para_style(p))]
        return [x for x in chain if x is not None]

    @staticmethod
    def first(chain, tag, attr=None):
        for el in chain:
            child = el.find(qn(tag))
            if child is not None:
                if attr is None:
                    return child
                v = child.get(qn(attr))
                if v is not None:
                    return v
        return None

    def run_props(self, p, r) -> tuple[str | None, float | None, bool, str | None]:
        chain = self.rpr_chain(p, r)
        font = None
        for el in chain:
            fonts = el.find(qn("w:rFonts"))
            if fonts is None:
                continue
            if fonts.get(qn("w:eastAsia")):
                font = fonts.get(qn("w:eastAsia"))
                break
            if fonts.get(qn("w:eastAsiaTheme")):
                font = "theme:" + fonts.get(qn("w:eastAsiaTheme"))
                break
        sz = self.first(chain, "w:sz", "w:val")
        size = int(sz) / 2 if sz and sz.isdigit() else None
        b = self.first(chain, "w:b")
        bold = b is not None and b.get(qn("w:val")) not in ("0", "false")
        color = self.first(chain, "w:color", "w:val")
        color = None if color in (None, "auto") else color.upper()
        return font, size, bold, color


def _rule_color(p) -> str | None:
    """A horizontal rule belonging to paragraph ``p``: its top or bottom border, or a
    line shape (wps:wsp with a line geometry, or a VML line) anchored in it."""
    ppr = p.find(qn("w:pPr"))
    bdr = ppr.find(qn("w:pBdr")) if ppr is not None else None
    if bdr is not None:
        for side in ("w:bottom", "w:top"):
            b = bdr.find(qn(side))
            if b is not None and b.get(qn("w:val")) not in (None, "nil", "none"):
                return (b.get(qn("w:color")) or "auto").upper()
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for geom in p.iter(f"{a}prstGeom"):
        if geom.get("prst") in ("line", "straightConnector1"):
            shape = geom.getparent().getparent()
            color = next((c.get("val") for c in shape.iter(f"{a}srgbClr")), None)
            return (color or "auto").upper()
    for line in p.iter("{urn:schemas-microsoft-com:vml}line"):
        return (line.get("strokecolor") or "auto").lstrip("#").upper()
    return None


def read_layout(wd, blocks: list[Block]) -> Layout:
    """The layout of python-docx document ``wd`` whose paragraphs became ``blocks``."""
    res = _Resolver(wd)
    layout = Layout()
    body = wd.element.body
    section_starts = [0]
    for index, (kind, p) in enumerate(iter_paragraphs(body)):
        if kind == "paragraph":
            ppr = p.find(qn("w:pPr"))
            if ppr is not None and ppr.find(qn("w:sectPr")) is not None and index + 1 < len(blocks):
                section_starts.append(blocks[index + 1].start)
        weights: Counter = Counter()
        for r in iter_runs(p):
            t = run_text(r)
            if t.strip():
                weights[res.run_props(p, r)] += len(t)
        props = weights.most_common(1)[0][0] if weights else res.run_props(p, None)
        pprs = res.ppr_chain(p)
        jc = res.first(pprs, "w:jc", "w:val")
        spacing = res.first(pprs, "w:spacing")
        line = spacing.get(qn("w:line")) if spacing is not None else None
        rule = spacing.get(qn("w:lineRule")) if spacing is not None else None
        line_pt = int(line) / 20 if line and line.isdigit() and rule in ("exact", "atLeast") else None
        layout.paragraphs[index] = ParagraphLayout(index, props[0], props[1], props[2], props[3], jc, line_pt, rule,
                                                   _rule_color(p))
    for si, section in enumerate(wd.sections):
        sect = section._sectPr
        grid = sect.find(qn("w:docGrid"))
        pitch, char_space = None, 0.0
        if grid is not None and grid.get(qn("w:type")) in ("lines", "linesAndChars", "snapToChars"):
            lp = grid.get(qn("w:linePitch"))
            pitch = int(lp) / 20 if lp and lp.isdigit() else None
            cs = grid.get(qn("w:charSpace"))
            if grid.get(qn("w:type")) != "lines" and cs and cs.lstrip("-").isdigit():
                char_space = int(cs) / 4096  # in 4096ths of a point

        footer = section.footer
        has_page, text, size = False, "", None
        if not footer.is_linked_to_previous or si == 0:
            xml = footer._element.xml
            has_page = "PAGE" in xml and ("fldSimple" in xml or "instrText" in xml)
            text = "\n".join(p.text for p in footer.paragraphs).strip()
            sizes = [res.run_props(p._p, r)[1] for p in footer.paragraphs for r in iter_runs(p._p)]
            size = next((s for s in sizes if s), None)
        start = section_starts[si] if si < len(section_starts) else 0
        layout.sections.append(SectionLayout(
            si, start, _mm(section.page_width), _mm(section.page_height), _mm(section.top_margin),
            _mm(section.bottom_margin), _mm(section.left_margin), _mm(section.right_margin), pitch,
            char_space, has_page, text, size,
        ))
    return layout
