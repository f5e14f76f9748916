import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { tooWide } from '../fit.js';
import { error, lookFindings, span, want, type Check, type PartCheck } from '../rule.js';

/** The issuer by its text and look: DOCX and PDF alike. */
export const issuerPart: PartCheck = {
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

/** For a DOCX, also whether each issuer line fits the left column (a name too long wraps where the file did not break it). */
export const issuer: Check = {
  ...issuerPart,
  check(ctx) {
    return [...issuerPart.check(ctx), ...ctx.a.issuer.flatMap((l) => tooWide(ctx.model, l, 'Tên cơ quan ban hành', ND30.issuer.sizePt.says))];
  },
};
