import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { decree, error, lookFindings, quote, span, want, type PartCheck, type Finding } from '../rule.js';

const TIEU_NGU = ND30.motto.text;
const SAYS = ND30.motto.sizePt.says;

export const tieuNgu: PartCheck = {
  id: 'tieu-ngu',
  doc: `Tiêu ngữ “${TIEU_NGU}”: đúng chữ, gạch nối có cách hai bên, cỡ ${span(ND30.motto.sizePt)}, đậm`,
  clause: CLAUSE.nationalTitle,
  check({ a }) {
    const l = a.tieuNgu;
    if (!l) return [error('header', `Không tìm thấy Tiêu ngữ “${TIEU_NGU}” dưới Quốc hiệu`)];
    const out: Finding[] = [];
    if (l.text !== TIEU_NGU) {
      out.push(error('header', `Tiêu ngữ phải viết đúng “${TIEU_NGU}”, văn bản ghi ${quote(l.text, 60)}${decree(SAYS)}`));
    }
    return [...out, ...lookFindings('Tiêu ngữ', [l], want(ND30.motto), () => 'header')];
  },
};
