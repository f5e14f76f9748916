import { error, quote, type Check } from '../rule.js';

const NAMES: Record<string, string> = { left: 'canh trái', start: 'canh trái', center: 'canh giữa', right: 'canh phải', end: 'canh phải' };

export const bodyAlign: Check = {
  id: 'body-align',
  doc: 'Đoạn nội dung canh đều hai bên',
  check({ a }) {
    return a.body
      .filter((p) => !['both', 'distribute', 'justify'].includes(p.props.jc ?? 'left'))
      .map((p) => error(a.where(p), `Đoạn văn ${NAMES[p.props.jc ?? 'left'] ?? p.props.jc}, Nghị định 30 yêu cầu canh đều hai bên: ${quote(p.text)}`));
  },
};
