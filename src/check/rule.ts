/**
 * A DOCX check, ESLint style: one module per check under ./rules, each with a stable English id, a one-line
 * Vietnamese doc, and a function from the modelled document to findings. The runner (./index.ts) adds the file
 * name, line/col 0 and the rule id.
 */
import { within, type Look, type Range } from '../decree/nd30.js';
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
  /** The clause of the decree it enforces (src/decree/nd30.ts CLAUSE), or what it guards when the decree is silent. */
  clause: string;
  check(ctx: Context): Finding[];
}

/** A check that reads only the parts of the letter, not the file's own structure: it runs on DOCX and PDF alike. */
export interface PartCheck {
  id: string;
  doc: string;
  clause: string;
  check(ctx: { a: Anatomy }): Finding[];
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

/** The decree's own words, after what is wrong: "… (Nghị định 30: “lề trái: cách mép trái từ 30 - 35 mm”)". */
export const decree = (says: string): string => ` (Nghị định 30: “${says}”)`;

/** A range the way the docs write it: "12–13", or "13" when the decree gives one value. */
export const span = (r: Range, digits = 1): string =>
  r.allowed[0] === r.allowed[1] ? vn(r.allowed[0], digits) : `${vn(r.allowed[0], digits)}–${vn(r.allowed[1], digits)}`;

/** "cỡ chữ 14 pt" when some printed run is outside the decree's range. */
export function sizeProblem(runs: readonly Run[], size: Range): string | undefined {
  const sizes = sizesOf(runs);
  if (sizes.every((s) => within(size, s))) return undefined;
  return `cỡ chữ ${sizes.map((s) => vn(s)).join(', ')} pt (phải ${span(size)} pt)`;
}

/** What a part must look like: the decree's size, weight and slant, and its words for them. */
export interface Want {
  size?: Range;
  /** true: bold; false: not bold; undefined: either. */
  bold?: boolean;
  italic?: boolean;
  says: string;
}

/** A part's look as the decree gives it; `over` relaxes what a check leaves to another rule. */
export const want = (look: Look, over: Partial<Want> = {}): Want => ({
  size: look.sizePt,
  bold: look.bold,
  italic: look.italic,
  says: look.sizePt.says,
  ...over,
});

/**
 * Findings for a part whose printed runs must have a given size, weight and slant. One finding per line at
 * most, listing every departure and quoting the decree, so a wrong part gives one message, not five.
 */
export function lookFindings(what: string, lines: readonly Line[], w: Want, where: (l: Line) => string): Finding[] {
  const out: Finding[] = [];
  for (const l of lines) {
    if (inked(l.runs).length === 0) continue;
    const bad: string[] = [];
    const size = w.size && sizeProblem(l.runs, w.size);
    if (size) bad.push(size);
    if (w.bold === true && !allBold(l.runs)) bad.push('phải in đậm');
    if (w.bold === false && inked(l.runs).some((r) => r.props.bold)) bad.push('không được in đậm');
    if (w.italic === true && !allItalic(l.runs)) bad.push('phải in nghiêng');
    if (w.italic === false && inked(l.runs).some((r) => r.props.italic)) bad.push('phải in đứng, không nghiêng');
    if (bad.length > 0) out.push(error(where(l), `${what}: ${bad.join('; ')}: ${quote(l.text)}${decree(w.says)}`));
  }
  return out;
}

/** `s` as a literal inside a regular expression. */
export const literal = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
