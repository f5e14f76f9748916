import { CLAUSE, ND30 } from '../../../decree/nd30.js';
import { ruleFindings } from '../../rule-line.js';
import { issuerRule as docx } from '../../rules/issuer-rule.js';
import type { PdfLine } from '../lines.js';
import type { PdfCheck } from './check.js';
import { ruleUnderPdf } from './rule-under.js';

export const issuerRule: PdfCheck = {
  id: docx.id,
  doc: `${docx.doc} (đường kẻ vẽ trong PDF, đo độ dài)`,
  clause: CLAUSE.issuer,
  check({ a }) {
    const issuer = a.issuer as PdfLine[];
    const last = issuer[issuer.length - 1];
    if (!last) return [];
    return ruleFindings('tên cơ quan ban hành', ruleUnderPdf(a, last), Math.max(...issuer.map((l) => l.right - l.x)), ND30.issuer.ruleFraction);
  },
};
