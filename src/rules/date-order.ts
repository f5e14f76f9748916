import { parseIsoDate } from '../schema/date.js';
import { formatBodyDate } from '../template/vn.js';
import type { Rule } from './rule.js';
import { isStr } from './rule.js';

const valid = (v: unknown): v is string => isStr(v) && parseIsoDate(v) !== null;

/** A report or notice the letter cites must already exist on the letter's date. */
export const citedBeforeLetter: Rule = {
  id: 'cited-before-letter',
  severity: 'error',
  doc: 'Báo cáo, thông báo được trích dẫn phải có ngày trước hoặc bằng ngày công văn',
  check(letter, report) {
    if (!valid(letter.date)) return;
    for (const kind of ['report', 'notice'] as const) {
      const d = letter.inspection?.[kind]?.date;
      if (valid(d) && d > letter.date) {
        const name = kind === 'report' ? 'báo cáo' : 'thông báo';
        report(['inspection', kind, 'date'], `${name} ngày ${formatBodyDate(d)} lại sau ngày công văn ${formatBodyDate(letter.date)}`);
      }
    }
  },
};

/** The report-back deadline must leave the unit time after the letter is issued. */
export const deadlineAfterLetter: Rule = {
  id: 'deadline-after-letter',
  severity: 'error',
  doc: 'Hạn báo cáo phải sau ngày công văn',
  check(letter, report) {
    if (valid(letter.date) && valid(letter.deadline) && letter.deadline <= letter.date) {
      report(['deadline'], `hạn báo cáo ${formatBodyDate(letter.deadline)} không sau ngày công văn ${formatBodyDate(letter.date)}`);
    }
  },
};
