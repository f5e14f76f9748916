import { textWidthPt as widthOf } from '../metrics/times.js';

/**
 * Estimated printed width of one line of text in Times New Roman, in points (src/metrics). ND30 sizes some rules
 * by the text above them (the motto's rule is as long as the motto); Word cannot express "as long as the text",
 * so we compute it once here and write it as paragraph indents, which stay editable.
 */
export const textWidthPt = (text: string, sizePt: number, bold: boolean): number => widthOf(text, sizePt, { bold });
