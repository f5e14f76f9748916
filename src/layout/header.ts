import { ND30 } from '../decree/nd30.js';
import type { Letter } from '../schema/letter.js';
import { formatDateLine, formatNumberLine, upperVi } from '../template/vn.js';
import { centred, para, rule, run } from './blocks.js';
import { breakAnywhere, breakName, keepPhrases, type Broken } from './fit.js';
import { CELL_MARGIN, TEXT_WIDTH } from './geometry.js';
import { markBoxes } from './marks.js';
import type { Block, Cell, Para, Table } from './model.js';
import { HOUSE } from './params.js';
import { textWidthPt } from './text-width.js';
import { mmToTwip, ptToTwip, twipToPt } from './units.js';

/**
 * The header block of page 1: a borderless two-column table.
 *   row 1: cơ quan chủ quản / cơ quan ban hành + rule   |  Quốc hiệu / Tiêu ngữ + rule
 *   row 2: Số, ký hiệu / V/v trích yếu / marks           |  địa danh, ngày tháng năm
 * The columns are fitted to their text: the date line stays on one line (14 pt, else 13 pt, else a wider right
 * column), agency names break only between phrases (13 pt, else 12 pt), the left column widens for them within
 * what the Quốc hiệu leaves free.
 */
export interface HeaderFit {
  left: number;
  parent?: Broken;
  issuer: Broken;
  dateSizePt: number;
}

const DECREE = ND30;
const sizesOf = (r: { allowed: readonly [number, number]; value: number }): number[] => [r.value, ...(r.allowed[0] < r.value ? [r.allowed[0]] : [])];
const linesOf = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter(Boolean);
/** Room the text has in a column of `width` twips. */
const roomPt = (width: number): number => twipToPt(width - 2 * CELL_MARGIN);
const needTwips = (pt: number): number => ptToTwip(pt) + 2 * CELL_MARGIN + 20;

/** An agency name at its widest allowed size: the clerk's own line breaks are kept; else fitted. */
function fitName(text: string, sizes: number[], bold: boolean, widthPt: number): Broken {
  const own = linesOf(upperVi(text));
  if (own.length > 1) return { lines: own, sizePt: sizes[0]!, widthPt: Math.max(...own.map((l) => textWidthPt(l, sizes[0]!, bold))), cost: 0 };
  const line = own[0] ?? '';
  return breakName(line, sizes, bold, widthPt) ?? breakAnywhere(line, sizes, bold, widthPt)
    ?? { lines: [line], sizePt: sizes.at(-1)!, widthPt: textWidthPt(line, sizes.at(-1)!, bold), cost: Infinity };
}

export function fitHeader(letter: Letter, dateLine: string): HeaderFit {
  const h = HOUSE.headerTable;
  const national = needTwips(textWidthPt(DECREE.nationalTitle.text, DECREE.nationalTitle.sizePt.value, true));
  const date = (size: number) => needTwips(textWidthPt(dateLine, size, false));
  const [dateMax, dateMin] = [DECREE.dateLine.sizePt.value, DECREE.dateLine.sizePt.allowed[0]];
  // The right column needs room for the Quốc hiệu and, at worst, the date line at its smallest size.
  const leftMax = TEXT_WIDTH - Math.max(national, date(dateMin));
  const names = (left: number) => {
    const room = roomPt(left);
    const issuer = fitName(letter.issuer.name, sizesOf(DECREE.issuer.sizePt), true, room);
    const parent = letter.issuer.parent ? fitName(letter.issuer.parent, sizesOf(DECREE.parentAgency.sizePt), false, room) : undefined;
    return { issuer, parent };
  };
  const base = mmToTwip(h.leftMm);
  let left = base;
  let fitted = names(left);
  const wide = names(leftMax);
  if (widest(fitted) > roomPt(left) || rank(wide) < rank(fitted)) {
    // Widen the left column just enough for what the widest column allows (fewer lines, larger letters).
    left = Math.min(leftMax, Math.max(base, needTwips(widest(wide))));
    fitted = names(left);
  }
  // The date line on one line: its largest size that fits, else a wider right column.
  const dateSizePt = date(dateMax) <= TEXT_WIDTH - left ? dateMax : dateMin;
  if (date(dateSizePt) > TEXT_WIDTH - left) {
    left = Math.max(mmToTwip(h.leftMinMm), TEXT_WIDTH - date(dateSizePt));
    fitted = names(left);
  }
  return { left, ...fitted, dateSizePt };
}

type Names = { issuer: Broken; parent?: Broken };
const widest = (f: Names): number => Math.max(f.issuer.widthPt, f.parent?.widthPt ?? 0);
/** Lower is better: breaks between phrases, then fewer lines, then larger letters. */
const rank = (f: Names): number =>
  (f.issuer.cost + (f.parent?.cost ?? 0)) * 1e4 + (f.issuer.lines.length + (f.parent?.lines.length ?? 0)) * 100 - f.issuer.sizePt - (f.parent?.sizePt ?? 0);

export function headerBlock(letter: Letter, today: Date): Table {
  const dateLine = formatDateLine(letter.issuer.place, letter.date, today.getFullYear(), HOUSE.blankGap);
  const fit = fitHeader(letter, dateLine);
  const right = TEXT_WIDTH - fit.left;
  const cell = (blocks: Cell['blocks']): Cell => ({ blocks, valign: 'top' });
  return {
    kind: 'table', role: 'header', columns: [fit.left, right], borders: false, headerRows: 0,
    cellMargin: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    rows: [
      [cell(agencyBlock(fit)), cell(nationalBlock(right))],
      [cell(numberBlock(letter, fit)), cell([centred('date', dateLine, { sizePt: fit.dateSizePt, italic: true })])],
    ],
  };
}

/** Cơ quan chủ quản (regular) above cơ quan ban hành (bold), then the rule: 1/3–1/2 of the text's width. */
function agencyBlock(fit: HeaderFit): Block[] & Cell['blocks'] {
  const parent = (fit.parent?.lines ?? []).map((l) => centred('parent', l, { sizePt: fit.parent!.sizePt }));
  const issuer = fit.issuer.lines.map((l) => centred('issuer', l, { sizePt: fit.issuer.sizePt, bold: true }));
  const column = fit.left - 2 * CELL_MARGIN;
  const widest = Math.min(twipToPt(column), fit.issuer.widthPt);
  // Three lines or more on the left reach below the Tiêu ngữ's rule: a little space keeps the rule off "Số:".
  const after = parent.length + issuer.length >= 3 ? ptToTwip(HOUSE.subject.spaceAfterPt) : 0;
  return [...parent, ...issuer, rule(column, Math.round(widest * DECREE.issuer.ruleFraction.value), { after })];
}

/** Quốc hiệu and Tiêu ngữ; the motto's rule is as long as the motto. */
function nationalBlock(right: number): Cell['blocks'] {
  const { nationalTitle: n, motto: m } = DECREE;
  return [
    centred('national-title', n.text, { sizePt: n.sizePt.value, bold: true }),
    centred('motto', m.text, { sizePt: m.sizePt.value, bold: true }),
    rule(right - 2 * CELL_MARGIN, textWidthPt(m.text, m.sizePt.value, true) * m.ruleFraction.value),
  ];
}

/** "Số: 114/UBND-NCPC", the "V/v" subject centred under it, then the boxed marks (mật, khẩn, lưu hành). */
function numberBlock(letter: Letter, fit: HeaderFit): Para[] {
  const number = centred('number', formatNumberLine(letter.number, letter.symbol, HOUSE.blankGap), { sizePt: DECREE.number.sizePt.value });
  const size = DECREE.subject.sizePt.value;
  // Centred under the number, wrapped by Word: never one word alone on its last line, never a place split.
  const text = keepPhrases(`${DECREE.subject.prefix} ${letter.subject}`, size, false, roomPt(fit.left));
  const subject = para('subject', [run(text, { sizePt: size })], {
    align: 'center', after: ptToTwip(HOUSE.subject.spaceAfterPt),
  });
  return [number, subject, ...markBoxes(letter, fit.left - 2 * CELL_MARGIN)];
}
