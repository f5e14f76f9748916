import { CLAUSE, ND30 } from '../../../decree/nd30.js';
import { decree, error, lookFindings, span, want, warning, type Finding } from '../../rule.js';
import type { PdfCheck } from './check.js';

const SAYS = ND30.pageNumber.sizePt.says;

export const pageNumber: PdfCheck = {
  id: 'page-number',
  doc: `Số trang in giữa lề trên, cỡ ${span(ND30.pageNumber.sizePt)}, đứng, từ trang 2; trang đầu (và trang đầu mỗi phụ lục) không có số`,
  clause: CLAUSE.pageNumber,
  check({ a }) {
    const out: Finding[] = [];
    const pages = a.facts.pages.length;
    const numbered = new Set(a.pageNumbers.map((l) => l.page));
    if (numbered.has(1)) out.push(error('trang 1', `Trang đầu có in số trang${decree(SAYS)}`));
    if (a.footerNumbers.length > 0 && numbered.size === 0) out.push(error('page', `Số trang in ở chân trang, phải in giữa lề trên${decree(SAYS)}`));
    else {
      // Each appendix numbers its own pages and, like the letter, shows no number on its first page.
      const opens = new Set(a.appendixStarts);
      const missing = Array.from({ length: pages - 1 }, (_, k) => k + 2).filter((p) => !numbered.has(p) && !opens.has(p));
      if (missing.length > 0) out.push(warning(`trang ${missing[0]}`, `Không thấy số trang ở lề trên của trang ${missing.join(', ')}${decree(SAYS)}`));
    }
    return [...out, ...lookFindings('Số trang', a.pageNumbers.filter((l) => l.page > 1).slice(0, 1), want(ND30.pageNumber), (l) => l.para.part)];
  },
};

