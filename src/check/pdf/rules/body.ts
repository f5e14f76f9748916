/**
 * The body as printed: justified (full lines end at the right margin), first lines indented 1–1.27 cm, lines
 * from single to 1.5 apart, at least 6 pt between paragraphs. Measured on the page, so how the file asked for
 * it does not matter.
 */
import { CLAUSE, ND30, within } from '../../../decree/nd30.js';
import { decree, error, quote, span, vn, type Finding } from '../../rule.js';
import type { PdfParagraph } from '../anatomy.js';
import { mm, type PdfCheck } from './check.js';

/** Times New Roman's single line (ascent + descent + line gap), in ems. */
const SINGLE = 1.149;
const B = ND30.body;

export const bodyAlign: PdfCheck = {
  id: 'body-align',
  doc: 'Đoạn nội dung canh đều hai bên (các dòng đầy kết thúc ở lề phải)',
  clause: CLAUSE.body,
  check({ a }) {
    // Ragged lines may share no edge: then the furthest of them stands for where full lines should end.
    const edge = a.bodyRight ?? a.fullRight;
    if (edge === undefined) return [];
    return a.paragraphs
      .filter((p) => {
        const full = p.lines.slice(0, -1);
        return full.length > 0 && full.filter((l) => edge - l.right > 3).length * 2 > full.length;
      })
      .map((p) => error(a.where(p.para), `Đoạn văn không canh đều hai bên (các dòng kết thúc so le ở lề phải): ${quote(p.para.text)}${decree(B.sizePt.says)}`));
  },
};

export const bodyIndent: PdfCheck = {
  id: 'body-indent',
  doc: `Dòng đầu mỗi đoạn nội dung lùi vào ${vn(B.firstLineMm.allowed[0] / 10, 2)}–${vn(B.firstLineMm.allowed[1] / 10, 2)} cm`,
  clause: CLAUSE.body,
  check({ a }) {
    if (a.bodyLeft === undefined) return [];
    return a.paragraphs.flatMap((p) => {
      const indent = mm(p.lines[0]!.x - a.bodyLeft!);
      if (within(B.firstLineMm, indent, 0.6)) return [];
      return [error(a.where(p.para), `Dòng đầu lùi vào ${vn(indent / 10, 2)} cm: ${quote(p.para.text)}${decree(B.firstLineMm.says)}`)];
    });
  },
};

/** Baseline-to-baseline distance of consecutive lines on one page, in points. */
const pitches = (p: PdfParagraph) => p.lines.flatMap((l, k) => (k > 0 && l.page === p.lines[k - 1]!.page ? [l.y - p.lines[k - 1]!.y] : []));

export const bodyLineSpacing: PdfCheck = {
  id: 'body-line-spacing',
  doc: `Khoảng cách giữa các dòng nội dung từ ${span(B.lineMultiple)} dòng`,
  clause: CLAUSE.body,
  check({ a }) {
    return a.paragraphs.flatMap((p) => {
      const gaps = pitches(p);
      if (gaps.length === 0) return [];
      const lines = Math.max(...gaps) / (p.lines[0]!.size * SINGLE);
      if (within(B.lineMultiple, lines, 0.04)) return [];
      return [error(a.where(p.para), `Dãn dòng khoảng ${vn(lines, 2)} dòng: ${quote(p.para.text)}${decree(B.lineMultiple.says)}`)];
    });
  },
};

export const bodySpacing: PdfCheck = {
  id: 'body-spacing',
  doc: `Khoảng cách giữa các đoạn nội dung tối thiểu ${vn(B.spaceAfterPt.allowed[0])} pt`,
  clause: CLAUSE.body,
  check({ a }) {
    const out: Finding[] = [];
    const usual = median(a.paragraphs.flatMap(pitches));
    a.paragraphs.forEach((p, k) => {
      const prev = a.paragraphs[k - 1];
      if (!prev) return;
      const last = prev.lines[prev.lines.length - 1]!;
      const first = p.lines[0]!;
      if (last.page !== first.page) return;
      const pitch = pitches(prev)[0] ?? pitches(p)[0] ?? usual ?? last.size * SINGLE;
      const extra = first.y - last.y - pitch;
      if (extra >= B.spaceAfterPt.allowed[0] - 0.5) return;
      out.push(error(a.where(p.para), `Cách đoạn khoảng ${vn(Math.max(0, extra))} pt: ${quote(p.para.text)}${decree(B.spaceAfterPt.says)}`));
    });
    return out;
  },
};

function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}
