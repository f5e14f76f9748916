import { error, quote, twipToPt, vn, type Check } from '../rule.js';

/** HTML-style automatic spacing: Word uses 14 pt. */
const AUTO = 280;

export const bodySpacing: Check = {
  id: 'body-spacing',
  doc: 'Khoảng cách giữa các đoạn nội dung tối thiểu 6 pt',
  check({ a }) {
    return a.body.flatMap((p) => {
      const s = p.props.spacing;
      if (p.props.contextual) {
        return [error(a.where(p), `Đoạn văn bật “không thêm khoảng cách giữa các đoạn cùng kiểu”, Nghị định 30 yêu cầu cách đoạn tối thiểu 6 pt: ${quote(p.text)}`)];
      }
      const total = (s.beforeAuto ? AUTO : s.before ?? 0) + (s.afterAuto ? AUTO : s.after ?? 0);
      if (total >= 120) return [];
      return [error(a.where(p), `Cách đoạn ${vn(twipToPt(total))} pt (trước và sau), Nghị định 30 yêu cầu tối thiểu 6 pt: ${quote(p.text)}`)];
    });
  },
};
