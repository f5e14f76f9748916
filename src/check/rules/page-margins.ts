import { error, twipToMm, vn, type Check, type Finding } from '../rule.js';
import { child, type XmlElement } from '../xml.js';
import { sectionPath } from './page-size.js';

/** Lề theo Nghị định 30, mm. */
const MARGINS = [
  ['top', 'Lề trên', 20, 25],
  ['bottom', 'Lề dưới', 20, 25],
  ['left', 'Lề trái', 30, 35],
  ['right', 'Lề phải', 15, 20],
] as const;

/** Word stores margins in whole twips; 0.3 mm absorbs rounding from inches or centimetres. */
const SLACK_MM = 0.3;

export const pageMargins: Check = {
  id: 'page-margins',
  doc: 'Lề trên 20–25 mm, lề dưới 20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm',
  check({ model }) {
    return model.sections.flatMap((s, k) => judge(s, sectionPath(k)));
  },
};

function judge(sect: XmlElement, path: string): Finding[] {
  const pgMar = child(sect, 'w:pgMar');
  if (!pgMar) return [error(path, 'Văn bản không khai báo lề trang, Nghị định 30 yêu cầu lề trên, dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm')];
  const out: Finding[] = [];
  for (const [side, name, lo, hi] of MARGINS) {
    // A negative top/bottom margin only tells Word not to move it for the header; the size is the same.
    const mm = twipToMm(Math.abs(Number(pgMar.attrs[`w:${side}`] ?? 0)));
    if (!(mm >= lo - SLACK_MM && mm <= hi + SLACK_MM)) {
      out.push(error(path, `${name} ${vn(mm)} mm, Nghị định 30 yêu cầu ${lo}–${hi} mm`));
    }
  }
  return out;
}
