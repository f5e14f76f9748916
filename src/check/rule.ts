/**
 * A DOCX check, ESLint style: one module per check under ./rules, each with a stable English id, a one-line
 * Vietnamese doc, and a function from the modelled document to findings. The runner (./index.ts) adds the file
 * name, line/col 0 and the rule id.
 */
import type { Severity } from '../problem.js';
import type { Anatomy } from './anatomy.js';
import { allBold, allItalic, inked, sizesOf, type DocModel, type Line, type Run } from './model.js';

export interface Finding {
  severity: Severity;
  message: string;
  path: string;
}

export interface Context {
  model: DocModel;
  a: Anatomy;
}

export interface Check {
  id: string;
  /** One line, Vietnamese. */
  doc: string;
  check(ctx: Context): Finding[];
}

export const error = (path: string, message: string): Finding => ({ severity: 'error', path, message });
export const warning = (path: string, message: string): Finding => ({ severity: 'warning', path, message });

/** The start of a text, in quotes, so a clerk can find the paragraph. */
export function quote(s: string, max = 40): string {
  const t = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max).trimEnd()}…` : t}”`;
}

/** A number the Vietnamese way: decimal comma, at most `digits` decimals. */
export function vn(n: number, digits = 1): string {
  return String(Number(n.toFixed(digits))).replace('.', ',');
}

export const twipToMm = (t: number): number => (t * 25.4) / 1440;
export const twipToCm = (t: number): number => (t * 2.54) / 1440;
export const twipToPt = (t: number): number => t / 20;

const DECREE = 'Nghị định 30 yêu cầu';

/** "cỡ chữ 14 pt, Nghị định 30 yêu cầu 12–13 pt" when some printed run is outside [lo, hi]. */
export function sizeProblem(runs: readonly Run[], lo: number, hi: number): string | undefined {
  const sizes = sizesOf(runs);
  if (sizes.every((s) => s >= lo && s <= hi)) return undefined;
  const want = lo === hi ? `${vn(lo)} pt` : `${vn(lo)}–${vn(hi)} pt`;
  return `cỡ chữ ${sizes.map((s) => vn(s)).join(', ')} pt, ${DECREE} ${want}`;
}

export interface Look {
  /** Allowed sizes in points. */
  size?: [number, number];
  bold?: boolean;
  italic?: boolean;
}

/**
 * Findings for a part whose printed runs must have a given size, weight and slant. One finding per line at
 * most, listing every departure, so a wrong part gives one message, not five.
 */
export function lookFindings(what: string, lines: readonly Line[], want: Look, where: (l: Line) => string): Finding[] {
  const out: Finding[] = [];
  for (const l of lines) {
    if (inked(l.runs).length === 0) continue;
    const bad: string[] = [];
    const size = want.size && sizeProblem(l.runs, want.size[0], want.size[1]);
    if (size) bad.push(size);
    if (want.bold === true && !allBold(l.runs)) bad.push('phải in đậm');
    if (want.bold === false && inked(l.runs).some((r) => r.props.bold)) bad.push('không được in đậm');
    if (want.italic === true && !allItalic(l.runs)) bad.push('phải in nghiêng');
    if (want.italic === false && inked(l.runs).some((r) => r.props.italic)) bad.push('phải in đứng, không nghiêng');
    if (bad.length > 0) out.push(error(where(l), `${what}: ${bad.join('; ')}: ${quote(l.text)}`));
  }
  return out;
}
