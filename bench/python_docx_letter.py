"""The baseline for bench/batch.mjs: the same letter built with python-docx, N times, timed in-process.
Usage: /usr/bin/python3 bench/python_docx_letter.py LETTER.yaml OUTDIR N  (needs Debian's python3-docx, python3-yaml)"""
import os, sys, time
from docx import Document
from docx.shared import Pt, Mm
from docx.enum.text import WD_ALIGN_PARAGRAPH

try:
    import yaml
    letter = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))
except ImportError:  # no PyYAML: a letter of the same size
    letter = {'findings': {'strengths': 'Nội dung ' * 150}, 'tasks': ['Nhiệm vụ ' * 60] * 6, 'cc': ['Nơi nhận'] * 5}

def build(path):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    sec.different_first_page_header_footer = True
    table = doc.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ['ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc', 'Số: 1795/UBND-NC', 'Kiên Giang, ngày 22 tháng 12 năm 2020']):
        p = cell.paragraphs[0]; p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(text); r.font.name = 'Times New Roman'; r.font.size = Pt(13)
    paras = [letter['findings']['strengths']] + [t if isinstance(t, str) else t['text'] for t in letter['tasks']]
    for text in paras:
        p = doc.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Mm(12.7); p.paragraph_format.space_after = Pt(6)
        r = p.add_run(text); r.font.name = 'Times New Roman'; r.font.size = Pt(14)
    t2 = doc.add_table(rows=1, cols=2)
    for item in ['Như trên'] + letter.get('cc', []):
        r = t2.cell(0, 0).add_paragraph().add_run('- ' + item + ';'); r.font.size = Pt(11)
    doc.save(path)

out, n = sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
t0 = time.perf_counter()
for i in range(n):
    build(os.path.join(out, f'{i}.docx'))
print(f'ms_per_letter={(time.perf_counter() - t0) * 1000 / n:.3f}')
