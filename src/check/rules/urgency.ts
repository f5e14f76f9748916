import { visible } from '../props.js';
import { error, lookFindings, quote, type Check } from '../rule.js';

export const urgency: Check = {
  id: 'urgency',
  doc: 'Dấu mức độ khẩn (KHẨN, THƯỢNG KHẨN, HỎA TỐC) nếu có: in hoa, cỡ 13–14, đậm, trong khung chữ nhật',
  check({ a }) {
    const l = a.urgency;
    if (!l) return [];
    const out = lookFindings('Dấu mức độ khẩn', [l], { size: [13, 14], bold: true }, () => 'header');
    const b = l.para.props.borders;
    const boxed = l.para.inTextBox || (['top', 'bottom', 'left', 'right'] as const).every((s) => visible(b[s]));
    if (l.text !== l.text.toLocaleUpperCase('vi')) out.push(error('header', `Dấu mức độ khẩn phải in hoa: ${quote(l.text)}`));
    if (!boxed) out.push(error('header', `Dấu mức độ khẩn phải đặt trong khung chữ nhật: ${quote(l.text)}`));
    return out;
  },
};
