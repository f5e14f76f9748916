import { isoDay as iso, parseIsoDate } from '../schema/date.js';
import { formatBodyDate } from '../template/vn.js';
import type { Rule } from './rule.js';
import { isStr } from './rule.js';

/**
 * A letter without a date is dated by the Văn thư when it is issued, today or later: a report-back deadline that
 * is not after today is already past for the unit that receives it. (With a date, deadline-after-letter judges.)
 */
export const deadlinePast: Rule = {
  id: 'deadline-past',
  severity: 'warning',
  doc: 'Công văn chưa có ngày (date) mà hạn báo cáo (deadline) đã qua hoặc là hôm nay',
  check(letter, report, context) {
    const d = letter.deadline;
    if (letter.date !== undefined || !isStr(d) || !parseIsoDate(d)) return;
    const now = context.today ?? new Date();
    const today = iso(now);
    if (d > today) return;
    const example = iso(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 15));
    report(['deadline'], `hạn báo cáo ${formatBodyDate(d)} ${d === today ? 'là hôm nay' : 'đã qua'}, mà công văn chưa có ngày nên sẽ ban hành từ hôm nay (${formatBodyDate(today)}) trở đi; nên viết một hạn sau ngày ban hành, ví dụ deadline: ${example}`);
  },
};
