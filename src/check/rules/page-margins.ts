import { CLAUSE, ND30, within } from '../../decree/nd30.js';
import { decree, error, span, twipToMm, vn, type Check, type Finding } from '../rule.js';
import { child, type XmlElement } from '../xml.js';
import { sectionPath } from './page-size.js';

const M = ND30.margin;
/** The page margins by their w:pgMar attribute, with the decree's range for each. */
const MARGINS = [
  ['top', 'Lề trên', M.topMm],
  ['bottom', 'Lề dưới', M.bottomMm],
  ['left', 'Lề trái', M.leftMm],
  ['right', 'Lề phải', M.rightMm],
] as const;
const ALL_SAYS = MARGINS.map(([, , r]) => r.says).join('; ');

/** Word stores margins in whole twips; 0.3 mm absorbs rounding from inches or centimetres. */
const SLACK_MM = 0.3;

export const pageMargins: Check = {
  id: 'page-margins',
  doc: MARGINS.map(([, name, r], k) => `${k === 0 ? name : name.toLowerCase()} ${span(r)} mm`).join(', '),
  clause: CLAUSE.margin,
  check({ model }) {
    return model.sections.flatMap((s, k) => judge(s, sectionPath(k)));
  },
};

function judge(sect: XmlElement, path: string): Finding[] {
  const pgMar = child(sect, 'w:pgMar');
  if (!pgMar) return [error(path, `Văn bản không khai báo lề trang${decree(ALL_SAYS)}`)];
  const out: Finding[] = [];
  for (const [side, name, r] of MARGINS) {
    // A negative top/bottom margin only tells Word not to move it for the header; the size is the same.
    const mm = twipToMm(Math.abs(Number(pgMar.attrs[`w:${side}`] ?? 0)));
    if (!within(r, mm, SLACK_MM)) out.push(error(path, `${name} ${vn(mm)} mm${decree(r.says)}`));
  }
  return out;
}
