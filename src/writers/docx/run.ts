import { BorderStyle, TextRun, type IBorderOptions } from 'docx';
import { ND30 } from '../../decree/nd30.js';
import type { Run } from '../../layout/model.js';
import { ptToHalfPt } from './units.js';

/** Times New Roman on every font slot (ascii, hAnsi, cs, eastAsia), as ND30 and TCVN 6909 require. */
const F = ND30.font.family;
export const FONT = { ascii: F, hAnsi: F, cs: F, eastAsia: F } as const;

/**
 * A run with its font, size and weight written directly as well as through its paragraph style: a checker
 * or a copy-paste into another document sees the ND30 values without resolving styles, while the named
 * styles still let a clerk restyle a whole part at once.
 */
export const textRun = (r: Run): TextRun =>
  new TextRun({ text: r.text, font: FONT, size: ptToHalfPt(r.sizePt), bold: r.bold, italics: r.italic });

export const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
export const NO_BORDERS = {
  top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER,
};
export const CELL_NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
/** A visible single border (appendix tables): 0.5 pt, black. */
export const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const CELL_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE };
export const TABLE_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
