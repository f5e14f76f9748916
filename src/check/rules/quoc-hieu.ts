import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { decree, error, lookFindings, quote, span, want, type PartCheck, type Finding } from '../rule.js';

const QUOC_HIEU = ND30.nationalTitle.text;
const SAYS = ND30.nationalTitle.sizePt.says;

export const quocHieu: PartCheck = {
  id: 'quoc-hieu',
  doc: `Quốc hiệu “${QUOC_HIEU}”: đúng chữ, in hoa, cỡ ${span(ND30.nationalTitle.sizePt)}, đậm`,
  clause: CLAUSE.nationalTitle,
  check({ a }) {
    const l = a.quocHieu;
    if (!l) return [error('header', `Không tìm thấy Quốc hiệu “${QUOC_HIEU}” ở phần đầu văn bản`)];
    const out: Finding[] = [];
    if (l.text !== QUOC_HIEU) out.push(error('header', `Quốc hiệu phải viết đúng “${QUOC_HIEU}”, văn bản ghi ${quote(l.text, 60)}${decree(SAYS)}`));
    return [...out, ...lookFindings('Quốc hiệu', [l], want(ND30.nationalTitle), () => 'header')];
  },
};
