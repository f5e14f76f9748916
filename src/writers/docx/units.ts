/** OOXML measures beyond twips: half-points for font sizes, 240ths of a line for "auto" line spacing. */
export const ptToHalfPt = (pt: number): number => Math.round(pt * 2);
export const lineMultiple = (m: number): number => Math.round(m * 240);
