/**
 * How wide a line of Times New Roman prints, from the advance widths of Liberation Serif (metric-compatible:
 * same widths, so lines break at the same words). A neutral module: layout and check may both use it, and it
 * uses neither.
 */
import { BOLD, BOLD_ITALIC, ITALIC, REGULAR } from './times.generated.js';

/** Width of a character we have no metric for: an average Times New Roman letter, in thousandths of an em. */
const FALLBACK = 500;

export interface Style {
  bold?: boolean;
  italic?: boolean;
}

const table = (s: Style) => (s.bold ? (s.italic ? BOLD_ITALIC : BOLD) : s.italic ? ITALIC : REGULAR);

/** Printed width of `text` on one line at `sizePt`, in points (NFC text; tabs and no-break spaces count as a space). */
export function textWidthPt(text: string, sizePt: number, style: Style = {}): number {
  return emToPt(textEms(text, style), sizePt);
}

/**
 * The same width in thousandths of an em, a whole number: widths add up exactly, so a line measured piece by
 * piece (emToPt of the sum) is the very number textWidthPt gives for the whole line.
 */
export function textEms(text: string, style: Style = {}): number {
  const widths = table(style);
  let thousandths = 0;
  for (const ch of text) thousandths += widths[ch === '\t' || ch === '\u00a0' ? ' ' : ch] ?? FALLBACK;
  return thousandths;
}

/** The widest character of any style, in thousandths of an em: no word of n characters prints wider than n of it. */
export const WIDEST = Math.max(FALLBACK, ...[REGULAR, BOLD, ITALIC, BOLD_ITALIC].flatMap((t) => Object.values(t)));

export const emToPt = (thousandths: number, sizePt: number): number => (thousandths / 1000) * sizePt;
