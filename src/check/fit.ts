import { overflow } from './place.js';
import type { DocModel, Line } from './model.js';
import { decree, error, quote, vn, warning, type Finding } from './rule.js';

const mm = (pt: number) => vn((pt * 25.4) / 72);

/** A line the decree wants on one line that is too wide for its column: Word will wrap it. */
export function tooWide(model: DocModel, line: Line | undefined, what: string, says: string): Finding[] {
  const o = line && overflow(model, line);
  if (!line || !o) return [];
  const say = o.certain ? error : warning;
  return [say('header', `${what} in ra rộng ${mm(o.width)} mm nhưng cột chỉ rộng ${mm(o.room)} mm: Word sẽ ngắt xuống dòng: ${quote(line.text, 60)}${decree(says)}`)];
}
