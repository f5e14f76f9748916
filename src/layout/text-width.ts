import { BOLD, REGULAR } from './metrics.generated.js';

/** Width of a character we have no metric for: an average Times New Roman letter. */
const FALLBACK_EM = 0.5;

/**
 * Estimated printed width of one line of text in Times New Roman, in points. ND30 sizes some rules by the
 * text above them (the motto's rule is as long as the motto); Word cannot express "as long as the text",
 * so we compute it once here and write it as paragraph indents, which stay editable.
 */
export function textWidthPt(text: string, sizePt: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let thousandths = 0;
  for (const ch of text) thousandths += table[ch] ?? FALLBACK_EM * 1000;
  return (thousandths / 1000) * sizePt;
}
