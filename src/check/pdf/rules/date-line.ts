import { ND30 } from '../../../decree/nd30.js';
import { dateLinePart as docx } from '../../rules/date-line.js';
import { decree, error, quote } from '../../rule.js';
import type { PdfCheck } from './check.js';

/** The date line as for DOCX, and on one printed line: a date that wraps has outgrown its column. */
export const dateLine: PdfCheck = {
  id: docx.id,
  doc: `${docx.doc}; in trên một dòng`,
  clause: docx.clause,
  check({ a }) {
    const wrapped = a.dateWrap && a.dateFirst
      ? [error('header', `Dòng địa danh, ngày tháng năm bị xuống dòng (không vừa độ rộng cột): ${quote(`${a.dateFirst.text} / ${a.dateWrap.text}`, 70)}${decree(ND30.dateLine.sizePt.says)}`)]
      : [];
    return [...wrapped, ...docx.check({ a })];
  },
};
