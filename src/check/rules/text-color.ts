import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { allParas, inked } from '../model.js';
import { decree, quote, warning, type Check } from '../rule.js';

const BLACK = new Set(['auto', '000000', 'theme:text1', 'theme:dark1']);

export const textColor: Check = {
  id: 'text-color',
  doc: 'Chữ màu đen',
  clause: CLAUSE.font,
  check({ model, a }) {
    return allParas(model)
      .filter((p) => inked(p.runs).some((r) => r.props.color !== undefined && !BLACK.has(r.props.color.toLowerCase())))
      .map((p) => warning(a.where(p), `Chữ có màu khác màu đen: ${quote(p.text)}${decree(ND30.font.says)}`));
  },
};
