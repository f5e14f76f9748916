import { ND30 } from '../decree/nd30.js';
import type { Appendix, Column, InlineTable, Letter } from '../schema/letter.js';
import { issuerFullName } from '../template/agency.js';
import { formatAttachedRef, upperVi } from '../template/vn.js';
import type { BodyParagraph } from '../template/markup.js';
import { centred, para, rule } from './blocks.js';
import { bodyPara } from './body.js';
import { keepPhrases } from './fit.js';
import { pageOf, textWidthOf } from './geometry.js';
import type { Block, Cell, Para, Section, Table } from './model.js';
import { HOUSE } from './params.js';
import { mmToTwip, ptToTwip, twipToPt } from './units.js';
import { rowHeightPt } from './estimate.js';

/** Roman numerals for "Phụ lục I, II, …" (at most 20 appendices). */
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/** What an appendix's text looks like once the template's markup is read (paragraphs of bold/plain spans). */
export interface AppendixText {
  text: BodyParagraph[];
  note: BodyParagraph[];
  /** Each cell's spans, row by row, header row excluded. */
  cells: BodyParagraph[][];
}

/**
 * Each appendix (phụ lục) in a section of its own: a new page, portrait or landscape, page numbers restarting.
 * Its first lines, centred: "Phụ lục" (or "Phụ lục I", "II", … when there are several), the title in capitals, the
 * italic "(Kèm theo Công văn số … ngày … của …)" with the same blanks as the letter's header, a short rule.
 */
export function appendixSections(letter: Letter, texts: AppendixText[], today: Date): Section[] {
  const all = letter.appendices ?? [];
  return all.map((a, i) => {
    const landscape = a.landscape === true;
    const width = textWidthOf(landscape);
    const label = all.length > 1 ? `${ND30.appendix.heading.text} ${ROMAN[i]}` : ND30.appendix.heading.text;
    const t = texts[i]!;
    const blocks: Block[] = [
      ...heading(letter, a, label, width, today),
      ...t.text.map((p) => bodyPara(p)),
      ...(a.table && 'rows' in a.table ? [dataTable(a.table, t.cells, width)] : []),
      ...t.note.map((p, k) => (k === 0 && a.table ? { ...bodyPara(p), spaceBefore: ptToTwip(ND30.body.spaceAfterPt.value) } : bodyPara(p))),
    ];
    return { page: pageOf(landscape), pageNumber: { sizePt: ND30.pageNumber.sizePt.value }, blocks };
  });
}

function heading(letter: Letter, a: Appendix, label: string, width: number, today: Date): Block[] {
  const { heading: h, title, attachedTo } = ND30.appendix;
  const full = issuerFullName(letter.issuer) ?? letter.issuer.name;
  const ref = formatAttachedRef(ND30.appendix.docType, attachedTo.text, letter, full, today.getFullYear(), HOUSE.blankGap);
  return [
    centred('appendix-heading', label, { sizePt: h.sizePt.value, bold: true }),
    ...(a.title ? [centred('appendix-title', keepPhrases(upperVi(a.title), title.sizePt.value, true, twipToPt(width)), { sizePt: title.sizePt.value, bold: true })] : []),
    centred('appendix-ref', ref, { sizePt: attachedTo.sizePt.value, italic: true }),
    rule(width, (HOUSE.appendix.ruleMm * 72) / 25.4, { before: ptToTwip(HOUSE.appendix.spaceBeforeRulePt), after: ptToTwip(HOUSE.appendix.spaceAfterRulePt) }),
  ];
}

/** Column widths: given ones in mm, the rest share what is left of the text width equally. */
export function columnWidths(columns: readonly Pick<Column, 'width'>[], width: number): number[] {
  const free = columns.filter((c) => !c.width).length;
  const least = mmToTwip(HOUSE.table.freeColumnMinMm);
  let given = columns.map((c) => (c.width ? mmToTwip(c.width) : 0));
  const givenSum = given.reduce((s, w) => s + w, 0);
  // Given widths that leave the other columns less than their least width are scaled down to leave it.
  const room = width - free * least;
  if (free && givenSum > room) given = given.map((w) => Math.floor((w * Math.max(room, 0)) / givenSum));
  const rest = Math.max(0, width - given.reduce((s, w) => s + w, 0));
  const share = free ? Math.floor(rest / free) : 0;
  const widths = given.map((w) => w || share);
  // Given widths that add up to more (or less, with no free column) than the page: scaled to the text width.
  const sum = widths.reduce((s, w) => s + w, 0);
  return sum === width || sum === 0 ? widths : widths.map((w) => Math.floor((w * width) / sum));
}

/** Whether a text width is a landscape page's. */
const landscapeOf = (width: number): boolean => width > textWidthOf(false);

/** A bordered table: bold centred header row repeated on every page, 13 pt cells, alignment per column. */
function dataTable(table: InlineTable, cells: BodyParagraph[][], width: number): Table {
  const sizePt = HOUSE.tableCellPt;
  const m = HOUSE.table;
  const cell = (p: Para): Cell => ({ blocks: [p], valign: 'center' });
  const header = table.columns.map((c) => cell(centred('table-header', String(c.header), { sizePt, bold: true })));
  const rows = cells.map((row) => row.map((spans, k) => cell(para('table-cell', spans.map((s) => ({ text: s.text, sizePt, bold: s.bold, italic: false })), {
    align: table.columns[k]?.align === 'center' ? 'center' : table.columns[k]?.align === 'right' ? 'right' : 'left',
  }))));
  const columns = columnWidths(table.columns, width);
  const cellMargin = { top: ptToTwip(m.cellMarginVPt), bottom: ptToTwip(m.cellMarginVPt), left: mmToTwip(m.cellMarginMm), right: mmToTwip(m.cellMarginMm) };
  const all = [header, ...rows];
  // A row taller than half a page (a cell of many paragraphs) may split: kept whole, it would leave a page blank.
  const page = pageOf(landscapeOf(width));
  const half = twipToPt(page.height - page.margin.top - page.margin.bottom) / 2;
  const splitRows = all.flatMap((row, r) => (rowHeightPt(row, columns, twipToPt(cellMargin.top + cellMargin.bottom), cellMargin.left + cellMargin.right) > half ? [r] : []));
  return { kind: 'table', role: 'data', columns, borders: true, headerRows: 1, cellMargin, rows: all, ...(splitRows.length ? { splitRows } : {}) };
}
