import { CsvError, parse } from 'csv-parse/sync';
import type { Cell, Grid, GridRow, SheetFailure } from './grid.js';
import { isBlank } from './grid.js';

/**
 * A CSV file read into a Grid with csv-parse. UTF-8 with or without a BOM; comma or semicolon (Excel writes
 * semicolons where the list separator is ";", as on Vietnamese Windows), whichever splits the file into rows of
 * one width. Every value is text: dates and numbers are read from it like text typed in a workbook cell. A cell's
 * position is its record's first line and its field number (`file.csv:8:5`).
 */
export function readCsv(bytes: Uint8Array, file: string): Grid | SheetFailure {
  const text = decode(bytes);
  if (typeof text !== 'string') return text;
  let best: { records: Record[]; score: number } | undefined;
  for (const delimiter of [';', ',']) {
    const parsed = parseWith(text, delimiter);
    if ('failure' in parsed) { if (!best && delimiter === ',') return parsed; continue; }
    const score = steadiness(parsed);
    if (!best || score > best.score) best = { records: parsed, score };
  }
  return toGrid(best!.records, file);
}

interface Record { fields: string[]; line: number }

/** The text of a UTF-8 file, or why it is not one (UTF-16 from "Unicode Text", a legacy Vietnamese code page). */
function decode(b: Uint8Array): string | SheetFailure {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    return { failure: 'tệp CSV đang lưu dạng UTF-16 ("Unicode Text"); trong Excel hãy lưu bằng "CSV UTF-8 (Comma delimited)"', rule: 'encoding' };
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    return {
      failure: 'tệp CSV không phải UTF-8 (có thể là bảng mã Windows-1258, TCVN3 hoặc VNI cũ); trong Excel hãy lưu bằng "CSV UTF-8 (Comma delimited)"',
      rule: 'encoding',
    };
  }
}

function parseWith(text: string, delimiter: string): Record[] | SheetFailure {
  try {
    const out = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    const records: Record[] = [];
    let next = 1;
    for (const { record, info } of out) {
      // info.lines is the line the record ends on; it starts on the line after the previous one ended.
      records.push({ fields: record, line: next });
      next = info.lines + 1;
    }
    return records;
  } catch (e) {
    const line = e instanceof CsvError ? (e as CsvError & { lines?: number }).lines : undefined;
    const why = e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'có dấu ngoặc kép (") mở mà không đóng' : 'tệp CSV sai dạng';
    return { failure: `không đọc được tệp CSV: ${why}`, rule: 'sheet', ...(line ? { pos: { line, col: 1 } } : {}) };
  }
}

/** How many non-empty records have the width most of them have: the right delimiter makes them all alike. */
function steadiness(records: Record[]): number {
  const widths = new Map<number, number>();
  for (const r of records) if (r.fields.some((f) => f.trim() !== '')) widths.set(r.fields.length, (widths.get(r.fields.length) ?? 0) + 1);
  let best = 0;
  for (const [width, n] of widths) if (width > 1) best = Math.max(best, n * 1000 + width);
  return best;
}

function toGrid(records: Record[], file: string): Grid {
  const rows: GridRow[] = [];
  records.forEach((r, k) => {
    const cells = new Map<number, Cell>();
    r.fields.forEach((value, i) => { if (!isBlank(value)) cells.set(i + 1, { value, pos: { file, line: r.line, col: i + 1 } }); });
    if (cells.size) rows.push({ row: k + 1, cells, pos: { file, line: r.line, col: 1 } });
  });
  return { file, rows, titles: new Set() };
}
