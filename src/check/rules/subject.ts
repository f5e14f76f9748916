import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { decree, error, lookFindings, quote, span, want, type PartCheck } from '../rule.js';

const VV = ND30.subject.prefix;

export const subject: PartCheck = {
  id: 'subject',
  doc: `Trích yếu “${VV} …” dưới số, ký hiệu: cỡ ${span(ND30.subject.sizePt)}, đứng`,
  clause: CLAUSE.subject,
  check({ a }) {
    if (a.subject.length === 0) return [error('header', `Không tìm thấy trích yếu nội dung (“${VV} …”) dưới số, ký hiệu`)];
    const first = a.subject[0]!;
    const out = lookFindings('Trích yếu', a.subject, want(ND30.subject), () => 'header');
    if (!first.text.startsWith(`${VV} `) || first.text.length <= VV.length + 1) {
      out.unshift(error('header', `Trích yếu bắt đầu bằng “${VV} ” rồi đến nội dung: ${quote(first.text)}${decree(ND30.subject.sizePt.says)}`));
    }
    return out;
  },
};
