import { ND30 } from '../decree/nd30.js';
import type { Contact } from '../schema/letter.js';
import { para, rule, run } from './blocks.js';
import type { Block } from './model.js';
import { HOUSE } from './params.js';
import { textWidthPt } from './text-width.js';
import { ptToTwip } from './units.js';

/**
 * Ô 13, at the foot of the first page only: a solid rule as wide as the text, then "Địa chỉ: …; ĐT: …; Fax: …;
 * E-mail: …; Website: …" in 11 pt, centred, broken between parts (never inside one) where the width ends.
 */
export function contactFooter(contact: Contact | undefined, width: number): Block[] | undefined {
  if (!contact) return undefined;
  const c = ND30.contact;
  const size = c.sizePt.value;
  const parts = (['address', 'phone', 'fax', 'email', 'website'] as const)
    .filter((k) => contact[k] !== undefined)
    .map((k) => `${c.labels[k]}: ${String(contact[k]).trim()}`);
  if (!parts.length) return undefined;
  // As many parts on a line as fit the text width, in the contract's order.
  const lines: string[] = [];
  for (const part of parts) {
    const joined = lines.length ? `${lines.at(-1)!}; ${part}` : part;
    if (lines.length && textWidthPt(joined, size, false) * 20 <= width) lines[lines.length - 1] = joined;
    else lines.push(part);
  }
  return [
    rule(width, width / 20, { after: ptToTwip(HOUSE.contact.ruleSpaceAfterPt) }),
    ...lines.map((l) => para('contact', [run(l, { sizePt: size })], { align: 'center' })),
  ];
}
