import type { Rule } from './rule.js';
import { isStr } from './rule.js';

/** ND30: ký hiệu in hoa, các nhóm nối bằng "-", không có khoảng trắng; "Đ" is a letter too (QĐ-UBND, BC-ĐKT). */
export const SYMBOL = /^[A-ZĐ0-9]+(-[A-ZĐ0-9&]+)*$/;

export const symbolFormat: Rule = {
  id: 'symbol-format',
  severity: 'error',
  doc: 'Ký hiệu văn bản in hoa, các nhóm nối bằng "-", không khoảng trắng (UBND-NCPC, BC-ĐKT)',
  check(letter, report) {
    const check = (path: (string | number)[], v: unknown) => {
      if (isStr(v) && !SYMBOL.test(v)) report(path, `ký hiệu "${v}" sai dạng: cần chữ in hoa và số, các nhóm nối bằng "-", ví dụ UBND-NCPC`);
    };
    check(['symbol'], letter.symbol);
    check(['inspection', 'report', 'symbol'], letter.inspection?.report?.symbol);
    check(['inspection', 'notice', 'symbol'], letter.inspection?.notice?.symbol);
  },
};
