import { error, quote, twipToCm, vn, type Check } from '../rule.js';

/** 1–1.27 cm by the decree; 0.95–1.3 cm absorbs rounding from inches and points. */
const LO = 539;
const HI = 737;

export const bodyIndent: Check = {
  id: 'body-indent',
  doc: 'Đoạn nội dung lùi đầu dòng 1–1,27 cm',
  check({ a }) {
    return a.body.flatMap((p) => {
      const first = (p.props.ind.firstLine ?? 0) - (p.props.ind.hanging ?? 0);
      if (first >= LO && first <= HI) return [];
      return [error(a.where(p), `Lùi đầu dòng ${vn(twipToCm(first), 2)} cm, Nghị định 30 yêu cầu 1–1,27 cm: ${quote(p.text)}`)];
    });
  },
};
