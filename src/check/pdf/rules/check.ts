/** A check of a PDF: it reads the printed parts (../anatomy.ts), never the PDF itself. */
import type { Finding } from '../../rule.js';
import type { PdfAnatomy } from '../anatomy.js';

export interface PdfCheck {
  id: string;
  doc: string;
  clause: string;
  check(ctx: { a: PdfAnatomy }): Finding[];
}

export const mm = (pt: number): number => (pt * 25.4) / 72;
export const pt = (mm: number): number => (mm * 72) / 25.4;
