import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { decree, error, lookFindings, quote, span, want, type Check } from '../rule.js';
import { boxedPara } from './marks.js';

const SAYS = ND30.urgency.sizePt.says;

export const urgency: Check = {
  id: 'urgency',
  doc: `Dấu mức độ khẩn (${ND30.urgency.words.join(', ')}) nếu có: in hoa, cỡ ${span(ND30.urgency.sizePt)}, đậm, trong khung chữ nhật`,
  clause: CLAUSE.urgency,
  check({ a }) {
    const l = a.urgency;
    if (!l) return [];
    const out = lookFindings('Dấu mức độ khẩn', [l], want(ND30.urgency, { italic: undefined }), () => 'header');
    if (l.text !== l.text.toLocaleUpperCase('vi')) out.push(error('header', `Dấu mức độ khẩn phải in hoa: ${quote(l.text)}${decree(SAYS)}`));
    if (!boxedPara(l)) out.push(error('header', `Dấu mức độ khẩn phải đặt trong khung chữ nhật: ${quote(l.text)}${decree(SAYS)}`));
    return out;
  },
};
