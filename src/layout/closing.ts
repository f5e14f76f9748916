import { Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type Paragraph } from 'docx';
import type { Letter } from '../schema/letter.js';
import { distributionBlock, distributionItems } from './distribution.js';
import { CELL_MARGIN, CLOSING_LEFT, CLOSING_RIGHT, TEXT_WIDTH } from './geometry.js';
import { ND30 } from './nd30.js';
import { CELL_NO_BORDERS, NO_BORDERS } from './run.js';
import { signerBlock, signerTitleLines } from './signer.js';
import { ptToTwip } from './units.js';

export interface ClosingView {
  /** Nơi nhận lines, punctuated ("- Như trên;" … "- Lưu: VT, SNV."). */
  distribution: string[];
  /** Signer title lines, uppercase (TM. …, KT. …, own title). */
  titles: string[];
  name: string;
}

export const closingView = (letter: Letter): ClosingView => ({
  distribution: distributionItems(letter.to.length > 0, letter.cc ?? [], letter.archive),
  titles: signerTitleLines(letter.signer),
  name: letter.signer.name,
});

/** Below the body: Nơi nhận on the left, level with the signer's first line on the right; borderless. */
export function closingTable(v: ClosingView): Table {
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA }, borders: CELL_NO_BORDERS, verticalAlign: VerticalAlignTable.TOP,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: ptToTwip(ND30.closingTable.spaceBeforePt), bottom: 0 }, children,
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [CLOSING_LEFT, CLOSING_RIGHT],
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(CLOSING_LEFT, distributionBlock(v.distribution)), cell(CLOSING_RIGHT, signerBlock(v.titles, v.name))] })],
  });
}
