import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { ruleFindings, ruleUnder, widest } from '../rule-line.js';
import type { Check } from '../rule.js';

export const issuerRule: Check = {
  id: 'issuer-rule',
  doc: 'Có đường kẻ ngang nét liền dưới tên cơ quan ban hành, dài 1/3 đến 1/2 dòng chữ',
  clause: CLAUSE.issuer,
  check({ model, a }) {
    const last = a.issuer[a.issuer.length - 1];
    if (!last) return [];
    const found = ruleUnder(model, last, a.headerParas, [a.quocHieu, a.tieuNgu].filter((l) => l !== undefined));
    return ruleFindings('tên cơ quan ban hành', found, widest(a.issuer), ND30.issuer.ruleFraction);
  },
};
