import { sizesOf, type Para } from '../model.js';
import { error, quote, twipToPt, vn, warning, type Check, type Finding } from '../rule.js';

/** One line of Times New Roman is about 1.15 times its size (ascent + descent + Word's line gap). */
const SINGLE = 1.15;

export const bodyLineSpacing: Check = {
  id: 'body-line-spacing',
  doc: 'Dãn dòng nội dung từ một dòng đến 1,5 dòng, ghi theo bội số (lineRule="auto")',
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
    if (m >= 0.99 && m <= 1.51) return [];
    return [error(where, `Dãn dòng ${vn(m, 2)} dòng, Nghị định 30 yêu cầu từ 1 đến 1,5 dòng: ${q}`)];
  }
  const pt = twipToPt(line);
  const natural = Math.max(...sizesOf(p.runs), 0) * SINGLE;
  if (lineRule === 'exact' && pt < natural * 0.98) {
    return [error(where, `Dãn dòng cố định ${vn(pt)} pt làm chữ ${vn(natural / SINGLE)} pt bị ép, Nghị định 30 yêu cầu từ 1 đến 1,5 dòng: ${q}`)];
  }
  if (pt > natural * 1.5 * 1.02) {
    return [error(where, `Dãn dòng ${vn(pt)} pt, quá 1,5 dòng của chữ ${vn(natural / SINGLE)} pt: ${q}`)];
  }
  if (lineRule === 'exact') return [warning(where, `Dãn dòng cố định ${vn(pt)} pt; nên dùng dãn dòng theo bội số (1–1,5 dòng): ${q}`)];
  return [];
}
