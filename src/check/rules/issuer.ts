import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { error, lookFindings, span, want, type Check } from '../rule.js';

export const issuer: Check = {
  id: 'issuer',
  doc: `Tên cơ quan ban hành (cột trái phần đầu): in hoa, cỡ ${span(ND30.issuer.sizePt)}, đậm; cơ quan chủ quản cỡ ${span(ND30.parentAgency.sizePt)}`,
  clause: CLAUSE.issuer,
  check({ a }) {
    if (a.issuer.length === 0) {
      return [error('header', 'Không tìm thấy tên cơ quan ban hành (chữ in hoa, đậm) ở cột trái phần đầu văn bản')];
    }
    return [
      // A bold parent body reads as the issuer (anatomy.ts), so its weight is not judged here.
      ...lookFindings('Cơ quan chủ quản', a.parent, want(ND30.parentAgency, { bold: undefined }), () => 'header'),
      ...lookFindings('Tên cơ quan ban hành', a.issuer, want(ND30.issuer), () => 'header'),
    ];
  },
};
