import type { Align, Para, Role, Rule, Run, Twips } from './model.js';
import { HOUSE } from './params.js';
import { ptToTwip } from './units.js';

/** The look of a run: size in points, bold, italic. */
export interface Look { sizePt: number; bold?: boolean; italic?: boolean }

export const run = (text: string, look: Look): Run => ({ text, sizePt: look.sizePt, bold: look.bold ?? false, italic: look.italic ?? false });

/** A paragraph of one part of the letter; no indent, no space and single line spacing unless given. */
export function para(role: Role, runs: Run[], o: {
  align?: Align; left?: Twips; right?: Twips; firstLine?: Twips; hanging?: Twips; before?: Twips; after?: Twips;
  lineMultiple?: number; keepNext?: boolean; box?: Para['box'];
} = {}): Para {
  const indent = Object.fromEntries(([['left', o.left], ['right', o.right], ['firstLine', o.firstLine], ['hanging', o.hanging]] as const).filter(([, v]) => v !== undefined));
  return {
    kind: 'para', role, runs,
    ...(o.align ? { align: o.align } : {}),
    ...(Object.keys(indent).length ? { indent } : {}),
    spaceBefore: o.before ?? 0, spaceAfter: o.after ?? 0,
    ...(o.lineMultiple !== undefined ? { lineMultiple: o.lineMultiple } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
    ...(o.box ? { box: o.box } : {}),
  };
}

/** One centred line in one look (the header's lines, the signer's lines, the appendix heading). */
export const centred = (role: Role, text: string, look: Look, after: Twips = 0): Para =>
  para(role, [run(text, look)], { align: 'center', after });

/** A solid rule of `lengthPt`, centred in `width` twips (never longer than it). */
export function rule(width: Twips, lengthPt: number, o: { before?: Twips; after?: Twips } = {}): Rule {
  return { kind: 'rule', length: Math.min(ptToTwip(lengthPt), width), width, strokeEighthsPt: HOUSE.rule.strokeEighthsPt, spaceBefore: o.before ?? 0, spaceAfter: o.after ?? 0 };
}
