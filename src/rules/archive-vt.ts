import type { Rule } from './rule.js';
import { isStr } from './rule.js';

/** ND30: the last Nơi nhận line is "Lưu: VT, …" — the Văn thư keeps the original. */
export const archiveStartsWithVt: Rule = {
  id: 'archive-vt',
  severity: 'error',
  doc: 'Dòng "Lưu:" bắt đầu bằng VT (Văn thư)',
  check(letter, report) {
    const a = letter.archive;
    const first = Array.isArray(a) ? a[0] : isStr(a) ? a.split(',')[0] : undefined;
    if (isStr(first) && first.trim() !== 'VT') {
      report(Array.isArray(a) ? ['archive', 0] : ['archive'], `dòng "Lưu:" phải bắt đầu bằng VT (đang là "${first.trim()}")`);
    }
  },
};
