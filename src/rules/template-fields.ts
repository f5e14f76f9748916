import { DEFAULT_TEMPLATE, TEMPLATE_NAMES } from '../schema/letter.js';
import type { Rule } from './rule.js';
import { isStr } from './rule.js';

/** What each built-in template needs beyond the fields every letter has (contract: "Required"). */
export const templateFields: Rule = {
  id: 'template-fields',
  severity: 'error',
  doc: 'Mẫu nội dung có thật, và đủ các trường mẫu đó cần',
  check(letter, report, { userTemplates }) {
    const name = letter.template ?? DEFAULT_TEMPLATE;
    if (!isStr(name)) return;
    // A name from the user's --templates folders is known; cchc cannot know what fields it needs.
    if (userTemplates.includes(name) && !(TEMPLATE_NAMES as readonly string[]).includes(name)) return;
    if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) {
      report(['template'], `không có mẫu "${name}"; các mẫu có sẵn: ${[...TEMPLATE_NAMES, ...userTemplates].join(', ')}`);
      return;
    }
    const tasks = Array.isArray(letter.tasks) ? letter.tasks.length : 0;
    if (name === 'cong-van') {
      if (!letter.intro && tasks === 0) report([], 'mẫu cong-van cần ít nhất một trong hai: intro hoặc tasks');
      return;
    }
    const need = `(mẫu ${DEFAULT_TEMPLATE} cần trường này)`;
    const insp = letter.inspection;
    if (!insp || typeof insp !== 'object') report(['inspection'], `thiếu inspection ${need}`);
    else {
      if (insp.unit === undefined) report(['inspection', 'unit'], `thiếu inspection.unit ${need}`);
      // The template cites the report and the year in its own opening sentence, which `intro` replaces; the
      // year also in the sentence on the notice.
      const own = !letter.intro;
      if (insp.year === undefined && (own || insp.notice !== undefined)) report(['inspection', 'year'], `thiếu inspection.year ${need}`);
      if (insp.report === undefined && own) report(['inspection', 'report'], `thiếu inspection.report ${need}`);
    }
    if (tasks === 0 && !Array.isArray(letter.tasks)) report(['tasks'], `thiếu tasks: cần ít nhất một nhiệm vụ ${need}`);
    else if (tasks === 0) report(['tasks'], `cần ít nhất một nhiệm vụ ${need}`);
  },
};
