import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { textNfc } from '../../rules/text-nfc.js';
import type { FieldKind } from '../../schema/fields.js';
import { LIMITS } from '../limits.js';
import { cleanText, findIllegalChar } from '../text.js';
import type { CellValue } from './grid.js';

dayjs.extend(customParseFormat);

/** A cell turned into a field's value, or why it cannot be; `warning` when the value is used but worth a word. */
export type Converted = { value: unknown; warning?: { message: string; rule: string } } | { problem: string; rule: string };

/**
 * One cell, as the field it fills needs it (contract v2, "Letters from a spreadsheet"): a list field one item
 * per line of the cell (Alt+Enter), findings one paragraph per line, a date from a date cell, dd/mm/yyyy text or
 * ISO text, a number from a number cell or digits, text as written. A formula has already become the result
 * Excel saved with it (xlsx.ts).
 */
export function convertCell(value: CellValue, kind: FieldKind): Converted {
  if (typeof value === 'object' && !(value instanceof Date)) return unusable(value);
  if (kind === 'date') return toDate(value);
  if (kind === 'number') return toNumber(value);
  const text = textOf(value);
  if ('problem' in text) return text;
  const warning = text.warning;
  if (kind === 'text') return { value: text.value, ...(warning ? { warning } : {}) };
  const lines = text.value.split('\n').map((l) => l.replace(BULLET, '').trim()).filter((l) => l !== '');
  return { value: kind === 'list' ? lines : lines.join('\n\n'), ...(warning ? { warning } : {}) };
}

/** A bullet typed at the start of a line of a list cell ("- ", "+ ", "• "): the letter numbers or dashes the list itself. */
const BULLET = /^\s*[-+•]\s+/;

function unusable(v: { error: string } | { formula: string }): Converted {
  if ('error' in v) return { problem: `ô đang báo lỗi ${v.error}; hãy sửa công thức hoặc giá trị trong Excel`, rule: 'sheet-cell' };
  return { problem: 'ô có công thức nhưng tệp không lưu kết quả tính (cchc không tự tính công thức); hãy mở tệp bằng Excel và lưu lại', rule: 'sheet-cell' };
}

/** A cell as text for a text field or a table: text cleaned (NFC…), a number as written, a date as dd/mm/yyyy. */
export function textOf(v: string | number | boolean | Date): { value: string; warning?: { message: string; rule: string } } | { problem: string; rule: string } {
  if (typeof v === 'number') return { value: numberText(v) };
  if (typeof v === 'boolean') return { value: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { value: dayjs(isoOf(v)).format('DD/MM/YYYY') };
  const bad = findIllegalChar(v);
  if (bad) return { problem: `có ký tự điều khiển ${bad} không được phép trong văn bản (thường do dán từ Word/PDF); hãy xóa nó`, rule: 'no-control-chars' };
  if (v.length > LIMITS.textChars) return { problem: `đoạn văn quá dài (${v.length} ký tự); giới hạn ${LIMITS.textChars} ký tự một ô`, rule: 'text-limit' };
  const value = cleanText(v).trim();
  return v === v.normalize('NFC') ? { value } : { value, warning: { message: textNfc.message(v), rule: textNfc.id } };
}

/** A number as a clerk wrote it: whole numbers plainly, others with a decimal comma (Vietnamese). */
const numberText = (n: number): string => (Number.isInteger(n) ? String(n) : String(n).replace('.', ','));

/** A date cell's calendar day. exceljs gives dates as UTC midnight (plus the time of day, if any). */
const isoOf = (d: Date): string => d.toISOString().slice(0, 10);

const DAY_FIRST = ['D/M/YYYY', 'DD/MM/YYYY', 'D/MM/YYYY', 'DD/M/YYYY'];
const LOOKS_LIKE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$|^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(v: string | number | boolean | Date): Converted {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { problem: 'ô ngày không đọc được', rule: 'sheet-cell' };
    return { value: isoOf(v) };
  }
  if (typeof v === 'number') {
    return { problem: `ô đang là số ${numberText(v)}, không phải ngày: hãy định dạng ô là Ngày (Date) hoặc gõ dạng dd/mm/yyyy`, rule: 'sheet-cell' };
  }
  const s = String(v).trim().replace(/\s*\/\s*/g, '/');
  const m = LOOKS_LIKE.exec(s);
  if (!m) return { problem: `"${v}" không phải ngày: hãy gõ dạng dd/mm/yyyy (ví dụ 30/11/2020) hoặc định dạng ô là Ngày`, rule: 'sheet-cell' };
  const d = m[4] ? dayjs(s, 'YYYY-MM-DD', true) : dayjs(s, DAY_FIRST, true);
  if (!d.isValid()) return { problem: `ngày "${v}" không có thật trên lịch (ngày/tháng/năm)`, rule: 'sheet-cell' };
  return { value: d.format('YYYY-MM-DD') };
}

function toNumber(v: string | number | boolean | Date): Converted {
  if (typeof v === 'number') {
    return Number.isInteger(v) ? { value: v } : { problem: `cần một số nguyên, nhưng ô đang là ${numberText(v)}`, rule: 'sheet-cell' };
  }
  const s = typeof v === 'string' ? v.trim() : '';
  if (/^\d{1,15}$/.test(s)) return { value: Number(s) };
  return { problem: `cần một số (chỉ gồm chữ số, ví dụ 18), nhưng ô đang là "${v instanceof Date ? isoOf(v) : String(v)}"`, rule: 'sheet-cell' };
}

/** A header or a table cell as the text it shows. */
export function shownText(v: CellValue): string {
  if (typeof v === 'object' && !(v instanceof Date)) return '';
  const t = textOf(v);
  return 'value' in t ? t.value : '';
}
