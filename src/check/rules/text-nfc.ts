import { allParas } from '../model.js';
import { error, quote, type Check } from '../rule.js';

export const textNfc: Check = {
  id: 'text-nfc',
  doc: 'Chữ Việt Unicode dựng sẵn (NFC, TCVN 6909:2001), không dùng dạng tổ hợp',
  check({ model, a }) {
    return allParas(model)
      .filter((p) => p.runs.some((r) => r.raw !== r.raw.normalize('NFC')))
      .map((p) => error(a.where(p), `Chữ ở dạng Unicode tổ hợp, Nghị định 30 yêu cầu Unicode dựng sẵn (NFC, TCVN 6909:2001): ${quote(p.text)}`));
  },
};
