import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { error, type Check } from '../rule.js';
import { ruleMessage, ruleUnder } from '../rule-line.js';

export const issuerRule: Check = {
  id: 'issuer-rule',
  doc: 'Có đường kẻ ngang nét liền dưới tên cơ quan ban hành',
  clause: CLAUSE.issuer,
  check({ model, a }) {
    const last = a.issuer[a.issuer.length - 1];
    if (!last) return [];
    const msg = ruleMessage('tên cơ quan ban hành', ruleUnder(model, last, a.headerParas), ND30.issuer.ruleFraction.says);
    return msg ? [error('header', msg)] : [];
  },
};
