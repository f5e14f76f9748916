import { allParas } from '../model.js';
import { CLAUSE } from '../../decree/nd30.js';
import { error, quote, type Check } from '../rule.js';

/** C0 controls other than tab and line breaks, DEL, C1 controls, and the non-characters U+FFFE/U+FFFF. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/u;

export const textControlChars: Check = {
  id: 'text-control-chars',
  doc: 'Văn bản không chứa ký tự điều khiển',
  clause: CLAUSE.font,
  check({ model, a }) {
    return allParas(model)
      .filter((p) => p.runs.some((r) => CONTROL.test(r.raw)))
      .map((p) => {
        const c = p.runs.map((r) => r.raw).join('').match(CONTROL)![0];
        const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        return error(a.where(p), `Có ký tự điều khiển ${code} (không in được) trong đoạn: ${quote(p.text.replace(CONTROL, ''))}`);
      });
  },
};
