import { error, quote, sizeProblem, type Check } from '../rule.js';

export const bodySize: Check = {
  id: 'body-size',
  doc: 'Nội dung văn bản cỡ chữ 13–14',
  check({ a }) {
    if (a.body.length === 0) return [error('body', 'Không tìm thấy phần nội dung văn bản (sau “Kính gửi”, trước nơi nhận và chữ ký)')];
    return a.body.flatMap((p) => {
      const bad = sizeProblem(p.runs, 13, 14);
      return bad ? [error(a.where(p), `Nội dung ${bad}: ${quote(p.text)}`)] : [];
    });
  },
};
