import { ND30 } from '../decree/nd30.js';
import type { Letter, Signer } from '../schema/letter.js';
import { stripEndPunct, upperVi } from '../template/vn.js';
import { centred, para, run } from './blocks.js';
import { CELL_MARGIN, CLOSING_LEFT, CLOSING_RIGHT, pageOf } from './geometry.js';
import { rowHeightPt } from './estimate.js';
import type { Para, Table } from './model.js';
import { HOUSE } from './params.js';
import { mmToTwip, ptToTwip, twipToPt } from './units.js';

/**
 * Below the body: Nơi nhận on the left, level with the signer's first line on the right; a borderless table of
 * one row that never splits across pages.
 */
export function closingBlock(letter: Letter): Table {
  const cell = (blocks: Para[]) => ({ blocks, valign: 'top' as const });
  const columns = [CLOSING_LEFT, CLOSING_RIGHT];
  const cellMargin = { left: CELL_MARGIN, right: CELL_MARGIN, top: ptToTwip(HOUSE.closingTable.spaceBeforePt), bottom: 0 };
  const row = [cell(distributionBlock(distributionItems(letter))), cell(signerBlock(signerTitleLines(letter.signer), letter.signer.name))];
  // A Nơi nhận list longer than a page cannot stay on one: only then may the row split.
  const page = pageOf(false);
  const tall = rowHeightPt(row, columns, twipToPt(cellMargin.top), 2 * CELL_MARGIN) > twipToPt(page.height - page.margin.top - page.margin.bottom) * 0.9;
  return { kind: 'table', role: 'closing', columns, borders: false, headerRows: 0, cellMargin, rows: [row], ...(tall ? { splitRows: [0] } : {}) };
}


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
function signerBlock(titleLines: readonly string[], signerName: string): Para[] {
  const { title, name } = ND30.signer;
  const titles = titleLines.map((line) => ({ ...centred('signer-title', line, { sizePt: title.sizePt.value, bold: true }), keepNext: true }));
  const nameLine = para('signer-name', [run(signerName, { sizePt: name.sizePt.value, bold: true })], { align: 'center', before: mmToTwip(HOUSE.signer.signatureSpaceMm) });
  return [...titles, nameLine];
}

/** The Nơi nhận lines as text: "Như trên" first when there is a Kính gửi, ";" after each, "- Lưu: VT, ….". */
export function distributionItems(letter: Pick<Letter, 'to' | 'cc' | 'archive'>): string[] {
  const d = ND30.distribution;
  const hasTo = letter.to.length > 0;
  // A clerk who also typed "Như trên" in cc gets it once, first.
  const rest = (letter.cc ?? []).map(stripEndPunct).filter((c) => !(hasTo && c.toLocaleLowerCase('vi') === d.sameAsAbove.toLocaleLowerCase('vi')));
  const items = [...(hasTo ? [d.sameAsAbove] : []), ...rest];
  const archive = letter.archive;
  const keep = typeof archive === 'string' ? archive.trim().replace(/\.+$/u, '') : archive.map((a) => a.trim()).join(', ');
  return [...items.map((i) => `- ${i};`), `- ${d.archive}: ${keep}.`];
}

/** "Nơi nhận:" in bold italic 12 pt at the left margin, the items in 11 pt with a hanging dash. */
function distributionBlock(lines: readonly string[]): Para[] {
  const { label, item } = ND30.distribution;
  const hang = mmToTwip(HOUSE.distribution.hangingMm);
  return [
    para('distribution-label', [run(label.text, { sizePt: label.sizePt.value, bold: true, italic: true })]),
    ...lines.map((l) => para('distribution-item', [run(l, { sizePt: item.sizePt.value })], { left: hang, hanging: hang })),
  ];
}
