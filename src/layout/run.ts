import { BorderStyle, TextRun, type IBorderOptions } from 'docx';
import { ND30 } from './nd30.js';
import { ptToHalfPt } from './units.js';

/** Times New Roman on every font slot (ascii, hAnsi, cs, eastAsia), as ND30 and TCVN 6909 require. */
export const FONT = { ascii: ND30.font, hAnsi: ND30.font, cs: ND30.font, eastAsia: ND30.font } as const;

export interface RunStyle { sizePt: number; bold?: boolean; italic?: boolean }

/**
 * A run with its font, size and weight written directly as well as through its paragraph style: a checker
 * or a copy-paste into another document sees the ND30 values without resolving styles, while the named
 * styles still let a clerk restyle a whole part at once.
 */
export const run = (text: string, s: RunStyle): TextRun =>
  new TextRun({ text, font: FONT, size: ptToHalfPt(s.sizePt), bold: s.bold ?? false, italics: s.italic ?? false });

export const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
export const NO_BORDERS = {
  top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER,
};
export const CELL_NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
