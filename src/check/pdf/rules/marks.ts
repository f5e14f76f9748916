import { marks as docx, markFindings } from '../../rules/marks.js';
import type { PdfLine } from '../lines.js';
import { boxedOnPage, type PdfCheck } from './check.js';

/** Secrecy and circulation marks as printed: the DOCX rule on the printed line, the frame measured on the page. */
export const marks: PdfCheck = {
  id: docx.id,
  doc: docx.doc,
  clause: docx.clause,
  check({ a }) {
    return (a.marks as PdfLine[]).flatMap((l) => markFindings(l, boxedOnPage(a, l), 'header'));
  },
};
