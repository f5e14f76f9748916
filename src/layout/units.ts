/** Twips (1/20 pt, 1/1440 inch): the model's unit of length. */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const ptToTwip = (pt: number): number => Math.round(pt * 20);
export const twipToPt = (t: number): number => t / 20;
export const twipToMm = (t: number): number => (t * 25.4) / 1440;
