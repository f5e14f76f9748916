import { AlignmentType, Paragraph } from 'docx';
import type { Signer } from '../schema/letter.js';
import { upperVi } from '../template/vn.js';
import { ND30 } from './nd30.js';
import { run } from './run.js';
import { mmToTwip } from './units.js';

/**
 * The signer's title lines, top to bottom (contract, "Signer block lines"):
 * TM. <on_behalf> · <authority>. <title> then <own_title> (KT, TL, TUQ) · Q. <title> · or just <title>.
 */
export function signerTitleLines(s: Signer): string[] {
  const lines: string[] = [];
  if (s.on_behalf) lines.push(`TM. ${s.on_behalf}`);
  if (s.authority) lines.push(`${s.authority}. ${s.title}`);
  else lines.push(s.title);
  if (s.own_title && s.authority && s.authority !== 'Q') lines.push(s.own_title);
  return lines.map(upperVi);
}

/** Title lines in bold capitals, room for signature and seal, then the name in bold, as written. */
export function signerBlock(titleLines: readonly string[], signerName: string): Paragraph[] {
  const g = ND30.signer;
  const titles = titleLines.map((line) =>
    new Paragraph({ style: 'SignerTitle', alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 0, after: 0 }, children: [run(line, { sizePt: g.sizePt, bold: true })] }),
  );
  const name = new Paragraph({
    style: 'SignerName',
    alignment: AlignmentType.CENTER,
    spacing: { before: mmToTwip(g.signatureSpaceMm), after: 0 },
    children: [run(signerName, { sizePt: g.sizePt, bold: true })],
  });
  return [...titles, name];
}
