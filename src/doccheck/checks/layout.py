"""Layout rules for .docx drafts (GB/T 9704-2012). Each finding points at the
paragraph it concerns; page-level findings at the start of the section.
The examples are .docx files built in code (tests/docx_fixtures.py); text
examples only show that text drafts are left alone."""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Hit
from ..hookspecs import hookimpl
from ..rule import bad_docx, good, good_docx, rule

A4 = (210.0, 297.0)
# 版心 156 × 225 mm with 天头 37 and 订口 28 leaves 35 below and 26 on the right.
MARGINS = {"top_mm": ("天头（上边距）", 37.0), "left_mm": ("订口（左边距）", 28.0),
           "bottom_mm": ("下边距", 35.0), "right_mm": ("右边距", 26.0)}
FANGSONG = re.compile(r"仿宋|FangSong|fangsong", re.I)
XIAOBIAOSONG = re.compile(r"小标宋|XBS|FZXiaoBiaoSong", re.I)
HEITI = re.compile(r"黑体|SimHei|Hei", re.I)
KAITI = re.compile(r"楷体|KaiTi|Kai", re.I)
SIZE_NAMES = {22.0: "2号", 16.0: "3号", 14.0: "4号"}
TEXT_ONLY = good("关于召开防汛工作会议的通知\n各单位：\n请准时参加。\n")  # text drafts have no layout


def _span(doc, block_index: int) -> tuple[int, int]:
    b = doc.blocks[block_index]
    return b.start, b.end


def _font_ok(font: str | None, rx) -> bool:
    return font is None or font.startswith("theme:") or bool(rx.search(font))


@rule(
    id="layout.page",
    category="layout",
    severity="error",
    summary="纸张不是A4或页边距不符合版心要求",
    doc="""\
What it does: checks each section of a .docx: paper A4 (210 × 297 mm), 天头 (top margin) 37 mm,
订口 (left margin) 28 mm and a 版心 of 156 × 225 mm (so 35 mm below and 26 mm on the right), within
a tolerance (option `tolerance-mm`, default 1 mm). Findings point at the start of the section.""",
    references=("GB/T 9704-2012 §5.2（版面：幅面尺寸、页边与版心尺寸）",),
    options={"tolerance-mm": 1.0},
    examples=[bad_docx("A3纸", page=(297, 420)), bad_docx("上边距25mm", margins=(25, 35, 28, 26)), good_docx(), TEXT_ONLY],
)
def page(doc, ctx) -> Iterator[Hit]:
    layout = doc.layout
    if layout is None:
        return
    tol = float(ctx.option("tolerance-mm", 1.0))
    for s in layout.sections:
        if s.page_width_mm and s.page_height_mm and (
            abs(s.page_width_mm - A4[0]) > tol or abs(s.page_height_mm - A4[1]) > tol
        ):
            yield Hit(s.start, s.start, f"第{s.index + 1}节纸张为{s.page_width_mm:g}×{s.page_height_mm:g}mm，"
                                        "公文用纸应为A4（210×297mm）（GB/T 9704-2012 §5.2）")
        for attr, (name, want) in MARGINS.items():
            got = getattr(s, attr)
            if got is not None and abs(got - want) > tol:
                yield Hit(s.start, s.start, f"第{s.index + 1}节{name}为{got:g}mm，应为{want:g}mm"
                                            f"（版心156×225mm，GB/T 9704-2012 §5.2）")


@rule(
    id="layout.lines-per-page",
    category="layout",
    severity="info",
    summary="每页不是22行、每行不是28字",
    doc="""\
What it does: from the document grid (w:docGrid line pitch and character spacing) or the body's
exact line spacing and font size, works out how many lines fit in the 225 mm 版心 and how many
characters in its 156 mm width, and reports a section that does not give 22 lines of 28 characters.

Why is this bad? GB/T 9704-2012 §5.2: 一般每面排22行，每行排28个字. A different pitch changes
where lines and pages break and how the document looks beside others.""",
    references=("GB/T 9704-2012 §5.2（每面22行，每行28字）",),
    examples=[bad_docx("行距20磅（约32行）", line_pitch=20), bad_docx("正文4号字（约31字一行）", body_size=14),
              good_docx(), TEXT_ONLY],
)
def lines_per_page(doc, ctx) -> Iterator[Hit]:
    layout = doc.layout
    if layout is None:
        return
    paragraphs = list(layout.paragraphs.values())
    body_spacing = [p.line_spacing_pt for p in paragraphs if p.line_spacing_pt and p.line_rule == "exact"]
    sizes = [p.size_pt for p in paragraphs if p.size_pt and doc.blocks[p.block].kind != "cell"]
    body_size = max(set(sizes), key=sizes.count) if sizes else None
    for s in layout.sections:
        if not (s.page_height_mm and s.top_mm is not None and s.bottom_mm is not None):
            continue
        pitch = max(body_spacing, key=body_spacing.count) if body_spacing else s.line_pitch_pt
        if pitch:
            lines = (s.page_height_mm - s.top_mm - s.bottom_mm) / 25.4 * 72 / pitch
            if abs(lines - 22) >= 0.5:
                yield Hit(s.start, s.start, f"第{s.index + 1}节按行距{pitch:g}磅每页约排{lines:.1f}行，"
                                            "公文一般每面排22行、每行28字（GB/T 9704-2012 §5.2）")
        if body_size and s.page_width_mm and s.left_mm is not None and s.right_mm is not None:
            width_pt = (s.page_width_mm - s.left_mm - s.right_mm) / 25.4 * 72
            chars = width_pt / (body_size + s.char_space_pt)
            if not 27 <= chars < 29:  # 156 mm at 3号 gives 27.6: Word's grid rounds it to 28
                yield Hit(s.start, s.start, f"第{s.index + 1}节正文{body_size:g}磅每行约排{chars:.1f}字，"
                                            "公文一般每行排28个字（GB/T 9704-2012 §5.2）")


def _check_paragraph(doc, index: int, what: str, size: float, rx, family: str, clause: str) -> Iterator[Hit]:
    p = doc.layout.paragraphs.get(index)
    if p is None:
        return
    start, end = _span(doc, index)
    if start == end:
        return
    problems = []
    if p.size_pt is not None and abs(p.size_pt - size) > 0.25:
        problems.append(f"字号为{SIZE_NAMES.get(p.size_pt, f'{p.size_pt:g}磅')}，应为{SIZE_NAMES[size]}（{size:g}磅）")
    if not _font_ok(p.font, rx):
        problems.append(f"字体为“{p.font}”，应为{family}")
    if problems:
        yield Hit(start, end, f"{what}{'；'.join(problems)}（GB/T 9704-2012 {clause}）")


@rule(
    id="layout.title-font",
    category="layout",
    severity="warning",
    summary="标题不是2号小标宋体",
    doc="""\
What it does: checks the 标题 paragraph(s) of a .docx: 2号 (22 pt) 小标宋体 (方正小标宋简体).""",
    references=("GB/T 9704-2012 §7.3.1（标题：一般用2号小标宋体字）",),
    examples=[bad_docx("标题用3号宋体", at="关于做好2025年防汛工作的通知", title_font="宋体", title_size=16), good_docx(), TEXT_ONLY],
    gongwen_only=True,
)
def title_font(doc, ctx) -> Iterator[Hit]:
    if doc.layout is None or doc.anatomy.title is None:
        return
    for ln in doc.anatomy.title_lines:
        i = doc.block_index(ln.start)
        if i is not None:
            yield from _check_paragraph(doc, i, "标题", 22.0, XIAOBIAOSONG, "小标宋体", "§7.3.1")


@rule(
    id="layout.body-font",
    category="layout",
    severity="warning",
    summary="正文和各级标题的字体字号",
    doc="""\
What it does: checks each paragraph of the 正文 in a .docx: 3号 (16 pt) 仿宋; the headings 一、 in
黑体, （一） in 楷体, 1. and （1） in 仿宋, all 3号. Theme fonts that cannot be resolved are not
reported.""",
    references=("GB/T 9704-2012 §7.3.3（正文：一般用3号仿宋体字；结构层次序数第一层用黑体字、第二层用楷体字、"
                "第三层和第四层用仿宋体字）",),
    examples=[bad_docx("正文用宋体", at="为做好今年防汛工作，现将有关事项通知如下。", body_font="宋体"),
              bad_docx("一级标题用仿宋", at="一、压实防汛责任", h1_font="仿宋_GB2312"),
              bad_docx("二级标题用黑体", at="（一）落实行政首长负责制", h2_font="黑体"), good_docx(), TEXT_ONLY],
    gongwen_only=True,
)
def body_font(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if doc.layout is None or a.body is None:
        return
    headings = {doc.block_index(h.start): h for h in a.headings}
    first, last = doc.block_index(a.body.start), doc.block_index(max(a.body.end - 1, a.body.start))
    if first is None or last is None:
        return
    for i in range(first, last + 1):
        if doc.blocks[i].kind == "cell":
            continue  # tables commonly use a smaller size; GB/T 9704 does not fix it
        h = headings.get(i)
        if h is None:
            yield from _check_paragraph(doc, i, "正文", 16.0, FANGSONG, "仿宋", "§7.3.3")
        elif h.level == 1:
            yield from _check_paragraph(doc, i, "一级标题", 16.0, HEITI, "黑体", "§7.3.3")
        elif h.level == 2:
            yield from _check_paragraph(doc, i, "二级标题", 16.0, KAITI, "楷体", "§7.3.3")
        else:
            yield from _check_paragraph(doc, i, f"{'三' if h.level == 3 else '四'}级标题", 16.0, FANGSONG, "仿宋",
                                        "§7.3.3")


def _color_name(color: str | None) -> str:
    return "自动（黑色）" if color in (None, "AUTO") else "#" + color


def _is_red(color: str | None) -> bool:
    if not color or len(color) != 6:
        return False
    r, g, b = int(color[:2], 16), int(color[2:4], 16), int(color[4:], 16)
    return r >= 0xC0 and g <= 0x40 and b <= 0x40


@rule(
    id="layout.issuer-mark-red",
    category="layout",
    severity="error",
    summary="发文机关标志不是红色",
    doc="""\
What it does: checks that the 发文机关标志 (江州市人民政府文件) of a .docx is printed red.""",
    references=("GB/T 9704-2012 §7.2.4（发文机关标志：居中排布，红色，小标宋体字）",),
    examples=[bad_docx("发文机关标志为黑色", at="江州市人民政府文件", mark_color="000000"), good_docx(), TEXT_ONLY],
    gongwen_only=True,
)
def issuer_mark_red(doc, ctx) -> Iterator[Hit]:
    mark = doc.anatomy.issuer_mark
    if doc.layout is None or mark is None:
        return
    i = doc.block_index(mark.start)
    p = doc.layout.paragraphs.get(i) if i is not None else None
    if p is not None and not _is_red(p.color):
        start, end = _span(doc, i)
        yield Hit(start, end, f"发文机关标志应为红色，此处颜色为{_color_name(p.color)}"
                              "（GB/T 9704-2012 §7.2.4）")


@rule(
    id="layout.separator-line",
    category="layout",
    severity="warning",
    summary="版头缺少红色分隔线",
    doc="""\
What it does: in a .docx with a 版头 (发文机关标志 and 发文字号), looks for the red separator line
under the 发文字号 — a paragraph border or a line shape on that paragraph or the next — and checks
that it is red.""",
    references=("GB/T 9704-2012 §7.2.7（版头中的分隔线：发文字号之下4mm处居中印一条与版心等宽的红色分隔线）",),
    examples=[bad_docx("没有分隔线", at="江政发〔2025〕3号", separator=None),
              bad_docx("分隔线为黑色", at="江政发〔2025〕3号", separator="000000"), good_docx(), TEXT_ONLY],
    gongwen_only=True,
)
def separator_line(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if doc.layout is None or a.doc_number is None or a.issuer_mark is None:
        return
    i = doc.block_index(a.doc_number.start)
    if i is None:
        return
    near = [doc.layout.paragraphs.get(k) for k in (i, i + 1)]
    colors = [p.rule_color for p in near if p is not None and p.rule_color is not None]
    start, end = _span(doc, i)
    if not colors:
        yield Hit(start, end, "发文字号下方缺少红色分隔线（GB/T 9704-2012 §7.2.7）")
    elif not any(_is_red(c) for c in colors):
        yield Hit(start, end, f"版头分隔线应为红色，此处为{_color_name(colors[0])}"
                              "（GB/T 9704-2012 §7.2.7）")


@rule(
    id="layout.page-number",
    category="layout",
    severity="warning",
    summary="页码格式：4号半角阿拉伯数字，两侧一字线",
    doc="""\
What it does: checks the footer of each section of a .docx for a page-number field (PAGE) shown as
"— 1 —": 4号 (14 pt) half-width Arabic numerals with a 一字线 on each side.""",
    references=("GB/T 9704-2012 §7.5（页码：一般用4号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字左右各放一条一字线）",),
    examples=[bad_docx("页脚无页码", footer=""), bad_docx("页码两侧无一字线", footer="第{PAGE}页"),
              bad_docx("页码字号10磅", footer_size=10), good_docx(), TEXT_ONLY],
    gongwen_only=True,
)
def page_number(doc, ctx) -> Iterator[Hit]:
    layout = doc.layout
    if layout is None:
        return
    for s in layout.sections:
        if not s.footer_has_page_field:
            yield Hit(s.start, s.start, f"第{s.index + 1}节页脚没有页码（GB/T 9704-2012 §7.5）")
            continue
        if not re.fullmatch(r"—\s*\S*\s*—", s.footer_text.strip()):
            yield Hit(s.start, s.start, f"第{s.index + 1}节页码应写作“— 1 —”（数字两侧各一条一字线），"
                                        f"此处为“{s.footer_text.strip()}”（GB/T 9704-2012 §7.5）")
        if s.footer_size_pt is not None and abs(s.footer_size_pt - 14) > 0.25:
            yield Hit(s.start, s.start, f"第{s.index + 1}节页码字号为{s.footer_size_pt:g}磅，应为4号（14磅）"
                                        "（GB/T 9704-2012 §7.5）")


@rule(
    id="layout.colophon-font",
    category="layout",
    severity="warning",
    summary="版记（抄送、印发）不是4号仿宋",
    doc="""\
What it does: checks the 版记 lines of a .docx — 抄送机关 and 印发机关和印发日期 — for 4号 (14 pt) 仿宋.""",
    references=("GB/T 9704-2012 §7.4.2（抄送机关：一般用4号仿宋体字）", "§7.4.3（印发机关和印发日期：一般用4号仿宋体字）"),
    examples=[bad_docx("版记用3号黑体", at="抄送：市委办公室。", colophon_font="黑体", colophon_size=16), good_docx(), TEXT_ONLY],
    gongwen_only=True,
)
def colophon_font(doc, ctx) -> Iterator[Hit]:
    a = doc.anatomy
    if doc.layout is None:
        return
    for part, what, clause in ((a.cc, "抄送机关", "§7.4.2"), (a.printed, "印发机关和印发日期", "§7.4.3")):
        if part is not None:
            i = doc.block_index(part.start)
            if i is not None:
                yield from _check_paragraph(doc, i, what, 14.0, FANGSONG, "仿宋", clause)


@hookimpl
def doccheck_rules():
    return [page, lines_per_page, title_font, body_font, issuer_mark_red, separator_line, page_number, colophon_font]
