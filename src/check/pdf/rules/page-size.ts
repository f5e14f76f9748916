import { CLAUSE, ND30 } from '../../../decree/nd30.js';
import { pageFindings, type Wide } from '../../rules/page-size.js';
import type { PdfAnatomy } from '../anatomy.js';
import { mm, TALL, type PdfCheck } from './check.js';

export const pageSize: PdfCheck = {
  id: 'page-size',
  doc: `Mọi trang khổ A4 (${ND30.page.widthMm} × ${ND30.page.heightMm} mm), chiều dài; phụ lục và trang có bảng biểu sau trang đầu được nằm ngang`,
  clause: CLAUSE.page,
  check({ a }) {
    return a.facts.pages.flatMap((p, k) => pageFindings(mm(p.width), mm(p.height), `trang ${k + 1}`, widePermit(a, k + 1)));
  },
};


/** As for DOCX: an appendix's page, or a later page with a table, may lie across; page 1 with a table only warns. */
function widePermit(a: PdfAnatomy, page: number): Wide {
  const first = a.appendixStarts[0];
  const table = a.facts.pages[page - 1]!.rules.some((r) => r.x1 === r.x2 && r.y2 - r.y1 > TALL);
  if (page > 1 && ((first !== undefined && page >= first) || table)) return 'allowed';
  return table ? 'warn' : 'no';
}
