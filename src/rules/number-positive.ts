import type { Rule } from './rule.js';

export const numberPositive: Rule = {
  id: 'number-positive',
  severity: 'error',
  doc: 'Số văn bản là số nguyên từ 1 trở lên',
  check(letter, report) {
    const check = (path: (string | number)[], v: unknown) => {
      if ((typeof v === 'number' || typeof v === 'string') && Number(v) < 1) report(path, `số văn bản phải từ 1 trở lên (đang là ${v})`);
    };
    check(['number'], letter.number);
    check(['inspection', 'report', 'number'], letter.inspection?.report?.number);
    check(['inspection', 'notice', 'number'], letter.inspection?.notice?.number);
  },
};
