import { CLAUSE, ND30 } from '../../../decree/nd30.js';
import { ruleFindings } from '../../rule-line.js';
import { tieuNguRule as docx } from '../../rules/tieu-ngu-rule.js';
import type { PdfLine } from '../lines.js';
import type { PdfCheck } from './check.js';
import { ruleUnderPdf } from './rule-under.js';

export const tieuNguRule: PdfCheck = {
  id: docx.id,
  doc: `${docx.doc} (đường kẻ vẽ trong PDF, đo độ dài)`,
  clause: CLAUSE.nationalTitle,
  check({ a }) {
    const motto = a.tieuNgu as PdfLine | undefined;
    if (!motto) return [];
    return ruleFindings('Tiêu ngữ', ruleUnderPdf(a, motto), motto.right - motto.x, ND30.motto.ruleFraction);
  },
};
