import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { decree, error, quote, twipToPt, vn, type Check } from '../rule.js';

/** HTML-style automatic spacing: Word uses 14 pt. */
const AUTO = 280;
const SPACE = ND30.body.spaceAfterPt;

export const bodySpacing: Check = {
  id: 'body-spacing',
  doc: `Khoảng cách giữa các đoạn nội dung tối thiểu ${vn(SPACE.allowed[0])} pt`,
  clause: CLAUSE.body,
  check({ a }) {
    return a.body.flatMap((p) => {
      const s = p.props.spacing;
      if (p.props.contextual) {
        return [error(a.where(p), `Đoạn văn bật “không thêm khoảng cách giữa các đoạn cùng kiểu”: ${quote(p.text)}${decree(SPACE.says)}`)];
      }
      const total = twipToPt((s.beforeAuto ? AUTO : s.before ?? 0) + (s.afterAuto ? AUTO : s.after ?? 0));
      if (total >= SPACE.allowed[0]) return [];
      return [error(a.where(p), `Cách đoạn ${vn(total)} pt (trước và sau): ${quote(p.text)}${decree(SPACE.says)}`)];
    });
  },
};
