/** A check of a PDF: it reads the printed parts (../anatomy.ts), never the PDF itself. */
import type { Finding } from '../../rule.js';
import type { PdfAnatomy } from '../anatomy.js';
import type { PdfLine } from '../lines.js';

export interface PdfCheck {
  id: string;
  doc: string;
  clause: string;
  check(ctx: { a: PdfAnatomy }): Finding[];
}

/** Taller than two lines of text: the side of a table, not of the box around a mark such as "KHẨN". */
export const TALL = 30;

export const mm = (pt: number): number => (pt * 25.4) / 72;
export const pt = (mm: number): number => (mm * 72) / 25.4;

/** Whether a printed line stands in a rectangle: rules above, below, left and right of it (a stamp-sized frame, or a paragraph border as wide as its column). */
export function boxedOnPage(a: PdfAnatomy, l: PdfLine): boolean {
  const rules = a.facts.pages[l.page - 1]!.rules;
  const h = (y: (r: { y1: number }) => boolean) => rules.some((r) => r.y1 === r.y2 && y(r) && r.x1 <= l.x + 1 && r.x2 >= l.right - 1);
  const v = (x: (r: { x1: number }) => boolean) => rules.some((r) => r.x1 === r.x2 && x(r) && r.y1 <= l.y && r.y2 >= l.y - 0.5 * l.size);
  const above = (r: { y1: number }) => r.y1 < l.y - 0.7 * l.size && r.y1 > l.y - 2.2 * l.size;
  const below = (r: { y1: number }) => r.y1 > l.y && r.y1 < l.y + 1.2 * l.size;
  return h(above) && h(below) && v((r) => r.x1 < l.x) && v((r) => r.x1 > l.right);
}
