import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { error, type Check } from '../rule.js';
import { ruleMessage, ruleUnder } from '../rule-line.js';

export const tieuNguRule: Check = {
  id: 'tieu-ngu-rule',
  doc: 'Có đường kẻ ngang nét liền dưới Tiêu ngữ',
  clause: CLAUSE.nationalTitle,
  check({ model, a }) {
    if (!a.tieuNgu) return [];
    const msg = ruleMessage('Tiêu ngữ', ruleUnder(model, a.tieuNgu, a.headerParas), ND30.motto.ruleFraction.says);
    return msg ? [error('header', msg)] : [];
  },
};
