import type { Rule } from './rule.js';
import { isStr } from './rule.js';

/** "V/v", "Về việc", "V/V:" at the start of the subject, with what follows it. */
const LEADING_VV = /^\s*(?:v\s*\/\s*v|về\s+việc)\b\s*[:.\-–]?\s*/iu;

/** ND30 trích yếu: cchc prints "V/v " before the subject itself; a subject that says it again prints "V/v V/v …". */
export const subjectVv: Rule = {
  id: 'subject-vv',
  severity: 'warning',
  doc: 'Trích yếu không bắt đầu bằng "V/v" hay "Về việc" (cchc đã tự in "V/v " trước trích yếu)',
  check(letter, report) {
    const s = letter.subject;
    if (!isStr(s)) return;
    const m = LEADING_VV.exec(s);
    if (!m) return;
    const rest = s.slice(m[0].length);
    report(['subject'], `trích yếu bắt đầu bằng "${m[0].trim()}", mà cchc đã tự in "V/v " trước trích yếu (sẽ thành "V/v ${s.trim()}"); nên viết: subject: ${rest}`);
  },
};
