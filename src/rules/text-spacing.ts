import type { Rule } from './rule.js';

/** Fields that are names rather than prose: their format has its own rules (symbol-format) or none. */
const SKIP = new Set(['template', 'output', 'symbol', 'date', 'deadline']);

/** Two or more spaces between words (indentation at the start of a line and trailing spaces are left alone). */
const DOUBLE = /(?<=\S) {2,}(?=\S)/u;
/** A space before , ; : or . — but not before an ellipsis "..." or the "./." that ends a letter. */
const BEFORE_PUNCT = /(?<=\S)[ \t\u00A0]+([,;:]|\.(?![./]))/u;

function excerpt(s: string, index: number): string {
  const line = s.slice(0, index).lastIndexOf('\n') + 1;
  const end = s.indexOf('\n', index);
  const text = s.slice(line, end === -1 ? undefined : end);
  const at = index - line;
  const from = Math.max(0, at - 20);
  return `${from > 0 ? '…' : ''}${text.slice(from, at + 20)}${at + 20 < text.length ? '…' : ''}`;
}

/**
 * The message for one value, or null. Memoised: in a batch, the long texts in `defaults` reach every entry,
 * and scanning them once instead of once per letter takes a tenth of a second off 1,000 letters.
 */
const memo = new Map<string, string | null>();
function spacingProblem(v: string): string | null {
  let m = memo.get(v);
  if (m !== undefined) return m;
  const d = DOUBLE.exec(v);
  const p = BEFORE_PUNCT.exec(v);
  // One problem per value, the first in the text: a clerk fixes it and runs again.
  if (d && (!p || d.index <= p.index)) m = `có hai dấu cách liền nhau: "${excerpt(v, d.index)}"`;
  else if (p) m = `có dấu cách trước dấu "${p[1]}": "${excerpt(v, p.index)}"`;
  else m = null;
  if (memo.size > 10_000) memo.clear();
  memo.set(v, m);
  return m;
}

/** ND30 typography: one space between words, none before a comma, semicolon, colon or full stop. */
export const textSpacing: Rule = {
  id: 'text-spacing',
  severity: 'warning',
  doc: 'Không có hai dấu cách liền nhau, không có dấu cách trước dấu , ; : .',
  check(letter, report) {
    const walk = (v: unknown, path: (string | number)[]): void => {
      if (typeof v === 'string') {
        const m = spacingProblem(v);
        if (m) report(path, m);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) if (!(path.length === 0 && SKIP.has(k))) walk(x, [...path, k]);
      }
    };
    walk(letter, []);
  },
};
