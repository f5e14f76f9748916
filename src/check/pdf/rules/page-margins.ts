import { CLAUSE, ND30, type Range } from '../../../decree/nd30.js';
import { decree, error, span, vn, type Finding } from '../../rule.js';
import type { PdfLine } from '../lines.js';
import { mm, type PdfCheck } from './check.js';

/** Times New Roman's ascent and descent, in ems: the top and bottom of a printed line's letters. */
const ASCENT = 0.891;
const DESCENT = 0.216;
/** What measuring ink instead of the file's margins leaves uncertain, millimetres. */
const SLACK = 1.5;
const M = ND30.margin;

/**
 * Margins as the page shows them: body lines start at the left margin and full lines end at the right one; no
 * ink above the top margin or below the bottom one (page numbers sit in the top margin, and are left out).
 */
export const pageMargins: PdfCheck = {
  id: 'page-margins',
  doc: `Lề theo chữ in ra: trái ${span(M.leftMm)} mm, phải ${span(M.rightMm)} mm (đo ở các dòng nội dung), trên ${span(M.topMm)} mm, dưới tối thiểu ${vn(M.bottomMm.allowed[0])} mm`,
  clause: CLAUSE.margin,
  check({ a }) {
    const out: Finding[] = [];
    const page1 = a.facts.pages[0];
    if (!page1) return [];
    if (a.bodyLeft !== undefined) out.push(...side('Lề trái', mm(a.bodyLeft), M.leftMm));
    if (a.bodyRight !== undefined) out.push(...side('Lề phải', mm(page1.width - a.bodyRight), M.rightMm));
    a.facts.pages.forEach((page, k) => {
      const ink = a.lines.filter((l): l is PdfLine => (l as PdfLine).page === k + 1);
      if (ink.length === 0) return;
      const top = mm(Math.min(...ink.map((l) => l.y - ASCENT * l.size)));
      const bottom = mm(page.height - Math.max(...ink.map((l) => l.y + DESCENT * l.size)));
      if (top < M.topMm.allowed[0] - SLACK) out.push(error(`trang ${k + 1}`, `Chữ in cách mép trên ${vn(top)} mm, lấn vào lề trên${decree(M.topMm.says)}`));
      else if (k === 0 && top > M.topMm.allowed[1] + 2 * SLACK) out.push(error(`trang ${k + 1}`, `Dòng đầu tiên cách mép trên ${vn(top)} mm, lề trên rộng hơn quy định${decree(M.topMm.says)}`));
      if (bottom < M.bottomMm.allowed[0] - SLACK) out.push(error(`trang ${k + 1}`, `Chữ in cách mép dưới ${vn(bottom)} mm, lấn vào lề dưới${decree(M.bottomMm.says)}`));
    });
    return out;
  },
};

function side(name: string, at: number, r: Range): Finding[] {
  if (at >= r.allowed[0] - SLACK && at <= r.allowed[1] + SLACK) return [];
  return [error('page', `${name} khoảng ${vn(at)} mm (đo theo chữ in)${decree(r.says)}`)];
}
