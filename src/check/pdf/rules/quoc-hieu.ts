import { ND30 } from '../../../decree/nd30.js';
import { quocHieu as docx } from '../../rules/quoc-hieu.js';
import { decree, error, quote } from '../../rule.js';
import type { PdfCheck } from './check.js';

/** The Quốc hiệu as for DOCX, and on one printed line: set too large, it wraps in its column. */
export const quocHieu: PdfCheck = {
  id: docx.id,
  doc: `${docx.doc}; in trên một dòng`,
  clause: docx.clause,
  check({ a }) {
    const wrapped = a.quocHieuWrap && a.quocHieu
      ? [error('header', `Quốc hiệu bị xuống dòng (không vừa độ rộng cột): ${quote(a.quocHieu.text, 60)}${decree(ND30.nationalTitle.sizePt.says)}`)]
      : [];
    return [...wrapped, ...docx.check({ a })];
  },
};
