import { DEFAULT_TEMPLATE } from '../schema/letter.js';
import { defaultShortName } from '../template/context.js';
import type { Rule } from './rule.js';
import { isStr } from './rule.js';

/**
 * The body names the issuer ("… Ủy ban nhân dân tỉnh nhận thấy:"). Without `issuer.short`, cchc guesses that
 * name from issuer.name; the guess is often right, but a clerk should see it and confirm.
 */
export const issuerShort: Rule = {
  id: 'issuer-short',
  severity: 'warning',
  doc: 'Có issuer.short (cách nội dung gọi cơ quan ban hành); thiếu thì cchc phải đoán từ issuer.name',
  check(letter, report) {
    const issuer = letter.issuer;
    if (!issuer || typeof issuer !== 'object' || !isStr(issuer.name) || issuer.short !== undefined) return;
    const template = letter.template ?? DEFAULT_TEMPLATE;
    // Which built-in bodies name the issuer: the default always; cong-van only in its report-back closing.
    const used = template === DEFAULT_TEMPLATE
      || (template === 'cong-van' && !letter.closing && letter.deadline !== undefined && letter.report_to === undefined);
    if (!used) return;
    report(['issuer'], `thiếu issuer.short: nội dung sẽ gọi cơ quan ban hành là "${defaultShortName(issuer.name)}" (đoán từ issuer.name); hãy ghi rõ, ví dụ short: Ủy ban nhân dân tỉnh`);
  },
};
