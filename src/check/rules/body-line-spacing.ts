import { CLAUSE, ND30, within } from '../../decree/nd30.js';
import { sizesOf, type Para } from '../model.js';
import { decree, error, quote, span, twipToPt, vn, warning, type Check, type Finding } from '../rule.js';

const LINES = ND30.body.lineMultiple;
const [, MOST] = LINES.allowed;

/** One line of Times New Roman is about 1.15 times its size (ascent + descent + Word's line gap). */
const SINGLE = 1.15;

export const bodyLineSpacing: Check = {
  id: 'body-line-spacing',
  doc: `Dãn dòng nội dung từ ${span(LINES)} dòng, ghi theo bội số (lineRule="auto")`,
  clause: CLAUSE.body,
  check({ a }) {
    return a.body.flatMap((p) => judge(p, a.where(p)));
  },
};

function judge(p: Para, where: string): Finding[] {
  const { line, lineRule } = p.props.spacing;
  if (line === undefined) return [];
  const q = quote(p.text);
  if (lineRule === undefined) {
    return [warning(where, `Dãn dòng không ghi lineRule; LibreOffice hiểu là khoảng cố định và có thể làm chữ bị ép, nên ghi w:lineRule="auto": ${q}`)];
  }
  if (lineRule === 'auto') {
    const m = line / 240;
    if (within(LINES, m, 0.01)) return [];
    return [error(where, `Dãn dòng ${vn(m, 2)} dòng: ${q}${decree(LINES.says)}`)];
  }
  const pt = twipToPt(line);
  const natural = Math.max(...sizesOf(p.runs), 0) * SINGLE;
  if (lineRule === 'exact' && pt < natural * 0.98) {
    return [error(where, `Dãn dòng cố định ${vn(pt)} pt làm chữ ${vn(natural / SINGLE)} pt bị ép: ${q}${decree(LINES.says)}`)];
  }
  if (pt > natural * MOST * 1.02) {
    return [error(where, `Dãn dòng ${vn(pt)} pt, quá ${vn(MOST)} dòng của chữ ${vn(natural / SINGLE)} pt: ${q}${decree(LINES.says)}`)];
  }
  if (lineRule === 'exact') return [warning(where, `Dãn dòng cố định ${vn(pt)} pt; nên dùng dãn dòng theo bội số (${span(LINES)} dòng): ${q}`)];
  return [];
}
