#!/usr/bin/python3
"""Builds the DOCX fixtures for test/check: one công văn laid out by Nghị định 30/2020/NĐ-CP, Phụ lục I, and
variants that each break (or legitimately vary) one thing.

The files are written by python-docx, a different writer from cchc's own, so the checker is tested against DOCX it
did not produce. Regenerate with (Debian's python has python-docx; the pyenv one on PATH does not):

    /usr/bin/python3 scripts/check-fixtures/make.py

It writes test/fixtures/docx/*.docx and test/fixtures/docx/expected.json: file -> the error rule ids the checker
must report (and no others). When LibreOffice is installed it also writes lo-roundtrip.docx: ok.docx opened and
saved again by LibreOffice, a third writer.
"""
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

import shapes

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'docx')
TNR = 'Times New Roman'
CENTER = WD_ALIGN_PARAGRAPH.CENTER
# The page's text area and the header's two columns (mm): 210 - 30 - 15 = 165.
TEXT_MM, LEFT_MM, RIGHT_MM = 165, 62, 103


def _metrics():
    """Times New Roman advance widths (thousandths of an em) by style, from the project's own table."""
    src = open(os.path.join(ROOT, 'src', 'metrics', 'times.generated.ts'), encoding='utf-8').read()
    return {m.group(1): json.loads(m.group(2)) for m in re.finditer(r'export const (\w+): Record<string, number> = (\{.*?\});', src)}


METRICS = _metrics()


def width_mm(text, size, bold=False, italic=False):
    table = METRICS[('BOLD_' if bold else '') + 'ITALIC' if italic else ('BOLD' if bold else 'REGULAR')]
    return sum(table.get(ch, 500) for ch in text) / 1000 * size * 25.4 / 72

# What a conforming letter uses; a variant overrides one key.
BASE = dict(
    page=(210, 297), margins=(20, 20, 30, 15),  # top, bottom, left, right (mm)
    issuer=['ỦY BAN NHÂN DÂN', 'TỈNH KIÊN GIANG'], issuer_bold=True, issuer_rule='border',
    quoc_hieu='CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', quoc_hieu_size=13, motto='Độc lập - Tự do - Hạnh phúc',
    motto_rule='border', one_para_motto=False, header_style=None,
    so='Số: 114/UBND-NCPC', date='Kiên Giang, ngày 22 tháng 12 năm 2020', date_italic=True,
    subject='V/v tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020', subject_size=13, urgency=None, marks=(), appendix=None,
    kinh_gui=['Kính gửi: Chủ tịch Ủy ban nhân dân huyện Kiên Lương.'], kinh_gui_size=14,
    body_size=14, body_align=WD_ALIGN_PARAGRAPH.JUSTIFY, body_indent=Cm(1.27), body_after=Pt(6),
    body_line=('auto', 1.15), body_font=None, body_nfd=False, body_ctrl=False,
    noi_nhan_label_italic=True,
    noi_nhan=['- Như trên;', '- CT và các PCT UBND tỉnh;', '- Sở Nội vụ;', '- Lưu: VT, SNV, ntttrng.'],
    signer=['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], signer_name='Lâm Minh Thành',
    closing='table', closing_style=None, page_number='default', title_pg=True, normal_fonts=True,
    header='table', tasks='literal', rule_length=None,
    subject_lines=['V/v tiếp tục chỉ đạo sau kiểm tra', 'công tác CCHC năm 2020'],
    contact=None, body_twice=False,
)

BODY = [
    'Qua xem xét Báo cáo số 284/BC-ĐKT ngày 30/11/2020 của Đoàn kiểm tra về kết quả kiểm tra công tác cải cách '
    'hành chính (CCHC) năm 2020, Ủy ban nhân dân tỉnh nhận thấy:',
    'Năm 2020, Ủy ban nhân dân huyện Kiên Lương đã ban hành khá đầy đủ các văn bản chỉ đạo điều hành thực hiện '
    'công tác CCHC và nhiều kế hoạch chuyên đề để triển khai thực hiện.',
    '1. Tăng cường công tác chỉ đạo, điều hành, chú ý bố trí kinh phí bảo đảm nguồn lực thực hiện công tác CCHC.',
    '- Chỉ đạo các cơ quan chuyên môn thực hiện tốt Quy chế phối hợp trong thực hiện nhiệm vụ CCHC.',
    '2. Nâng cao chất lượng giải quyết thủ tục hành chính, công khai kết quả trên Cổng dịch vụ công của tỉnh.',
    'Yêu cầu Chủ tịch Ủy ban nhân dân huyện Kiên Lương chỉ đạo thực hiện các nội dung nêu trên; báo cáo kết quả '
    'về UBND tỉnh (qua Sở Nội vụ) chậm nhất là ngày 29/12/2020./.',
]


def fonts(run, name=TNR, size=None, bold=None, italic=None):
    """Sets every font slot, as ND30 asks, plus size and style."""
    run.font.name = name
    rfonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn('w:eastAsia'), name)
    rfonts.set(qn('w:cs'), name)
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if italic is not None:
        run.font.italic = italic
    return run


def tight(p, align=CENTER):
    f = p.paragraph_format
    f.space_before = Pt(0)
    f.space_after = Pt(0)
    f.line_spacing = 1.0
    f.alignment = align
    return p


def para(container, lines, size, bold=False, italic=False, align=CENTER, first=False):
    """A paragraph of one or more lines joined by line breaks."""
    p = container.paragraphs[0] if first else container.add_paragraph()
    tight(p, align)
    for k, text in enumerate(lines):
        r = fonts(p.add_run(text), size=size, bold=bold, italic=italic)
        if k < len(lines) - 1:
            r.add_break(WD_BREAK.LINE)
    return p


PPR_AFTER_PBDR = ('w:shd', 'w:tabs', 'w:suppressAutoHyphens', 'w:kinsoku', 'w:wordWrap', 'w:overflowPunct',
                  'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN', 'w:bidi', 'w:adjustRightInd', 'w:snapToGrid',
                  'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc',
                  'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap', 'w:outlineLvl', 'w:divId',
                  'w:cnfStyle', 'w:rPr', 'w:sectPr', 'w:pPrChange')


def border(p, sides=('bottom',)):
    pbdr = OxmlElement('w:pBdr')
    for side in sides:
        b = OxmlElement(f'w:{side}')
        for k, v in (('val', 'single'), ('sz', '6'), ('space', '1'), ('color', 'auto')):
            b.set(qn(f'w:{k}'), v)
        pbdr.append(b)
    p._p.get_or_add_pPr().insert_element_before(pbdr, *PPR_AFTER_PBDR)


# Word's default space between a table cell's edge and its text (108 twips).
CELL_MARGIN_MM = 108 * 25.4 / 1440


def rule(cell, kind, text_mm, fraction, width_mm_=None, inset=CELL_MARGIN_MM):
    """The solid rule under the issuer or the motto, `fraction` of the text's width, drawn as kind:
    'border' (an empty paragraph with a bottom border, width set by indents), 'drawingml', 'connector', 'vml'
    (a line anchored in an empty paragraph), 'inline' (a line in line with the text of a centred paragraph),
    'spaces' (underlined spaces: wrong, they print nothing), 'chars' (typed underscores: wrong). `width_mm_` is the column's width."""
    if kind is None:
        return
    col = (width_mm_ or cell_width(cell)) - 2 * inset  # the text area of the cell or box
    rule_mm = text_mm * fraction
    p = tight(cell.add_paragraph())
    if kind == 'chars':
        fonts(p.add_run('__________'), size=13)
    elif kind == 'border':
        p.paragraph_format.left_indent = Mm((col - rule_mm) / 2)
        p.paragraph_format.right_indent = Mm((col - rule_mm) / 2)
        fonts(p.add_run(''), size=2)
        border(p)
    elif kind == 'spaces':
        spaces = max(1, round(rule_mm / width_mm(' ', 13)))
        r = fonts(p.add_run('\u00a0' * spaces), size=13)
        r.font.underline = True
    else:
        if kind == 'inline':
            p._p.append(shapes.line_run('inline', 0, rule_mm))
        else:
            p._p.append(shapes.line_run(kind, (col - rule_mm) / 2, rule_mm))
        fonts(p.add_run(''), size=2)


def cell_width(cell):
    return cell.width.mm if cell.width is not None else LEFT_MM


def no_autofit(table, widths_mm):
    """Fixed column widths, in the grid and in every cell (Word reads one, LibreOffice the other)."""
    table.autofit = False
    for col, w in zip(table._tbl.tblGrid.findall(qn('w:gridCol')), widths_mm):
        col.set(qn('w:w'), str(int(round(w * 1440 / 25.4))))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)


ISSUER_FRACTION, MOTTO_FRACTION = 0.4, 1.0


def issuer_mm(o):
    return max(width_mm(line, 13, bold=True) for line in o['issuer'])


def motto_mm(o):
    return width_mm(o['motto'], 14, bold=True)


def rules(o):
    """(issuer rule kind, fraction), (motto rule kind, fraction)."""
    lengths = o['rule_length'] or {}
    return ((o['issuer_rule'], lengths.get('issuer', ISSUER_FRACTION)), (o['motto_rule'], lengths.get('motto', MOTTO_FRACTION)))


def issuer_column(container, o, first, width, inset=CELL_MARGIN_MM):
    p = para(container, o['issuer'], 13, bold=o['issuer_bold'], first=first)
    (kind, fraction), _ = rules(o)
    if kind == 'underline':
        shapes.underline(p)
    else:
        rule(container, kind, issuer_mm(o), fraction, width, inset)


def motto_column(container, o, first, width, inset=CELL_MARGIN_MM):
    if o['quoc_hieu'] and o['one_para_motto']:
        # Quốc hiệu and motto in one paragraph: a border would run under the longer Quốc hiệu, so the motto is underlined.
        p = para(container, [o['quoc_hieu'], o['motto']], 13, bold=True, first=first)
        p.runs[-1].font.size = Pt(14)
        p.runs[-1].font.underline = True
        return
    if o['quoc_hieu']:
        para(container, [o['quoc_hieu']], o['quoc_hieu_size'], bold=True, first=first)
    p = para(container, [o['motto']], 14, bold=True, first=first and not o['quoc_hieu'])
    _, (kind, fraction) = rules(o)
    if kind == 'underline':
        shapes.underline(p)
    else:
        rule(container, kind, motto_mm(o), fraction, width, inset)


def number_column(container, o, first):
    para(container, [o['so']], 13, first=first)
    p = para(container, [o['subject']], o['subject_size'])
    p.paragraph_format.space_after = Pt(6)
    if o['urgency']:
        text, boxed = o['urgency']
        p = para(container, [text], 13, bold=True)
        if boxed:
            border(p, ('top', 'left', 'bottom', 'right'))
    # Secrecy and circulation marks (ô 10a, 11) under the subject: (text, boxed, bold).
    # Word draws consecutive paragraphs with the same borders as one box: an empty line keeps the frames apart.
    for k, (text, boxed, bold) in enumerate(o['marks']):
        if k > 0:
            para(container, [''], 6)
        p = para(container, [text], 13, bold=bold)
        if boxed:
            border(p, ('top', 'left', 'bottom', 'right'))


def date_column(container, o, first):
    para(container, [o['date']], 14, italic=o['date_italic'], first=first)


def header_block(doc, o):
    {'table': header_table, 'textboxes': header_text_boxes, 'tabs': header_tabs}[o['header']](doc, o)


def header_table(doc, o):
    t = doc.add_table(rows=2, cols=2, style=o['header_style'])
    no_autofit(t, (LEFT_MM, RIGHT_MM))
    issuer_column(t.cell(0, 0), o, True, LEFT_MM)
    motto_column(t.cell(0, 1), o, True, RIGHT_MM)
    number_column(t.cell(1, 0), o, True)
    date_column(t.cell(1, 1), o, True)


class Scratch:
    """Paragraphs are written at the end of the body, then moved into a text box."""
    def __init__(self, doc):
        self.doc = doc
        self.paragraphs = []

    def add_paragraph(self):
        p = self.doc.add_paragraph()
        self.paragraphs.append(p)
        return p


def header_text_boxes(doc, o):
    """The header as two borderless text boxes side by side, anchored in the first paragraph, as people do
    when a table feels too rigid."""
    anchor = tight(doc.add_paragraph())
    left, right = Scratch(doc), Scratch(doc)
    issuer_column(left, o, False, LEFT_MM, inset=0)
    number_column(left, o, False)
    motto_column(right, o, False, RIGHT_MM, inset=0)
    date_column(right, o, False)
    anchor._p.append(shapes.text_box_run(left.paragraphs, 0, LEFT_MM, 45))
    anchor._p.append(shapes.text_box_run(right.paragraphs, LEFT_MM, RIGHT_MM, 45))


def header_tabs(doc, o):
    """The header typed on the page: one paragraph per line, the left and right columns at centred tab stops;
    the motto underlined, the issuer's rule a drawn line."""
    stops = [('center', LEFT_MM / 2), ('center', LEFT_MM + RIGHT_MM / 2)]
    def line(left, right, size_l, size_r, bold_l=False, bold_r=False, italic_r=False, first=False):
        p = tight(doc.add_paragraph(), WD_ALIGN_PARAGRAPH.LEFT)
        shapes.tabs(p, stops)
        fonts(p.add_run('\t' + left), size=size_l, bold=bold_l)
        r = fonts(p.add_run('\t' + right), size=size_r, bold=bold_r, italic=italic_r)
        return p, r
    (issuer_kind, issuer_fraction), (motto_kind, motto_fraction) = rules(o)
    line(o['issuer'][0], o['quoc_hieu'], 13, o['quoc_hieu_size'], bold_l=o['issuer_bold'], bold_r=True, first=True)
    p, motto = line(o['issuer'][1], o['motto'], 13, 14, bold_l=o['issuer_bold'], bold_r=True)
    if motto_kind == 'underline':
        # Underline the words, not the tab before them.
        motto.text = '\t'
        fonts(p.add_run(o['motto']), size=14, bold=True).font.underline = True
    p = tight(doc.add_paragraph())
    if issuer_kind:
        rule_mm = issuer_mm(o) * issuer_fraction
        p._p.append(shapes.line_run(issuer_kind, (LEFT_MM - rule_mm) / 2, rule_mm, relative='margin'))
    fonts(p.add_run(''), size=6)
    p, _ = line(o['so'], o['date'], 13, 14, italic_r=o['date_italic'])
    p.paragraph_format.space_before = Pt(4)
    p = tight(doc.add_paragraph(), WD_ALIGN_PARAGRAPH.LEFT)
    shapes.tabs(p, stops[:1])
    for k, piece in enumerate(o['subject_lines']):
        r = fonts(p.add_run('\t' + piece), size=o['subject_size'])
        if k < len(o['subject_lines']) - 1:
            r.add_break(WD_BREAK.LINE)


def kinh_gui(doc, o):
    for k, text in enumerate(o['kinh_gui']):
        p = para(doc, [text], o['kinh_gui_size'], align=CENTER if k == 0 else WD_ALIGN_PARAGRAPH.LEFT)
        p.paragraph_format.space_before = Pt(12 if k == 0 else 0)
        p.paragraph_format.space_after = Pt(6)
        if k > 0:
            p.paragraph_format.left_indent = Cm(4)


TASK = re.compile(r'^(\d+)\. ')


def body(doc, o):
    num_id = None
    if o['tasks'] != 'literal':
        # Word numbering "1." + space: the level's indents put the number where a typed one would be (1.27 cm), or,
        # as Word's own list does, hang it at 0.63 cm (wrong for a body paragraph).
        num_id = shapes.add_numbering(doc, 0, first_tw=720) if o['tasks'] == 'numbering' else shapes.add_numbering(doc, 720, hanging_tw=360)
    for k, text in enumerate(BODY * (2 if o['body_twice'] else 1)):
        if o['body_nfd'] and k == 1:
            text = unicodedata.normalize('NFD', text)
        if o['body_ctrl'] and k == 1:
            text = text.replace('ban hành', 'ban\u2060CTRL\u2060hành')
        p = doc.add_paragraph()
        f = p.paragraph_format
        f.alignment = o['body_align']
        f.first_line_indent = o['body_indent']
        f.space_before = Pt(0)
        f.space_after = o['body_after']
        rule_, value = o['body_line']
        if rule_ == 'auto':
            f.line_spacing = value
        else:
            f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            f.line_spacing = Pt(value)
        if num_id is not None and TASK.match(text):
            text = TASK.sub('', text)
            f.first_line_indent = None
            shapes.number(p, num_id)
        font = o['body_font'] if o['body_font'] and k == 2 else TNR
        fonts(p.add_run(text), name=font, size=o['body_size'], bold=False)


def noi_nhan(container, o, first):
    para(container, ['Nơi nhận:'], 12, bold=True, italic=o['noi_nhan_label_italic'],
         align=WD_ALIGN_PARAGRAPH.LEFT, first=first)
    for item in o['noi_nhan']:
        para(container, [item], 11, align=WD_ALIGN_PARAGRAPH.LEFT)


def signer(container, o, first, indent=None):
    ps = [para(container, [line], 14, bold=True, first=first and k == 0) for k, line in enumerate(o['signer'])]
    ps += [para(container, [''], 14) for _ in range(3)]
    ps.append(para(container, [o['signer_name']], 14, bold=True))
    if indent:
        for p in ps:
            p.paragraph_format.left_indent = indent


def closing(doc, o):
    if o['closing'] == 'textboxes':
        # Nơi nhận and the signer block in two text boxes side by side, anchored in an empty paragraph.
        anchor = tight(doc.add_paragraph())
        anchor.paragraph_format.space_before = Pt(6)
        left, right = Scratch(doc), Scratch(doc)
        noi_nhan(left, o, first=False)
        signer(right, o, first=False)
        anchor._p.append(shapes.text_box_run(left.paragraphs, 0, 80, 50))
        anchor._p.append(shapes.text_box_run(right.paragraphs, 80, 85, 50))
    elif o['closing'] == 'table':
        t = doc.add_table(rows=1, cols=2, style=o['closing_style'])
        no_autofit(t, (80, 85))
        noi_nhan(t.cell(0, 0), o, first=True)
        signer(t.cell(0, 1), o, first=True)
    else:  # plain paragraphs: Nơi nhận at the margin, the signer block centred in the right half
        noi_nhan(doc, o, first=False)
        signer(doc, o, first=False, indent=Cm(8))


CONTACT = ['Địa chỉ: 18 Nguyễn Công Trứ, phường Vĩnh Thanh Vân, thành phố Rạch Giá, tỉnh Kiên Giang',
           'ĐT: 0297 3862 016; Fax: 0297 3862 017; E-mail: snv@kiengiang.gov.vn', 'Website: sonoivu.kiengiang.gov.vn']


def contact(doc, o):
    """Ô 13, in 11 pt: in the first page's footer (where='footer'), or typed as the last paragraphs of page 1's body
    (where='body'); the rule above it a bottom border on an empty paragraph (rule='empty'), a top border on its first
    line (rule='top') or none, `fraction` of the text area's width (set by indents)."""
    c = o['contact']
    if not c:
        return
    footer = c.get('where', 'footer') in ('footer', 'default-footer')
    section = doc.sections[0]
    container = doc if not footer else section.footer if c['where'] == 'default-footer' else section.first_page_footer
    inset = Mm(TEXT_MM * (1 - c.get('fraction', 1.0)) / 2)
    rule = c.get('rule', 'empty')
    if rule == 'empty':
        p = tight(container.paragraphs[0] if footer else container.add_paragraph())
        fonts(p.add_run(''), size=2)
        border(p)
    for k, text in enumerate(CONTACT):
        p = para(container, [text], c.get('size', 11), first=footer and k == 0 and rule != 'empty')
        if k == 0 and rule == 'top':
            border(p, ('top',))
    if rule:
        first = container.paragraphs[0] if footer else doc.paragraphs[-len(CONTACT) - (rule == 'empty')]
        first.paragraph_format.left_indent = first.paragraph_format.right_indent = inset


def field(p, instr, cached):
    def char(kind):
        fc = OxmlElement('w:fldChar')
        fc.set(qn('w:fldCharType'), kind)
        fonts(p.add_run(), size=14)._r.append(fc)
    char('begin')
    it = OxmlElement('w:instrText')
    it.set(qn('xml:space'), 'preserve')
    it.text = f' {instr} '
    fonts(p.add_run(), size=14)._r.append(it)
    char('separate')
    fonts(p.add_run(cached), size=14)
    char('end')


def page_numbers(section, o):
    section.different_first_page_header_footer = o['title_pg']
    where = o['page_number']
    if where is None:
        return
    part = section.footer if where == 'footer' else section.header
    field(tight(part.paragraphs[0]), 'PAGE', '2')
    if where == 'first-too':
        field(tight(section.first_page_header.paragraphs[0]), 'PAGE', '1')


def setup(doc, o):
    s = doc.sections[0]
    s.page_width, s.page_height = Mm(o['page'][0]), Mm(o['page'][1])
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = (Mm(v) for v in o['margins'])
    s.header_distance = Mm(10)
    s.footer_distance = Mm(10)
    normal = doc.styles['Normal']
    normal.font.size = Pt(14)
    if o['normal_fonts']:
        normal.font.name = TNR
        rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        rfonts.set(qn('w:eastAsia'), TNR)
        rfonts.set(qn('w:cs'), TNR)
    page_numbers(s, o)


def appendix(doc, o):
    """An appendix in a section of its own, as Word makes one (Layout → Breaks → Next page): its heading, title and
    "Kèm theo" line, then a bordered table; `landscape` turns that section's A4 across."""
    landscape = o['appendix'] == 'landscape'
    s = doc.add_section(WD_SECTION.NEW_PAGE)
    if landscape:
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = Mm(297), Mm(210)
    bad = o['appendix'] == 'bad'  # an Arabic number, a title in lower case, the "Kèm theo" line upright
    para(doc, ['Phụ lục 1' if bad else 'Phụ lục'], 14, bold=True)
    para(doc, ['Danh sách cơ quan được kiểm tra' if bad else 'DANH SÁCH CƠ QUAN ĐƯỢC KIỂM TRA'], 14, bold=True)
    para(doc, ['(Kèm theo Công văn số 114/UBND-NCPC ngày 22 tháng 12 năm 2020 của UBND tỉnh)'], 14, italic=not bad)
    table = doc.add_table(rows=3, cols=3)
    table.style = doc.styles['Table Grid']
    for r, row in enumerate([['STT', 'Cơ quan', 'Điểm'], ['1', 'UBND huyện Kiên Lương', '82,5'], ['2', 'Sở Tư pháp', '88,0']]):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.paragraphs[0].add_run(text).bold = r == 0
            fonts(cell.paragraphs[0].runs[0], size=13)


def strip_fonts(data):
    """For the theme-font variant: drop every explicit font, leaving the template's theme fonts (Calibri)."""
    return rewrite(data, 'word/document.xml', lambda x: re.sub(r'<w:rFonts [^>]*/>', '', x))


def rewrite(data, name=None, fn=None):
    """Rewrites one XML part; also drops the template's unused bulk and pins timestamps, so the fixtures stay small
    and regenerating them does not change their bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            if any(item.filename.endswith(d) for d in DROP):
                continue
            content = src.read(item.filename)
            if item.filename == name:
                content = fn(content.decode('utf-8')).encode('utf-8')
            if item.filename.endswith('.rels') or item.filename == '[Content_Types].xml':
                content = re.sub(rb'<(Relationship|Override) [^>]*(' + b'|'.join(re.escape(d.encode()) for d in DROP) + rb')[^>]*/>', b'', content)
            info = zipfile.ZipInfo(item.filename, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)
    return out.getvalue()


# Parts of python-docx's template that no fixture needs.
DROP = ('stylesWithEffects.xml', 'thumbnail.jpeg')


def build(**changes):
    o = dict(BASE, **changes)
    doc = docx.Document()
    setup(doc, o)
    header_block(doc, o)
    if o['kinh_gui']:
        kinh_gui(doc, o)
    body(doc, o)
    closing(doc, o)
    contact(doc, o)
    if o['appendix']:
        appendix(doc, o)
    buf = io.BytesIO()
    doc.save(buf)
    data = rewrite(buf.getvalue())
    if o['body_ctrl']:
        # lxml refuses control characters, so they are put in after saving, as a broken tool would: a C1 control
        # (U+0096, an en dash mis-decoded from Windows-1252) is legal XML that prints nothing; a C0 one such as
        # the bell (U+0007) is not even XML, and Word refuses the file.
        ctrl = '\u0007' if o['body_ctrl'] == 'c0' else '\u0096'
        data = rewrite(data, 'word/document.xml', lambda x: x.replace('\u2060CTRL\u2060', ctrl))
    if not o['normal_fonts']:
        data = strip_fonts(data)
    return data


MULTI = ['Kính gửi:', '- Chủ tịch Ủy ban nhân dân huyện Kiên Lương;', '- Giám đốc Sở Nội vụ.']

# file -> (changes, error rule ids expected)
VARIANTS = {
    'ok': ({}, []),
    'ok-blank-number-date': (dict(so='Số:      /UBND-NCPC', date='Kiên Giang, ngày      tháng      năm 2021'), []),
    'ok-date-padding': (dict(date='Kiên Giang, ngày 05 tháng 02 năm 2021'), []),
    'ok-date-march': (dict(date='Hà Nội, ngày 15 tháng 3 năm 2021'), []),
    'ok-one-paragraph-motto': (dict(one_para_motto=True, motto_rule=None), []),
    'ok-multi-recipients': (dict(kinh_gui=MULTI), []),
    'ok-urgency-boxed': (dict(urgency=('KHẨN', True)), []),
    'ok-closing-paragraphs': (dict(closing='paragraphs'), []),
    'ok-signer-head': (dict(signer=['CHỦ TỊCH']), []),
    'page-letter': (dict(page=(215.9, 279.4)), ['page-size']),
    'page-landscape': (dict(page=(297, 210)), ['page-size']),
    'ok-appendix': (dict(appendix='portrait'), []),
    'ok-appendix-landscape': (dict(appendix='landscape'), []),
    'appendix-bad-heading': (dict(appendix='bad'), ['appendix']),
    'ok-marks-boxed': (dict(marks=(('MẬT', True, True), ('LƯU HÀNH NỘI BỘ', True, True))), []),
    'secrecy-unboxed': (dict(marks=(('MẬT', False, True),)), ['marks']),
    'circulation-not-bold': (dict(marks=(('LƯU HÀNH NỘI BỘ', True, False),)), ['marks']),
    'margin-left-25': (dict(margins=(20, 20, 25, 15)), ['page-margins']),
    'margin-top-30': (dict(margins=(30, 20, 30, 15)), ['page-margins']),
    'font-arial': (dict(body_font='Arial'), ['font-family']),
    'font-theme': (dict(normal_fonts=False), ['font-family']),
    'quoc-hieu-size-14': (dict(quoc_hieu_size=14), ['quoc-hieu']),
    'quoc-hieu-old-spelling': (dict(quoc_hieu='CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'), ['quoc-hieu']),
    'quoc-hieu-missing': (dict(quoc_hieu=None), ['quoc-hieu']),
    'tieu-ngu-en-dash': (dict(motto='Độc lập – Tự do – Hạnh phúc'), ['tieu-ngu']),
    'tieu-ngu-no-rule': (dict(motto_rule=None), ['tieu-ngu-rule']),
    'tieu-ngu-underscores': (dict(motto_rule='chars'), ['tieu-ngu-rule']),
    'issuer-not-bold': (dict(issuer_bold=False), ['issuer']),
    'issuer-no-rule': (dict(issuer_rule=None), ['issuer-rule']),
    'header-table-borders': (dict(header_style='Table Grid'), ['table-borders']),
    'closing-table-borders': (dict(closing_style='Table Grid'), ['table-borders']),
    'so-unpadded': (dict(so='Số: 5/UBND-NCPC'), ['so-ky-hieu']),
    'so-no-colon': (dict(so='Số 114/UBND-NCPC'), ['so-ky-hieu']),
    'date-unpadded': (dict(date='Kiên Giang, ngày 5 tháng 1 năm 2021'), ['date-line']),
    'date-month-padded': (dict(date='Kiên Giang, ngày 15 tháng 03 năm 2021'), ['date-line']),
    'date-not-italic': (dict(date_italic=False), ['date-line']),
    # Too long for its column at 14 pt: Word and LibreOffice wrap it onto a second line.
    'date-wraps': (dict(date='Thành phố Hồ Chí Minh, ngày 22 tháng 12 năm 2020'), ['date-line']),
    'subject-size-14': (dict(subject_size=14), ['subject']),
    'urgency-unboxed': (dict(urgency=('KHẨN', False)), ['urgency']),
    'kinh-gui-size-12': (dict(kinh_gui_size=12), ['kinh-gui']),
    'kinh-gui-no-period': (dict(kinh_gui=['Kính gửi: Chủ tịch Ủy ban nhân dân huyện Kiên Lương']), ['kinh-gui']),
    'kinh-gui-list-punctuation': (dict(kinh_gui=[MULTI[0], MULTI[1], '- Giám đốc Sở Nội vụ;']), ['kinh-gui']),
    'kinh-gui-missing': (dict(kinh_gui=[]), ['kinh-gui']),
    'body-left-aligned': (dict(body_align=WD_ALIGN_PARAGRAPH.LEFT), ['body-align']),
    'body-exact-12pt': (dict(body_line=('exact', 12)), ['body-line-spacing']),
    'body-double-spacing': (dict(body_line=('auto', 2.0)), ['body-line-spacing']),
    'body-no-indent': (dict(body_indent=Cm(0)), ['body-indent']),
    'body-no-spacing': (dict(body_after=Pt(0)), ['body-spacing']),
    'body-size-12': (dict(body_size=12), ['body-size']),
    'noi-nhan-missing-semicolon': (dict(noi_nhan=['- Như trên;', '- CT và các PCT UBND tỉnh', '- Lưu: VT, SNV.']), ['noi-nhan']),
    'noi-nhan-last-not-luu': (dict(noi_nhan=['- Như trên;', '- CT và các PCT UBND tỉnh.']), ['noi-nhan']),
    'noi-nhan-not-italic': (dict(noi_nhan_label_italic=False), ['noi-nhan']),
    'signer-name-uppercase': (dict(signer_name='LÂM MINH THÀNH'), ['signer']),
    'signer-bad-authority': (dict(signer=['K.T. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']), ['signer']),
    'signer-kt-without-own-title': (dict(signer=['KT. CHỦ TỊCH']), ['signer']),
    'page-number-first-page': (dict(title_pg=False), ['page-number']),
    'page-number-first-header': (dict(page_number='first-too'), ['page-number']),
    'page-number-footer': (dict(page_number='footer'), ['page-number']),
    'text-nfd': (dict(body_nfd=True), ['text-nfc']),
    # The ways people draw the rules under the issuer and the motto (issuer 2/5 and motto 1/1 of the text).
    'ok-rule-underline-motto': (dict(motto_rule='underline'), []),
    # Spaces underlined at the end of a paragraph print no line: Word and LibreOffice skip trailing spaces.
    'issuer-rule-underlined-spaces': (dict(issuer_rule='spaces'), ['issuer-rule']),
    'ok-rule-drawingml': (dict(issuer_rule='drawingml', motto_rule='drawingml'), []),
    'ok-rule-connector': (dict(issuer_rule='connector', motto_rule='connector'), []),
    'ok-rule-vml': (dict(issuer_rule='vml', motto_rule='vml'), []),
    'ok-rule-inline-shape': (dict(issuer_rule='inline', motto_rule='inline'), []),
    'issuer-rule-underlined-name': (dict(issuer_rule='underline'), ['issuer-rule']),
    'issuer-rule-too-long': (dict(issuer_rule='drawingml', rule_length={'issuer': 0.9}), ['issuer-rule']),
    'tieu-ngu-rule-short': (dict(motto_rule='connector', rule_length={'motto': 0.5}), ['tieu-ngu-rule']),
    # The header in two text boxes (rules as borders, or as lines inside the boxes), or typed with tab stops.
    'ok-header-textboxes': (dict(header='textboxes'), []),
    'ok-header-textboxes-shapes': (dict(header='textboxes', issuer_rule='inline', motto_rule='inline'), []),
    'header-textboxes-no-motto-rule': (dict(header='textboxes', motto_rule=None), ['tieu-ngu-rule']),
    'header-textboxes-issuer-not-bold': (dict(header='textboxes', issuer_bold=False), ['issuer']),
    'ok-header-tabs': (dict(header='tabs', motto_rule='underline', issuer_rule='drawingml'), []),
    'header-tabs-no-issuer-rule': (dict(header='tabs', motto_rule='underline', issuer_rule=None), ['issuer-rule']),
    'header-tabs-no-motto-rule': (dict(header='tabs', motto_rule=None, issuer_rule='drawingml'), ['tieu-ngu-rule']),
    'header-tabs-date-not-italic': (dict(header='tabs', motto_rule='underline', issuer_rule='drawingml', date_italic=False), ['date-line']),
    # Nơi nhận and the signer in text boxes.
    'ok-closing-textboxes': (dict(closing='textboxes'), []),
    'closing-textboxes-no-luu': (dict(closing='textboxes', noi_nhan=['- Như trên;', '- Sở Nội vụ.']), ['noi-nhan']),
    'closing-textboxes-name-uppercase': (dict(closing='textboxes', signer_name='LÂM MINH THÀNH'), ['signer']),
    # Numbered tasks: typed "1." (the other fixtures), or Word numbering.
    'ok-tasks-numbering': (dict(tasks='numbering'), []),
    'tasks-numbering-hanging': (dict(tasks='numbering-hanging'), ['body-indent']),
    # The contact block (ô 13): in the first page's footer under an empty paragraph's bottom border, or typed at the
    # end of page 1's body under a top border on its first line (a foreign writer's way); broken: no rule, a short one.
    'ok-contact-footer': (dict(contact=dict(where='footer')), []),
    'ok-contact-body': (dict(contact=dict(where='body', rule='top')), []),
    'contact-no-rule': (dict(contact=dict(where='footer', rule=None)), ['contact']),
    'contact-rule-short': (dict(contact=dict(where='footer', fraction=0.5)), ['contact']),
    # In the default footer of a section without a distinct first page: printed on every page (a warning).
    'contact-every-page': (dict(contact=dict(where='default-footer'), title_pg=False, page_number=None, appendix='portrait'), []),
    # In the default footer while page 1 has its own (empty) one: printed from page 2 on, never on page 1.
    'contact-later-pages': (dict(contact=dict(where='default-footer'), body_twice=True), ['contact']),
    'text-control-char': (dict(body_ctrl='c1'), ['text-control-chars']),
    'xml-control-char': (dict(body_ctrl='c0'), ['not-docx']),
}


# LibreOffice's own way of writing the same letters: file -> (saved from, expected error rules).
LIBREOFFICE = {
    'lo-roundtrip': ('ok', []),
    'lo-header-textboxes': ('ok-header-textboxes', []),
    'lo-header-tabs': ('ok-header-tabs', []),
    'lo-rule-drawingml': ('ok-rule-drawingml', []),
    'lo-closing-textboxes': ('ok-closing-textboxes', []),
    'lo-tasks-numbering': ('ok-tasks-numbering', []),
    'lo-tieu-ngu-no-rule': ('tieu-ngu-no-rule', ['tieu-ngu-rule']),
}


def libreoffice_roundtrip():
    """Each source → .odt → .docx through LibreOffice, so the checker also meets LibreOffice's way of writing."""
    soffice = shutil.which('soffice')
    if not soffice:
        print('soffice not found: lo-*.docx not written', file=sys.stderr)
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        profile = f'-env:UserInstallation=file://{tmp}/profile'
        run = lambda *a: subprocess.run([soffice, profile, '--headless', *a], check=True, capture_output=True, timeout=300)
        sources = [os.path.join(OUT, f'{src}.docx') for src, _ in LIBREOFFICE.values()]
        run('--convert-to', 'odt', '--outdir', tmp, *sources)
        os.makedirs(f'{tmp}/out')
        run('--convert-to', 'docx:MS Word 2007 XML', '--outdir', f'{tmp}/out', *(f'{tmp}/{src}.odt' for src, _ in LIBREOFFICE.values()))
        for name, (src, _) in LIBREOFFICE.items():
            with open(f'{tmp}/out/{src}.docx', 'rb') as f, open(os.path.join(OUT, f'{name}.docx'), 'wb') as dst:
                dst.write(rewrite(f.read()))
    return {f'{name}.docx': rules for name, (_, rules) in LIBREOFFICE.items()}


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    for name, (changes, rules) in VARIANTS.items():
        with open(os.path.join(OUT, f'{name}.docx'), 'wb') as f:
            f.write(build(**changes))
        expected[f'{name}.docx'] = rules
    expected.update(libreoffice_roundtrip())
    with open(os.path.join(OUT, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write('\n')
    print(f'{len(expected)} fixtures in {os.path.relpath(OUT, ROOT)}')


if __name__ == '__main__':
    main()
