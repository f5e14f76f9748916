import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { decree, error, quote, type Check } from '../rule.js';

const NAMES: Record<string, string> = { left: 'canh trái', start: 'canh trái', center: 'canh giữa', right: 'canh phải', end: 'canh phải' };

export const bodyAlign: Check = {
  id: 'body-align',
  doc: 'Đoạn nội dung canh đều hai bên',
  clause: CLAUSE.body,
  check({ a }) {
    return a.body
      .filter((p) => !['both', 'distribute', 'justify'].includes(p.props.jc ?? 'left'))
      .map((p) => error(a.where(p), `Đoạn văn ${NAMES[p.props.jc ?? 'left'] ?? p.props.jc}, phải canh đều hai bên: ${quote(p.text)}${decree(ND30.body.sizePt.says)}`));
  },
};
