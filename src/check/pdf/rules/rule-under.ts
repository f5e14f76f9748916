/**
 * The solid rule printed under a line of text: a horizontal line on its page, below the baseline by at most two
 * font sizes, overlapping the text across. Typed underscores on the line below count as typed, not drawn.
 */
import type { RuleFound } from '../../rule-line.js';
import type { PdfAnatomy } from '../anatomy.js';
import type { PdfLine } from '../lines.js';

const TYPED = /^[_\-‐‑–—―─━=.·…]{3,}$/u;

export function ruleUnderPdf(a: PdfAnatomy, line: PdfLine): RuleFound {
  const page = a.facts.pages[line.page - 1];
  if (!page) return { state: 'missing' };
  const below = (y: number) => y > line.y && y - line.y <= 2 * line.size;
  const overlap = (x1: number, x2: number) => Math.min(x2, line.right) - Math.max(x1, line.x);
  const rules = page.rules
    .filter((r) => r.y1 === r.y2 && below(r.y1) && overlap(r.x1, r.x2) > 0.3 * Math.min(r.x2 - r.x1, line.right - line.x))
    .sort((r, s) => r.y1 - s.y1);
  const r = rules[0];
  if (r) return { state: 'ok', span: { left: r.x1, right: r.x2, certain: true } };
  const typed = a.all.find((l) => l.page === line.page && below(l.y) && overlap(l.x, l.right) > 0 && TYPED.test(l.text.replace(/\s/g, '')));
  return { state: typed ? 'chars' : 'missing' };
}
