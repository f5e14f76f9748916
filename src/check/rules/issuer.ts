import { error, lookFindings, type Check } from '../rule.js';

export const issuer: Check = {
  id: 'issuer',
  doc: 'Tên cơ quan ban hành (cột trái phần đầu): in hoa, cỡ 12–13, đậm; cơ quan chủ quản cỡ 12–13',
  check({ a }) {
    if (a.issuer.length === 0) {
      return [error('header', 'Không tìm thấy tên cơ quan ban hành (chữ in hoa, đậm) ở cột trái phần đầu văn bản')];
    }
    return [
      ...lookFindings('Cơ quan chủ quản', a.parent, { size: [12, 13], italic: false }, () => 'header'),
      ...lookFindings('Tên cơ quan ban hành', a.issuer, { size: [12, 13], bold: true, italic: false }, () => 'header'),
    ];
  },
};
