import { parseIsoDate } from '../schema/date.js';

/**
 * Vietnamese formatting of numbers and dates, as ND30 prescribes them. Pure functions: the layout and the
 * Handlebars helpers both use these, so the header's date line and the body's dates can never disagree.
 */

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Số văn bản: numbers below 10 get a leading zero ("05"). */
export const formatDocNumber = (n: number | string): string => {
  const v = Number(n);
  return v < 10 ? pad2(v) : String(v);
};

/** ND30 pads the day below 10 and the months January and February; months 3–12 are written bare. */
function dayMonth(iso: string): { d: string; m: string; y: string } {
  const p = parseIsoDate(iso);
  if (!p) throw new Error(`not a date: ${iso}`);
  return { d: pad2(p.day), m: p.month <= 2 ? pad2(p.month) : String(p.month), y: String(p.year) };
}

/** Body dates: "18/01/2017", "17/4/2018", "05/9/2016". */
export function formatBodyDate(iso: string): string {
  const { d, m, y } = dayMonth(iso);
  return `${d}/${m}/${y}`;
}

/** The header date line: "Kiên Giang, ngày 25 tháng 01 năm 2017"; blank form when no date. */
export function formatDateLine(place: string, iso: string | undefined, blankYear: number, gap: string): string {
  if (!iso) return `${place}, ngày${gap}tháng${gap}năm ${blankYear}`;
  const { d, m, y } = dayMonth(iso);
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** "Số: 114/UBND-NCPC", or the blank form "Số:      /UBND-NCPC" left for the Văn thư. */
export function formatNumberLine(num: number | string | undefined, symbol: string, gap: string): string {
  return num === undefined ? `Số:${gap}/${symbol}` : `Số: ${formatDocNumber(num)}/${symbol}`;
}

/** A cited document: "Báo cáo số 284/BC-ĐKT ngày 30/11/2020". */
export function formatDocRef(kind: string, ref: { number: number | string; symbol: string; date: string }): string {
  return `${kind} số ${formatDocNumber(ref.number)}/${ref.symbol} ngày ${formatBodyDate(ref.date)}`;
}

/** Uppercase the Vietnamese way (toLocaleUpperCase('vi') keeps đ → Đ and precomposed letters). */
export const upperVi = (s: string): string => s.toLocaleUpperCase('vi').normalize('NFC');

/** Strips the punctuation a clerk may have typed at the end of a list item; the layout adds its own. */
export const stripEndPunct = (s: string): string => s.trim().replace(/[\s.;,]+$/u, '');

/**
 * The "Kèm theo" line of an appendix: "(Kèm theo Công văn số 114/UBND-NCPC ngày 25 tháng 01 năm 2017 của Ủy ban
 * nhân dân tỉnh Kiên Giang)", with the same blanks as the header where the Văn thư is to write number or date.
 */
export function formatAttachedRef(
  docType: string, attached: string, letter: { number?: number | string; symbol: string; date?: string }, issuerFull: string, blankYear: number, gap: string,
): string {
  const number = letter.number === undefined ? `số${gap}/${letter.symbol}` : `số ${formatDocNumber(letter.number)}/${letter.symbol}`;
  let date: string;
  if (letter.date) {
    const { d, m, y } = dayMonth(letter.date);
    date = `ngày ${d} tháng ${m} năm ${y}`;
  } else date = `ngày${gap}tháng${gap}năm ${blankYear}`;
  return `(${attached} ${docType} ${number} ${date} của ${issuerFull})`;
}
