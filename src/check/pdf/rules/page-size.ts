import { CLAUSE, ND30 } from '../../../decree/nd30.js';
import { pageFindings } from '../../rules/page-size.js';
import { mm, type PdfCheck } from './check.js';

export const pageSize: PdfCheck = {
  id: 'page-size',
  doc: `Mọi trang khổ A4 (${ND30.page.widthMm} × ${ND30.page.heightMm} mm), chiều dọc`,
  clause: CLAUSE.page,
  check({ a }) {
    return a.facts.pages.flatMap((p, k) => pageFindings(mm(p.width), mm(p.height), `trang ${k + 1}`));
  },
};
