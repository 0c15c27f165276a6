"""Builds the .docx drafts of corpus/ (run once; the files are committed so that
`make eval` and `make demo` need nothing but the repository).

    python bench/make_corpus_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Mm

from doccheck.testing import _font, _footer, _paragraph, separator_under

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from docx_fixtures import NS, TEXTBOX  # noqa: E402

CENTER, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
BODY = ("仿宋_GB2312", 16)


def page(d, margins=(37, 35, 28, 26)):
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = (Mm(m) for m in margins)
    return s


def red_header_notice(path: Path) -> None:
    d = docx.Document()
    s = page(d, margins=(25.4, 25.4, 31.8, 31.8))  # Word's default margins: a common slip
    _paragraph(d, "江州市人民政府办公室文件", "方正小标宋简体", 26, CENTER, "FF0000")
    separator_under(_paragraph(d, "江政办发〔2025〕21号", *BODY, CENTER, exact=28.95))
    _paragraph(d, "江州市人民政府办公室", "方正小标宋简体", 22, CENTER)
    _paragraph(d, "关于开展2025年度政务服务满意度评价工作的通知", "宋体", 22, CENTER)
    _paragraph(d, "各县（市、区）人民政府，市政府各部门：", *BODY, exact=28.95)
    _paragraph(d, "为持续优化政务服务，经市政府同意，决定开展2025年度政务服务满意度评价工作。现将有关事项通知如下。", *BODY, exact=28.95)
    _paragraph(d, "一、评价范围", "黑体", 16, exact=28.95)
    _paragraph(d, "全市各级政务服务中心及进驻部门,各乡镇（街道）便民服务中心。", *BODY, exact=28.95)
    _paragraph(d, "二、评价方式", "仿宋_GB2312", 16, exact=28.95)
    _paragraph(d, "采取线上评价与线下回访相结合的方式，评价结果于2025年11月31日前公布。", *BODY, exact=28.95)
    _paragraph(d, "江州市人民政府办公室", *BODY, RIGHT, exact=28.95)
    _paragraph(d, "2025年9月8日", *BODY, RIGHT, exact=28.95)
    _paragraph(d, "抄送：市委办公室，市人大常委会办公室。", "仿宋_GB2312", 14)
    _paragraph(d, "江州市人民政府办公室　　　　　2025年9月9日印发", "仿宋_GB2312", 14)
    _footer(s, "— {PAGE} —", 14)
    d.save(str(path))


def request_with_table(path: Path) -> None:
    d = docx.Document()
    s = page(d)
    _paragraph(d, "江州市住房和城乡建设局文件", "方正小标宋简体", 26, CENTER, "FF0000")
    _paragraph(d, "江建字【2025】6号　　　　　签发人：刘洋", *BODY, exact=28.95)
    _paragraph(d, "关于申请老旧小区改造配套资金的请示", "方正小标宋简体", 22, CENTER)
    _paragraph(d, "市人民政府、市财政局：", *BODY, exact=28.95)
    _paragraph(d, "根据省住房城乡建设厅工作部署，我市2025年计划改造老旧小区45个，涉及居民1.2万户。具体资金需求如下表。", *BODY, exact=28.95)
    t = d.add_table(rows=3, cols=3)
    for i, row in enumerate([("项目", "户数", "资金（万元）"), ("城东片区", "5200", "3600"), ("城西片区", "6800", "4,100")]):
        for j, value in enumerate(row):
            cell = t.cell(i, j)
            cell.text = ""
            _font(cell.paragraphs[0].add_run(value), "仿宋_GB2312", 14)
    _paragraph(d, "恳请市政府给予配套资金支持。", *BODY, exact=28.95)
    _paragraph(d, "妥否，请批示。", *BODY, exact=28.95)
    _paragraph(d, "江州市住房和城乡建设局", *BODY, RIGHT, exact=28.95)
    _paragraph(d, "2025.5.6", *BODY, RIGHT, exact=28.95)
    _footer(s, "— {PAGE} —", 14)
    d.save(str(path))


def wps_saved(path: Path) -> None:
    d = docx.Document()
    s = page(d)
    anchor = d.add_paragraph()
    anchor._p.append(parse_xml(TEXTBOX % (NS, "江州市应急管理局文件", "江州市应急管理局文件")))
    separator_under(_paragraph(d, "江应急发〔2025〕14号", *BODY, CENTER, exact=28.95), "FF0000")
    _paragraph(d, "关于做好汛期安全生产工作的通知", "方正小标宋简体", 22, CENTER)
    _paragraph(d, "各县（市、区）应急管理局，市安委会各成员单位：", *BODY, exact=28.95)
    _paragraph(d, "入汛以来,我市降雨明显偏多。各单位要认真落实防汛责任，加强隐患排查。", *BODY, exact=28.95)
    _paragraph(d, "江州市应急管理局", *BODY, RIGHT, exact=28.95)
    _paragraph(d, "2025年6月3日", *BODY, RIGHT, exact=28.95)
    _footer(s, "— {PAGE} —", 14)
    d.save(str(path))


if __name__ == "__main__":
    red_header_notice(ROOT / "corpus" / "33-red-header-notice.docx")
    request_with_table(ROOT / "corpus" / "34-request-table.docx")
    wps_saved(ROOT / "corpus" / "35-wps-saved.docx")
