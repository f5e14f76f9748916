import { error, type Check } from '../rule.js';
import { ruleMessage, ruleUnder } from '../rule-line.js';

export const issuerRule: Check = {
  id: 'issuer-rule',
  doc: 'Có đường kẻ ngang nét liền dưới tên cơ quan ban hành',
  check({ model, a }) {
    const last = a.issuer[a.issuer.length - 1];
    if (!last) return [];
    const msg = ruleMessage('tên cơ quan ban hành', ruleUnder(model, last, a.headerParas));
    return msg ? [error('header', msg)] : [];
  },
};
