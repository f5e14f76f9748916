import { formatPath } from '../problem.js';
import { bodyTexts } from './body-texts.js';
import type { FieldPath, Rule } from './rule.js';

/** Names and dates rather than text: output file names, template names, dates. */
const SKIP = new Set(['template', 'output', 'date', 'deadline']);
const MARK = /\*\*/g;

/**
 * `**…**` makes bold only in body text (contract v2, "Inline bold in text"). Written in the subject, a recipient,
 * an appendix title or a column header, it would print as two asterisks: a warning, at the mark.
 */
export const boldOutsideText: Rule = {
  id: 'bold-outside-text',
  severity: 'warning',
  doc: '"**" chỉ in đậm trong đoạn văn (nội dung, phụ lục, ô bảng); ở trường khác sẽ in nguyên hai dấu sao',
  check(letter, report) {
    const body = new Set([...bodyTexts(letter)].map(([p]) => formatPath(p)));
    const walk = (v: unknown, path: FieldPath): void => {
      if (typeof v === 'string') {
        if (v.includes('**') && !body.has(formatPath(path))) {
          report(path, 'hai dấu sao "**" chỉ in đậm trong các đoạn văn (intro, findings, tasks, closing, phụ lục, ô bảng); ở trường này chúng sẽ được in nguyên; hãy bỏ chúng', { pattern: MARK, nth: 0 });
        }
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) if (!(path.length === 0 && SKIP.has(k))) walk(x, [...path, k]);
      }
    };
    walk(letter, []);
  },
};
