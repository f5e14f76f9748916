import type { RuleFound } from '../../rule-line.js';
import { contact as docx, contactFindings } from '../../rules/contact.js';
import type { PdfLine } from '../lines.js';
import type { PdfCheck } from './check.js';

/**
 * The contact block as printed at the foot of page 1 (or of a later page, or of every page): the DOCX rule on its
 * printed lines, the rule above it measured against the body's printed width (left margin to right margin).
 */
export const contact: PdfCheck = {
  id: docx.id,
  doc: docx.doc,
  clause: docx.clause,
  check({ a }) {
    if (a.contact.length === 0) return [];
    const r = a.contactRule;
    const rule: RuleFound = r ? { state: 'ok', span: { left: r.x1, right: r.x2, certain: true } } : { state: 'missing' };
    const textWidth = a.bodyLeft !== undefined && a.bodyRight !== undefined ? a.bodyRight - a.bodyLeft : undefined;
    return contactFindings(a.contact, a.contactPlace, rule, textWidth, (l) => `contact (trang ${(l as PdfLine).page})`);
  },
};
