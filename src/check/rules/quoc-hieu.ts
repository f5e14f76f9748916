import { error, lookFindings, quote, type Check, type Finding } from '../rule.js';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';

export const quocHieu: Check = {
  id: 'quoc-hieu',
  doc: 'Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”: đúng chữ, in hoa, cỡ 12–13, đậm',
  check({ a }) {
    const l = a.quocHieu;
    if (!l) return [error('header', `Không tìm thấy Quốc hiệu “${QUOC_HIEU}” ở phần đầu văn bản`)];
    const out: Finding[] = [];
    if (l.text !== QUOC_HIEU) out.push(error('header', `Quốc hiệu phải viết đúng “${QUOC_HIEU}”, văn bản ghi ${quote(l.text, 60)}`));
    return [...out, ...lookFindings('Quốc hiệu', [l], { size: [12, 13], bold: true, italic: false }, () => 'header')];
  },
};
