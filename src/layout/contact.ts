import { ND30 } from '../decree/nd30.js';
import type { Contact } from '../schema/letter.js';
import { para, rule, run } from './blocks.js';
import type { Block } from './model.js';
import { HOUSE } from './params.js';
import { ptToTwip } from './units.js';

/**
 * Ô 13, at the foot of the first page only: a solid rule as wide as the text, then "Địa chỉ: …; ĐT: …; Fax: …"
 * and "E-mail: …; Website: …" in 11 pt, centred. Lines with nothing to say are left out.
 */
export function contactFooter(contact: Contact | undefined, width: number): Block[] | undefined {
  if (!contact) return undefined;
  const c = ND30.contact;
  const part = (label: string, v: string | number | undefined) => (v === undefined ? [] : [`${label}: ${String(v).trim()}`]);
  const lines = [
    [...part(c.labels.address, contact.address), ...part(c.labels.phone, contact.phone), ...part(c.labels.fax, contact.fax)],
    [...part(c.labels.email, contact.email), ...part(c.labels.website, contact.website)],
  ].filter((l) => l.length).map((l) => l.join('; '));
  if (!lines.length) return undefined;
  return [
    rule(width, width / 20, { after: ptToTwip(HOUSE.contact.ruleSpaceAfterPt) }),
    ...lines.map((l) => para('contact', [run(l, { sizePt: c.sizePt.value })], { align: 'center' })),
  ];
}
