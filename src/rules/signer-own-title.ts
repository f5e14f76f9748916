import type { Rule } from './rule.js';

/** KT., TL., TUQ.: the block names the principal, then the actual signer's own title on the next line. */
export const signerOwnTitle: Rule = {
  id: 'signer-own-title',
  severity: 'error',
  doc: 'Ký thay (KT), thừa lệnh (TL), thừa ủy quyền (TUQ) cần own_title: chức vụ của người ký',
  check(letter, report) {
    const s = letter.signer;
    if (!s || typeof s !== 'object') return;
    if ((s.authority === 'KT' || s.authority === 'TL' || s.authority === 'TUQ') && !s.own_title) {
      report(['signer', 'authority'], `ký "${s.authority}." cần thêm signer.own_title (ví dụ PHÓ CHỦ TỊCH)`);
    }
    if ((s.authority === undefined || s.authority === 'Q') && s.own_title) {
      report(['signer', 'own_title'], 'own_title chỉ dùng với authority KT, TL hoặc TUQ');
    }
  },
};
