import { error, lookFindings, quote, type Check, type Finding } from '../rule.js';

export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

export const tieuNgu: Check = {
  id: 'tieu-ngu',
  doc: 'Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”: đúng chữ, gạch nối có cách hai bên, cỡ 13–14, đậm',
  check({ a }) {
    const l = a.tieuNgu;
    if (!l) return [error('header', `Không tìm thấy Tiêu ngữ “${TIEU_NGU}” dưới Quốc hiệu`)];
    const out: Finding[] = [];
    if (l.text !== TIEU_NGU) {
      out.push(error('header', `Tiêu ngữ phải viết đúng “${TIEU_NGU}” (chữ thường, gạch nối “-” có cách hai bên), văn bản ghi ${quote(l.text, 60)}`));
    }
    return [...out, ...lookFindings('Tiêu ngữ', [l], { size: [13, 14], bold: true, italic: false }, () => 'header')];
  },
};
