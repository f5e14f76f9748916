import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { Letter } from '../schema/letter.js';
import { formatDateLine, formatNumberLine, upperVi } from '../template/vn.js';
import { CELL_MARGIN, HEADER_LEFT, HEADER_RIGHT, TEXT_WIDTH } from './geometry.js';
import { ND30 } from './nd30.js';
import { ruleLine } from './rule-line.js';
import { CELL_NO_BORDERS, NO_BORDERS, run } from './run.js';
import { textWidthPt } from './text-width.js';
import { ptToTwip } from './units.js';

/**
 * The header block of page 1: a borderless two-column table.
 *   row 1: cơ quan chủ quản / cơ quan ban hành + rule   |  Quốc hiệu / Tiêu ngữ + rule
 *   row 2: Số, ký hiệu / V/v trích yếu / dấu khẩn         |  địa danh, ngày tháng năm
 */
export interface HeaderView {
  parent: string[];
  issuer: string[];
  /** Length of the rule under the issuer, in points. */
  issuerRulePt: number;
  number: string;
  subject: string;
  urgency?: { text: string; boxPt: number };
  date: string;
}

/** Everything the header shows, with the widths that depend on the text already measured. */
export function headerView(letter: Letter, today: Date): HeaderView {
  const columnPt = (HEADER_LEFT - 2 * CELL_MARGIN) / 20;
  const issuer = breakAtLevel(linesOf(upperVi(letter.issuer.name)), columnPt);
  // A name that still does not fit wraps in the column, so the text is never wider than the column.
  const widest = Math.min(columnPt, Math.max(...issuer.map((l) => textWidthPt(l, ND30.issuer.sizePt, true))));
  const u = ND30.urgency;
  const urgency = letter.urgency ? upperVi(letter.urgency) : undefined;
  return {
    parent: letter.issuer.parent ? linesOf(upperVi(letter.issuer.parent)) : [],
    issuer,
    issuerRulePt: Math.round(widest * ND30.issuer.ruleFraction),
    number: formatNumberLine(letter.number, letter.symbol, ND30.number.blankGap),
    subject: `V/v ${letter.subject}`,
    ...(urgency ? { urgency: { text: urgency, boxPt: Math.round(textWidthPt(urgency, u.sizePt, true) + 4 * u.boxPaddingPt + 2) } } : {}),
    date: formatDateLine(letter.issuer.place, letter.date, today.getFullYear(), ND30.dateLine.blankGap),
  };
}

export function headerTable(v: HeaderView): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    borders: NO_BORDERS,
    rows: [
      new TableRow({ cantSplit: true, children: [cell(HEADER_LEFT, agencyBlock(v)), cell(HEADER_RIGHT, nationalBlock())] }),
      new TableRow({ cantSplit: true, children: [cell(HEADER_LEFT, numberBlock(v)), cell(HEADER_RIGHT, [dateLine(v.date)])] }),
    ],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: CELL_NO_BORDERS,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    verticalAlign: VerticalAlignTable.TOP,
    children,
  });
}

const centred = (style: string, text: string, s: { sizePt: number; bold?: boolean; italic?: boolean }, after = 0) =>
  new Paragraph({ style, alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children: [run(text, s)] });

/** Administrative levels before a place name: where offices break a long agency name onto a second line. */
const LEVEL = /(?<!THỊ)\s(?=(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s)/gu;

/**
 * "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG" written on one line does not fit the column; Word would break it after
 * "TỈNH". Offices break it before the level ("ỦY BAN NHÂN DÂN / TỈNH KIÊN GIANG"), so we do too. A name the
 * clerk broke by hand, or one that fits, is left alone.
 */
function breakAtLevel(lines: string[], columnPt: number): string[] {
  if (lines.length !== 1 || textWidthPt(lines[0]!, ND30.issuer.sizePt, true) <= columnPt) return lines;
  const line = lines[0]!;
  const cut = [...line.matchAll(LEVEL)].map((m) => m.index!).filter((i) => i > 0).pop();
  return cut === undefined ? lines : [line.slice(0, cut), line.slice(cut + 1)];
}

/** A value's own line breaks are kept ("ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG"). */
const linesOf = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** Cơ quan chủ quản (regular) above cơ quan ban hành (bold), then the rule: 1/3–1/2 of the text's width. */
function agencyBlock(v: HeaderView): Paragraph[] {
  return [
    ...v.parent.map((l) => centred('ParentAgency', l, { sizePt: ND30.parentAgency.sizePt })),
    ...v.issuer.map((l) => centred('Issuer', l, { sizePt: ND30.issuer.sizePt, bold: true })),
    ruleLine(HEADER_LEFT - 2 * CELL_MARGIN, v.issuerRulePt),
  ];
}

/** Quốc hiệu and Tiêu ngữ; the motto's rule is as long as the motto. */
function nationalBlock(): Paragraph[] {
  const motto = ND30.motto;
  return [
    centred('NationalTitle', ND30.nationalTitle.text, ND30.nationalTitle),
    centred('Motto', motto.text, motto),
    ruleLine(HEADER_RIGHT - 2 * CELL_MARGIN, textWidthPt(motto.text, motto.sizePt, motto.bold)),
  ];
}

/** "Số: 114/UBND-NCPC", the "V/v" subject centred under it, and the urgency box when the letter is urgent. */
function numberBlock(v: HeaderView): Paragraph[] {
  const number = centred('DocNumber', v.number, ND30.number);
  const subject = new Paragraph({
    style: 'Subject',
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: ptToTwip(ND30.subject.spaceAfterPt) },
    children: [run(v.subject, ND30.subject)],
  });
  return v.urgency ? [number, subject, urgencyBox(v.urgency)] : [number, subject];
}

/** Dấu chỉ mức độ khẩn: bold capitals in a single-line box, the box drawn as the paragraph's borders. */
function urgencyBox({ text, boxPt }: { text: string; boxPt: number }): Paragraph {
  const u = ND30.urgency;
  const boxTwips = ptToTwip(boxPt);
  const side = Math.max(0, Math.round((HEADER_LEFT - 2 * CELL_MARGIN - boxTwips) / 2));
  const line = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: u.boxPaddingPt };
  return new Paragraph({
    style: 'Urgency',
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: ptToTwip(6), after: 0 },
    border: { top: line, bottom: line, left: line, right: line },
    children: [run(text, { sizePt: u.sizePt, bold: true })],
  });
}

function dateLine(text: string): Paragraph {
  return centred('DateLine', text, { sizePt: ND30.dateLine.sizePt, italic: true });
}
