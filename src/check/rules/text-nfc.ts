import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { allParas } from '../model.js';
import { decree, error, quote, type Check } from '../rule.js';

export const textNfc: Check = {
  id: 'text-nfc',
  doc: 'Chữ Việt Unicode dựng sẵn (NFC, TCVN 6909:2001), không dùng dạng tổ hợp',
  clause: CLAUSE.font,
  check({ model, a }) {
    return allParas(model)
      .filter((p) => p.runs.some((r) => r.raw !== r.raw.normalize('NFC')))
      .map((p) => error(a.where(p), `Chữ ở dạng Unicode tổ hợp, phải dùng Unicode dựng sẵn (NFC): ${quote(p.text)}${decree(ND30.font.says)}`));
  },
};
