import { CLAUSE, ND30 } from '../../../decree/nd30.js';
import { urgency as docx } from '../../rules/urgency.js';
import { decree, error, lookFindings, quote, want } from '../../rule.js';
import type { PdfLine } from '../lines.js';
import type { PdfCheck } from './check.js';

const SAYS = ND30.urgency.sizePt.says;

/** The urgency mark printed in a box: lines above, below, left and right of it. */
export const urgency: PdfCheck = {
  id: docx.id,
  doc: docx.doc,
  clause: CLAUSE.urgency,
  check({ a }) {
    const l = a.urgency as PdfLine | undefined;
    if (!l) return [];
    const rules = a.facts.pages[l.page - 1]!.rules;
    const h = (y: (r: { y1: number }) => boolean) => rules.some((r) => r.y1 === r.y2 && y(r) && r.x1 <= l.x + 1 && r.x2 >= l.right - 1);
    const v = (x: (r: { x1: number }) => boolean) => rules.some((r) => r.x1 === r.x2 && x(r) && r.y1 <= l.y && r.y2 >= l.y - 0.5 * l.size);
    // Any rectangle around it: a stamp-sized frame, or a paragraph border as wide as its column.
    const above = (r: { y1: number }) => r.y1 < l.y - 0.7 * l.size && r.y1 > l.y - 2.2 * l.size;
    const below = (r: { y1: number }) => r.y1 > l.y && r.y1 < l.y + 1.2 * l.size;
    const boxed = h(above) && h(below) && v((r) => r.x1 < l.x) && v((r) => r.x1 > l.right);
    const out = lookFindings('Dấu mức độ khẩn', [l], want(ND30.urgency, { italic: undefined }), () => 'header');
    if (!boxed) out.push(error('header', `Dấu mức độ khẩn phải đặt trong khung chữ nhật: ${quote(l.text)}${decree(SAYS)}`));
    return out;
  },
};
