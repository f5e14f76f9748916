import type { Rule } from './rule.js';
import { isStr } from './rule.js';

const upper = (s: string): string => s.toLocaleUpperCase('vi');
const lower = (s: string): string => s.toLocaleLowerCase('vi');

/** ND30: the lines of the signature block (TM., KT., the titles) are uppercase. cchc prints them uppercase anyway. */
export const signerTitleUppercase: Rule = {
  id: 'signer-title-uppercase',
  severity: 'warning',
  doc: 'Chức vụ, tập thể trong khối chữ ký (title, own_title, on_behalf) viết in hoa',
  check(letter, report) {
    const s = letter.signer;
    if (!s || typeof s !== 'object') return;
    for (const key of ['on_behalf', 'title', 'own_title'] as const) {
      const v = s[key];
      if (isStr(v) && v !== upper(v)) report(['signer', key], `"${v}" cần viết in hoa: "${upper(v)}"`);
    }
  },
};

/** Title case, word by word: "LÂM MINH THÀNH" → "Lâm Minh Thành". */
const titleCase = (s: string): string => lower(s).replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + upper(c));

/** ND30: the signer's full name is bold but not uppercase. */
export const signerNameCase: Rule = {
  id: 'signer-name-case',
  severity: 'warning',
  doc: 'Họ tên người ký viết hoa chữ cái đầu mỗi tiếng, không viết in hoa toàn bộ',
  check(letter, report) {
    const name = letter.signer && typeof letter.signer === 'object' ? letter.signer.name : undefined;
    if (!isStr(name)) return;
    const letters = name.replace(/[^\p{L}]/gu, '');
    // One letter ("A") says nothing; a name in capitals has more than one and no lowercase at all.
    if (letters.length > 1 && letters === upper(letters) && letters !== lower(letters)) {
      report(['signer', 'name'], `họ tên người ký không viết in hoa cả (chỉ hoa chữ cái đầu mỗi tiếng); nên viết: ${titleCase(name)}`);
    }
  },
};
