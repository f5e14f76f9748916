import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { ruleFindings, ruleUnder, widest } from '../rule-line.js';
import type { Check } from '../rule.js';

export const tieuNguRule: Check = {
  id: 'tieu-ngu-rule',
  doc: 'Có đường kẻ ngang nét liền dưới Tiêu ngữ, dài bằng dòng chữ',
  clause: CLAUSE.nationalTitle,
  check({ model, a }) {
    if (!a.tieuNgu) return [];
    const found = ruleUnder(model, a.tieuNgu, a.headerParas, a.issuer);
    return ruleFindings('Tiêu ngữ', found, widest([a.tieuNgu]), ND30.motto.ruleFraction);
  },
};
