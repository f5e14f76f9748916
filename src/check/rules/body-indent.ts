import { CLAUSE, ND30, within } from '../../decree/nd30.js';
import { decree, error, quote, twipToMm, vn, type Check } from '../rule.js';

const FIRST = ND30.body.firstLineMm;
/** Half a millimetre absorbs rounding from inches and points (0.5 in is 12.7 mm exactly; 0.39 in is 9.9 mm). */
const SLACK_MM = 0.5;

export const bodyIndent: Check = {
  id: 'body-indent',
  doc: `Đoạn nội dung lùi đầu dòng ${vn(FIRST.allowed[0] / 10, 2)}–${vn(FIRST.allowed[1] / 10, 2)} cm`,
  clause: CLAUSE.body,
  check({ a }) {
    return a.body.flatMap((p) => {
      // Where the first line starts, from the margin: a list level may hang its number left of the text.
      const { left, firstLine, hanging } = p.props.ind;
      const mm = twipToMm((left ?? 0) + (firstLine ?? 0) - (hanging ?? 0));
      if (within(FIRST, mm, SLACK_MM)) return [];
      return [error(a.where(p), `Lùi đầu dòng ${vn(mm / 10, 2)} cm: ${quote(p.text)}${decree(FIRST.says)}`)];
    });
  },
};
