/** OOXML measures: twips (1/20 pt, 1/1440 inch), half-points for font sizes, eighths of a point for borders. */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const ptToTwip = (pt: number): number => Math.round(pt * 20);
export const ptToHalfPt = (pt: number): number => Math.round(pt * 2);
/** Line spacing for lineRule="auto" is in 240ths of a line. */
export const lineMultiple = (m: number): number => Math.round(m * 240);
