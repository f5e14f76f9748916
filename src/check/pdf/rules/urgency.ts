import { CLAUSE, ND30 } from '../../../decree/nd30.js';
import { urgency as docx } from '../../rules/urgency.js';
import { decree, error, lookFindings, quote, want } from '../../rule.js';
import type { PdfLine } from '../lines.js';
import { boxedOnPage, type PdfCheck } from './check.js';

const SAYS = ND30.urgency.sizePt.says;

/** The urgency mark printed in a box: lines above, below, left and right of it. */
export const urgency: PdfCheck = {
  id: docx.id,
  doc: docx.doc,
  clause: CLAUSE.urgency,
  check({ a }) {
    const l = a.urgency as PdfLine | undefined;
    if (!l) return [];
    const out = lookFindings('Dấu mức độ khẩn', [l], want(ND30.urgency, { italic: undefined }), () => 'header');
    if (!boxedOnPage(a, l)) out.push(error('header', `Dấu mức độ khẩn phải đặt trong khung chữ nhật: ${quote(l.text)}${decree(SAYS)}`));
    return out;
  },
};
