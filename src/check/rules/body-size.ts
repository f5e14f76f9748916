import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { decree, error, quote, sizeProblem, span, type PartCheck } from '../rule.js';

export const bodySize: PartCheck = {
  id: 'body-size',
  doc: `Nội dung văn bản cỡ chữ ${span(ND30.body.sizePt)}`,
  clause: CLAUSE.body,
  check({ a }) {
    if (a.body.length === 0) return [error('body', `Không tìm thấy phần nội dung văn bản (sau “${ND30.recipients.label}”, trước nơi nhận và chữ ký)`)];
    return a.body.flatMap((p) => {
      const bad = sizeProblem(p.runs, ND30.body.sizePt);
      return bad ? [error(a.where(p), `Nội dung ${bad}: ${quote(p.text)}${decree(ND30.body.sizePt.says)}`)] : [];
    });
  },
};
