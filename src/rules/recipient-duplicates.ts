import type { Rule } from './rule.js';
import { isStr } from './rule.js';

/** A recipient as clerks compare them: case, spacing, a leading "- " and final punctuation do not count. */
export function recipientKey(s: string): string {
  let k = keys.get(s);
  if (k === undefined) {
    k = s.normalize('NFC').toLocaleLowerCase('vi').replace(/^\s*-\s*/, '').replace(/[\s.;,]+$/, '').replace(/\s+/g, ' ').trim();
    // Memoised: a batch's defaults repeat the same cc list in every entry, and locale-aware lowercasing is slow.
    if (keys.size > 10_000) keys.clear();
    keys.set(s, k);
  }
  return k;
}
const keys = new Map<string, string>();

const NHU_TREN = recipientKey('Như trên');

/**
 * ND30 Nơi nhận: each recipient once. A unit named in Kính gửi (to) is already covered by "Như trên", which
 * cchc adds first when `to` is present; so it must not appear in cc again, nor must "Như trên" itself.
 */
export const recipientDuplicates: Rule = {
  id: 'recipient-duplicates',
  severity: 'warning',
  doc: 'Không lặp nơi nhận: trong to, trong cc, hay một mục cc trùng với to ("Như trên" đã gồm các nơi Kính gửi)',
  check(letter, report) {
    const to = Array.isArray(letter.to) ? letter.to : [];
    const cc = Array.isArray(letter.cc) ? letter.cc : [];
    const inTo = new Map<string, number>();
    to.forEach((r, i) => {
      if (!isStr(r)) return;
      const k = recipientKey(r);
      const first = inTo.get(k);
      if (first !== undefined) report(['to', i], `nơi nhận "${r}" lặp lại (đã có ở to, mục thứ ${first + 1})`);
      else inTo.set(k, i);
    });
    const inCc = new Map<string, number>();
    cc.forEach((r, i) => {
      if (!isStr(r)) return;
      const k = recipientKey(r);
      const first = inCc.get(k);
      if (first !== undefined) report(['cc', i], `nơi nhận "${r}" lặp lại (đã có ở cc, mục thứ ${first + 1})`);
      else if (inTo.has(k)) report(['cc', i], `"${r}" đã có trong Kính gửi (to, mục thứ ${inTo.get(k)! + 1}); ở Nơi nhận, "Như trên" đã gồm nơi này`);
      else if (k === NHU_TREN && to.length > 0) report(['cc', i], '"Như trên" được cchc tự thêm đầu Nơi nhận khi có Kính gửi; hãy bỏ mục này');
      if (first === undefined) inCc.set(k, i);
    });
  },
};
