import { error, lookFindings, quote, type Check } from '../rule.js';

export const subject: Check = {
  id: 'subject',
  doc: 'Trích yếu “V/v …” dưới số, ký hiệu: cỡ 12–13, đứng',
  check({ a }) {
    if (a.subject.length === 0) return [error('header', 'Không tìm thấy trích yếu nội dung (“V/v …”) dưới số, ký hiệu')];
    const first = a.subject[0]!;
    const out = lookFindings('Trích yếu', a.subject, { size: [12, 13], bold: false, italic: false }, () => 'header');
    if (!/^V\/v \S/u.test(first.text)) out.unshift(error('header', `Trích yếu bắt đầu bằng “V/v ” rồi đến nội dung: ${quote(first.text)}`));
    return out;
  },
};
