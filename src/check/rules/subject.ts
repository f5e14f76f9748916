import { error, lookFindings, type Check } from '../rule.js';

export const subject: Check = {
  id: 'subject',
  doc: 'Trích yếu “V/v …” dưới số, ký hiệu: cỡ 12–13, đứng',
  check({ a }) {
    if (a.subject.length === 0) return [error('header', 'Không tìm thấy trích yếu nội dung (“V/v …”) dưới số, ký hiệu')];
    return lookFindings('Trích yếu', a.subject, { size: [12, 13], bold: false, italic: false }, () => 'header');
  },
};
